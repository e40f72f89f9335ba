import { createHmac, createSecretKey, type KeyObject, randomBytes, randomUUID } from 'node:crypto';
import { open, seal } from './envelope';
import { masterKeyId } from './master-key';
import { DataKeyPurpose } from './data-key.entity';

/** Runs one statement with `?` parameters and returns its rows (an EntityManager, a migration, a pg client…). */
export type RunSql = (sql: string, params?: unknown[]) => Promise<Record<string, any>[]>;

/** The prefix of every sealed field value: format version 1. */
export const SEALED_PREFIX = 'enc1:';
const VALUE_AAD = 'yorisoi:enc1';
const wrapAad = (id: string, purpose: string) => `yorisoi:data-key:${id}:${purpose}`;

/**
 * Unwrapped data keys by id, for the whole process. Opening a value needs only its key id (written in
 * the value), so reads — entity hydration, the raw read path, change comparison — need no context.
 * Ids are random UUIDs: databases opened side by side in one process (tests) cannot collide.
 */
const OPEN_KEYS = new Map<string, KeyObject>();

export class KeysNotLoadedError extends Error {}

/**
 * The data keys of one database, unwrapped with the master key in memory. `load` runs once at start
 * (after migrations) and again when another process announces new data keys (change feed `data-keys`).
 */
export class Keyring {
  private active: { id: string; key: KeyObject } | null = null;
  private searchKey: Buffer | null = null;
  readonly masterId: string;

  constructor(private readonly master: Buffer) {
    this.masterId = masterKeyId(master);
  }

  get loaded(): boolean {
    return this.active !== null && this.searchKey !== null;
  }

  /** Reads and unwraps every data key; creates the first ones on a database that has none. */
  async load(run: RunSql): Promise<void> {
    let rows = await run('select id, purpose, wrapped, master_key_id, active from data_key order by created_at');
    if (!rows.some((r) => r.purpose === DataKeyPurpose.DATA) || !rows.some((r) => r.purpose === DataKeyPurpose.SEARCH)) {
      for (const purpose of [DataKeyPurpose.DATA, DataKeyPurpose.SEARCH]) {
        if (rows.some((r) => r.purpose === purpose)) continue;
        const id = randomUUID();
        await run('insert into data_key (id, purpose, wrapped, master_key_id, active, created_at) values (?, ?, ?, ?, true, now())', [
          id,
          purpose,
          this.wrap(id, purpose, randomBytes(32)),
          this.masterId,
        ]);
      }
      rows = await run('select id, purpose, wrapped, master_key_id, active from data_key order by created_at');
    }
    for (const r of rows) {
      const raw = this.unwrap(r.id, r.purpose, r.wrapped, r.master_key_id);
      const key = createSecretKey(raw);
      OPEN_KEYS.set(r.id, key);
      if (r.purpose === DataKeyPurpose.DATA && r.active) this.active = { id: r.id, key };
      if (r.purpose === DataKeyPurpose.SEARCH) this.searchKey = raw;
    }
    if (!this.active) throw new Error('data_key has no active data key');
  }

  wrap(id: string, purpose: string, key: Buffer): string {
    return seal(this.master, key, wrapAad(id, purpose)).toString('base64');
  }

  unwrap(id: string, purpose: string, wrapped: string, wrappedBy: string): Buffer {
    if (wrappedBy !== this.masterId) {
      throw new Error(
        'ENCRYPTION_KEY is not the key the data keys were wrapped with (data_key.master_key_id differs). Use the key of this database, or finish a rotation (npm run keys:rotate).',
      );
    }
    try {
      return open(this.master, Buffer.from(wrapped, 'base64'), wrapAad(id, purpose));
    } catch {
      throw new Error(`data key ${id} does not open with ENCRYPTION_KEY (changed or damaged).`);
    }
  }

  /** Seals a value with the active data key: `enc1:<key id>:<base64>` (random IV: equal values differ). */
  encrypt(plain: string): string {
    if (!this.active) throw new KeysNotLoadedError('encryption keys are not loaded (run the migrations first)');
    return `${SEALED_PREFIX}${this.active.id}:${seal(this.active.key, Buffer.from(plain, 'utf8'), VALUE_AAD).toString('base64')}`;
  }

  /**
   * The keyed hash (HMAC-SHA-256) of a searchable value, in a domain (`phone`, `email`…) so equal text
   * in two fields does not match. Exact match only; the value is normalised by the caller.
   */
  hash(domain: string, value: string): string {
    if (!this.searchKey) throw new KeysNotLoadedError('encryption keys are not loaded (run the migrations first)');
    return createHmac('sha256', this.searchKey).update(`${domain}\u0000${value}`).digest('hex');
  }
}

export function isSealed(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(SEALED_PREFIX);
}

/**
 * Opens a sealed value. A value without the prefix is returned as it is: rows written before the
 * encryption migration ran are encrypted by it, and test/crypto checks no plaintext remains.
 */
export function decrypt(stored: string): string {
  if (!isSealed(stored)) return stored;
  const rest = stored.slice(SEALED_PREFIX.length);
  const colon = rest.indexOf(':');
  const key = OPEN_KEYS.get(rest.slice(0, colon));
  if (!key) throw new KeysNotLoadedError(`data key ${rest.slice(0, colon)} is not loaded`);
  return open(key, Buffer.from(rest.slice(colon + 1), 'base64'), VALUE_AAD).toString('utf8');
}

/** Tests only: forget every opened data key, as a new process would start. */
export function forgetOpenKeysForTests(): void {
  OPEN_KEYS.clear();
}

/** Keyrings by ORM platform (one per opened database), for code that holds an EntityManager. */
const KEYRINGS = new WeakMap<object, Keyring>();

export function attachKeyring(platform: object, keyring: Keyring): void {
  KEYRINGS.set(platform, keyring);
}

export function keyringOf(platform: object): Keyring {
  const k = KEYRINGS.get(platform);
  if (!k) throw new KeysNotLoadedError('no keyring for this database (openOrm attaches one)');
  return k;
}
