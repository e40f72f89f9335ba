/**
 * Masks personal data in chat text before it is stored: what people type into a public chat must
 * not end up in the database. The text is NFKC-normalised first (full-width digits and letters), and
 * every dash an IME produces between digits counts as a hyphen.
 *
 *   '０９０ー１２３４ー５６７８に電話して' → '〔電話番号〕に電話して'
 *   '住所は千代田区千代田1-1-1です'        → '住所は〔住所〕です'
 *
 * Linear time (issue 14, finding 1: the old address pattern `PLACE*KANJI_DIGIT+` took 23 s on one
 * 2,000-character message, because the digit set lay inside the place set). Every pattern here is
 * built so the work per starting position has a small fixed bound: only bounded quantifiers
 * ({0,2}, {1,6}), character classes next to each other are disjoint, and a pattern that could start
 * anywhere inside a run (e-mail, digit runs) has a look-behind so it starts only at the run's first
 * character. The place name in front of an address is not matched by a pattern at all: it is found
 * by stepping back from the house number, at most MAX_PLACE characters (addressPrefix below).
 * test/limits/regex-linear.test.ts runs every regular expression of api/ on 2,000-character
 * adversarial inputs.
 */

export const MASKS = {
  email: '〔メールアドレス〕',
  myNumber: '〔マイナンバー〕',
  phone: '〔電話番号〕',
  postalCode: '〔郵便番号〕',
  address: '〔住所〕',
} as const;

/** Hyphen-like characters left after NFKC (including the katakana long-vowel mark people type between digits). */
const DASH_CHARS = '\\-\\u2010-\\u2015\\u2212\\u30FC\\uFE58\\uFE63';
const DASH = `[${DASH_CHARS}]`;
/** What may stand between the digits of one number: spaces, dashes, brackets (never a digit). */
const NUM_SEP = `[\\s${DASH_CHARS}()]`;
const KANJI_DIGIT = '[0-9一二三四五六七八九十〇]';
/** How far back from a house number the place name is looked for. */
const MAX_PLACE = 24;

/** An e-mail address, starting only where a run of address characters starts. */
const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}(?![A-Za-z0-9-])/g;
/** 〒 and a postal code. */
const POSTAL_MARK = new RegExp(`〒\\s?\\d{3}${NUM_SEP}{0,2}\\d{4}(?!\\d)`, 'g');
/**
 * One number written with separators: +81 or a bracket, then 7 to 14 digits with at most two
 * separators between any two of them (「0 9 0 1 2 3 4 5 6 7 8」, 「(03)1234-5678」). What it is — phone,
 * My Number, postal code or none of these — is decided from its digits (classifyNumber).
 */
const NUMBER_RUN = new RegExp(`(?<![\\d#+])(?:\\+81${NUM_SEP}{0,2})?\\(?\\d(?:${NUM_SEP}{0,2}\\d){6,13}(?![\\d])`, 'g');
const POSTAL_SHAPE = new RegExp(`^\\d{3}${DASH}\\d{4}$`);
/**
 * A house number: 3丁目4番5号, 12番地, 4番5号, or digits with dashes (1-1-1, 6-10-1). Digits with
 * dashes count only after a place name (addressPrefix), so dates and scores are left alone.
 */
const HOUSE_NUMBER = new RegExp(
  [
    `${KANJI_DIGIT}{1,6}\\s?丁目(?:\\s?${KANJI_DIGIT}{1,6}\\s?(?:番地?|${DASH}))?(?:\\s?${KANJI_DIGIT}{1,6}\\s?号?)?`,
    `${KANJI_DIGIT}{1,6}\\s?番地(?:\\s?${KANJI_DIGIT}{1,6}\\s?号)?`,
    `(?<!\\d)\\d{1,4}\\s?番\\s?\\d{1,4}\\s?号?`,
    `(?<![\\d${DASH_CHARS}])\\d{1,4}(?:${DASH}\\d{1,4}){1,2}(?![\\d${DASH_CHARS}])`,
  ].join('|'),
  'gu',
);
const DASHED = new RegExp(`^\\d{1,4}(${DASH}\\d{1,4}){1,2}$`);
const TWO_DASHES = new RegExp(`^\\d{1,4}${DASH}\\d{1,4}${DASH}\\d{1,4}$`);
const DATE_LIKE = new RegExp(`^(?:19|20)\\d\\d${DASH}`);
/** A character of a place name (kanji, katakana, 々, ヶ, ー). */
const PLACE_CHAR = /[\p{Script=Han}\p{Script=Katakana}ー々ヶ]/u;
/** Place names before a house number with a single dash (本町3-5): they end in one of these. */
const SINGLE_DASH_AFTER = /[町村区市目台丁条通]$/;

/** All patterns of this module, for test/limits/regex-linear.test.ts. */
export const MASKING_PATTERNS: readonly RegExp[] = [
  EMAIL,
  POSTAL_MARK,
  NUMBER_RUN,
  POSTAL_SHAPE,
  HOUSE_NUMBER,
  DASHED,
  TWO_DASHES,
  DATE_LIKE,
  PLACE_CHAR,
  SINGLE_DASH_AFTER,
];

function classifyNumber(run: string): string {
  const digits = run.replace(/\D/g, '');
  if (run.startsWith('+81')) {
    const national = `0${digits.slice(2).replace(/^0/, '')}`;
    return national.length >= 10 && national.length <= 11 ? MASKS.phone : run;
  }
  if (digits.length === 12) return MASKS.myNumber;
  if (digits.startsWith('0') && digits.length >= 10 && digits.length <= 11) return MASKS.phone;
  if (POSTAL_SHAPE.test(run)) return MASKS.postalCode;
  return run;
}

/** Where the place name in front of `index` starts (at most MAX_PLACE characters back, never before `floor`). */
function addressPrefix(s: string, index: number, floor: number): number {
  let start = index;
  while (start > floor && index - start < MAX_PLACE && PLACE_CHAR.test(s[start - 1]!)) start--;
  return start;
}

function maskAddresses(s: string): string {
  let out = '';
  let last = 0;
  HOUSE_NUMBER.lastIndex = 0;
  for (let m = HOUSE_NUMBER.exec(s); m; m = HOUSE_NUMBER.exec(s)) {
    const start = addressPrefix(s, m.index, last);
    if (DASHED.test(m[0])) {
      // 1-1-1 after a place name; 3-5 only after 町, 区, 丁目 …; never a date.
      const place = s.slice(start, m.index);
      const ok = !DATE_LIKE.test(m[0]) && place.length > 0 && (TWO_DASHES.test(m[0]) || SINGLE_DASH_AFTER.test(place));
      if (!ok) continue;
    }
    out += s.slice(last, start) + MASKS.address;
    last = m.index + m[0].length;
  }
  return out + s.slice(last);
}

/** The text with e-mail addresses, My Numbers, phone numbers, postal codes and street addresses replaced. */
export function maskPersonalData(text: string): string {
  let s = text.normalize('NFKC');
  s = s.replace(EMAIL, MASKS.email);
  s = s.replace(POSTAL_MARK, MASKS.postalCode);
  s = s.replace(NUMBER_RUN, classifyNumber);
  return maskAddresses(s);
}
