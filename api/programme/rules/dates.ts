// Date arithmetic on integers. A date is the integer YYYYMMDD (2026-05-01 → 20260501): integers
// compare in calendar order, adding n years is `+ n * 10000`, and nothing allocates. The engine
// evaluates tens of thousands of households a second, so it never builds Date objects.

/** Parses 'YYYY-MM-DD' into YYYYMMDD, or -1 if the text is malformed or not a real calendar day. */
export function parseYmd(s: unknown): number {
  if (typeof s !== 'string' || s.length !== 10) return -1;
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return -1; // '-'
  const y = digits(s, 0, 4);
  const m = digits(s, 5, 7);
  const d = digits(s, 8, 10);
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return -1;
  return y * 10000 + m * 100 + d;
}

function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

export const yearOf = (ymd: number): number => Math.floor(ymd / 10000);
export const monthOf = (ymd: number): number => Math.floor(ymd / 100) % 100;
export const dayOf = (ymd: number): number => ymd % 100;

/** Japanese fiscal / school year (April–March) containing the date: 2026-03-31 → 2025. */
export function fiscalYearOf(ymd: number): number {
  const y = yearOf(ymd);
  return monthOf(ymd) >= 4 ? y : y - 1;
}

/**
 * Whether a child born on this date belongs to the earlier school year of its calendar year.
 * Under 年齢計算ニ関スル法律 a person reaches an age at the end of the day BEFORE the birthday, so a child
 * born on 1 April reaches every age on 31 March and is counted with the children born the year before
 * (早生まれ: 1 January – 1 April).
 */
function bornOnOrBeforeApril1(birth: number): boolean {
  const md = birth % 10000;
  return md <= 401;
}

/**
 * "The first 31 March on or after the day the person reaches `age`" (e.g. 児童扶養手当法 第3条:
 * 18歳に達する日以後の最初の3月31日). Reaching the age happens on the day before the birthday, so a child
 * born on 1 April 2008 reaches 18 on 31 March 2026 and the limit is that same day; a child born on
 * 2 April 2008 reaches 18 on 1 April 2026 and the limit is 31 March 2027.
 */
export function schoolYearEndAfterAge(birth: number, age: number): number {
  const y = yearOf(birth) + age + (bornOnOrBeforeApril1(birth) ? 0 : 1);
  return y * 10000 + 331;
}

/**
 * School grade in the Japanese system on the date: 1–6 elementary, 7–9 junior high, 10–12 the
 * 高校生年代, 13+ after that; 0 or less before elementary school. Children start elementary school
 * on the first 1 April after reaching 6 (学校教育法 第17条), so grade 12 ends on the same 31 March as
 * schoolYearEndAfterAge(birth, 18).
 */
export function schoolGrade(birth: number, date: number): number {
  const entryFiscalYear = yearOf(birth) + (bornOnOrBeforeApril1(birth) ? 6 : 7);
  return fiscalYearOf(date) - entryFiscalYear + 1;
}

/**
 * Whether the person is under `age` on the date. They reach the age at the end of the day before the
 * birthday, so they are under it until the day before the birthday inclusive. Plain integer comparison
 * also handles 29 February: in a non-leap year "YYYY0229" sorts between 28 February and 1 March, so a
 * person born on 29 February is of age from 1 March (they reach it at the end of 28 February).
 */
export function isUnderAge(birth: number, age: number, date: number): boolean {
  return date < birth + age * 10000;
}

/** Months since year 0, for month-granular rules: 2026-05-xx → 2026*12+5. */
export function monthIndex(ymd: number): number {
  return yearOf(ymd) * 12 + monthOf(ymd);
}

/**
 * Month index of the calendar month of the person's `age`-th birthday. 児童手当 pays the under-3 rate
 * "up to the month of the 3rd birthday": 児童手当法 第6条 treats a child born on the 1st of a month as
 * under 3 until 3 years from birth have passed, which makes the birthday month the last one for every
 * child ([M] hamamatsu-pippi.net FAQ 2014031200320: 「誕生日の月の分までは15,000円」).
 */
export function birthdayMonthIndex(birth: number, age: number): number {
  return (yearOf(birth) + age) * 12 + monthOf(birth);
}
