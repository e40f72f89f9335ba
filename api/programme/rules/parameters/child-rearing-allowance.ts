// 児童扶養手当 (child-rearing allowance) parameters: the shapes the rules use, read and checked from
// seeds/parameters/child-rearing-allowance.yaml (the values and their sources). Ground truth: docs/reference/programme-rules.md
// §1 (citations below use its tags: [O] official, [M] municipal page quoting the national rule,
// [M*] municipal page seen only via third-party data, [D] derived, [3P] third party).
//
// Do NOT copy OpenFisca-Japan's dates for these amounts: it dates the FY2025 amounts from 2024-11-01,
// which is wrong (FY2024 Nov–Mar was still 45,500) — reference §1.1 "Data-quality warning".

import { constant, datedParameter, int, list, obj, ymd, type Check } from './load';

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

const FILE = 'child-rearing-allowance';
const perSlot = list(int, 3) as Check<PerSlot>;

/** Monthly amounts per period (reference §1.1) and coefficients (§1.2): seeds/parameters/child-rearing-allowance.yaml. */
export const CRA_AMOUNTS = datedParameter<CraAmounts>(
  FILE,
  'amounts',
  obj<CraAmounts>({ full: perSlot, partialMax: perSlot, partialMin: perSlot, k7: perSlot }),
);

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
export const CRA_LIMITS = datedParameter<CraLimitTable>(
  FILE,
  'limits',
  obj<CraLimitTable>({ full: list(int, 6), partial: list(int, 6), obligor: list(int, 6), perFurtherDependent: int }),
);

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
export const CRA_ALLOWANCE_YEAR = datedParameter<CraAllowanceYear>(FILE, 'allowanceYear', obj<CraAllowanceYear>({ startMonth: int, incomeLag: int }));

/**
 * Steps from 総所得金額 to the 所得額 compared with the limits (reference §1.5):
 * − 100,000 only if there is 給与所得 (capped at it) [M] hirado worked example;
 * − 80,000 flat 社会保険料相当額 and + 0.8 × 養育費 [M] meguro, shinhidaka; 法 第9条第2項 [O].
 */
export const CRA_INCOME_RULES = constant(
  FILE,
  'incomeRules',
  obj({ employmentIncomeDeduction: int, socialInsuranceDeduction: int, childSupportNumerator: int, childSupportDenominator: int }),
);

/**
 * Who counts as a child (法 第3条 [O]): up to the first 31 March after reaching 18, or under 20 with a
 * disability of the 政令 grade.
 */
export const CRA_CHILD_AGE = constant(FILE, 'childAge', obj({ schoolYearEndAfterAge: int, disabilityUnderAge: int }));

/**
 * Last day covered by a known amount table. The amounts are revised every April with the CPI
 * (法 第5条の2 [O]), so after this date the latest amounts are used and flagged as possibly outdated.
 */
export const CRA_AMOUNTS_KNOWN_UNTIL = constant(FILE, 'amountsKnownUntil', ymd);

/** First date the engine has amounts for; earlier dates are answered with NEEDS_MORE_INFO. */
export const CRA_FIRST_SUPPORTED_DATE = CRA_AMOUNTS.values[0]!.from;
