// A stored 電子個人票 as the eligibility engine's Household: the ONE mapping shared by desk eligibility
// (recordEligibility, record-eligibility.ts) and bulk re-screening (rescreen.ts), so a stored record
// with complete answers gets the same result as the public form with the same answers (issue 12).
//
//   children                    the household section's children (birth date, disability), by position
//   married                     household.maritalStatus: MARRIED and DE_FACTO → true, NOT_MARRIED → false,
//                               NULL (older records, or not answered) → unknown
//   annualEmploymentIncome,     income section; NULL stays unknown (a blank other income beside a known
//   otherIncome, 養育費          salary counts as 0 in the engine, exactly as on the form)
//   incomeYear                  income.incomeYear: the engine uses the figures only for the year it assesses
//   dependentsCount             income.dependentsCount, else the number of children (engine default)
//   benefitsInUse               benefits section's programme ids
//   receivesPublicAssistance    'livelihood-protection' among the benefits in use
//   concerns                    concerns section's categories
//   residentTaxExempt           not on the record: unknown
// A section the caller may not read is passed as null and stays unknown: nothing withheld reaches the
// engine, so no result can reveal it (e.g. an amount computed from a hidden income).

import { marriedOf } from '../record';
import type { ChildFacts, Household } from './rules';

export interface RecordIncomeFacts {
  incomeYear?: number | null;
  annualEmploymentIncome?: number | null;
  otherIncome?: number | null;
  childSupportReceivedYearly?: number | null;
  dependentsCount?: number | null;
}

/** What the mapping reads of a record; a null section = not readable (or not loaded): unknown. */
export interface RecordFacts {
  children: readonly ChildFacts[];
  maritalStatus: string | null | undefined;
  income: RecordIncomeFacts | null;
  benefitsInUse: readonly string[] | null;
  concerns: readonly string[] | null;
}

export function householdOfRecord(f: RecordFacts, asOf: string): Household {
  const i = f.income;
  const benefits = f.benefitsInUse;
  return {
    asOf,
    children: f.children.map((c) => ({ birthDate: c.birthDate, disability: c.disability === true })),
    annualEmploymentIncome: i?.annualEmploymentIncome ?? null,
    otherIncome: i?.otherIncome ?? null,
    childSupportReceivedYearly: i?.childSupportReceivedYearly ?? null,
    dependentsCount: i?.dependentsCount ?? f.children.length,
    incomeYear: i?.incomeYear ?? null,
    benefitsInUse: benefits ? [...benefits] : [],
    receivesPublicAssistance: benefits ? benefits.includes('livelihood-protection') : null,
    concerns: f.concerns ? [...f.concerns] : [],
    residentTaxExempt: null,
    married: marriedOf(f.maritalStatus),
  };
}
