// 母子・父子自立支援員による相談: the single-parent support counsellor at the municipality, the entry point
// for everything in this catalogue. Open to every single parent (and to people about to become one), so
// it is always ELIGIBLE.

import type { Ctx } from './context';
import { reason, result, type ProgrammeRule } from './rule';

const ID = 'single-parent-consultation' as const;

export const singleParentConsultation: ProgrammeRule = {
  id: ID,
  concerns: ['legal', 'mental-health', 'child-support'],
  baseline: 40,
  needsDates: false,
  codes: ['spc-open', 'consult-single-parent-desk', 'already-in-use'],
  evaluate(ctx: Ctx) {
    const reasons = [reason('spc-open')];
    if (ctx.uses(ID)) reasons.push(reason('already-in-use'));
    return result(ID, 'ELIGIBLE', null, reasons, [reason('consult-single-parent-desk')]);
  },
};
