// The eligibility engine's input and output. The GraphQL layer and other modules code against these
// names: keep them stable. Money is integer yen; dates are ISO YYYY-MM-DD in Japan time (docs/design.md).

export type { Locale } from '../../core';

export type EligibilityStatus = 'ELIGIBLE' | 'NOT_ELIGIBLE' | 'NEEDS_MORE_INFO';

export interface ChildFacts {
  /** YYYY-MM-DD */
  birthDate: string;
  /** A disability of the grade the programmes recognise (児童扶養手当: the 政令 grade). */
  disability: boolean;
}

export interface Household {
  /** YYYY-MM-DD, Japan date of the evaluation. */
  asOf: string;
  children: ChildFacts[];
  /** Gross salary (給与収入), yen, of the income year the programme assesses. */
  annualEmploymentIncome?: number | null;
  /** Other 所得 (already income, not revenue), yen. */
  otherIncome?: number | null;
  /** 養育費 received per year, yen. */
  childSupportReceivedYearly?: number | null;
  /** 扶養親族等の数; default = number of children. */
  dependentsCount?: number | null;
  /** Programme ids already used. */
  benefitsInUse: string[];
  receivesPublicAssistance?: boolean | null;
  /** Concern category codes: 'childcare','dv','mental-health','work','housing','finances','medical','care','legal','education','child-support'. */
  concerns: string[];
  /** Optional extra answer: the household is exempt from resident tax (住民税非課税). */
  residentTaxExempt?: boolean | null;
  /** Legal or de-facto marriage; undefined/null = unknown. */
  married?: boolean | null;
  /**
   * The calendar year the income answers are for (a stored record keeps it). Null/undefined = the year
   * each programme assesses. When it is another year than 児童扶養手当 assesses, the figures are not used
   * for it (the engine asks for that year's income instead of deciding on the wrong year's).
   */
  incomeYear?: number | null;
}

/** A machine-readable reason; rendered lazily into a sentence by reasons.ts. */
export interface Reason {
  code: string;
  params?: Record<string, string | number>;
}

export interface ProgrammeResult {
  programmeId: string;
  status: EligibilityStatus;
  amount: { monthly: number | null; yearly: number | null } | null;
  reasons: Reason[];
  nextSteps: Reason[];
  /** Higher = more relevant. NOT_ELIGIBLE results always score below every other status. */
  relevance: number;
}

/**
 * Knobs a municipality may override per programme (evaluateAll's `options.overrides[programmeId]`).
 * Each programme reads only the knobs documented for it; everything has a national default.
 */
export interface ProgrammeParams {
  /** Every programme: added to the computed relevance (e.g. to promote a local priority). */
  relevanceBoost: number;
  /** housing-support-loan: monthly rent cap in yen (national figure UNCONFIRMED, see parameters/loans.ts). */
  monthlyCap: number;
  /**
   * single-parent-medical-subsidy: the recipient's 所得額 limits by 扶養親族等の数 (index 0..n) and the
   * addition per further person. Default: the 児童扶養手当 一部支給 limits in force on the date.
   */
  incomeLimits: { byDependents: readonly number[]; perFurtherDependent: number };
  /** single-parent-medical-subsidy: households on public assistance are excluded (default true). */
  excludePublicAssistance: boolean;
  /** school-expense-aid, learning-support-for-children: receiving 児童扶養手当 qualifies (default true). */
  craQualifies: boolean;
}

export interface EvaluateOptions {
  overrides?: Record<string, Partial<ProgrammeParams>>;
  /** Programme ids to leave out of the results (e.g. not offered by this municipality). */
  disabled?: string[];
}

export type ValidationCode =
  | 'required'
  | 'invalid-date'
  | 'born-after-as-of'
  | 'birth-date-too-old'
  | 'too-many-children'
  | 'negative-amount'
  | 'not-integer'
  | 'dependents-out-of-range'
  | 'unknown-benefit';

export interface ValidationProblem {
  /** Path of the offending field, e.g. 'children[1].birthDate'. */
  field: string;
  code: ValidationCode;
  messages: { ja: string; en: string; 'ja-easy': string };
}
