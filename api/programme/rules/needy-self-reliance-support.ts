// 生活困窮者自立支援制度: consultation, household-budget and housing support for anyone in financial
// difficulty who is not (yet) on public assistance; people on 生活保護 are supported by their caseworker.

import type { Ctx } from './context';
import { reason, result, type ProgrammeRule } from './rule';

const ID = 'needy-self-reliance-support' as const;

export const needySelfRelianceSupport: ProgrammeRule = {
  id: ID,
  concerns: ['finances', 'housing', 'work'],
  baseline: 20,
  needsDates: false,
  codes: ['nss-on-public-assistance', 'nss-open', 'nss-visit', 'already-in-use'],
  evaluate(ctx: Ctx) {
    if (ctx.publicAssistance === true) return result(ID, 'NOT_ELIGIBLE', null, [reason('nss-on-public-assistance')], []);
    const reasons = [reason('nss-open')];
    if (ctx.uses(ID)) reasons.push(reason('already-in-use'));
    return result(ID, 'ELIGIBLE', null, reasons, [reason('nss-visit')]);
  },
};
