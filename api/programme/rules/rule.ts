// What every programme rule looks like, and the small helpers they share.

import type { Ctx } from './context';
import type { ProgrammeId } from './programme-ids';
import type { ReasonCode } from './reason-texts';
import type { EligibilityStatus, ProgrammeParams, ProgrammeResult, Reason } from './types';

export interface ProgrammeRule {
  readonly id: ProgrammeId;
  /** Concern codes that make the programme more relevant to this family. */
  readonly concerns: readonly string[];
  /** Static relevance baseline, 0–100 (how broadly useful the programme is). */
  readonly baseline: number;
  /** If true and the dates are unusable, the engine answers NEEDS_MORE_INFO without calling evaluate. */
  readonly needsDates: boolean;
  /** Codes this rule may emit (reasons and next steps); the text-catalogue test checks each of them. */
  readonly codes: readonly ReasonCode[];
  /**
   * Decides the programme. `relevance` in the returned result is a rule-specific extra only (e.g. the
   * DV concern); the engine adds the common parts (status, concerns, amount, already in use).
   */
  evaluate(ctx: Ctx, p: Partial<ProgrammeParams>): ProgrammeResult;
}

export type Amount = ProgrammeResult['amount'];

/** A reason or next step. Typed on ReasonCode, so a code without texts does not compile. */
export function reason(code: ReasonCode, params?: Record<string, string | number>): Reason {
  return params === undefined ? { code } : { code, params };
}

export function result(
  programmeId: ProgrammeId,
  status: EligibilityStatus,
  amount: Amount,
  reasons: Reason[],
  nextSteps: Reason[],
  extraRelevance = 0,
): ProgrammeResult {
  return { programmeId, status, amount, reasons, nextSteps, relevance: extraRelevance };
}

export function monthlyAmount(monthly: number): Amount {
  return { monthly, yearly: monthly * 12 };
}

/** The next steps asking for each missing money answer that a decision depends on. */
export function askMissingIncome(ctx: Ctx, into: Reason[], withChildSupport: boolean): void {
  if (ctx.employment === null) into.push(reason('ask-employment-income'));
  if (ctx.otherIncome === null) into.push(reason('ask-other-income'));
  if (withChildSupport && ctx.childSupport === null) into.push(reason('ask-child-support'));
}
