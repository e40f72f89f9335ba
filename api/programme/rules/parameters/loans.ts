// Loans. Reference §4 and its loan table.

import { constant, datedParameter, int, obj } from './load';

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
}

/**
 * seeds/parameters/welfare-fund-loan.yaml. 母子父子寡婦福祉資金貸付金 (12 loan types; 母子及び父子並びに寡婦福祉法 第13条 and parallel articles).
 * [M] city.hagi.lg.jp/soshiki/35/h44352.html (Dec 2022); pref. Kanagawa p432797 (Apr 2024).
 * Limits are revised periodically: CHECK THE CURRENT YEAR (reference §5 item 4).
 */
export const WELFARE_FUND_LOAN = datedParameter<WelfareFundLoanParams>(
  'welfare-fund-loan',
  'limits',
  obj<WelfareFundLoanParams>({
    businessStart: int,
    businessContinuation: int,
    schoolingMonthlyMin: int,
    schoolingMonthlyMax: int,
    skillsMonthly: int,
    trainingMonthly: int,
    jobPreparation: int,
    medical: int,
    care: int,
    livingMonthly: int,
    housing: int,
    moving: int,
    schoolPreparationMin: int,
    schoolPreparationMax: int,
    marriage: int,
    interestWithoutGuarantorPermille: int,
  }),
);

/**
 * seeds/parameters/housing-support-loan.yaml. ひとり親家庭住宅支援資金貸付: actual rent for up to 12 months, interest-free, no guarantor.
 * Monthly cap 40,000 on [M] pref.hiroshima (p.zyuutakusiennsikin, FY2024); 70,000 on [M*]
 * pref.hokkaido.lg.jp/hf/kms/zyutakushien.html and the Okinawa page. The year of the change is
 * UNCONFIRMED (probably FY2025) — so the 70,000 entry is dated 2025-04-01 and marked provisional.
 * A municipality overrides it with ProgrammeParams.monthlyCap.
 */
export const HOUSING_SUPPORT_LOAN_CAP = datedParameter<number>('housing-support-loan', 'monthlyCap', int);

export const HOUSING_SUPPORT_LOAN_MONTHS = constant('housing-support-loan', 'months', int);
