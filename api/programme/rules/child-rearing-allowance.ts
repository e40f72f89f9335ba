// 児童扶養手当 (child-rearing allowance), 児童扶養手当法. Parameters and sources: parameters/child-rearing-allowance.ts;
// reference §1 and §2 (every worked example is reproduced to the yen in test/eligibility).

import type { Ctx } from './context';
import { isUnderAge, monthOf, parseYmd, schoolYearEndAfterAge, yearOf } from './dates';
import { entryAt, valueAt } from './parameters/dated';
import {
  CRA_ALLOWANCE_YEAR,
  CRA_AMOUNTS,
  CRA_AMOUNTS_KNOWN_UNTIL,
  CRA_CHILD_AGE,
  CRA_FIRST_SUPPORTED_DATE,
  CRA_INCOME_RULES,
  CRA_LIMITS,
  limitFor,
  type CraAmounts,
} from './parameters/child-rearing-allowance';
import { salaryIncome } from './parameters/employment-income';
import { askMissingIncome, monthlyAmount, reason, result, type ProgrammeRule } from './rule';
import type { ProgrammeResult, Reason } from './types';

const ID = 'child-rearing-allowance' as const;

// ---------------------------------------------------------------------------------------------
// Pure calculators (exported for tests and for other modules)

/** The calendar year whose income is assessed on `date` (YYYYMMDD): Nov–Oct allowance year, lag 1. */
export function craIncomeYear(date: number): number {
  const r = valueAt(CRA_ALLOWANCE_YEAR, date) ?? CRA_ALLOWANCE_YEAR.values[0]!.value;
  const y = yearOf(date);
  const allowanceYearStart = monthOf(date) >= r.startMonth ? y : y - 1;
  return allowanceYearStart - r.incomeLag;
}

/**
 * 所得額 (reference §1.5) from 給与所得 (already converted from gross salary), other 所得 and 養育費:
 * 給与所得 − min(100,000, 給与所得) − 80,000 + 0.8 × 養育費 + other income, floored at 0.
 * The 100,000 step applies only when there is 給与所得 and never exceeds it.
 */
export function craIncomeAmount(salaryIncomeYen: number, otherIncomeYen: number, childSupportYen: number): number {
  const r = CRA_INCOME_RULES;
  const salaryStep = salaryIncomeYen < r.employmentIncomeDeduction ? salaryIncomeYen : r.employmentIncomeDeduction;
  const support = Math.floor((childSupportYen * r.childSupportNumerator) / r.childSupportDenominator);
  const v = salaryIncomeYen - salaryStep - r.socialInsuranceDeduction + support + otherIncomeYen;
  return v > 0 ? v : 0;
}

/**
 * Monthly amount for one child slot (0 = 1st, 1 = 2nd, 2 = 3rd and later) given
 * E = 所得額 − 全部支給 limit (negative = full payment).
 * Partial: Full_i − round10(E × k_i + 10), at least PartialMin_i; round10 rounds halves up ("10円未満四捨五入").
 * Computed in units of 10^-7 yen so that nothing is rounded by floating point:
 * E × k7 is an exact integer, +10 yen = 10^8 units, +half of 10 yen = 5×10^7 units.
 */
export function craSlotAmount(a: CraAmounts, slot: 0 | 1 | 2, excess: number): number {
  if (excess < 0) return a.full[slot];
  const x = excess * a.k7[slot] + 150_000_000;
  const deduction = ((x - (x % 100_000_000)) / 100_000_000) * 10;
  const v = a.full[slot] - deduction;
  return v > a.partialMin[slot] ? v : a.partialMin[slot];
}

export type CraKind = 'full' | 'partial' | 'none';

export interface CraBreakdown {
  kind: CraKind;
  /** Monthly amount for each eligible child, 1st first. */
  perChild: number[];
  monthly: number;
  fullLimit: number;
  partialLimit: number;
  /** True when the amounts in force on the date are not yet confirmed against the CFA page. */
  provisional: boolean;
}

function limitsAt(date: number, dependents: number): { full: number; partial: number; obligorBase: number; obligorStep: number } | null {
  const t = valueAt(CRA_LIMITS, date);
  if (t === undefined) return null;
  return {
    full: limitFor(t.full, t.perFurtherDependent, dependents),
    partial: limitFor(t.partial, t.perFurtherDependent, dependents),
    obligorBase: t.obligor[0]!,
    obligorStep: t.perFurtherDependent,
  };
}

/**
 * The allowance for a 所得額, 扶養親族等の数 and number of eligible children on a date
 * ('YYYY-MM-DD' or YYYYMMDD). Null when the engine has no parameters for the date.
 */
export function childRearingAllowanceBreakdown(incomeAmount: number, dependents: number, childrenCount: number, date: string | number): CraBreakdown | null {
  const d = typeof date === 'string' ? parseYmd(date) : date;
  const e = d < 0 ? undefined : entryAt(CRA_AMOUNTS, d);
  const lim = d < 0 ? null : limitsAt(d, dependents);
  if (e === undefined || lim === null) return null;
  const perChild: number[] = [];
  let monthly = 0;
  const kind: CraKind = incomeAmount < lim.full ? 'full' : incomeAmount < lim.partial ? 'partial' : 'none';
  if (kind !== 'none') {
    const excess = kind === 'full' ? -1 : incomeAmount - lim.full;
    for (let i = 0; i < childrenCount; i++) {
      const v = craSlotAmount(e.value, i === 0 ? 0 : i === 1 ? 1 : 2, excess);
      perChild.push(v);
      monthly += v;
    }
  }
  return { kind, perChild, monthly, fullLimit: lim.full, partialLimit: lim.partial, provisional: e.provisional === true };
}

/** Monthly total (yen) — the helper the worked examples of reference §2 are tested with. */
export function childRearingAllowanceMonthly(incomeAmount: number, dependents: number, childrenCount: number, date: string | number): number | null {
  const b = childRearingAllowanceBreakdown(incomeAmount, dependents, childrenCount, date);
  return b === null ? null : b.monthly;
}

/** Whether a child counts for 児童扶養手当 on the date (法 第3条): school year of 18, or under 20 with a disability. */
export function isCraChild(birth: number, disability: boolean, date: number): boolean {
  if (birth < 0 || birth > date) return false;
  if (date <= schoolYearEndAfterAge(birth, CRA_CHILD_AGE.schoolYearEndAfterAge)) return true;
  return disability && isUnderAge(birth, CRA_CHILD_AGE.disabilityUnderAge, date);
}

// ---------------------------------------------------------------------------------------------
// Assessment of a household (memoised on the context: other programmes depend on it)

export interface CraAssessment {
  /** False when the date is outside the parameters (or invalid): nothing else is meaningful then. */
  supported: boolean;
  incomeYear: number;
  /** The answers are for another year than incomeYear (ctx.incomeYear): they were not used. */
  otherYear: boolean;
  /** 給与所得 from the salary (0 when unknown). */
  salaryIncome: number;
  /** 所得額; a lower bound when some income answers are missing (they can only add to it). */
  incomeAmount: number;
  incomeKnown: boolean;
  fullLimit: number;
  partialLimit: number;
  /** 扶養義務者 limit with no dependants of their own, and the addition per dependant. */
  obligorBase: number;
  obligorStep: number;
  /** The "equivalent income level" other programmes use: 所得額 vs the 一部支給 limit. */
  incomeLevel: 'within' | 'over' | 'unknown';
  eligibleChildren: number;
  /** Children counted only through the disability rule (past the school year of 18, under 20). */
  disabilityChildren: number;
  breakdown: CraBreakdown | null;
  /** The programme result (built once). */
  result: ProgrammeResult;
}

export function assessCra(ctx: Ctx): CraAssessment {
  if (ctx.cra !== undefined) return ctx.cra;
  const a = computeAssessment(ctx);
  ctx.cra = a;
  return a;
}

function unsupported(ctx: Ctx, r: Reason): CraAssessment {
  return {
    supported: false,
    incomeYear: -1,
    otherYear: false,
    salaryIncome: 0,
    incomeAmount: 0,
    incomeKnown: false,
    fullLimit: 0,
    partialLimit: 0,
    obligorBase: 0,
    obligorStep: 0,
    incomeLevel: 'unknown',
    eligibleChildren: 0,
    disabilityChildren: 0,
    breakdown: null,
    result: result(ID, 'NEEDS_MORE_INFO', null, [r], [reason(ctx.datesValid ? 'consult-single-parent-desk' : 'check-answers')]),
  };
}

function computeAssessment(ctx: Ctx): CraAssessment {
  const date = ctx.asOf;
  if (!ctx.datesValid) return unsupported(ctx, reason('invalid-input'));
  if (date < CRA_FIRST_SUPPORTED_DATE) return unsupported(ctx, reason('date-not-covered', { date: ctx.h.asOf }));
  const lim = limitsAt(date, ctx.dependents)!;
  const incomeYear = craIncomeYear(date);

  // 所得額, or its lower bound: missing answers are taken as 0, and each can only raise 所得額
  // (the 100,000 step never exceeds 給与所得, so an unknown salary cannot lower it either).
  // Figures said to be for another year than the one assessed are not used at all (not even as a
  // lower bound): salary conversion and limits differ by year, and the family is asked for that year.
  const otherYear = ctx.incomeYear !== null && ctx.incomeYear !== incomeYear;
  const salary = ctx.employment === null || otherYear ? 0 : (salaryIncome(ctx.employment, incomeYear) ?? 0);
  const incomeAmount = otherYear ? 0 : craIncomeAmount(salary, ctx.otherIncome ?? 0, ctx.childSupport ?? 0);
  const incomeKnown = !otherYear && ctx.employment !== null && ctx.otherIncome !== null && ctx.childSupport !== null;
  const incomeLevel = incomeAmount >= lim.partial ? 'over' : incomeKnown ? 'within' : 'unknown';

  let eligibleChildren = 0;
  let disabilityChildren = 0;
  for (let i = 0; i < ctx.childCount; i++) {
    const b = ctx.births[i]!;
    if (!isCraChild(b, ctx.disability[i]!, date)) continue;
    eligibleChildren++;
    if (date > schoolYearEndAfterAge(b, CRA_CHILD_AGE.schoolYearEndAfterAge)) disabilityChildren++;
  }

  const breakdown = incomeKnown ? childRearingAllowanceBreakdown(incomeAmount, ctx.dependents, eligibleChildren, date) : null;
  const a: CraAssessment = {
    supported: true,
    incomeYear,
    otherYear,
    salaryIncome: salary,
    incomeAmount,
    incomeKnown,
    fullLimit: lim.full,
    partialLimit: lim.partial,
    obligorBase: lim.obligorBase,
    obligorStep: lim.obligorStep,
    incomeLevel,
    eligibleChildren,
    disabilityChildren,
    breakdown,
    result: null as unknown as ProgrammeResult, // filled in just below: decide() reads the other fields
  };
  a.result = decide(ctx, a);
  return a;
}

function decide(ctx: Ctx, a: CraAssessment): ProgrammeResult {
  // Certain "no" answers first: they hold whatever the missing answers turn out to be.
  if (ctx.married === true) return result(ID, 'NOT_ELIGIBLE', null, [reason('married')], []);
  if (a.eligibleChildren === 0) {
    return result(ID, 'NOT_ELIGIBLE', null, [reason(ctx.childCount === 0 ? 'no-children' : 'cra-no-child-in-age')], []);
  }
  if (a.incomeLevel === 'over') {
    const code = a.incomeKnown ? 'cra-income-over-limit' : 'cra-income-over-limit-at-least';
    return result(ID, 'NOT_ELIGIBLE', null, [reason(code, { income: a.incomeAmount, limit: a.partialLimit, incomeYear: a.incomeYear })], []);
  }
  if (!a.incomeKnown) {
    const next: Reason[] = [];
    if (a.otherYear) next.push(reason('ask-income-for-year', { incomeYear: a.incomeYear }));
    else askMissingIncome(ctx, next, true);
    if (ctx.married === null) next.push(reason('ask-married'));
    const why = a.otherYear
      ? reason('income-year-differs', { given: ctx.incomeYear!, incomeYear: a.incomeYear })
      : reason('income-unknown', { incomeYear: a.incomeYear });
    return result(ID, 'NEEDS_MORE_INFO', null, [why], next);
  }

  const b = a.breakdown!;
  const reasons: Reason[] = [];
  const next: Reason[] = [];
  const params = { children: a.eligibleChildren, income: a.incomeAmount, incomeYear: a.incomeYear, monthly: b.monthly };
  if (ctx.married === null) {
    // Everything but the marital status is known: say what it would be, but do not claim it.
    reasons.push(reason('cra-estimate-if-unmarried', params));
    next.push(reason('ask-married'));
    return result(ID, 'NEEDS_MORE_INFO', null, reasons, next);
  }
  reasons.push(reason(b.kind === 'full' ? 'cra-full' : 'cra-partial', params));
  reasons.push(reason('income-year-used', { incomeYear: a.incomeYear }));
  if (ctx.otherIncomeAssumedZero) reasons.push(reason('other-income-assumed-zero'));
  if (a.disabilityChildren > 0) reasons.push(reason('cra-disability-child-counted', { count: a.disabilityChildren }));
  if (b.provisional) reasons.push(reason('amount-provisional'));
  if (ctx.asOf > CRA_AMOUNTS_KNOWN_UNTIL) reasons.push(reason('amount-may-have-changed'));
  // The 扶養義務者 limit depends on THEIR 扶養親族等の数, which we do not know: show the base and step.
  reasons.push(reason('cra-obligor-caveat', { limit: a.obligorBase, perDependent: a.obligorStep }));
  if (ctx.publicAssistance === true) reasons.push(reason('cra-public-assistance-note'));
  if (ctx.uses(ID)) {
    reasons.push(reason('already-in-use'));
    next.push(reason('submit-status-report'));
  } else {
    next.push(reason('apply-at-office'));
  }
  return result(ID, 'ELIGIBLE', monthlyAmount(b.monthly), reasons, next);
}

export const childRearingAllowance: ProgrammeRule = {
  id: ID,
  concerns: ['finances', 'child-support'],
  baseline: 60,
  needsDates: true,
  codes: [
    'invalid-input',
    'check-answers',
    'date-not-covered',
    'consult-single-parent-desk',
    'married',
    'no-children',
    'cra-no-child-in-age',
    'cra-income-over-limit',
    'cra-income-over-limit-at-least',
    'income-unknown',
    'ask-employment-income',
    'ask-other-income',
    'ask-child-support',
    'ask-married',
    'cra-estimate-if-unmarried',
    'cra-full',
    'cra-partial',
    'income-year-used',
    'cra-disability-child-counted',
    'amount-provisional',
    'amount-may-have-changed',
    'cra-obligor-caveat',
    'cra-public-assistance-note',
    'already-in-use',
    'submit-status-report',
    'apply-at-office',
    'income-year-differs',
    'ask-income-for-year',
    'other-income-assumed-zero',
  ],
  evaluate: (ctx) => assessCra(ctx).result,
};
