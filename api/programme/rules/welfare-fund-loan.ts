// 母子父子寡婦福祉資金貸付金 (welfare-fund loans; 母子及び父子並びに寡婦福祉法 第13条 and parallel articles).
// A parent without a spouse supporting a child under 20 may borrow; the prefecture, designated city or
// core city screens each loan, and consultation beforehand is required (reference §4). There is no
// income test for parents in the national rule, so this is a "may apply" answer, not a loan decision.

import type { Ctx } from './context';
import { valueAt } from './parameters/dated';
import { WELFARE_FUND_LOAN } from './parameters/loans';
import { SINGLE_PARENT_CHILD_UNDER_AGE } from './parameters/single-parent-family';
import { reason, result, type ProgrammeRule } from './rule';

const ID = 'welfare-fund-loan' as const;

export const welfareFundLoan: ProgrammeRule = {
  id: ID,
  concerns: ['finances', 'education'],
  baseline: 30,
  needsDates: true,
  codes: [
    'married',
    'no-children',
    'loan-widow-may-apply',
    'consult-single-parent-desk',
    'ask-married',
    'loan-for-single-parents',
    'loan-eligible',
    'loan-interest',
    'loan-limits-may-change',
    'loan-consult-first',
    'already-in-use',
  ],
  evaluate(ctx: Ctx) {
    if (ctx.married === true) return result(ID, 'NOT_ELIGIBLE', null, [reason('married')], []);
    const prm = valueAt(WELFARE_FUND_LOAN, ctx.asOf)!;
    if (ctx.countUnderAge(SINGLE_PARENT_CHILD_UNDER_AGE) === 0) {
      if (ctx.childCount === 0) return result(ID, 'NOT_ELIGIBLE', null, [reason('no-children')], []);
      // 寡婦 loans exist for parents who raised children alone; we cannot tell from these answers.
      return result(ID, 'NEEDS_MORE_INFO', null, [reason('loan-widow-may-apply')], [reason('consult-single-parent-desk')]);
    }
    if (ctx.married === null) return result(ID, 'NEEDS_MORE_INFO', null, [reason('loan-for-single-parents')], [reason('ask-married')]);
    const reasons = [
      reason('loan-eligible', { living: prm.livingMonthly, schoolingMax: prm.schoolingMonthlyMax, housing: prm.housing }),
      reason('loan-interest', { rate: prm.interestWithoutGuarantorPermille / 10 }),
      reason('loan-limits-may-change'),
    ];
    if (ctx.uses(ID)) reasons.push(reason('already-in-use'));
    return result(ID, 'ELIGIBLE', null, reasons, [reason('loan-consult-first')]);
  },
};
