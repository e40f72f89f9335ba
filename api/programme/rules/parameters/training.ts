// Training benefits under 母子及び父子並びに寡婦福祉法 第31条 (自立支援給付金). Reference §4.

import { datedParameter, int, obj, ymd } from './load';

export interface IndependenceTrainingParams {
  /** Share of enrolment and tuition fees paid, in percent. */
  readonly ratePercent: number;
  /** Nothing is paid unless the computed benefit is at least this amount (minimum payout 12,001 yen). */
  readonly minimumPayout: number;
  /** Cap for general courses. */
  readonly generalCap: number;
  /** 専門実践 courses: cap per year of study and overall. */
  readonly specialisedCapPerYear: number;
  readonly specialisedCapTotal: number;
  /** 専門実践, qualification and a job within 1 year of completion: higher rate and caps. */
  readonly qualifiedRatePercent: number;
  readonly qualifiedCapPerYear: number;
  readonly qualifiedCapTotal: number;
  /** The higher rate applies to courses completed on or after this date (YYYYMMDD). */
  readonly qualifiedFromCompletion: number;
}

/**
 * seeds/parameters/independence-training-benefit.yaml. 自立支援教育訓練給付金: [M] qa.city.nagaoka.niigata.jp/faq/show/1006 (undated page; the engine covers
 * dates from 2024-04-01, so the entry starts there). Any employment-insurance training benefit is deducted.
 */
export const INDEPENDENCE_TRAINING = datedParameter<IndependenceTrainingParams>(
  'independence-training-benefit',
  'benefit',
  obj<IndependenceTrainingParams>({
    ratePercent: int,
    minimumPayout: int,
    generalCap: int,
    specialisedCapPerYear: int,
    specialisedCapTotal: int,
    qualifiedRatePercent: int,
    qualifiedCapPerYear: int,
    qualifiedCapTotal: int,
    qualifiedFromCompletion: ymd,
  }),
);

export interface AdvancedTrainingParams {
  /** Monthly benefit for a household exempt from resident tax (住民税非課税). */
  readonly monthlyTaxExempt: number;
  /** Monthly benefit for a taxed household. */
  readonly monthlyTaxed: number;
  /** Added in the last 12 months of the course. */
  readonly lastYearAddition: number;
  /** Paid for at most this many months. */
  readonly maxMonths: number;
  /** 修了支援給付金 on completion: exempt / taxed. */
  readonly completionTaxExempt: number;
  readonly completionTaxed: number;
  /** Minimum length of study at the training school, months. */
  readonly minimumStudyMonths: number;
}

/**
 * seeds/parameters/advanced-vocational-training-benefit.yaml. 高等職業訓練促進給付金 / 修了支援給付金: [M] city.kawachinagano.lg.jp/soshiki/10/108879.html (April 2025);
 * OpenFisca PR #479 citing cfa.go.jp/policies/hitori-oya/syokugyou-kunren (要綱 of 1 April 2026, same
 * figures). Dates before 2025-04-01 have no confirmed figures here, so the amount is left unknown.
 */
export const ADVANCED_TRAINING = datedParameter<AdvancedTrainingParams>(
  'advanced-vocational-training-benefit',
  'benefit',
  obj<AdvancedTrainingParams>({
    monthlyTaxExempt: int,
    monthlyTaxed: int,
    lastYearAddition: int,
    maxMonths: int,
    completionTaxExempt: int,
    completionTaxed: int,
    minimumStudyMonths: int,
  }),
);
