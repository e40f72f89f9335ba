import { createHash, randomBytes } from 'node:crypto';
import { generateSecret, generateSync, generateURI, verifySync } from 'otplib';

/** RFC 6238 defaults that every authenticator app understands: SHA-1, 6 digits, 30 seconds. */
const PERIOD = 30;
export const RECOVERY_CODE_COUNT = 10;
const ISSUER = 'Yorisoi';

export function newTotpSecret(): string {
  return generateSecret();
}

/** The otpauth:// URI an authenticator app reads (as text, or as the QR code the console draws). */
export function otpauthUri(secret: string, account: string, municipalityName: string): string {
  return generateURI({ issuer: `${ISSUER} ${municipalityName}`, label: account, secret, period: PERIOD });
}

/** The current code (tests, and nothing else: the server never needs to produce one). */
export function currentTotp(secret: string, at = Date.now()): string {
  return generateSync({ secret, epoch: Math.floor(at / 1000) });
}

/**
 * The time step a code matches (one step of clock drift either way), or null. A step at or before
 * `lastStep` is refused: a code seen once (over a shoulder, in a proxy log) never signs in again.
 */
export function acceptedTotpStep(secret: string, code: string, lastStep: number | null, at = Date.now()): number | null {
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  try {
    const r = verifySync({ secret, token, epoch: Math.floor(at / 1000), epochTolerance: PERIOD, ...(lastStep != null ? { afterTimeStep: lastStep } : {}) });
    // The union type includes HOTP's result (no time step); a TOTP verification carries timeStep.
    return r.valid ? ((r as { timeStep?: number }).timeStep ?? null) : null;
  } catch {
    return null;
  }
}

const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Ten codes of 10 characters (about 49 bits each) shown once, like "k7mw-p3xq-9d"; only their hashes are kept. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = randomBytes(10);
    const chars = [...bytes].map((b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
  });
}

/** Hash of a recovery code as typed: case, spaces and hyphens do not matter. */
export function recoveryCodeHash(code: string): string {
  return createHash('sha256').update(code.toLowerCase().replace(/[\s-]/g, '')).digest('hex');
}

/** Whether the text looks like a recovery code rather than a 6-digit TOTP code. */
export function looksLikeRecoveryCode(code: string): boolean {
  return code.replace(/[\s-]/g, '').length === 10;
}
