// 保育所等の優先入所 (priority for nursery places). Municipal selection rules give single-parent households
// priority points (母子及び父子並びに寡婦福祉法 第28条 asks municipalities for special consideration; this
// article is not in the reference file — verify before citing it to families).
// Default: a single parent with a child not yet at elementary school.

import type { Ctx } from './context';
import { reason, result, type ProgrammeRule } from './rule';

const ID = 'childcare-priority' as const;

export const childcarePriority: ProgrammeRule = {
  id: ID,
  concerns: ['childcare', 'work'],
  baseline: 30,
  needsDates: true,
  codes: [
    'married',
    'no-children',
    'cp-no-preschool-child',
    'ask-married',
    'cp-priority',
    'cp-priority-if-unmarried',
    'municipal-rules-vary',
    'cp-ask-childcare-section',
    'already-in-use',
  ],
  evaluate(ctx: Ctx) {
    if (ctx.married === true) return result(ID, 'NOT_ELIGIBLE', null, [reason('married')], []);
    const preschool = ctx.countGrades(-99, 0);
    if (preschool === 0) return result(ID, 'NOT_ELIGIBLE', null, [reason(ctx.childCount === 0 ? 'no-children' : 'cp-no-preschool-child')], []);
    if (ctx.married === null)
      return result(ID, 'NEEDS_MORE_INFO', null, [reason('cp-priority-if-unmarried', { children: preschool })], [reason('ask-married')]);
    const reasons = [reason('cp-priority', { children: preschool }), reason('municipal-rules-vary')];
    if (ctx.uses(ID)) reasons.push(reason('already-in-use'));
    return result(ID, 'ELIGIBLE', null, reasons, [reason('cp-ask-childcare-section')]);
  },
};
