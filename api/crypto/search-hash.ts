import { toHalfWidth } from '../core';
import type { Keyring } from './keyring';

/**
 * Exact-match search over encrypted contact details: the record keeps a keyed hash (HMAC with the
 * search data key) of its phone number and its e-mail address, normalised so that the ways people
 * write the same number or address match. Without the key the hashes say nothing (no dictionary of
 * phone numbers can be hashed against them); with it, they answer only "is this exact value there".
 */
export function phoneSearchForm(value: string): string {
  return toHalfWidth(value).replace(/\D/g, '');
}

export function emailSearchForm(value: string): string {
  return value.normalize('NFKC').trim().toLowerCase();
}

export interface ContactHashes {
  phoneHash: string | null;
  emailHash: string | null;
}

/** The hashes to store for a record's contact section (null when the field is empty). */
export function contactHashes(keyring: Keyring, contact: { phone?: string | null; email?: string | null }): ContactHashes {
  const phone = contact.phone ? phoneSearchForm(contact.phone) : '';
  const email = contact.email ? emailSearchForm(contact.email) : '';
  return { phoneHash: phone ? keyring.hash('phone', phone) : null, emailHash: email ? keyring.hash('email', email) : null };
}

/**
 * What a search term is compared with: a term with `@` is an e-mail address, one with 10 or 11 digits a
 * phone number; anything else matches nothing (null), rather than guessing.
 */
export function contactTermHash(keyring: Keyring, term: string): { column: 'phone' | 'email'; hash: string } | null {
  if (term.includes('@')) {
    const e = emailSearchForm(term);
    return e ? { column: 'email', hash: keyring.hash('email', e) } : null;
  }
  const digits = phoneSearchForm(term);
  return /^0\d{9,10}$/.test(digits) ? { column: 'phone', hash: keyring.hash('phone', digits) } : null;
}
