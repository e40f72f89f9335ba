/**
 * Dates as people type them. A parent fills in a child's birth date from whatever is at hand — the
 * 母子手帳 in 和暦, a certificate in 西暦, a phone's number pad — so the field is plain text and accepts
 * 20160315, 2016/3/15, 2016-03-15, 2016.3.15, 2016年3月15日, 平成28年3月15日, H28.3.15, R2/6/1, 令和元年5月1日,
 * with full-width digits. `parseDate` answers the ISO date or null; the form says "invalid", not "missing",
 * when something was typed. Every pattern is anchored and has no nested quantifiers (linear time).
 */

/** Era start dates (the first day of each era) and the names and initials people type. */
const ERAS: readonly { start: string; name: string; initial: string }[] = [
  { start: '2019-05-01', name: '令和', initial: 'R' },
  { start: '1989-01-08', name: '平成', initial: 'H' },
  { start: '1926-12-25', name: '昭和', initial: 'S' },
];

const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const WESTERN = /^(\d{4})[/.\-年](\d{1,2})[/.\-月](\d{1,2})日?$/;
const JAPANESE = /^(令和|平成|昭和|[RHS])(元|\d{1,2})[/.\-年](\d{1,2})[/.\-月](\d{1,2})日?$/;

function iso(y: number, m: number, d: number): string | null {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The ISO date (YYYY-MM-DD) a typed date means, or null when it is not a real date. */
export function parseDate(text: string): string | null {
  // NFKC folds full-width digits, slashes and hyphens; spaces people put between parts are dropped.
  const s = text.normalize('NFKC').replace(/\s/g, '').toUpperCase();
  if (!s || s.length > 20) return null;
  let m = COMPACT.exec(s) ?? WESTERN.exec(s);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = JAPANESE.exec(s);
  if (!m) return null;
  const i = ERAS.findIndex((e) => e.name === m![1] || e.initial === m![1]);
  const era = ERAS[i]!;
  const year = Number(era.start.slice(0, 4)) + (m[2] === '元' ? 1 : Number(m[2])) - 1;
  const date = iso(year, Number(m[3]), Number(m[4]));
  // 平成31年5月1日 does not exist: the date must fall inside the era it names.
  const next = i > 0 ? ERAS[i - 1]!.start : '9999-12-31';
  return date && date >= era.start && date < next ? date : null;
}

/** 'empty' when nothing was typed, 'invalid' when it is not a date, else 'ok'. */
export function dateState(text: string): 'empty' | 'invalid' | 'ok' {
  if (!text.trim()) return 'empty';
  return parseDate(text) ? 'ok' : 'invalid';
}

/** 2018-04-01 (or anything parseDate reads) → 平成30年4月1日 (元年 for the first year); '' otherwise. */
export function wareki(text: string): string {
  const date = parseDate(text);
  const era = date && ERAS.find((e) => date >= e.start);
  if (!date || !era) return '';
  const n = Number(date.slice(0, 4)) - Number(era.start.slice(0, 4)) + 1;
  return `${era.name}${n === 1 ? '元' : n}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

/** 2016-03-15 → 2016年3月15日 (the western reading shown beside a 和暦 entry, and the reverse). */
export function seireki(text: string): string {
  const date = parseDate(text);
  return date ? `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日` : '';
}
