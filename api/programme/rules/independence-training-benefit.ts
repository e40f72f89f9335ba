// 自立支援教育訓練給付金 (母子及び父子並びに寡婦福祉法 第31条). A single parent supporting a child under 20
// who receives 児童扶養手当 or is at an equivalent income level; the course must be designated BEFORE
// enrolment. 60% of fees, caps by course type (reference §4; parameters/training.ts).

import type { Ctx } from './context';
import { trainingBenefitGate } from './cra-standing';
import { entryAt, valueAt } from './parameters/dated';
import { INDEPENDENCE_TRAINING } from './parameters/training';
import { reason, result, type ProgrammeRule } from './rule';

const ID = 'independence-training-benefit' as const;

export interface TrainingCourse {
  /** Enrolment + tuition fees paid, yen. */
  fees: number;
  /** 'general' (一般教育訓練 etc.) or 'specialised' (専門実践教育訓練). */
  kind: 'general' | 'specialised';
  /** Years of study (専門実践 caps are per year). */
  years: number;
  /** 専門実践: qualification obtained and employed within 1 year of completion. */
  qualifiedAndEmployed?: boolean;
  /** Completion date 'YYYY-MM-DD' (the 85% rate applies to completions from 2024-08-30). */
  completedOn?: string;
  /** Employment-insurance training benefit received for the same course (deducted). */
  employmentInsuranceBenefit?: number;
}

/**
 * The benefit for a course, in yen (0 below the minimum payout). Percentages are applied in integer
 * arithmetic with yen fractions cut. Before the parameters' first date: null.
 */
export function independenceTrainingBenefit(course: TrainingCourse, date: string | number): number | null {
  const e = entryAt(INDEPENDENCE_TRAINING, date);
  if (e === undefined) return null;
  const p = e.value;
  const pct = (rate: number): number => Math.floor((course.fees * rate) / 100);
  let v: number;
  if (course.kind === 'general') {
    v = Math.min(pct(p.ratePercent), p.generalCap);
  } else {
    const completed = course.completedOn === undefined ? -1 : Number(course.completedOn.replace(/-/g, ''));
    const qualified = course.qualifiedAndEmployed === true && completed >= p.qualifiedFromCompletion;
    v = qualified
      ? Math.min(pct(p.qualifiedRatePercent), p.qualifiedCapPerYear * course.years, p.qualifiedCapTotal)
      : Math.min(pct(p.ratePercent), p.specialisedCapPerYear * course.years, p.specialisedCapTotal);
  }
  v -= course.employmentInsuranceBenefit ?? 0;
  return v >= p.minimumPayout ? v : 0;
}

export const independenceTrainingBenefitRule: ProgrammeRule = {
  id: ID,
  concerns: ['work', 'education'],
  baseline: 25,
  needsDates: true,
  codes: [
    'married',
    'no-children',
    'no-child-under-20',
    'ask-married',
    'itb-amount',
    'itb-designate-first',
    'already-in-use',
    'receives-cra',
    'cra-received',
    'cra-level-within',
    'cra-level-over',
    'income-unknown',
    'date-not-covered',
    'ask-employment-income',
    'ask-other-income',
    'ask-child-support',
    'consult-single-parent-desk',
  ],
  evaluate(ctx: Ctx) {
    const gate = trainingBenefitGate(ctx, ID);
    if ('decided' in gate) return gate.decided;
    const next = gate.nextSteps;
    const p = valueAt(INDEPENDENCE_TRAINING, ctx.asOf);
    const reasons = gate.reasons;
    if (p === undefined) return result(ID, 'NEEDS_MORE_INFO', null, [reason('date-not-covered', { date: ctx.h.asOf })], [reason('consult-single-parent-desk')]);
    reasons.push(
      reason('itb-amount', { percent: p.ratePercent, cap: p.generalCap, specialisedCap: p.specialisedCapTotal, qualifiedPercent: p.qualifiedRatePercent }),
    );
    if (ctx.uses(ID)) reasons.push(reason('already-in-use'));
    next.push(reason('itb-designate-first'));
    return result(ID, 'ELIGIBLE', null, reasons, next);
  },
};
