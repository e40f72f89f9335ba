// 生活保護 (public assistance). Whether a household qualifies depends on its assets, all income, the
// minimum-living standard for its area and members, and other means — only the 福祉事務所 can decide.
// So this rule NEVER answers ELIGIBLE: it is NEEDS_MORE_INFO with a next step to consult. It is made
// more relevant for families with money worries and a low income signal.

import { assessCra } from './child-rearing-allowance';
import type { Ctx } from './context';
import { reason, result, type ProgrammeRule } from './rule';

const ID = 'livelihood-protection' as const;

export const livelihoodProtection: ProgrammeRule = {
  id: ID,
  concerns: ['finances', 'housing', 'medical'],
  baseline: 10,
  needsDates: false,
  codes: ['lp-receiving', 'lp-caseworker', 'lp-decided-by-office', 'lp-consult'],
  evaluate(ctx: Ctx) {
    if (ctx.publicAssistance === true) {
      return result(ID, 'NEEDS_MORE_INFO', null, [reason('lp-receiving')], [reason('lp-caseworker')], -200);
    }
    let extra = 0;
    if (ctx.hasConcern('finances')) {
      // Low-income signals: resident-tax exemption, or a 児童扶養手当 full-payment income level.
      const cra = ctx.datesValid ? assessCra(ctx) : undefined;
      const lowIncome = ctx.residentTaxExempt === true || (cra !== undefined && cra.incomeKnown && cra.incomeAmount < cra.fullLimit);
      if (lowIncome) extra = 100;
    }
    return result(ID, 'NEEDS_MORE_INFO', null, [reason('lp-decided-by-office')], [reason('lp-consult')], extra);
  },
};
