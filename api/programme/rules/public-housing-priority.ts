// 公営住宅の優先入居 (priority for public housing). Municipal: single-parent households with children
// get priority (extra lottery chances or a priority quota), but the income limits and selection are
// the housing authority's own. Default: single parent with a child under 20 → ask the department.
// It never says ELIGIBLE from these answers.

import type { Ctx } from './context';
import { SINGLE_PARENT_CHILD_UNDER_AGE } from './parameters/single-parent-family';
import { reason, result, type ProgrammeRule } from './rule';

const ID = 'public-housing-priority' as const;

export const publicHousingPriority: ProgrammeRule = {
  id: ID,
  concerns: ['housing'],
  baseline: 15,
  needsDates: true,
  codes: ['married', 'no-children', 'no-child-under-20', 'php-criteria', 'municipal-rules-vary', 'php-ask-department', 'already-in-use'],
  evaluate(ctx: Ctx) {
    if (ctx.married === true) return result(ID, 'NOT_ELIGIBLE', null, [reason('married')], []);
    if (ctx.countUnderAge(SINGLE_PARENT_CHILD_UNDER_AGE) === 0)
      return result(ID, 'NOT_ELIGIBLE', null, [reason(ctx.childCount === 0 ? 'no-children' : 'no-child-under-20')], []);
    const reasons = [reason('php-criteria'), reason('municipal-rules-vary')];
    if (ctx.uses(ID)) reasons.push(reason('already-in-use'));
    // A housing concern makes this one of the first things to show, although only the housing
    // department can decide (the extra lifts it above ELIGIBLE programmes unrelated to housing).
    return result(ID, 'NEEDS_MORE_INFO', null, reasons, [reason('php-ask-department')], ctx.hasConcern('housing') ? 300 : 0);
  },
};
