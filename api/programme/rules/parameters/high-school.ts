// 高等学校等就学支援金 (high-school tuition support), by fiscal year. Reference §4.
// 高等学校等就学支援金の支給に関する法律 (amended, in force 1 April 2026).
// Sources: [3P] citing the MEXT notice mext.go.jp/a_menu/shotou/career/05010502/1408866_00004.htm ;
// OpenFisca parameters (MEXT PDF 20220329-mxt_kouhou02-3). Confirm FY2026 on MEXT (provisional).

import { bool, datedParameter, int, nullable, obj } from './load';

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

/** seeds/parameters/high-school-tuition-support.yaml, by fiscal year. */
export const HIGH_SCHOOL_SUPPORT = datedParameter<HighSchoolSupportParams>(
  'high-school-tuition-support',
  'support',
  obj<HighSchoolSupportParams>({
    basicYearly: int,
    basicIncomeTested: bool,
    privateFullTimeYearly: int,
    privateIncomeTested: bool,
    privateCorrespondenceYearly: nullable(int),
  }),
);
