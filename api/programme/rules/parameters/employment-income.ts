// 給与所得 from 給与収入 (employment income from gross salary), using the national quick table:
// 所得税法 別表第五 and its 速算表; 国税庁 タックスアンサー No.1410 (給与所得控除); the 令和7年度税制改正 raised
// the minimum 給与所得控除 from 550,000 to 650,000 from income year 2025. Reference §6.
//
// The tables are data (seeds/parameters/employment-income.yaml); one small interpreter below evaluates
// them. All arithmetic is on integers.

import { byKind, datedParameter, int, list, literal, obj, ParameterError, type Check } from './load';

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

const band: Check<SalaryBand> = byKind<SalaryBand>({
  fixed: obj({ below: int, kind: literal('fixed'), value: int }),
  minus: obj({ below: int, kind: literal('minus'), deduction: int }),
  quarter: obj({ below: int, kind: literal('quarter'), times10: int, add: int }),
  rate: obj({ below: int, kind: literal('rate'), times10: int, add: int }),
});

/** Bands ascending and open-ended (`below: .inf` last): the interpreter below relies on both. */
const bands: Check<SalaryTable> = (v, path) => {
  const t = list(band)(v, path);
  t.forEach((b, i) => {
    if (i > 0 && b.below <= t[i - 1]!.below) throw new ParameterError(`${path}[${i}].below: bands must be in ascending order`);
  });
  if (t.length === 0 || t[t.length - 1]!.below !== Infinity) throw new ParameterError(`${path}: the last band must be \`below: .inf\``);
  return t;
};

/** Keyed by INCOME YEAR (calendar year of the salary), not by date: seeds/parameters/employment-income.yaml. */
export const SALARY_INCOME_TABLES = datedParameter<SalaryTable>('employment-income', 'salaryTables', bands, { byYear: true });

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
