// The eligibility engine: pure functions from a Household to one result per programme.
//
//   evaluateAll(h, { overrides, disabled })  → all programmes, most relevant first
//   evaluateProgramme(id, h, options)        → one programme (null for an unknown or disabled id)
//   validateHousehold(h)                     → problems to show on the form
//   renderReason(reason, locale)             → the sentence for a reason code (lazy, API layer)
//
// Every rule reads a per-household context built once (context.ts); parameters are dated tables
// (parameters/); amounts are integer yen.

import { advancedVocationalTrainingBenefit } from './advanced-vocational-training-benefit';
import { childAllowance } from './child-allowance';
import { childRearingAllowance } from './child-rearing-allowance';
import { childSupportSecuring } from './child-support-securing';
import { childcarePriority } from './childcare-priority';
import { commuterPassDiscount } from './commuter-pass-discount';
import { Ctx } from './context';
import { dvConsultation } from './dv-consultation';
import { highSchoolTuitionSupport } from './high-school-tuition-support';
import { homeHelperDispatch } from './home-helper-dispatch';
import { housingSupportLoan } from './housing-support-loan';
import { independenceTrainingBenefitRule } from './independence-training-benefit';
import { learningSupportForChildren } from './learning-support-for-children';
import { livelihoodProtection } from './livelihood-protection';
import { needySelfRelianceSupport } from './needy-self-reliance-support';
import { PROGRAMME_IDS } from './programme-ids';
import { publicHousingPriority } from './public-housing-priority';
import { reason, result, type ProgrammeRule } from './rule';
import { schoolExpenseAid } from './school-expense-aid';
import { selfRelianceProgramme } from './self-reliance-programme';
import { singleParentConsultation } from './single-parent-consultation';
import { singleParentMedicalSubsidy } from './single-parent-medical-subsidy';
import { singleParentTaxDeduction } from './single-parent-tax-deduction';
import type { EvaluateOptions, Household, ProgrammeParams, ProgrammeResult } from './types';
import { vocationalSupport } from './vocational-support';
import { welfareFundLoan } from './welfare-fund-loan';

/** All rules, in catalogue order (the tie-break of the relevance sort). */
export const RULES: readonly ProgrammeRule[] = [
  childRearingAllowance,
  childAllowance,
  singleParentMedicalSubsidy,
  welfareFundLoan,
  independenceTrainingBenefitRule,
  advancedVocationalTrainingBenefit,
  housingSupportLoan,
  publicHousingPriority,
  schoolExpenseAid,
  highSchoolTuitionSupport,
  childcarePriority,
  commuterPassDiscount,
  singleParentTaxDeduction,
  selfRelianceProgramme,
  vocationalSupport,
  needySelfRelianceSupport,
  livelihoodProtection,
  childSupportSecuring,
  dvConsultation,
  homeHelperDispatch,
  singleParentConsultation,
  learningSupportForChildren,
];

// Fail at load time, not in production traffic, if the catalogue and the rules drift apart.
if (RULES.length !== PROGRAMME_IDS.length || RULES.some((r, i) => r.id !== PROGRAMME_IDS[i])) {
  throw new Error('eligibility rules do not match PROGRAMME_IDS');
}

const RULE_BY_ID: ReadonlyMap<string, ProgrammeRule> = new Map(RULES.map((r) => [r.id, r]));
const NO_PARAMS: Partial<ProgrammeParams> = Object.freeze({});

/** Relevance weights. NOT_ELIGIBLE scores 0–99, anything else ≥ 100, so NOT_ELIGIBLE always sorts last. */
const W = {
  eligible: 1000,
  needsMoreInfo: 600,
  /** Each concern the family named that the programme addresses (at most two count). */
  perConcern: 250,
  maxConcerns: 2,
  /** Amount bonus: 1 point per 1,000 yen a year, at most 600 (児童扶養手当 full, one child ≈ 577). */
  yenPerPoint: 1000,
  maxAmountPoints: 600,
  alreadyInUse: -300,
} as const;

function score(rule: ProgrammeRule, ctx: Ctx, r: ProgrammeResult, p: Partial<ProgrammeParams>): number {
  let hits = 0;
  const cs = rule.concerns;
  for (let i = 0; i < cs.length; i++) if (ctx.concerns.includes(cs[i]!)) hits++;
  if (hits > W.maxConcerns) hits = W.maxConcerns;
  const boost = p.relevanceBoost ?? 0;
  if (r.status === 'NOT_ELIGIBLE') {
    const s = Math.round((rule.baseline + hits * W.perConcern + boost) / 10);
    return s < 0 ? 0 : s > 99 ? 99 : s;
  }
  let s = (r.status === 'ELIGIBLE' ? W.eligible : W.needsMoreInfo) + rule.baseline + hits * W.perConcern + r.relevance + boost;
  const yearly = r.amount === null ? null : r.amount.yearly;
  if (yearly !== null && yearly > 0) {
    const pts = Math.round(yearly / W.yenPerPoint);
    s += pts > W.maxAmountPoints ? W.maxAmountPoints : pts;
  }
  if (ctx.uses(rule.id)) s += W.alreadyInUse;
  s = Math.round(s);
  return s < 100 ? 100 : s;
}

function run(rule: ProgrammeRule, ctx: Ctx, p: Partial<ProgrammeParams>): ProgrammeResult {
  const r =
    rule.needsDates && !ctx.datesValid ? result(rule.id, 'NEEDS_MORE_INFO', null, [reason('invalid-input')], [reason('check-answers')]) : rule.evaluate(ctx, p);
  r.relevance = score(rule, ctx, r, p);
  return r;
}

/**
 * Stable insertion sort by relevance, descending. For 22 items it is several times faster than
 * Array.prototype.sort with a comparator, and ties keep catalogue order.
 */
function sortByRelevance(a: ProgrammeResult[]): ProgrammeResult[] {
  for (let i = 1; i < a.length; i++) {
    const x = a[i]!;
    let j = i - 1;
    while (j >= 0 && a[j]!.relevance < x.relevance) {
      a[j + 1] = a[j]!;
      j--;
    }
    a[j + 1] = x;
  }
  return a;
}

/** Evaluates every programme (except `disabled`) for one household; most relevant first. */
export function evaluateAll(h: Household, options?: EvaluateOptions): ProgrammeResult[] {
  const ctx = new Ctx(h);
  const overrides = options?.overrides;
  const disabled = options?.disabled;
  const out: ProgrammeResult[] = [];
  for (let i = 0; i < RULES.length; i++) {
    const rule = RULES[i]!;
    if (disabled !== undefined && disabled.includes(rule.id)) continue;
    out.push(run(rule, ctx, (overrides && overrides[rule.id]) || NO_PARAMS));
  }
  return sortByRelevance(out);
}

/** Evaluates one programme; null when the id is unknown or disabled. */
export function evaluateProgramme(id: string, h: Household, options?: EvaluateOptions): ProgrammeResult | null {
  const rule = RULE_BY_ID.get(id);
  if (rule === undefined || options?.disabled?.includes(id)) return null;
  return run(rule, new Ctx(h), (options?.overrides && options.overrides[id]) || NO_PARAMS);
}

export * from './types';
export { PROGRAMME_IDS, isProgrammeId, type ProgrammeId } from './programme-ids';
export { validateHousehold } from './validate';
export { renderReason, renderReasons, hasReasonText, REASON_CODES, type ReasonCode } from './reasons';
export { childRearingAllowanceMonthly, childRearingAllowanceBreakdown, craIncomeAmount, craIncomeYear, isCraChild } from './child-rearing-allowance';
export { childAllowanceBreakdown } from './child-allowance';
export { independenceTrainingBenefit, type TrainingCourse } from './independence-training-benefit';
export { salaryIncome } from './parameters/employment-income';
export { valueAt, entryAt } from './parameters/dated';
export { incomeAssessment, craIncomeYearOn, type IncomeAssessment } from './income-assessment';
