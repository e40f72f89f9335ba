/**
 * Masks personal data in chat text before it is stored: what people type into a public chat must
 * not end up in the database. The text is NFKC-normalised first (full-width digits and letters), and
 * every dash an IME produces between digits counts as a hyphen.
 *
 *   '０９０ー１２３４ー５６７８に電話して' → '〔電話番号〕に電話して'
 */

export const MASKS = {
  email: '〔メールアドレス〕',
  myNumber: '〔マイナンバー〕',
  phone: '〔電話番号〕',
  postalCode: '〔郵便番号〕',
  address: '〔住所〕',
} as const;

// Hyphen-like characters (including the katakana long-vowel mark people type between digits).
const DASH = '[-\\u2010-\\u2015\\u2212\\u30FC\\uFF0D\\uFF70\\uFE58\\uFE63]';
const SEP = `(?:\\s?${DASH}\\s?|\\s)?`;
const KANJI_DIGIT = '[0-9０-９一二三四五六七八九十〇]';
const PLACE = '[\\p{Script=Han}\\p{Script=Katakana}ー々ヶ]';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
/** 12 digits, in groups of 4 or not, separated by spaces or hyphens. */
const MY_NUMBER = new RegExp(`(?<!\\d)\\d{4}${SEP}\\d{4}${SEP}\\d{4}(?!\\d)`, 'g');
/** Japanese phone numbers: 0 + 9 or 10 more digits, in any grouping, or +81; also (03)1234-5678. */
const PHONE = new RegExp(`(?<![\\d#])(?:\\+81${SEP}\\(?0?\\)?|\\(?0)\\d{0,4}\\)?(?:${SEP}\\d{1,4}){1,3}(?!\\d)`, 'g');
const POSTAL = new RegExp(`〒\\s*\\d{3}${SEP}\\d{4}(?!\\d)|(?<![\\d-])\\d{3}${DASH}\\d{4}(?![\\d-])`, 'g');
/** A place name followed by 丁目/番地/番/号, or by 1-2-3 after 町/丁目/村/区/市. */
const ADDRESS = new RegExp(
  [
    `${PLACE}*${KANJI_DIGIT}+\\s*丁目(?:\\s*${KANJI_DIGIT}+\\s*(?:番地?|${DASH}))?(?:\\s*${KANJI_DIGIT}+\\s*号?)?`,
    `${PLACE}*${KANJI_DIGIT}+\\s*番地(?:\\s*${KANJI_DIGIT}+\\s*号)?`,
    `${PLACE}*\\d+\\s*番\\s*\\d+\\s*号?`,
    `${PLACE}*[町村区市目]\\s*\\d+(?:${DASH}\\d+){1,2}(?!\\d)`,
  ].join('|'),
  'gu',
);

function digitCount(s: string): number {
  return s.replace(/\D/g, '').length;
}

/** The text with e-mail addresses, My Numbers, phone numbers, postal codes and street addresses replaced. */
export function maskPersonalData(text: string): string {
  let s = text.normalize('NFKC');
  s = s.replace(EMAIL, MASKS.email);
  s = s.replace(MY_NUMBER, MASKS.myNumber);
  s = s.replace(PHONE, (m) => {
    const n = digitCount(m.replace(/^\+81/, '0'));
    return n >= 10 && n <= 11 ? MASKS.phone : m;
  });
  s = s.replace(POSTAL, MASKS.postalCode);
  s = s.replace(ADDRESS, MASKS.address);
  return s;
}
