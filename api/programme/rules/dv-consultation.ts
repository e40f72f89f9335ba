// DV相談 (domestic-violence consultation: 配偶者暴力相談支援センター, DV相談ナビ #8008, the police in an
// emergency). Open to everyone, always. When the family names a DV concern it is put first, above
// everything else: safety comes before money.

import type { Ctx } from './context';
import { reason, result, type ProgrammeRule } from './rule';

const ID = 'dv-consultation' as const;

/** Relevance added when concerns include 'dv' — larger than any other programme can score. */
export const DV_CONCERN_BOOST = 5000;

export const dvConsultation: ProgrammeRule = {
  id: ID,
  concerns: ['dv'],
  baseline: 5,
  needsDates: false,
  codes: ['dv-you-mentioned', 'dv-open', 'dv-call', 'dv-emergency', 'dv-protect-address', 'already-in-use'],
  evaluate(ctx: Ctx) {
    if (ctx.hasConcern('dv')) {
      const reasons = [reason('dv-you-mentioned')];
      if (ctx.uses(ID)) reasons.push(reason('already-in-use'));
      return result(ID, 'ELIGIBLE', null, reasons, [reason('dv-emergency'), reason('dv-call'), reason('dv-protect-address')], DV_CONCERN_BOOST);
    }
    return result(ID, 'ELIGIBLE', null, [reason('dv-open')], [reason('dv-call')]);
  },
};
