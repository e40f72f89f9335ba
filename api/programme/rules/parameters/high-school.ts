// 高等学校等就学支援金 (high-school tuition support), by fiscal year. Reference §4.
// 高等学校等就学支援金の支給に関する法律 (amended, in force 1 April 2026).
// Sources: [3P] citing the MEXT notice mext.go.jp/a_menu/shotou/career/05010502/1408866_00004.htm ;
// OpenFisca parameters (MEXT PDF 20220329-mxt_kouhou02-3). Confirm FY2026 on MEXT (provisional).

import { param } from './dated';

export interface HighSchoolSupportParams {
  /** Yearly basic amount (public-school tuition level). */
  readonly basicYearly: number;
  /** Is the basic amount income-tested? (until FY2024: 市町村民税 課税標準額×6%−調整控除 < 304,200, about 9.1M) */
  readonly basicIncomeTested: boolean;
  /** Yearly maximum for a private full-time school (includes the basic amount). */
  readonly privateFullTimeYearly: number;
  /** Is the private top-up income-tested? (< 154,500 on the same scale, about 5.9M) */
  readonly privateIncomeTested: boolean;
  /** Yearly maximum for a private correspondence school, when published. */
  readonly privateCorrespondenceYearly: number | null;
}

export const HIGH_SCHOOL_SUPPORT = param<HighSchoolSupportParams>('高等学校等就学支援金', [
  // FY2024 and before: income tests of 304,200 (about 9.1M) for the basic amount and 154,500 (about
  // 5.9M) for the private top-up to 396,000.
  { from: 20240401, value: { basicYearly: 118800, basicIncomeTested: true, privateFullTimeYearly: 396000, privateIncomeTested: true, privateCorrespondenceYearly: null } },
  // FY2025: 118,800 with no income limit; private top-up up to 396,000 only below about 5.9M.
  { from: 20250401, value: { basicYearly: 118800, basicIncomeTested: false, privateFullTimeYearly: 396000, privateIncomeTested: true, privateCorrespondenceYearly: null } },
  // FY2026: no income limit; public 118,800 (9,900/month), private full-time 457,200 (38,100/month),
  // private correspondence 337,200.
  { from: 20260401, provisional: true, value: { basicYearly: 118800, basicIncomeTested: false, privateFullTimeYearly: 457200, privateIncomeTested: false, privateCorrespondenceYearly: 337200 } },
]);
