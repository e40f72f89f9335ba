import { describe, expect, it } from 'vitest';
import { childRearingAllowanceBreakdown, childRearingAllowanceMonthly } from '../../api/programme/rules';
import { loadYaml } from './helpers';

interface AmountCase {
  n?: number;
  date: string;
  incomeAmount: number;
  dependents: number;
  children: number;
  kind: 'full' | 'partial' | 'none';
  perChild: number[];
  total: number;
  source: string;
}

function check(c: AmountCase): void {
  const b = childRearingAllowanceBreakdown(c.incomeAmount, c.dependents, c.children, c.date);
  expect(b).not.toBeNull();
  expect(b!.kind).toBe(c.kind);
  expect(b!.perChild).toEqual(c.perChild);
  expect(b!.monthly).toBe(c.total);
  expect(childRearingAllowanceMonthly(c.incomeAmount, c.dependents, c.children, c.date)).toBe(c.total);
}

describe('児童扶養手当 — the 12 worked examples of reference §2 (cases/cra-worked-examples.yaml)', () => {
  const cases = loadYaml<AmountCase[]>('cra-worked-examples.yaml');
  it('has all 12', () => expect(cases.map((c) => c.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]));
  it.each(cases)('#$n: 所得額 $incomeAmount, 扶養 $dependents, $children child(ren) on $date → $total', check);
});

describe('児童扶養手当 — every limit boundary (cases/cra-limits.yaml)', () => {
  it.each(loadYaml<AmountCase[]>('cra-limits.yaml'))('$date 扶養$dependents 所得額 $incomeAmount → $kind $total', check);
});

describe('児童扶養手当 — rounding halves up (cases/cra-rounding.yaml)', () => {
  it.each(loadYaml<AmountCase[]>('cra-rounding.yaml'))('$date 所得額 $incomeAmount → $total', check);
});

describe('childRearingAllowanceMonthly', () => {
  it('returns null for dates the parameters do not cover, or invalid dates', () => {
    expect(childRearingAllowanceMonthly(1000000, 1, 1, '2024-03-31')).toBeNull();
    expect(childRearingAllowanceMonthly(1000000, 1, 1, '2024-13-01')).toBeNull();
  });
  it('accepts YYYYMMDD integers as well as strings', () => {
    expect(childRearingAllowanceMonthly(1220000, 1, 1, 20261101)).toBe(44080);
  });
  it('never goes below the minimum partial amount nor above the full amount (all periods, fine grid)', () => {
    for (const date of ['2024-06-01', '2024-11-01', '2025-06-01', '2026-06-01']) {
      for (let income = 0; income < 4_500_000; income += 997) {
        const b = childRearingAllowanceBreakdown(income, 2, 3, date)!;
        if (b.kind === 'none') continue;
        const [c1, c2, c3] = b.perChild as [number, number, number];
        expect(c1 % 10).toBe(0);
        expect(c1).toBeGreaterThanOrEqual(10740);
        expect(c1).toBeLessThanOrEqual(48050);
        expect(c2).toBeGreaterThanOrEqual(5380);
        expect(c3).toBeGreaterThanOrEqual(3230);
      }
    }
  });
  it('is monotone: more income never pays more', () => {
    for (const date of ['2024-06-01', '2024-11-01', '2025-06-01', '2026-06-01']) {
      let prev = Infinity;
      for (let income = 0; income < 4_000_000; income += 1009) {
        const m = childRearingAllowanceMonthly(income, 1, 2, date)!;
        expect(m).toBeLessThanOrEqual(prev);
        prev = m;
      }
    }
  });
});
