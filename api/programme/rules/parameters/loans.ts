// Loans. Reference §4 and its loan table.

import { param } from './dated';

export interface WelfareFundLoanParams {
  /** Limits (yen) per loan type; monthly loans say so in their key. Hagi city, December 2022. */
  readonly businessStart: number;
  readonly businessContinuation: number;
  readonly schoolingMonthlyMin: number;
  readonly schoolingMonthlyMax: number;
  readonly skillsMonthly: number;
  readonly trainingMonthly: number;
  readonly jobPreparation: number;
  readonly medical: number;
  readonly care: number;
  readonly livingMonthly: number;
  readonly housing: number;
  readonly moving: number;
  readonly schoolPreparationMin: number;
  readonly schoolPreparationMax: number;
  readonly marriage: number;
  /** Interest per year without a joint guarantor, in tenths of a percent (10 = 1.0%); 0 with one. */
  readonly interestWithoutGuarantorPermille: number;
  /** Child's age limit: a parent supporting a child under this age may borrow. */
  readonly childUnderAge: number;
}

/**
 * 母子父子寡婦福祉資金貸付金 (12 loan types; 母子及び父子並びに寡婦福祉法 第13条 and parallel articles).
 * [M] city.hagi.lg.jp/soshiki/35/h44352.html (Dec 2022); pref. Kanagawa p432797 (Apr 2024).
 * Limits are revised periodically: CHECK THE CURRENT YEAR (reference §5 item 4).
 */
export const WELFARE_FUND_LOAN = param<WelfareFundLoanParams>('母子父子寡婦福祉資金 貸付限度額', [
  {
    from: 20221201,
    provisional: true,
    value: {
      businessStart: 3260000,
      businessContinuation: 1630000,
      schoolingMonthlyMin: 27000,
      schoolingMonthlyMax: 183000,
      skillsMonthly: 68000,
      trainingMonthly: 68000,
      jobPreparation: 105000,
      medical: 340000,
      care: 500000,
      livingMonthly: 105000,
      housing: 1500000,
      moving: 260000,
      schoolPreparationMin: 64300,
      schoolPreparationMax: 590000,
      marriage: 310000,
      interestWithoutGuarantorPermille: 10,
      childUnderAge: 20,
    },
  },
]);

/**
 * ひとり親家庭住宅支援資金貸付: actual rent for up to 12 months, interest-free, no guarantor.
 * Monthly cap 40,000 on [M] pref.hiroshima (p.zyuutakusiennsikin, FY2024); 70,000 on [M*]
 * pref.hokkaido.lg.jp/hf/kms/zyutakushien.html and the Okinawa page. The year of the change is
 * UNCONFIRMED (probably FY2025) — so the 70,000 entry is dated 2025-04-01 and marked provisional.
 * A municipality overrides it with ProgrammeParams.monthlyCap.
 */
export const HOUSING_SUPPORT_LOAN_CAP = param<number>('住宅支援資金 月額上限', [
  { from: 20240401, value: 40000 },
  { from: 20250401, value: 70000, provisional: true },
]);

export const HOUSING_SUPPORT_LOAN_MONTHS = 12;
