/**
 * Input normalisation for what people type on Japanese phones and PCs: full-width digits and
 * letters, the many dash characters an IME produces, and hiragana/katakana variants of names.
 */

// Every character an IME or a copy-paste may produce for a hyphen or a long dash.
const DASHES = /[\u2010-\u2015\u2212\u30FC\uFF0D\uFF70\u2043\uFE58\uFE63-]/g;

/** NFKC folds full-width ASCII (０-９, Ａ-Ｚ, ＠) to half-width. */
export function toHalfWidth(value: string): string {
  return value.normalize('NFKC');
}

/** ０９０−１２３４−５６７８ → 090-1234-5678; spaces removed. Returns null when nothing is left. */
export function normalizePhone(value: string): string {
  return toHalfWidth(value)
    .replace(DASHES, '-')
    .replace(/[\s()（）]/g, '');
}

/** １２３−４５６７ / 1234567 → 123-4567. */
export function normalizePostalCode(value: string): string {
  const digits = toHalfWidth(value)
    .replace(DASHES, '')
    .replace(/[\s〒]/g, '');
  return /^\d{7}$/.test(digits) ? `${digits.slice(0, 3)}-${digits.slice(3)}` : digits;
}

/** Half-width katakana and hiragana → full-width katakana, spaces folded; for storing kana names. */
export function normalizeKana(value: string): string {
  return hiraganaToKatakana(value.normalize('NFKC'))
    .replace(/[\s\u3000]+/g, ' ')
    .trim();
}

export function hiraganaToKatakana(value: string): string {
  return value.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}

/** Katakana (with the long-vowel mark, middle dot and spaces) after normalisation. */
export function isKana(value: string): boolean {
  return /^[\u30A1-\u30FA\u30FC\u30FB\s]+$/.test(value);
}

/**
 * The form names are searched in: NFKC, katakana, no spaces, lower case. Applied to stored names
 * and to the query alike, so "やまだ", "ﾔﾏﾀﾞ" and "ヤマダ" find the same person.
 */
export function searchKey(value: string): string {
  return hiraganaToKatakana(value.normalize('NFKC'))
    .replace(/[\s\u3000・]+/g, '')
    .toLowerCase();
}

export function normalizeText(value: string): string {
  return value.normalize('NFC').trim();
}

/** A loop, not /\/+$/: that pattern is quadratic on a long run of slashes (test/limits/regex-linear). */
export function withoutTrailingSlashes(text: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === '/') end--;
  return text.slice(0, end);
}
