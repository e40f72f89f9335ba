// Per-household facts, derived ONCE per evaluation and shared by all 22 rules: parsed dates, each
// child's school grade, sanitised money. Rules read these fields instead of re-parsing the household,
// which is what keeps a whole-catalogue evaluation in the low microseconds.

import { fiscalYearOf, isUnderAge, parseYmd, schoolGrade } from './dates';
import type { Household } from './types';
import type { CraAssessment } from './child-rearing-allowance';

/** Money answers: a finite non-negative number (floored to whole yen) or null = unknown/unusable. */
function money(v: number | null | undefined): number | null {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) return null;
  return Math.floor(v);
}

function tri(v: boolean | null | undefined): boolean | null {
  return v === true ? true : v === false ? false : null;
}

export class Ctx {
  readonly h: Household;
  /** asOf as YYYYMMDD, or -1 when it is not a valid date. */
  readonly asOf: number;
  readonly fiscalYear: number;
  /** True when asOf and every child's birth date are valid dates and no child is born after asOf. */
  readonly datesValid: boolean;
  readonly childCount: number;
  /** Parallel per-child arrays (input order). Invalid birth dates are stored as -1. */
  readonly births: number[];
  readonly disability: boolean[];
  /** School grade on asOf (schoolGrade): ≤ 0 before elementary school, 10–12 the 高校生年代. */
  readonly grades: number[];
  readonly employment: number | null;
  readonly otherIncome: number | null;
  /**
   * True when other income was left blank while the salary is known: it is then taken as 0. The form
   * says blank is fine, and most families have none; a blank must not make the salary useless
   * (issue 12). The programmes that use it say so in their reasons.
   */
  readonly otherIncomeAssumedZero: boolean;
  /** The year the income answers are for, when the family or the record said (else null). */
  readonly incomeYear: number | null;
  readonly childSupport: number | null;
  /** 扶養親族等の数; defaults to the number of children listed. */
  readonly dependents: number;
  readonly married: boolean | null;
  /** receivesPublicAssistance, or true when 'livelihood-protection' is listed as in use. */
  readonly publicAssistance: boolean | null;
  readonly residentTaxExempt: boolean | null;
  readonly benefits: readonly string[];
  readonly concerns: readonly string[];

  /** Memo of the 児童扶養手当 assessment, which several other programmes depend on. */
  cra: CraAssessment | undefined = undefined;

  constructor(h: Household) {
    this.h = h;
    const asOf = parseYmd(h.asOf);
    this.asOf = asOf;
    this.fiscalYear = asOf < 0 ? -1 : fiscalYearOf(asOf);
    const children = Array.isArray(h.children) ? h.children : [];
    const n = children.length;
    this.childCount = n;
    this.births = new Array<number>(n);
    this.disability = new Array<boolean>(n);
    this.grades = new Array<number>(n);
    let valid = asOf >= 0;
    for (let i = 0; i < n; i++) {
      const c = children[i]!;
      const b = parseYmd(c === null || typeof c !== 'object' ? undefined : c.birthDate);
      this.births[i] = b;
      this.disability[i] = c !== null && typeof c === 'object' && c.disability === true;
      if (b < 0 || (asOf >= 0 && b > asOf)) valid = false;
      this.grades[i] = b < 0 || asOf < 0 ? -99 : schoolGrade(b, asOf);
    }
    this.datesValid = valid;
    this.employment = money(h.annualEmploymentIncome);
    const other = money(h.otherIncome);
    this.otherIncomeAssumedZero = other === null && this.employment !== null;
    this.otherIncome = this.otherIncomeAssumedZero ? 0 : other;
    const iy = h.incomeYear;
    this.incomeYear = typeof iy === 'number' && Number.isInteger(iy) ? iy : null;
    this.childSupport = money(h.childSupportReceivedYearly);
    const dc = h.dependentsCount;
    this.dependents = typeof dc === 'number' && Number.isInteger(dc) && dc >= 0 ? dc : n;
    this.married = tri(h.married);
    this.benefits = Array.isArray(h.benefitsInUse) ? h.benefitsInUse : [];
    this.concerns = Array.isArray(h.concerns) ? h.concerns : [];
    const pa = tri(h.receivesPublicAssistance);
    this.publicAssistance = pa !== null ? pa : this.benefits.includes('livelihood-protection') ? true : null;
    this.residentTaxExempt = tri(h.residentTaxExempt);
  }

  uses(programmeId: string): boolean {
    return this.benefits.includes(programmeId);
  }

  hasConcern(code: string): boolean {
    return this.concerns.includes(code);
  }

  /** Number of children whose school grade is in [lo, hi] on asOf (born children only). */
  countGrades(lo: number, hi: number): number {
    let k = 0;
    for (let i = 0; i < this.childCount; i++) {
      const g = this.grades[i]!;
      if (g >= lo && g <= hi && this.births[i]! >= 0 && this.births[i]! <= this.asOf) k++;
    }
    return k;
  }

  /** Number of children under `age` on asOf. */
  countUnderAge(age: number): number {
    let k = 0;
    for (let i = 0; i < this.childCount; i++) {
      const b = this.births[i]!;
      if (b >= 0 && b <= this.asOf && isUnderAge(b, age, this.asOf)) k++;
    }
    return k;
  }
}
