// 養育費の確保支援 (help securing child support: 養育費等相談支援センター, legal consultation, help with
// agreements and enforcement). Open to any parent raising a child apart from the other parent; most
// relevant when no 養育費 is received.

import type { Ctx } from './context';
import { reason, result, type ProgrammeRule } from './rule';

const ID = 'child-support-securing' as const;

export const childSupportSecuring: ProgrammeRule = {
  id: ID,
  concerns: ['child-support', 'legal', 'finances'],
  baseline: 20,
  needsDates: false,
  codes: ['no-children', 'css-none-received', 'css-receiving', 'css-open', 'css-consult', 'already-in-use'],
  evaluate(ctx: Ctx) {
    if (ctx.childCount === 0) return result(ID, 'NOT_ELIGIBLE', null, [reason('no-children')], []);
    let extra = 0;
    const reasons = [];
    if (ctx.childSupport === 0) {
      reasons.push(reason('css-none-received'));
      extra = 150;
    } else if (ctx.childSupport !== null) {
      reasons.push(reason('css-receiving'));
    } else {
      reasons.push(reason('css-open'));
    }
    if (ctx.uses(ID)) reasons.push(reason('already-in-use'));
    return result(ID, 'ELIGIBLE', null, reasons, [reason('css-consult')], extra);
  },
};
