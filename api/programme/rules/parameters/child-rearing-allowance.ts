// 児童扶養手当 (child-rearing allowance) parameters. Ground truth: docs/reference/programme-rules.md
// §1 (citations below use its tags: [O] official, [M] municipal page quoting the national rule,
// [M*] municipal page seen only via third-party data, [D] derived, [3P] third party).
//
// Do NOT copy OpenFisca-Japan's dates for these amounts: it dates the FY2025 amounts from 2024-11-01,
// which is wrong (FY2024 Nov–Mar was still 45,500) — reference §1.1 "Data-quality warning".

import { param } from './dated';

/** Index 0 = 1st child, 1 = 2nd child, 2 = each 3rd and later child. */
export type PerSlot = readonly [number, number, number];

export interface CraAmounts {
  /** 全部支給 monthly amount per child slot. */
  readonly full: PerSlot;
  /** Highest partial amount (= full − 10). */
  readonly partialMax: PerSlot;
  /** Lowest partial amount (the floor of the partial formula). */
  readonly partialMin: PerSlot;
  /**
   * Partial-payment coefficients k_i, as published (7 decimals), stored ×10^7 as integers so that
   * E × k is computed exactly in integer arithmetic (E ≤ 1.43M, k7 ≤ 264,029 → product < 2^53).
   */
  readonly k7: PerSlot;
}

/** Monthly amounts per period (reference §1.1) and coefficients (§1.2). */
export const CRA_AMOUNTS = param<CraAmounts>('児童扶養手当 月額・算出係数', [
  {
    // FY2024, April–October 2024.
    // Amounts: [M] city.gojo.lg.jp/soshiki/jidou/1_2/jidoufuyou/7575.html ; city.abashiri.hokkaido.jp/soshiki/14/1914.html
    // Coefficients 0.0243007 / 0.0037483 / 0.0022448: [M] gojo.
    from: 20240401,
    value: {
      full: [45500, 10750, 6450],
      partialMax: [45490, 10740, 6440],
      partialMin: [10740, 5380, 3230],
      k7: [243007, 37483, 22448],
    },
  },
  {
    // FY2024, November 2024 – March 2025: the 3rd+ child add-on was raised to the 2nd child's amounts.
    // Amounts: [M] abashiri (above); shinhidaka-hokkaido.jp/hotnews/detail/00008454.html
    // Coefficients 0.025 / 0.0038561: [M] mykoho.jp, 和歌山市 市報わかやま R6年12月号.
    from: 20241101,
    value: {
      full: [45500, 10750, 10750],
      partialMax: [45490, 10740, 10740],
      partialMin: [10740, 5380, 5380],
      k7: [250000, 38561, 38561],
    },
  },
  {
    // FY2025 (April 2025 –). Amounts: [M] city.hirado.nagasaki.jp/kurashi/learn/childcare/jifu.html ; shinhidaka.
    // Coefficients: 0.0256619 [M] city.togane.chiba.jp/0000000309.html ; 0.0039568 [D]/[3P].
    from: 20250401,
    value: {
      full: [46690, 11030, 11030],
      partialMax: [46680, 11020, 11020],
      partialMin: [11010, 5520, 5520],
      k7: [256619, 39568, 39568],
    },
  },
  {
    // FY2026 (April 2026 –). Amounts: [M*] city.okayama.jp/kurashi/0000011272.html ;
    // town.arita.lg.jp/kosodate/kiji003883/index.html ; city.hanno.lg.jp (5304.html).
    // Coefficients 0.0264029 / 0.0040719: [D]/[3P] citing CFA PDF 20260424_policies_hitori-oya_112.pdf.
    // PROVISIONAL: the CFA page itself was not seen (reference §5 item 1).
    from: 20260401,
    provisional: true,
    value: {
      full: [48050, 11350, 11350],
      partialMax: [48040, 11340, 11340],
      partialMin: [11340, 5680, 5680],
      k7: [264029, 40719, 40719],
    },
  },
]);

export interface CraLimitTable {
  /** Recipient's 全部支給 limit (所得額) by 扶養親族等の数 0..5. Full payment if 所得額 < limit. */
  readonly full: readonly number[];
  /** Recipient's 一部支給 limit by 扶養親族等の数 0..5. Nothing if 所得額 ≥ limit. */
  readonly partial: readonly number[];
  /** 扶養義務者・配偶者・孤児等の養育者 limit (not evaluated: the household has no such answer yet). */
  readonly obligor: readonly number[];
  /** Added to every limit for each person beyond 5. */
  readonly perFurtherDependent: number;
}

/**
 * Income limits (reference §1.3). The boundaries follow the statute: payment is (partly) stopped when
 * income is "政令で定める額以上" (法 第9条・第10条 [O]), i.e. full if 所得額 < 全部支給 limit.
 */
export const CRA_LIMITS = param<CraLimitTable>('児童扶養手当 所得制限限度額', [
  {
    // Old table, applied to allowance months up to October 2024: [M] gojo.
    // (It is older than FY2024; the engine covers dates from 2024-04-01 only, so that is where it starts.)
    from: 20240401,
    value: {
      full: [490000, 870000, 1250000, 1630000, 2010000, 2390000],
      partial: [1920000, 2300000, 2680000, 3060000, 3440000, 3820000],
      obligor: [2360000, 2740000, 3120000, 3500000, 3880000, 4260000],
      perFurtherDependent: 380000,
    },
  },
  {
    // New table from November 2024: [M] abashiri, hirado, 和歌山市 (市報わかやま R6年12月号).
    // The 扶養義務者 column is unchanged.
    from: 20241101,
    value: {
      full: [690000, 1070000, 1450000, 1830000, 2210000, 2590000],
      partial: [2080000, 2460000, 2840000, 3220000, 3600000, 3980000],
      obligor: [2360000, 2740000, 3120000, 3500000, 3880000, 4260000],
      perFurtherDependent: 380000,
    },
  },
]);

/** A limit for any 扶養親族等の数: the table up to 5, then +perFurtherDependent per further person. */
export function limitFor(byDependents: readonly number[], perFurther: number, dependents: number): number {
  const last = byDependents.length - 1;
  if (dependents <= last) return byDependents[dependents < 0 ? 0 : dependents]!;
  return byDependents[last]! + (dependents - last) * perFurther;
}

export interface CraAllowanceYear {
  /** The allowance year runs from this month to the month before, next year (November → October). */
  readonly startMonth: number;
  /** It assesses the income of the calendar year this many years before the allowance year starts. */
  readonly incomeLag: number;
}

/**
 * Which income year is assessed: payments for November Y – October Y+1 use calendar year Y−1 income
 * ([M] togane; reference §1.3 and §6). asOf 2026-05-01 → 2024; asOf 2026-11-01 → 2025.
 */
export const CRA_ALLOWANCE_YEAR = param<CraAllowanceYear>('児童扶養手当 所得の年度', [
  { from: 20240401, value: { startMonth: 11, incomeLag: 1 } },
]);

/**
 * Steps from 総所得金額 to the 所得額 compared with the limits (reference §1.5):
 * − 100,000 only if there is 給与所得 (capped at it) [M] hirado worked example;
 * − 80,000 flat 社会保険料相当額 and + 0.8 × 養育費 [M] meguro, shinhidaka; 法 第9条第2項 [O].
 */
export const CRA_INCOME_RULES = {
  employmentIncomeDeduction: 100000,
  socialInsuranceDeduction: 80000,
  /** 養育費 counted at 8/10 (integer ratio so no floating error); fractions of a yen are cut. */
  childSupportNumerator: 4,
  childSupportDenominator: 5,
} as const;

/**
 * Who counts as a child (法 第3条 [O]): up to the first 31 March after reaching 18, or under 20 with a
 * disability of the 政令 grade.
 */
export const CRA_CHILD_AGE = { schoolYearEndAfterAge: 18, disabilityUnderAge: 20 } as const;

/**
 * Last day covered by a known amount table. The amounts are revised every April with the CPI
 * (法 第5条の2 [O]), so after this date the latest amounts are used and flagged as possibly outdated.
 */
export const CRA_AMOUNTS_KNOWN_UNTIL = 20270331;

/** First date the engine has amounts for; earlier dates are answered with NEEDS_MORE_INFO. */
export const CRA_FIRST_SUPPORTED_DATE = CRA_AMOUNTS.values[0]!.from;
