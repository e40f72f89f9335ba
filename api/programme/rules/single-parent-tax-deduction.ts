// ひとり親控除 (single-parent tax deduction; 所得税法 第81条, 地方税法). Unmarried on 31 December with no
// de-facto spouse; a child in the household whose 総所得金額等 is within the limit; the parent's own
// 合計所得金額 ≤ 5,000,000 (reference §4; parameters/tax.ts).
//
// Simplifications, stated to the family: the tax year is the calendar year of asOf and the salary
// answered is taken as that year's salary; 合計所得金額 = 給与所得 + other income (養育費 is not taxable);
// listed children are assumed to live with the parent and to have income within the child limit.

import type { Ctx } from './context';
import { yearOf } from './dates';
import { entryAt } from './parameters/dated';
import { salaryIncome } from './parameters/employment-income';
import { SINGLE_PARENT_DEDUCTION } from './parameters/tax';
import { askMissingIncome, reason, result, type ProgrammeRule } from './rule';
import type { Reason } from './types';

const ID = 'single-parent-tax-deduction' as const;

/** 合計所得金額 in our model: 給与所得 of the tax year + other 所得. */
export function totalIncomeForTax(grossSalary: number, otherIncome: number, taxYear: number): number | undefined {
  const s = salaryIncome(grossSalary, taxYear);
  return s === undefined ? undefined : s + otherIncome;
}

export const singleParentTaxDeduction: ProgrammeRule = {
  id: ID,
  concerns: ['finances', 'work'],
  baseline: 40,
  needsDates: true,
  codes: [
    'married',
    'no-children',
    'date-not-covered',
    'consult-single-parent-desk',
    'spd-income-over',
    'spd-income-unknown',
    'ask-employment-income',
    'ask-other-income',
    'ask-married',
    'spd-deduction',
    'spd-assumptions',
    'spd-planned-change',
    'amount-provisional',
    'spd-tell-employer',
    'already-in-use',
  ],
  evaluate(ctx: Ctx) {
    if (ctx.married === true) return result(ID, 'NOT_ELIGIBLE', null, [reason('married')], []);
    if (ctx.childCount === 0) return result(ID, 'NOT_ELIGIBLE', null, [reason('no-children')], []);
    const taxYear = yearOf(ctx.asOf);
    const e = entryAt(SINGLE_PARENT_DEDUCTION, taxYear);
    if (e === undefined) return result(ID, 'NEEDS_MORE_INFO', null, [reason('date-not-covered', { date: ctx.h.asOf })], [reason('consult-single-parent-desk')]);
    const p = e.value;
    // Lower bound when an answer is missing (each part only adds).
    const total = totalIncomeForTax(ctx.employment ?? 0, ctx.otherIncome ?? 0, taxYear) ?? 0;
    const known = ctx.employment !== null && ctx.otherIncome !== null;
    if (total > p.ownIncomeLimit) {
      return result(ID, 'NOT_ELIGIBLE', null, [reason('spd-income-over', { income: total, limit: p.ownIncomeLimit, taxYear })], []);
    }
    const next: Reason[] = [];
    if (!known) askMissingIncome(ctx, next, false);
    if (ctx.married === null) next.push(reason('ask-married'));
    if (next.length > 0) return result(ID, 'NEEDS_MORE_INFO', null, [reason('spd-income-unknown', { limit: p.ownIncomeLimit, taxYear })], next);

    const reasons = [
      reason('spd-deduction', { incomeTax: p.incomeTax, residentTax: p.residentTax, taxYear }),
      reason('spd-assumptions', { taxYear, childLimit: p.childIncomeLimit }),
    ];
    // Announce the 2027 change (2026 大綱) while it is still ahead.
    const later = SINGLE_PARENT_DEDUCTION.values[SINGLE_PARENT_DEDUCTION.values.length - 1]!;
    if (later.from > taxYear)
      reasons.push(reason('spd-planned-change', { year: later.from, incomeTax: later.value.incomeTax, residentTax: later.value.residentTax }));
    if (e.provisional === true) reasons.push(reason('amount-provisional'));
    if (ctx.uses(ID)) reasons.push(reason('already-in-use'));
    return result(ID, 'ELIGIBLE', null, reasons, [reason('spd-tell-employer')]);
  },
};
