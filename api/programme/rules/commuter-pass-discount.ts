// JR通勤定期乗車券の割引 (JR commuter-pass discount, about 30%). For a recipient of 児童扶養手当 or a member
// of their household commuting by JR; not while the allowance is wholly stopped; school passes do not
// qualify. Needs a 特定者資格証明書 (1 year) and a 購入証明書 (6 months) from the municipality. JR's
// special-fare rules, not a statute ([M] city.owariasahi.lg.jp ; pref.miyagi.jp/soshiki/kodomo/teiki-waribiki.html).

import type { Ctx } from './context';
import { craReceivingOrEligible } from './cra-standing';
import { COMMUTER_PASS_DISCOUNT_PERCENT } from './parameters/commuter-pass';
import { reason, result, type ProgrammeRule } from './rule';

const ID = 'commuter-pass-discount' as const;

export const commuterPassDiscount: ProgrammeRule = {
  id: ID,
  concerns: ['work', 'finances'],
  baseline: 20,
  needsDates: true,
  codes: [
    'married',
    'cpd-discount',
    'cpd-get-certificates',
    'cpd-needs-cra',
    'already-in-use',
    'receives-cra',
    'cra-eligible',
    'apply-cra-first',
    'cra-not-payable',
    'cra-status-unknown',
    'ask-employment-income',
    'ask-other-income',
    'ask-child-support',
    'ask-married',
    'consult-single-parent-desk',
    'check-answers',
  ],
  evaluate(ctx: Ctx) {
    if (ctx.married === true) return result(ID, 'NOT_ELIGIBLE', null, [reason('married')], []);
    const s = craReceivingOrEligible(ctx);
    if (s.answer === 'no') return result(ID, 'NOT_ELIGIBLE', null, [reason('cpd-needs-cra'), ...s.reasons], []);
    if (s.answer === 'unknown') return result(ID, 'NEEDS_MORE_INFO', null, [reason('cpd-needs-cra'), ...s.reasons], s.nextSteps);
    const reasons = s.reasons;
    reasons.push(reason('cpd-discount', { percent: COMMUTER_PASS_DISCOUNT_PERCENT }));
    if (ctx.uses(ID)) reasons.push(reason('already-in-use'));
    return result(ID, 'ELIGIBLE', null, reasons, [...s.nextSteps, reason('cpd-get-certificates')]);
  },
};
