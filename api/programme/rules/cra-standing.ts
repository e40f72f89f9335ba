// Several programmes are keyed on 児童扶養手当: "receiving it (or eligible for it)", or "receiving it or
// at an equivalent income level". These helpers answer those two questions once, from the memoised
// 児童扶養手当 assessment, with the reasons and follow-up questions to show.

import { assessCra } from './child-rearing-allowance';
import type { Ctx } from './context';
import { SINGLE_PARENT_CHILD_UNDER_AGE } from './parameters/single-parent-family';
import type { ProgrammeId } from './programme-ids';
import { askMissingIncome, reason, result } from './rule';
import type { ProgrammeResult, Reason } from './types';

export type Tri = 'yes' | 'no' | 'unknown';

export interface Standing {
  answer: Tri;
  reasons: Reason[];
  nextSteps: Reason[];
}

const CRA = 'child-rearing-allowance';

/**
 * Receiving 児童扶養手当, or eligible for it now (then: apply for it first). "No" when it is wholly
 * stopped or not payable (income over the 一部支給 limit, marriage, no child in age).
 */
export function craReceivingOrEligible(ctx: Ctx): Standing {
  if (ctx.uses(CRA) && ctx.married !== true) return { answer: 'yes', reasons: [reason('receives-cra')], nextSteps: [] };
  const r = assessCra(ctx).result;
  if (r.status === 'ELIGIBLE') {
    return { answer: 'yes', reasons: [reason('cra-eligible')], nextSteps: [reason('apply-cra-first')] };
  }
  if (r.status === 'NOT_ELIGIBLE') return { answer: 'no', reasons: [reason('cra-not-payable')], nextSteps: [] };
  return { answer: 'unknown', reasons: [reason('cra-status-unknown')], nextSteps: r.nextSteps.slice() };
}

/**
 * Receiving 児童扶養手当, or with a 所得額 below its 一部支給 limit for the household's 扶養親族等の数
 * ("同等の所得水準"), whatever the children's ages.
 */
export function craIncomeLevel(ctx: Ctx): Standing {
  if (ctx.uses(CRA)) return { answer: 'yes', reasons: [reason('receives-cra')], nextSteps: [] };
  const a = assessCra(ctx);
  if (!a.supported) return { answer: 'unknown', reasons: [reason('date-not-covered', { date: ctx.h.asOf })], nextSteps: [] };
  const params = { income: a.incomeAmount, limit: a.partialLimit, incomeYear: a.incomeYear };
  if (a.incomeLevel === 'within') return { answer: 'yes', reasons: [reason('cra-level-within', params)], nextSteps: [] };
  if (a.incomeLevel === 'over') return { answer: 'no', reasons: [reason('cra-level-over', params)], nextSteps: [] };
  const next: Reason[] = [];
  askMissingIncome(ctx, next, true);
  return { answer: 'unknown', reasons: [reason('income-unknown', { incomeYear: a.incomeYear })], nextSteps: next };
}

/**
 * The reasons of a standing for a result that is still 要確認: "receiving 児童扶養手当, so you qualify"
 * becomes the bare fact, since another answer (the marital status) still decides.
 */
export function undecided(rs: Reason[]): Reason[] {
  return rs.map((r) => (r.code === 'receives-cra' ? reason('cra-received') : r));
}

/**
 * The gate both training benefits share (母子及び父子並びに寡婦福祉法 第31条): an unmarried parent of a
 * child under 20, receiving 児童扶養手当 or at its income level. Returns the early answer when the gate
 * decides (NOT_ELIGIBLE, or NEEDS_MORE_INFO with the questions to ask), otherwise the reasons and next
 * steps gathered so far for the rule to add its amounts to.
 */
export function trainingBenefitGate(ctx: Ctx, id: ProgrammeId): { decided: ProgrammeResult } | { reasons: Reason[]; nextSteps: Reason[] } {
  if (ctx.married === true) return { decided: result(id, 'NOT_ELIGIBLE', null, [reason('married')], []) };
  if (ctx.countUnderAge(SINGLE_PARENT_CHILD_UNDER_AGE) === 0)
    return { decided: result(id, 'NOT_ELIGIBLE', null, [reason(ctx.childCount === 0 ? 'no-children' : 'no-child-under-20')], []) };
  const s = craIncomeLevel(ctx);
  if (s.answer === 'no') return { decided: result(id, 'NOT_ELIGIBLE', null, s.reasons, []) };
  const next = s.nextSteps;
  if (ctx.married === null) next.push(reason('ask-married'));
  if (s.answer === 'unknown' || ctx.married === null) return { decided: result(id, 'NEEDS_MORE_INFO', null, undecided(s.reasons), next) };
  return { reasons: s.reasons, nextSteps: next };
}
