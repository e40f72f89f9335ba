// 母子・父子自立支援プログラム策定事業: a 自立支援プログラム drawn up with the family for work and
// independence. The national programme targets 児童扶養手当 recipients; many municipalities also accept
// other single parents, so anyone else gets NEEDS_MORE_INFO (ask), never NOT_ELIGIBLE. The plan is also
// a condition of the housing-support loan, so a housing concern makes it more relevant.

import type { Ctx } from './context';
import { craReceivingOrEligible } from './cra-standing';
import { reason, result, type ProgrammeRule } from './rule';

const ID = 'self-reliance-programme' as const;

export const selfRelianceProgramme: ProgrammeRule = {
  id: ID,
  concerns: ['work', 'finances', 'housing'],
  baseline: 25,
  needsDates: true,
  codes: [
    'married',
    'already-in-use',
    'srp-plan',
    'srp-ask',
    'consult-single-parent-desk',
    'receives-cra',
    'cra-eligible',
    'apply-cra-first',
    'cra-not-payable',
    'cra-status-unknown',
  ],
  evaluate(ctx: Ctx) {
    if (ctx.married === true) return result(ID, 'NOT_ELIGIBLE', null, [reason('married')], []);
    if (ctx.uses(ID)) return result(ID, 'ELIGIBLE', null, [reason('already-in-use')], [reason('consult-single-parent-desk')]);
    const s = craReceivingOrEligible(ctx);
    if (s.answer === 'yes') {
      s.reasons.push(reason('srp-plan'));
      return result(ID, 'ELIGIBLE', null, s.reasons, [reason('consult-single-parent-desk')]);
    }
    return result(ID, 'NEEDS_MORE_INFO', null, [reason('srp-ask')], [reason('consult-single-parent-desk')]);
  },
};
