import { randomInt } from 'node:crypto';

// Crockford-style alphabet without 0/O, 1/I/L, U: easy to read aloud over the phone.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A reference number the family can quote, e.g. K7Q2-9M4X (30^8 ≈ 6.6e11 values). */
export function newReferenceNumber(): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return `${s.slice(0, 4)}-${s.slice(4)}`;
}

/** What people type back: lower case, full-width, missing hyphen all match. */
export function normalizeReferenceNumber(value: string): string {
  const s = value
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '');
  return s.length === 8 ? `${s.slice(0, 4)}-${s.slice(4)}` : s;
}
