/** Quiet hours in Japan time (UTC+9, no daylight saving): no notice is sent from `start` to `end`. */
export interface QuietHours {
  start: number;
  end: number;
}
export const DEFAULT_QUIET_HOURS: QuietHours = { start: 21, end: 8 };

const JST = 9 * 3600_000;

function hourInJapan(at: Date): number {
  return new Date(at.getTime() + JST).getUTCHours();
}

export function isQuiet(at: Date, q: QuietHours = DEFAULT_QUIET_HOURS): boolean {
  const h = hourInJapan(at);
  return q.start > q.end ? h >= q.start || h < q.end : h >= q.start && h < q.end;
}

/** The first moment at or after `at` outside quiet hours (the next `end` o'clock, Japan time). */
export function nextSendable(at: Date, q: QuietHours = DEFAULT_QUIET_HOURS): Date {
  if (!isQuiet(at, q)) return at;
  const local = new Date(at.getTime() + JST);
  const end = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), q.end) - JST;
  return new Date(end > at.getTime() ? end : end + 86_400_000);
}

/** The next start of a Japan-time day at `hour` after `at` (for a daily cap reached). */
export function tomorrowAt(at: Date, hour: number): Date {
  const local = new Date(at.getTime() + JST);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + 1, hour) - JST);
}
