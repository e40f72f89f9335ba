import argon2 from 'argon2';

/** Argon2id with the library's defaults (m=64 MiB, t=3, p=4). */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export function verifyPassword(hash: string, password: string): Promise<boolean> {
  return argon2.verify(hash, password).catch(() => false);
}

/** Verified against when the e-mail is unknown, so both paths take the same time. */
export const DUMMY_HASH = '$argon2id$v=19$m=65536,t=3,p=4$p1S3AZ9TjqrvJU2Htm/Puw$QW9JrHmYyRYP7IPScls57h/jItzTbvpCdliddLJv88s';
