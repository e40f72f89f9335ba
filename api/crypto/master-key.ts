import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The file that holds the master key in embedded mode when ENCRYPTION_KEY is not set. */
export const EMBEDDED_KEY_FILE = 'encryption-key';

/**
 * A master key from configuration: 32 random bytes, written as 64 hex digits or as base64 (44
 * characters). The message names the variable and the expected form, never the value.
 */
export function parseMasterKey(text: string, variable = 'ENCRYPTION_KEY'): Buffer {
  const t = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(t) ? Buffer.from(t, 'hex') : /^[A-Za-z0-9+/_-]{43}=?$/.test(t) ? Buffer.from(t, 'base64') : null;
  if (!key || key.length !== 32) {
    throw new Error(`${variable} must be 32 random bytes as 64 hex digits or base64 (e.g. the output of: openssl rand -hex 32).`);
  }
  return key;
}

/** A new master key in the form parseMasterKey reads. */
export function newMasterKeyText(): string {
  return randomBytes(32).toString('hex');
}

/**
 * Which master key wrapped a data key: a keyed fingerprint (not the key, not reversible), stored with
 * each wrapped data key so that a wrong ENCRYPTION_KEY is named as such instead of failing obscurely.
 */
export function masterKeyId(master: Buffer): string {
  return createHmac('sha256', master).update('yorisoi:master-key-id').digest('hex').slice(0, 16);
}

/**
 * Embedded mode without ENCRYPTION_KEY: the key is generated once into the data folder (0600), as the
 * signing secret is. It then sits beside the database files, so it protects copies of the database
 * made without the folder's key file (README: Encryption at rest) — set ENCRYPTION_KEY to keep it apart.
 */
export function embeddedMasterKeyText(dataDir: string): string {
  const file = join(dataDir, EMBEDDED_KEY_FILE);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, newMasterKeyText(), { mode: 0o600, flag: 'wx' });
  }
  return readFileSync(file, 'utf8').trim();
}
