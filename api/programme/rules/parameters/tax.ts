// ひとり親控除 (single-parent deduction). Keyed by INCOME (tax) YEAR. Reference §4.
// 所得税法 第81条; 地方税法. nta.go.jp/taxes/shiraberu/taxanswer/shotoku/1171.htm [O, cited].

import { datedParameter, int, obj } from './load';

export interface SingleParentDeductionParams {
  /** Income-tax deduction. */
  readonly incomeTax: number;
  /** Resident-tax deduction (resident tax of the following year assesses this income year). */
  readonly residentTax: number;
  /** The parent's 合計所得金額 must not exceed this (≤ 5,000,000; about 6.77M gross salary). */
  readonly ownIncomeLimit: number;
  /** A child counts if its 総所得金額等 is at most this. */
  readonly childIncomeLimit: number;
}

/** seeds/parameters/single-parent-tax-deduction.yaml, keyed by income (tax) year. */
export const SINGLE_PARENT_DEDUCTION = datedParameter<SingleParentDeductionParams>(
  'single-parent-tax-deduction',
  'deduction',
  obj<SingleParentDeductionParams>({ incomeTax: int, residentTax: int, ownIncomeLimit: int, childIncomeLimit: int }),
  { byYear: true },
);
