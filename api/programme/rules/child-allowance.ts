// 児童手当 (child allowance) from October 2024 (reference §3; parameters/child-allowance.ts).
//
// Before 2024-10-01 the old rules applied (income limits, the 5,000-yen 特例給付, eligibility to the end
// of junior high). The engine does not model them: it answers NEEDS_MORE_INFO ('date-not-covered').

import type { Ctx } from './context';
import { birthdayMonthIndex, monthIndex, schoolYearEndAfterAge } from './dates';
import { valueAt } from './parameters/dated';
import { CHILD_ALLOWANCE, type ChildAllowanceParams } from './parameters/child-allowance';
import { monthlyAmount, reason, result, type ProgrammeRule } from './rule';
import type { Reason } from './types';

const ID = 'child-allowance' as const;

export interface ChildAllowanceBreakdown {
  /** Monthly amount per child, in input order; 0 for a child who is not (or no longer) eligible. */
  perChild: number[];
  monthly: number;
  eligibleChildren: number;
  /** Children paid at the 3rd-and-later rate. */
  thirdOrLater: number;
  /** Counted in the birth order although past the 高校生年代 (a 確認書 is required for them). */
  countedOnlyForOrder: number;
}

/**
 * Amounts for children born on `births` (YYYYMMDD, eldest need not come first) on `date`.
 * Birth order counts every listed child up to the first 31 March after age 22 — the engine only knows
 * the children listed, and assumes the parent supports each of them (the 確認書 condition).
 * Twins (equal birth dates) take consecutive places in input order.
 */
export function childAllowanceBreakdown(births: readonly number[], date: number, p?: ChildAllowanceParams): ChildAllowanceBreakdown | null {
  const prm = p ?? valueAt(CHILD_ALLOWANCE, date);
  if (prm === undefined) return null;
  const n = births.length;
  const perChild = new Array<number>(n);
  let monthly = 0;
  let eligible = 0;
  let third = 0;
  let orderOnly = 0;
  const month = monthIndex(date);
  for (let i = 0; i < n; i++) {
    perChild[i] = 0;
    const b = births[i]!;
    if (b < 0 || b > date || date > schoolYearEndAfterAge(b, prm.countedSchoolYearEndAfterAge)) continue;
    if (date > schoolYearEndAfterAge(b, prm.eligibleSchoolYearEndAfterAge)) {
      orderOnly++;
      continue;
    }
    // Birth order among counted children: 1 + elder counted siblings (O(n²), n ≤ 20, no allocation).
    let order = 1;
    for (let j = 0; j < n; j++) {
      const o = births[j]!;
      if (j === i || o < 0 || o > date || date > schoolYearEndAfterAge(o, prm.countedSchoolYearEndAfterAge)) continue;
      if (o < b || (o === b && j < i)) order++;
    }
    let v: number;
    if (order >= 3) {
      v = prm.thirdAndLater;
      third++;
    } else {
      v = month <= birthdayMonthIndex(b, prm.youngAge) ? prm.under3 : prm.from3;
    }
    perChild[i] = v;
    monthly += v;
    eligible++;
  }
  return { perChild, monthly, eligibleChildren: eligible, thirdOrLater: third, countedOnlyForOrder: orderOnly };
}

export const childAllowance: ProgrammeRule = {
  id: ID,
  concerns: ['finances', 'childcare'],
  baseline: 50,
  needsDates: true,
  codes: [
    'date-not-covered',
    'consult-single-parent-desk',
    'no-children',
    'ca-no-child-in-age',
    'ca-amount',
    'ca-third-child',
    'ca-older-sibling-counted',
    'ca-confirmation-form',
    'already-in-use',
    'apply-at-office',
    'ca-apply-within-15-days',
  ],
  evaluate(ctx: Ctx) {
    const prm = valueAt(CHILD_ALLOWANCE, ctx.asOf);
    if (prm === undefined) {
      return result(ID, 'NEEDS_MORE_INFO', null, [reason('date-not-covered', { date: ctx.h.asOf })], [reason('consult-single-parent-desk')]);
    }
    const b = childAllowanceBreakdown(ctx.births, ctx.asOf, prm)!;
    if (b.eligibleChildren === 0) {
      return result(ID, 'NOT_ELIGIBLE', null, [reason(ctx.childCount === 0 ? 'no-children' : 'ca-no-child-in-age')], []);
    }
    // Income, marriage and public assistance do not matter since October 2024.
    const reasons: Reason[] = [reason('ca-amount', { children: b.eligibleChildren, monthly: b.monthly })];
    const next: Reason[] = [];
    if (b.thirdOrLater > 0) reasons.push(reason('ca-third-child', { count: b.thirdOrLater, amount: prm.thirdAndLater }));
    if (b.countedOnlyForOrder > 0) {
      reasons.push(reason('ca-older-sibling-counted', { count: b.countedOnlyForOrder }));
      next.push(reason('ca-confirmation-form'));
    }
    if (ctx.uses(ID)) {
      reasons.push(reason('already-in-use'));
    } else {
      next.push(reason('apply-at-office'));
      next.push(reason('ca-apply-within-15-days'));
    }
    return result(ID, 'ELIGIBLE', monthlyAmount(b.monthly), reasons, next);
  },
};
