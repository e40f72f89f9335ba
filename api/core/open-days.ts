/**
 * Open days (開庁日) of a municipal office: not Saturday or Sunday, not a national holiday (国民の祝日、振替休日、
 * 国民の休日 — from @holiday-jp/holiday_jp, which is maintained against the Cabinet Office's list), and not the
 * year-end closing 12/29–1/3 (行政機関の休日に関する法律 1条). Dates are ISO `YYYY-MM-DD` in Japan time.
 *
 * Used wherever a promise is counted in open days: the receipt's 「3開庁日以内」, worklist ageing, interview slots.
 */
import holidayJp from '@holiday-jp/holiday_jp';
import { addDays, isIsoDate } from './dates';

const HOLIDAYS: Readonly<Record<string, { name: string; name_en: string }>> = holidayJp.holidays;

/** The national holiday on this date, if any (its Japanese and English names). */
export function nationalHoliday(isoDate: string): { name: string; nameEn: string } | null {
  const h = HOLIDAYS[isoDate];
  return h ? { name: h.name, nameEn: h.name_en } : null;
}

function isYearEndClosing(isoDate: string): boolean {
  const md = isoDate.slice(5);
  return md >= '12-29' || md <= '01-03';
}

function weekday(isoDate: string): number {
  return new Date(`${isoDate}T00:00:00Z`).getUTCDay();
}

/** Whether the office is open on this date. */
export function isOpenDay(isoDate: string): boolean {
  if (!isIsoDate(isoDate)) throw new RangeError('isOpenDay expects an ISO date');
  const day = weekday(isoDate);
  if (day === 0 || day === 6) return false;
  if (isYearEndClosing(isoDate)) return false;
  return HOLIDAYS[isoDate] === undefined;
}

/** The date `count` open days after `isoDate` (the start day itself is not counted). */
export function addOpenDays(isoDate: string, count: number): string {
  if (!Number.isInteger(count) || count < 0) throw new RangeError('addOpenDays expects a whole count ≥ 0');
  let date = isoDate;
  let left = count;
  while (left > 0) {
    date = addDays(date, 1);
    if (isOpenDay(date)) left -= 1;
  }
  return date;
}

/** Open days strictly after `from` up to and including `to` (0 when `to` is not after `from`). */
export function openDaysBetween(from: string, to: string): number {
  let n = 0;
  // Bounded by the caller's dates; a record's age is at most a few years of days.
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isOpenDay(d)) n += 1;
  return n;
}
