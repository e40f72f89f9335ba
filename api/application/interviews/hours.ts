/**
 * Opening hours for interviews, per department: the default below, or a municipality's own in
 * seeds/procedures/overrides/<code>.yaml (`interviews:`). Slots exist only on open days (開庁日:
 * api/common/open-days.ts — weekends, national holidays and 12/29–1/3 closed).
 */
import { addDays, isOpenDay } from '../../core';

export interface InterviewHours {
  /** Opening periods of a day, "HH:MM" Japan time, e.g. [["09:00", "12:00"], ["13:00", "16:30"]]. */
  periods: ReadonlyArray<readonly [string, string]>;
  slotMinutes: number;
  capacity: number;
  /** How many days ahead families may book. */
  daysAhead: number;
  /** The municipality's own closures (YYYY-MM-DD), besides the national 開庁日 rules. */
  closedDates?: readonly string[];
}

export const DEFAULT_HOURS: InterviewHours = {
  periods: [
    ['09:00', '12:00'],
    ['13:00', '16:30'],
  ],
  slotMinutes: 30,
  capacity: 2,
  daysAhead: 20,
};

export interface SlotTime {
  startsAt: Date;
  endsAt: Date;
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Slot times on open days from the day after `today` for `daysAhead` days. */
export function slotTimes(hours: InterviewHours, today: string): SlotTime[] {
  const out: SlotTime[] = [];
  for (let i = 1; i <= hours.daysAhead; i++) {
    const day = addDays(today, i);
    if (!isOpenDay(day) || hours.closedDates?.includes(day)) continue;
    for (const [from, to] of hours.periods) {
      for (let m = minutes(from); m + hours.slotMinutes <= minutes(to); m += hours.slotMinutes) {
        const startsAt = new Date(Date.parse(`${day}T00:00:00+09:00`) + m * 60_000);
        out.push({ startsAt, endsAt: new Date(startsAt.getTime() + hours.slotMinutes * 60_000) });
      }
    }
  }
  return out;
}
