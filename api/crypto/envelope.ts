import { createCipheriv, createDecipheriv, type KeyObject, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM, the one primitive of this module (node:crypto; AES and GCM are in CRYPTREC's
 * e-Government recommended ciphers list). A sealed value is iv (12 bytes) | ciphertext | tag
 * (16 bytes); `aad` binds it to its purpose (a data key to its id, a value to its format version),
 * so it cannot be moved to another place and still open.
 */
const IV = 12;
const TAG = 16;

export function seal(key: Buffer | KeyObject, plain: Buffer, aad: string): Buffer {
  const iv = randomBytes(IV);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]);
}

// Data keys are held as KeyObjects (createSecretKey): opening a value then skips importing the key
// material on every call — about a quarter of the cost of opening a short value here.
/** Throws when the key is wrong or the value was changed (GCM authentication). */
export function open(key: Buffer | KeyObject, sealed: Buffer, aad: string): Buffer {
  if (sealed.length < IV + TAG) throw new Error('sealed value too short');
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG));
  return Buffer.concat([decipher.update(sealed.subarray(IV, sealed.length - TAG)), decipher.final()]);
}
