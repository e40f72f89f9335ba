// 給与所得 from 給与収入 (employment income from gross salary), using the national quick table:
// 所得税法 別表第五 and its 速算表; 国税庁 タックスアンサー No.1410 (給与所得控除); the 令和7年度税制改正 raised
// the minimum 給与所得控除 from 550,000 to 650,000 from income year 2025. Reference §6.
//
// The tables are data; one small interpreter below evaluates them. All arithmetic is on integers.

import { param } from './dated';

/** One band of the quick table, applying to salaries from the previous band's `below` up to `below` − 1. */
export type SalaryBand =
  /** 給与所得 is a fixed amount (0 at the bottom; the 1,619,000–1,627,999 steps of 別表第五). */
  | { readonly below: number; readonly kind: 'fixed'; readonly value: number }
  /** 給与所得 = 給与収入 − deduction. */
  | { readonly below: number; readonly kind: 'minus'; readonly deduction: number }
  /** 給与所得 = A × times10/10 + add, where A = 給与収入 ÷ 4 with the part under 1,000 yen cut off. */
  | { readonly below: number; readonly kind: 'quarter'; readonly times10: number; readonly add: number }
  /** 給与所得 = 給与収入 × times10/10 (yen fractions cut) + add. */
  | { readonly below: number; readonly kind: 'rate'; readonly times10: number; readonly add: number };

export type SalaryTable = readonly SalaryBand[];

// Income years 2020–2024 (reference §6, first table).
const TABLE_2020: SalaryTable = [
  { below: 551000, kind: 'fixed', value: 0 },
  { below: 1619000, kind: 'minus', deduction: 550000 },
  // 別表第五 steps: 1,619,000– → 1,069,000; 1,620,000– → 1,070,000; 1,622,000– → 1,072,000; 1,624,000– → 1,074,000
  { below: 1620000, kind: 'fixed', value: 1069000 },
  { below: 1622000, kind: 'fixed', value: 1070000 },
  { below: 1624000, kind: 'fixed', value: 1072000 },
  { below: 1628000, kind: 'fixed', value: 1074000 },
  { below: 1800000, kind: 'quarter', times10: 24, add: 100000 },
  { below: 3600000, kind: 'quarter', times10: 28, add: -80000 },
  { below: 6600000, kind: 'quarter', times10: 32, add: -440000 },
  { below: 8500000, kind: 'rate', times10: 9, add: -1100000 },
  { below: Infinity, kind: 'minus', deduction: 1950000 },
];

// Income year 2025 onward (reference §6, second table): the 650,000 minimum covers salaries up to
// 1,899,999, so the old 1,619,000–1,799,999 bands disappear.
const TABLE_2025: SalaryTable = [
  { below: 651000, kind: 'fixed', value: 0 },
  { below: 1900000, kind: 'minus', deduction: 650000 },
  { below: 3600000, kind: 'quarter', times10: 28, add: -80000 },
  { below: 6600000, kind: 'quarter', times10: 32, add: -440000 },
  { below: 8500000, kind: 'rate', times10: 9, add: -1100000 },
  { below: Infinity, kind: 'minus', deduction: 1950000 },
];

/** Keyed by INCOME YEAR (calendar year of the salary), not by date. */
export const SALARY_INCOME_TABLES = param<SalaryTable>('給与所得の速算表', [
  { from: 2020, value: TABLE_2020 },
  { from: 2025, value: TABLE_2025 },
]);

/** Applies a quick table to a gross salary (integer yen ≥ 0). */
export function applySalaryTable(table: SalaryTable, gross: number): number {
  for (let i = 0; i < table.length; i++) {
    const b = table[i]!;
    if (gross >= b.below) continue;
    switch (b.kind) {
      case 'fixed':
        return b.value;
      case 'minus':
        return gross - b.deduction;
      case 'quarter': {
        const a = Math.floor(gross / 4000) * 1000; // ÷4, part under 1,000 yen cut
        return (a / 1000) * b.times10 * 100 + b.add; // A × times10/10, exact: A is a multiple of 1,000
      }
      case 'rate': {
        const t = gross * b.times10;
        return (t - (t % 10)) / 10 + b.add; // cut the yen fraction without floating division
      }
    }
  }
  return 0; // unreachable: the last band is below Infinity
}

/** 給与所得 for a gross salary earned in `incomeYear`, or undefined for years before 2020 (no table). */
export function salaryIncome(gross: number, incomeYear: number): number | undefined {
  const v = SALARY_INCOME_TABLES.values;
  // Inline the lookup (hot path): last table whose year is ≤ incomeYear.
  for (let i = v.length - 1; i >= 0; i--) {
    if (v[i]!.from <= incomeYear) return applySalaryTable(v[i]!.value, gross);
  }
  return undefined;
}
