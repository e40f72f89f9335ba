// ひとり親家庭住宅支援資金貸付 (housing-support loan; a budget programme). Receiving 児童扶養手当 or at an
// equivalent income level, with a 母子・父子自立支援プログラム drawn up. Actual rent up to a monthly cap for
// 12 months, interest-free, no guarantor; repayment waived after a year in (better) work (reference §4).
// Simplification: the national rule also admits parents whose income rose above the level less than a
// year ago; the household answers cannot show that, so such parents get NOT_ELIGIBLE with a note to ask.

import type { Ctx } from './context';
import { SINGLE_PARENT_CHILD_UNDER_AGE } from './parameters/single-parent-family';
import { craIncomeLevel, undecided } from './cra-standing';
import { entryAt } from './parameters/dated';
import { HOUSING_SUPPORT_LOAN_CAP, HOUSING_SUPPORT_LOAN_MONTHS } from './parameters/loans';
import { reason, result, type ProgrammeRule } from './rule';
import type { ProgrammeParams } from './types';

const ID = 'housing-support-loan' as const;

export const housingSupportLoan: ProgrammeRule = {
  id: ID,
  concerns: ['housing', 'finances', 'work'],
  baseline: 15,
  needsDates: true,
  codes: [
    'married',
    'no-children',
    'no-child-under-20',
    'ask-married',
    'hsl-recent-rise-exception',
    'hsl-loan',
    'hsl-waiver',
    'hsl-plan-in-place',
    'hsl-make-plan-first',
    'amount-provisional',
    'date-not-covered',
    'already-in-use',
    'receives-cra',
    'cra-received',
    'cra-level-within',
    'cra-level-over',
    'income-unknown',
    'ask-employment-income',
    'ask-other-income',
    'ask-child-support',
    'consult-single-parent-desk',
  ],
  evaluate(ctx: Ctx, p: Partial<ProgrammeParams>) {
    if (ctx.married === true) return result(ID, 'NOT_ELIGIBLE', null, [reason('married')], []);
    if (ctx.countUnderAge(SINGLE_PARENT_CHILD_UNDER_AGE) === 0)
      return result(ID, 'NOT_ELIGIBLE', null, [reason(ctx.childCount === 0 ? 'no-children' : 'no-child-under-20')], []);
    const s = craIncomeLevel(ctx);
    if (s.answer === 'no') {
      s.reasons.push(reason('hsl-recent-rise-exception'));
      return result(ID, 'NOT_ELIGIBLE', null, s.reasons, []);
    }
    const next = s.nextSteps;
    if (ctx.married === null) next.push(reason('ask-married'));
    if (s.answer === 'unknown' || ctx.married === null) return result(ID, 'NEEDS_MORE_INFO', null, undecided(s.reasons), next);

    const e = entryAt(HOUSING_SUPPORT_LOAN_CAP, ctx.asOf);
    const cap = p.monthlyCap ?? (e === undefined ? null : e.value);
    const reasons = s.reasons;
    if (cap === null) reasons.push(reason('date-not-covered', { date: ctx.h.asOf }));
    else reasons.push(reason('hsl-loan', { cap, months: HOUSING_SUPPORT_LOAN_MONTHS }));
    if (p.monthlyCap === undefined && e !== undefined && e.provisional === true) reasons.push(reason('amount-provisional'));
    reasons.push(reason('hsl-waiver'));
    if (ctx.uses(ID)) reasons.push(reason('already-in-use'));
    if (ctx.uses('self-reliance-programme')) reasons.push(reason('hsl-plan-in-place'));
    else next.push(reason('hsl-make-plan-first'));
    return result(ID, 'ELIGIBLE', null, reasons, next);
  },
};
