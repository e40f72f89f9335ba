/**
 * The console's one search box: what a caseworker types is a reference number, a phone number or
 * e-mail address, a birth date, or part of a name or kana. Each goes to the API filter that matches it
 * exactly (`referenceNumber`, `contact`, `birthDate`, `name`), so the server's visibility and section
 * rules apply as for any other search. Every pattern here is anchored and without nested repetition.
 */
export type SearchField = 'referenceNumber' | 'contact' | 'birthDate' | 'name';

// Reference numbers use an alphabet without 0/O, 1/I/L, U (api/record/reference-number.ts).
const REFERENCE = /^[2-9A-HJKMNP-TV-Z]{4}-?[2-9A-HJKMNP-TV-Z]{4}$/;
const DASHES = /[\u2010-\u2015\u2212\u30FC\uFF0D\uFF70-]/g;
const PHONE = /^0\d{9,10}$/;
const DATE = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/;

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d && y >= 1900;
}

/** What the text is, and the value to send; null for empty text. */
export function classifySearch(text: string): { field: SearchField; value: string } | null {
  const raw = text.normalize('NFKC').trim();
  if (!raw) return null;
  const compact = raw.replace(/\s+/g, '');
  const upper = compact.replace(DASHES, '-').toUpperCase();
  if (REFERENCE.test(upper) && /\d/.test(upper)) return { field: 'referenceNumber', value: upper };
  if (compact.includes('@')) return { field: 'contact', value: compact };
  const digits = compact.replace(DASHES, '').replace(/[()（）]/g, '');
  if (PHONE.test(digits)) return { field: 'contact', value: digits };
  const date = DATE.exec(compact);
  if (date) {
    const [y, m, d] = [Number(date[1]), Number(date[2]), Number(date[3])];
    if (isRealDate(y, m, d)) return { field: 'birthDate', value: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
  }
  return { field: 'name', value: raw };
}
