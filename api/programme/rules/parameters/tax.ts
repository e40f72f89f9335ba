// ひとり親控除 (single-parent deduction). Keyed by INCOME (tax) YEAR. Reference §4.
// 所得税法 第81条; 地方税法. nta.go.jp/taxes/shiraberu/taxanswer/shotoku/1171.htm [O, cited].

import { param } from './dated';

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

export const SINGLE_PARENT_DEDUCTION = param<SingleParentDeductionParams>('ひとり親控除', [
  // Introduced for tax year 2020 (令和2年分). NTA 1171 [O].
  { from: 2020, value: { incomeTax: 350000, residentTax: 300000, ownIncomeLimit: 5000000, childIncomeLimit: 480000 } },
  // Child's income test 48万 → 58万 from tax year 2025: [3P] zenaoirobr.jp.
  { from: 2025, value: { incomeTax: 350000, residentTax: 300000, ownIncomeLimit: 5000000, childIncomeLimit: 580000 } },
  // 2026 大綱 (tax reform outline, not yet law when written): 380,000 from tax year 2027 and 330,000 for
  // resident-tax year 2028 (which assesses income year 2027). [3P] wakaruzei.com/r8-hitorioyakoujo.
  // The rise of the child's income test to 62万 has no confirmed date (reference §5 item 5), so 58万 stays.
  { from: 2027, provisional: true, value: { incomeTax: 380000, residentTax: 330000, ownIncomeLimit: 5000000, childIncomeLimit: 580000 } },
]);
