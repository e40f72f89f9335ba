// How the family's 所得額 for 児童扶養手当 is reached from their answers, step by step (給与収入 →
// 給与所得 → minus the deductions → 所得額) and the limits it is compared with: the "why" a tired parent
// and a caseworker both need beside the amount (issue 12). Same figures as the rule, from its assessment.

import { assessCra, craIncomeYear } from './child-rearing-allowance';
import { Ctx } from './context';
import { parseYmd } from './dates';
import { CRA_INCOME_RULES } from './parameters/child-rearing-allowance';
import { reason } from './rule';
import type { Household, Reason } from './types';

export interface IncomeAssessment {
  /** The calendar year whose income 児童扶養手当 assesses on the date. */
  incomeYear: number;
  /** 給与収入 (gross salary). */
  employmentIncome: number;
  /** 給与所得 (after the employment income deduction of that year). */
  salaryIncome: number;
  /** The 100,000 step actually taken (never more than 給与所得). */
  salaryStep: number;
  /** The flat 社会保険料相当額. */
  socialInsuranceDeduction: number;
  /** 8/10 of 養育費 received. */
  childSupportCounted: number;
  otherIncome: number;
  /** Other income was blank and is taken as 0. */
  otherIncomeAssumedZero: boolean;
  /** 所得額 (never below 0). */
  incomeAmount: number;
  dependentsCount: number;
  fullLimit: number;
  partialLimit: number;
  /** The same, as one sentence (rendered by the API in the request locale). */
  explanation: Reason;
}

/** The income year 児童扶養手当 assesses on an ISO date; null for an invalid date. */
export function craIncomeYearOn(asOf: string): number | null {
  const d = parseYmd(asOf);
  return d < 0 ? null : craIncomeYear(d);
}

/** The 所得額 steps for a household; null when the answers or the date do not allow it. */
export function incomeAssessment(h: Household): IncomeAssessment | null {
  const ctx = new Ctx(h);
  const a = assessCra(ctx);
  if (!a.supported || !a.incomeKnown || ctx.employment === null) return null;
  const step = Math.min(CRA_INCOME_RULES.employmentIncomeDeduction, a.salaryIncome);
  const support = Math.floor(((ctx.childSupport ?? 0) * CRA_INCOME_RULES.childSupportNumerator) / CRA_INCOME_RULES.childSupportDenominator);
  const out = {
    incomeYear: a.incomeYear,
    employmentIncome: ctx.employment,
    salaryIncome: a.salaryIncome,
    salaryStep: step,
    socialInsuranceDeduction: CRA_INCOME_RULES.socialInsuranceDeduction,
    childSupportCounted: support,
    otherIncome: ctx.otherIncome ?? 0,
    otherIncomeAssumedZero: ctx.otherIncomeAssumedZero,
    incomeAmount: a.incomeAmount,
    dependentsCount: ctx.dependents,
    fullLimit: a.fullLimit,
    partialLimit: a.partialLimit,
  };
  return {
    ...out,
    explanation: reason('cra-income-explained', {
      incomeYear: out.incomeYear,
      salary: out.employmentIncome,
      salaryIncome: out.salaryIncome,
      step,
      social: out.socialInsuranceDeduction,
      support,
      other: out.otherIncome,
      income: out.incomeAmount,
      dependents: out.dependentsCount,
      fullLimit: out.fullLimit,
      partialLimit: out.partialLimit,
    }),
  };
}
