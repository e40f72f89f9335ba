import { describe, expect, it } from 'vitest';
import { addOpenDays, isOpenDay, nationalHoliday, openDaysBetween } from '../../api/core/open-days';

describe('open days (開庁日)', () => {
  it('closes on weekends, national holidays, substitute holidays and 12/29–1/3', () => {
    expect(isOpenDay('2026-12-04')).toBe(true); // Friday
    expect(isOpenDay('2026-12-05')).toBe(false); // Saturday
    expect(isOpenDay('2027-01-11')).toBe(false); // 成人の日
    expect(nationalHoliday('2027-01-11')?.name).toBe('成人の日');
    expect(isOpenDay('2026-12-29')).toBe(false);
    expect(isOpenDay('2027-01-04')).toBe(true);
    expect(isOpenDay('2026-05-06')).toBe(false); // 振替休日
  });

  it('counts a 3-open-day promise across the year-end closing', () => {
    // Submitted Monday 12/28: 12/29–1/3 closed, so the third open day is Wednesday 1/6.
    expect(addOpenDays('2026-12-28', 3)).toBe('2027-01-06');
    expect(openDaysBetween('2026-12-28', '2027-01-06')).toBe(3);
    expect(openDaysBetween('2027-01-06', '2026-12-28')).toBe(0);
  });

  it('refuses what is not a date', () => {
    expect(() => isOpenDay('2026-13-01')).toThrow(RangeError);
    expect(() => addOpenDays('2026-12-01', -1)).toThrow(RangeError);
  });
});
