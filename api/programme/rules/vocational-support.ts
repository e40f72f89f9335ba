// 就業支援 (就業支援専門員 at the ひとり親家庭等就業・自立支援センター, and マザーズハローワーク): job
// counselling and placement open to any parent raising children; nothing to qualify for.

import type { Ctx } from './context';
import { reason, result, type ProgrammeRule } from './rule';

const ID = 'vocational-support' as const;

export const vocationalSupport: ProgrammeRule = {
  id: ID,
  concerns: ['work'],
  baseline: 30,
  needsDates: false,
  codes: ['vs-open', 'vs-visit', 'already-in-use'],
  evaluate(ctx: Ctx) {
    const reasons = [reason('vs-open')];
    if (ctx.uses(ID)) reasons.push(reason('already-in-use'));
    return result(ID, 'ELIGIBLE', null, reasons, [reason('vs-visit')]);
  },
};
