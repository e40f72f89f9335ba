/**
 * No My Number (個人番号) is ever asked or stored (番号法 19–20: collecting or keeping another's 個人番号
 * outside the 個人番号利用事務 is forbidden, and Yorisoi is not such a system). Any answer holding what
 * looks like one — 12 digits whose last is the check digit of the other eleven — is refused before it
 * is parsed or saved. A 12-digit number that fails the check digit is not a 個人番号 and is left to the
 * field's own rules (free text keeps it; no number field of any procedure can hold 12 digits).
 *
 * Digits may be full-width (１２３４) and grouped with spaces or hyphens (1234 5678 9012), as people
 * write them. The scan is a single pass by hand, no regex, so it stays linear on any input.
 */

/** The check digit of the 11 leading digits (個人番号の検査用数字, 総務省令第85号 第5条). */
export function myNumberCheckDigit(eleven: string): number {
  let sum = 0;
  // P_n is the n-th digit counted from the right of the eleven; Q_n = n+1 for n ≤ 6, n−5 for n ≥ 7.
  for (let n = 1; n <= 11; n++) {
    const p = eleven.charCodeAt(11 - n) - 48;
    const q = n <= 6 ? n + 1 : n - 5;
    sum += p * q;
  }
  const r = sum % 11;
  return r <= 1 ? 0 : 11 - r;
}

/** Exactly 12 ASCII digits with a valid check digit. */
export function isValidMyNumber(digits: string): boolean {
  if (digits.length !== 12) return false;
  for (let i = 0; i < 12; i++) {
    const c = digits.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return myNumberCheckDigit(digits.slice(0, 11)) === digits.charCodeAt(11) - 48;
}

function digitAt(s: string, i: number): string | null {
  const c = s.charCodeAt(i);
  if (c >= 48 && c <= 57) return s[i]!;
  if (c >= 0xff10 && c <= 0xff19) return String.fromCharCode(c - 0xff10 + 48);
  return null;
}

// Characters people put between groups of digits: spaces (also full-width) and the hyphens and dashes
// of Japanese input methods.
const SEPARATORS = new Set([' ', '\u3000', '-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2212', '\uff0d', '\u30fc', '.', '\uff0e']);

/**
 * True when the text holds a valid 個人番号 as one number: a run of digits, optionally grouped by single
 * separators, of exactly 12 digits with a valid check digit. A longer run is a different number (an
 * account, a card), so only runs of exactly 12 digits count.
 */
export function containsMyNumber(text: string): boolean {
  let digits = '';
  let i = 0;
  const flush = (): boolean => {
    const hit = isValidMyNumber(digits);
    digits = '';
    return hit;
  };
  while (i < text.length) {
    const d = digitAt(text, i);
    if (d !== null) {
      digits += d;
      // A run that has grown past 12 digits can no longer be one; keep scanning to its end cheaply.
      if (digits.length > 13) digits = digits.slice(0, 13);
      i++;
      continue;
    }
    // One separator between two digits keeps the run together; anything else ends it.
    if (digits.length > 0 && SEPARATORS.has(text[i]!) && i + 1 < text.length && digitAt(text, i + 1) !== null) {
      i++;
      continue;
    }
    if (flush()) return true;
    i++;
  }
  return flush();
}
