import { describe, expect, it } from 'vitest';
import { isUnderAge, parseYmd, schoolGrade, schoolYearEndAfterAge, birthdayMonthIndex, monthIndex } from '../../api/programme/rules/dates';
import { CRA_AMOUNTS, CRA_LIMITS, entryAt, param, valueAt } from '../../api/programme/rules/parameters';
import { craIncomeYear, craIncomeAmount } from '../../api/programme/rules';

describe('dated parameters', () => {
  it('valueAt picks the period in force, switching exactly on the effective date', () => {
    expect(valueAt(CRA_AMOUNTS, '2024-10-31')!.full).toEqual([45500, 10750, 6450]);
    expect(valueAt(CRA_AMOUNTS, '2024-11-01')!.full).toEqual([45500, 10750, 10750]);
    expect(valueAt(CRA_AMOUNTS, '2025-03-31')!.full[0]).toBe(45500);
    expect(valueAt(CRA_AMOUNTS, '2025-04-01')!.full[0]).toBe(46690);
    expect(valueAt(CRA_AMOUNTS, '2026-03-31')!.full[0]).toBe(46690);
    expect(valueAt(CRA_AMOUNTS, 20260401)!.full[0]).toBe(48050);
    expect(entryAt(CRA_AMOUNTS, '2026-04-01')!.provisional).toBe(true);
    expect(valueAt(CRA_LIMITS, '2024-10-31')!.full[1]).toBe(870000);
    expect(valueAt(CRA_LIMITS, '2024-11-01')!.full[1]).toBe(1070000);
  });

  it('valueAt is undefined before the first period and for invalid dates', () => {
    expect(valueAt(CRA_AMOUNTS, '2024-03-31')).toBeUndefined();
    expect(valueAt(CRA_AMOUNTS, 'not a date')).toBeUndefined();
  });

  it('param() rejects periods out of order', () => {
    expect(() =>
      param('x', [
        { from: 2, value: 1 },
        { from: 1, value: 2 },
      ]),
    ).toThrow();
  });

  // Reference §1.2: k_i = (PartialMax_i − PartialMin_i) ÷ (一部支給 limit − 全部支給 limit), published to
  // 7 decimals; the denominator is 1,430,000 under the old limit table and 1,390,000 under the new one.
  it('every coefficient agrees with its amounts and limit table', () => {
    for (const e of CRA_AMOUNTS.values) {
      const lim = valueAt(CRA_LIMITS, e.from)!;
      const denominator = lim.partial[0]! - lim.full[0]!;
      expect(denominator).toBe(e.from < 20241101 ? 1430000 : 1390000);
      for (let i = 0; i < 3; i++) {
        const k7 = Math.round(((e.value.partialMax[i]! - e.value.partialMin[i]!) / denominator) * 1e7);
        expect(k7, `period ${e.from} slot ${i}`).toBe(e.value.k7[i]);
        expect(e.value.partialMax[i]).toBe(e.value.full[i]! - 10);
      }
    }
  });

  it('limit tables: +380,000 steps, and the same step in every column', () => {
    for (const t of CRA_LIMITS.values) {
      for (let d = 1; d <= 5; d++) {
        expect(t.value.full[d]! - t.value.full[d - 1]!).toBe(380000);
        expect(t.value.partial[d]! - t.value.partial[d - 1]!).toBe(380000);
      }
    }
  });
});

describe('income year and 所得額', () => {
  it('Nov–Oct allowance year assesses the previous calendar year before it', () => {
    expect(craIncomeYear(20260501)).toBe(2024);
    expect(craIncomeYear(20261031)).toBe(2024);
    expect(craIncomeYear(20261101)).toBe(2025);
    expect(craIncomeYear(20270101)).toBe(2025);
  });
  it('所得額: 10万 only against 給与所得 and capped at it; 8万; 0.8 × 養育費; floored at 0', () => {
    expect(craIncomeAmount(1160000, 0, 300000)).toBe(1220000); // reference §2 #1
    expect(craIncomeAmount(2800000, 0, 300000)).toBe(2860000); // reference §2 #2 (Hirado inputs)
    expect(craIncomeAmount(50000, 1000000, 0)).toBe(920000);
    expect(craIncomeAmount(0, 0, 0)).toBe(0);
    expect(craIncomeAmount(0, 0, 5)).toBe(0);
    expect(craIncomeAmount(0, 100000, 1)).toBe(20000);
  });
});

describe('dates', () => {
  it('parses real calendar dates only', () => {
    expect(parseYmd('2026-05-01')).toBe(20260501);
    expect(parseYmd('2024-02-29')).toBe(20240229);
    expect(parseYmd('2025-02-29')).toBe(-1);
    expect(parseYmd('1900-02-29')).toBe(-1);
    expect(parseYmd('2000-02-29')).toBe(20000229);
    expect(parseYmd('2026-04-31')).toBe(-1);
    expect(parseYmd('2026-5-01')).toBe(-1);
    expect(parseYmd('2026-05-01T00:00')).toBe(-1);
    expect(parseYmd(undefined)).toBe(-1);
    expect(parseYmd('２０２６-05-01')).toBe(-1);
  });
  it('first 31 March after reaching an age (a 1 April birthday belongs to the earlier school year)', () => {
    expect(schoolYearEndAfterAge(20080401, 18)).toBe(20260331);
    expect(schoolYearEndAfterAge(20080402, 18)).toBe(20270331);
    expect(schoolYearEndAfterAge(20080101, 18)).toBe(20260331);
    expect(schoolYearEndAfterAge(20081231, 18)).toBe(20270331);
    expect(schoolYearEndAfterAge(20080229, 18)).toBe(20260331);
  });
  it('school grade', () => {
    expect(schoolGrade(20200401, 20260401)).toBe(1);
    expect(schoolGrade(20200402, 20260401)).toBe(0);
    expect(schoolGrade(20200402, 20270401)).toBe(1);
    expect(schoolGrade(20100601, 20260501)).toBe(10);
    expect(schoolGrade(20080401, 20260331)).toBe(12);
  });
  it('ages are reached the day before the birthday; a 29 February birth is of age from 1 March', () => {
    expect(isUnderAge(20070615, 20, 20270614)).toBe(true);
    expect(isUnderAge(20070615, 20, 20270615)).toBe(false);
    expect(isUnderAge(20080229, 20, 20280228)).toBe(true);
    expect(isUnderAge(20080229, 20, 20280229)).toBe(false);
    expect(isUnderAge(20040229, 22, 20260228)).toBe(true);
    expect(isUnderAge(20040229, 22, 20260301)).toBe(false);
  });
  it('birthday month for the 児童手当 under-3 rate', () => {
    expect(monthIndex(20260531) <= birthdayMonthIndex(20230515, 3)).toBe(true);
    expect(monthIndex(20260601) <= birthdayMonthIndex(20230515, 3)).toBe(false);
  });
});
