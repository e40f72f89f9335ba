// Training benefits under 母子及び父子並びに寡婦福祉法 第31条 (自立支援給付金). Reference §4.

import { param } from './dated';

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
 * 自立支援教育訓練給付金: [M] qa.city.nagaoka.niigata.jp/faq/show/1006 (undated page; the engine covers
 * dates from 2024-04-01, so the entry starts there). Any employment-insurance training benefit is deducted.
 */
export const INDEPENDENCE_TRAINING = param<IndependenceTrainingParams>('自立支援教育訓練給付金', [
  {
    from: 20240401,
    value: {
      ratePercent: 60,
      minimumPayout: 12001,
      generalCap: 200000,
      specialisedCapPerYear: 400000,
      specialisedCapTotal: 1600000,
      qualifiedRatePercent: 85,
      qualifiedCapPerYear: 600000,
      qualifiedCapTotal: 2400000,
      qualifiedFromCompletion: 20240830,
    },
  },
]);

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
 * 高等職業訓練促進給付金 / 修了支援給付金: [M] city.kawachinagano.lg.jp/soshiki/10/108879.html (April 2025);
 * OpenFisca PR #479 citing cfa.go.jp/policies/hitori-oya/syokugyou-kunren (要綱 of 1 April 2026, same
 * figures). Dates before 2025-04-01 have no confirmed figures here, so the amount is left unknown.
 */
export const ADVANCED_TRAINING = param<AdvancedTrainingParams>('高等職業訓練促進給付金', [
  {
    from: 20250401,
    value: {
      monthlyTaxExempt: 100000,
      monthlyTaxed: 70500,
      lastYearAddition: 40000,
      maxMonths: 48,
      completionTaxExempt: 50000,
      completionTaxed: 25000,
      minimumStudyMonths: 6,
    },
  },
]);
