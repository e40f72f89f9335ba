// ひとり親家庭等日常生活支援事業 (home-helper dispatch): a helper for housework or childcare when a single
// parent temporarily cannot manage (illness, work, training, job search). For single parents with a
// child under 20; the fee depends on income (free for resident-tax-exempt households in most places).

import type { Ctx } from './context';
import { SINGLE_PARENT_CHILD_UNDER_AGE } from './parameters/single-parent-family';
import { reason, result, type ProgrammeRule } from './rule';

const ID = 'home-helper-dispatch' as const;

export const homeHelperDispatch: ProgrammeRule = {
  id: ID,
  concerns: ['care', 'medical', 'childcare', 'mental-health', 'work'],
  baseline: 15,
  needsDates: true,
  codes: ['married', 'no-children', 'no-child-under-20', 'ask-married', 'hh-help', 'hh-fee', 'municipal-rules-vary', 'hh-ask', 'already-in-use'],
  evaluate(ctx: Ctx) {
    if (ctx.married === true) return result(ID, 'NOT_ELIGIBLE', null, [reason('married')], []);
    if (ctx.countUnderAge(SINGLE_PARENT_CHILD_UNDER_AGE) === 0)
      return result(ID, 'NOT_ELIGIBLE', null, [reason(ctx.childCount === 0 ? 'no-children' : 'no-child-under-20')], []);
    if (ctx.married === null) return result(ID, 'NEEDS_MORE_INFO', null, [reason('hh-help')], [reason('ask-married')]);
    const reasons = [reason('hh-help'), reason('hh-fee'), reason('municipal-rules-vary')];
    if (ctx.uses(ID)) reasons.push(reason('already-in-use'));
    return result(ID, 'ELIGIBLE', null, reasons, [reason('hh-ask')]);
  },
};
