// 就学援助 (school-expense aid; 学校教育法 第19条). Municipal: 要保護 households (public assistance) and
// 準要保護 households. Receiving 児童扶養手当 is a 準要保護 criterion in about 76% of municipalities; the
// most common income criterion is 1.3× the welfare standard (reference §4: [M] town.kyowa.hokkaido.jp;
// [3P] citing MEXT). Default: eligible on public assistance or when receiving/eligible for 児童扶養手当
// (override craQualifies=false where that is not a criterion); otherwise ask the school board.

import type { Ctx } from './context';
import { craReceivingOrEligible } from './cra-standing';
import { reason, result, type ProgrammeRule } from './rule';
import type { ProgrammeParams, Reason } from './types';

const ID = 'school-expense-aid' as const;

export const schoolExpenseAid: ProgrammeRule = {
  id: ID,
  concerns: ['education', 'finances'],
  baseline: 35,
  needsDates: true,
  codes: [
    'no-children',
    'sea-no-school-child',
    'sea-public-assistance',
    'sea-covers',
    'municipal-rules-vary',
    'sea-income-criteria',
    'sea-ask-school-board',
    'ask-public-assistance',
    'already-in-use',
    'receives-cra',
    'cra-eligible',
    'apply-cra-first',
    'cra-not-payable',
    'cra-status-unknown',
  ],
  evaluate(ctx: Ctx, p: Partial<ProgrammeParams>) {
    // Elementary (grades 1–6) and junior high (7–9) only.
    const pupils = ctx.countGrades(1, 9);
    if (pupils === 0) return result(ID, 'NOT_ELIGIBLE', null, [reason(ctx.childCount === 0 ? 'no-children' : 'sea-no-school-child')], []);
    const tail = (r: Reason[]): Reason[] => {
      r.push(reason('sea-covers'), reason('municipal-rules-vary'));
      if (ctx.uses(ID)) r.push(reason('already-in-use'));
      return r;
    };
    if (ctx.publicAssistance === true) {
      return result(ID, 'ELIGIBLE', null, tail([reason('sea-public-assistance')]), [reason('sea-ask-school-board')]);
    }
    if (p.craQualifies !== false) {
      const s = craReceivingOrEligible(ctx);
      if (s.answer === 'yes') return result(ID, 'ELIGIBLE', null, tail(s.reasons), [...s.nextSteps, reason('sea-ask-school-board')]);
    }
    const next: Reason[] = [];
    if (ctx.publicAssistance === null) next.push(reason('ask-public-assistance'));
    next.push(reason('sea-ask-school-board'));
    return result(ID, 'NEEDS_MORE_INFO', null, tail([reason('sea-income-criteria')]), next);
  },
};
