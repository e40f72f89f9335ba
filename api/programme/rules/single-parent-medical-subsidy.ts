// ひとり親家庭等医療費助成 (medical-cost subsidy). Municipal or prefectural ordinances, no national statute
// (reference §4). Default rule, which a municipality overrides through ProgrammeParams:
// - the parent and children up to the first 31 March after age 18 (under 20 with a disability);
// - 所得額 below the 児童扶養手当 一部支給 limit (the usual choice, e.g. Hiratsuka 208万/246万:
//   [M] city.hiratsuka.kanagawa.jp/kodomo/page-c_03173.html), same 所得額 definition and income year;
// - households on public assistance are excluded (welfare covers medical costs).

import { assessCra, isCraChild } from './child-rearing-allowance';
import type { Ctx } from './context';
import { limitFor } from './parameters/child-rearing-allowance';
import { askMissingIncome, reason, result, type ProgrammeRule } from './rule';
import type { ProgrammeParams, Reason } from './types';

const ID = 'single-parent-medical-subsidy' as const;

export const singleParentMedicalSubsidy: ProgrammeRule = {
  id: ID,
  concerns: ['medical', 'finances'],
  baseline: 45,
  needsDates: true,
  codes: [
    'married',
    'no-children',
    'no-child-under-18',
    'on-public-assistance',
    'date-not-covered',
    'consult-single-parent-desk',
    'medical-income-over',
    'income-unknown',
    'ask-employment-income',
    'ask-other-income',
    'ask-child-support',
    'ask-married',
    'ask-public-assistance',
    'medical-eligible',
    'medical-within-limit',
    'municipal-rules-vary',
    'medical-needs-insurance',
    'already-in-use',
    'apply-at-office',
  ],
  evaluate(ctx: Ctx, p: Partial<ProgrammeParams>) {
    if (ctx.married === true) return result(ID, 'NOT_ELIGIBLE', null, [reason('married')], []);
    let children = 0;
    for (let i = 0; i < ctx.childCount; i++) if (isCraChild(ctx.births[i]!, ctx.disability[i]!, ctx.asOf)) children++;
    if (children === 0) return result(ID, 'NOT_ELIGIBLE', null, [reason(ctx.childCount === 0 ? 'no-children' : 'no-child-under-18')], []);
    const excludePa = p.excludePublicAssistance !== false;
    if (excludePa && ctx.publicAssistance === true) return result(ID, 'NOT_ELIGIBLE', null, [reason('on-public-assistance')], []);

    const a = assessCra(ctx);
    if (!a.supported) return result(ID, 'NEEDS_MORE_INFO', null, [reason('date-not-covered', { date: ctx.h.asOf })], [reason('consult-single-parent-desk')]);
    const lim = p.incomeLimits;
    const limit = lim ? limitFor(lim.byDependents, lim.perFurtherDependent, ctx.dependents) : a.partialLimit;
    if (a.incomeAmount >= limit) {
      return result(ID, 'NOT_ELIGIBLE', null, [reason('medical-income-over', { income: a.incomeAmount, limit }), reason('municipal-rules-vary')], []);
    }
    const next: Reason[] = [];
    if (!a.incomeKnown) askMissingIncome(ctx, next, true);
    if (ctx.married === null) next.push(reason('ask-married'));
    if (excludePa && ctx.publicAssistance === null) next.push(reason('ask-public-assistance'));
    if (next.length > 0) {
      // Not yet granted: the income test is met, but other answers decide (worded so, not as a grant).
      const why = a.incomeKnown ? reason('medical-within-limit', { income: a.incomeAmount, limit }) : reason('income-unknown', { incomeYear: a.incomeYear });
      return result(ID, 'NEEDS_MORE_INFO', null, [why, reason('municipal-rules-vary')], next);
    }
    const reasons = [reason('medical-eligible', { income: a.incomeAmount, limit }), reason('medical-needs-insurance'), reason('municipal-rules-vary')];
    if (ctx.uses(ID)) reasons.push(reason('already-in-use'));
    else next.push(reason('apply-at-office'));
    return result(ID, 'ELIGIBLE', null, reasons, next);
  },
};
