// 子どもの学習・生活支援事業 (study and daily-life support for children of single-parent and low-income
// households; elementary to high-school age). Municipal criteria; default: eligible on public assistance
// or when receiving/eligible for 児童扶養手当, otherwise ask.

import type { Ctx } from './context';
import { craReceivingOrEligible } from './cra-standing';
import { reason, result, type ProgrammeRule } from './rule';
import type { ProgrammeParams, Reason } from './types';

const ID = 'learning-support-for-children' as const;

export const learningSupportForChildren: ProgrammeRule = {
  id: ID,
  concerns: ['education'],
  baseline: 20,
  needsDates: true,
  codes: [
    'no-children',
    'ls-no-school-child',
    'ls-on-public-assistance',
    'ls-support',
    'municipal-rules-vary',
    'ls-criteria',
    'ls-ask',
    'ask-public-assistance',
    'already-in-use',
    'receives-cra',
    'cra-eligible',
    'apply-cra-first',
    'cra-not-payable',
    'cra-status-unknown',
  ],
  evaluate(ctx: Ctx, p: Partial<ProgrammeParams>) {
    const pupils = ctx.countGrades(1, 12);
    if (pupils === 0) return result(ID, 'NOT_ELIGIBLE', null, [reason(ctx.childCount === 0 ? 'no-children' : 'ls-no-school-child')], []);
    const tail = (r: Reason[]): Reason[] => {
      r.push(reason('ls-support'), reason('municipal-rules-vary'));
      if (ctx.uses(ID)) r.push(reason('already-in-use'));
      return r;
    };
    if (ctx.publicAssistance === true) return result(ID, 'ELIGIBLE', null, tail([reason('ls-on-public-assistance')]), [reason('ls-ask')]);
    if (p.craQualifies !== false) {
      const s = craReceivingOrEligible(ctx);
      if (s.answer === 'yes') return result(ID, 'ELIGIBLE', null, tail(s.reasons), [...s.nextSteps, reason('ls-ask')]);
    }
    const next: Reason[] = [];
    if (ctx.publicAssistance === null) next.push(reason('ask-public-assistance'));
    next.push(reason('ls-ask'));
    return result(ID, 'NEEDS_MORE_INFO', null, tail([reason('ls-criteria')]), next);
  },
};
