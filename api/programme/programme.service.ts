import { badInput } from '../core';
import { todayInJapan } from '../core';
import type { Locale, LocalizedText } from '../core';
import type { Catalogue, ProgrammeDefinition } from './catalogue';
import { MUNICIPALITY_CODE_PATTERN } from '../core';
import type { HouseholdInput } from './programme.inputs';
import { type EligibilityReport, EligibilityStatus, type ProgrammeView, ProgrammeCategory, ProgrammeLevel } from './programme.types';
import type { DepartmentCode } from '../core';
import {
  craIncomeYearOn,
  evaluateAll,
  incomeAssessment,
  PROGRAMME_IDS,
  renderReason,
  renderReasons,
  validateHousehold,
  type EvaluateOptions,
  type Household,
  type ProgrammeParams,
} from './rules';
import { marriedOf } from '../record';

const BAD_MUNICIPALITY: LocalizedText = {
  ja: '市区町村コードは6桁の数字で入力してください。',
  en: 'The municipality code must be 6 digits.',
  'ja-easy': '市区町村の コードは 6けたの 数字で 書いて ください。',
};

/** The public programme catalogue and eligibility check. Reads the process-wide catalogue; stores nothing. */
export class ProgrammeService {
  constructor(
    private readonly catalogue: Catalogue,
    private readonly locale: Locale,
  ) {}

  list(municipalityCode: string | null | undefined, field = 'municipalityCode'): ProgrammeView[] {
    const code = this.code(municipalityCode, field);
    return this.catalogue.list(code).map((p) => this.view(p));
  }

  get(id: string, municipalityCode: string | null | undefined, field = 'municipalityCode'): ProgrammeView | null {
    const p = this.catalogue.get(id, this.code(municipalityCode, field));
    return p ? this.view(p) : null;
  }

  eligibility(input: HouseholdInput): EligibilityReport {
    const code = this.code(input.municipalityCode, 'input.municipalityCode');
    return this.evaluate(householdOfInput(input), code, 'input');
  }

  /**
   * The report for a household (from the public form, or from a stored record: record-household.ts).
   * `path` prefixes the fields of validation problems.
   */
  evaluate(household: Household, code: string | undefined, path: string): EligibilityReport {
    const problems = validateHousehold(household);
    if (problems.length > 0) {
      throw badInput(
        problems.map((p) => ({ field: `${path}.${p.field}`, messages: p.messages })),
        this.locale,
      );
    }
    const results = evaluateAll(household, this.options(code));
    const out: EligibilityReport['results'] = [];
    for (const r of results) {
      const programme = this.catalogue.get(r.programmeId, code);
      if (!programme) continue; // switched off by the municipality
      out.push({
        programme: this.view(programme),
        status: r.status as EligibilityStatus,
        amount: r.amount ? { monthly: r.amount.monthly, yearly: r.amount.yearly } : null,
        reasons: renderReasons(r.reasons, this.locale),
        nextSteps: renderReasons(r.nextSteps, this.locale),
      });
    }
    const a = incomeAssessment(household);
    return {
      asOf: household.asOf,
      incomeYear: craIncomeYearOn(household.asOf),
      incomeAssessment: a && { ...a, explanation: renderReason(a.explanation, this.locale) },
      results: out,
    };
  }

  /** The municipality's disabled programmes and amount overrides, as engine options. */
  private options(code: string | undefined): EvaluateOptions | undefined {
    return code === undefined ? undefined : municipalityEvaluateOptions(this.catalogue, code);
  }

  private code(municipalityCode: string | null | undefined, field: string): string | undefined {
    if (municipalityCode === null || municipalityCode === undefined) return undefined;
    if (!MUNICIPALITY_CODE_PATTERN.test(municipalityCode)) throw badInput([{ field, messages: BAD_MUNICIPALITY }], this.locale);
    return municipalityCode;
  }

  private view(p: ProgrammeDefinition): ProgrammeView {
    const t = (x: LocalizedText) => x[this.locale];
    return {
      id: p.id,
      name: t(p.name),
      names: { ja: p.name.ja, en: p.name.en, jaEasy: p.name['ja-easy'] },
      summary: t(p.summary),
      forWhom: t(p.forWhom),
      whatYouGet: t(p.whatYouGet),
      howToApply: t(p.howToApply),
      documents: p.documents.map(t),
      contact: t(p.contact),
      owningDepartment: p.owningDepartment as DepartmentCode,
      legalBasis: p.legalBasis,
      sourceUrl: p.sourceUrl,
      level: p.level as ProgrammeLevel,
      category: p.category as ProgrammeCategory,
    };
  }
}

/**
 * A municipality's catalogue as engine options: the programmes it switched off (`disabled`) and the
 * amounts it changed from the national defaults (`overrides`). Shared with the bulk re-screening (rescreen.ts).
 */
export function municipalityEvaluateOptions(catalogue: Catalogue, code: string): EvaluateOptions {
  const disabled: string[] = [];
  const overrides: Record<string, Partial<ProgrammeParams>> = {};
  for (const id of PROGRAMME_IDS) {
    const p = catalogue.get(id, code, { includeDisabled: true });
    if (!p || !p.enabled) {
      disabled.push(id);
      continue;
    }
    const base = catalogue.get(id);
    if (p.amounts && base?.amounts) {
      const changed: Record<string, number> = {};
      for (const [k, v] of Object.entries(p.amounts)) if (base.amounts[k] !== v) changed[k] = v;
      if (Object.keys(changed).length > 0) overrides[id] = changed as Partial<ProgrammeParams>;
    }
  }
  return { disabled, overrides };
}

/** The public form's answers as the engine's Household (maritalStatus wins over the older `married`). */
export function householdOfInput(input: HouseholdInput): Household {
  const married = marriedOf(input.maritalStatus);
  return {
    asOf: input.asOf ?? todayInJapan(),
    children: (input.children ?? []).map((c) => ({ birthDate: c.birthDate, disability: c.disability ?? false })),
    annualEmploymentIncome: input.annualEmploymentIncome ?? null,
    otherIncome: input.otherIncome ?? null,
    childSupportReceivedYearly: input.childSupportReceivedYearly ?? null,
    dependentsCount: input.dependentsCount ?? null,
    benefitsInUse: [...(input.benefitsInUse ?? [])],
    receivesPublicAssistance: input.receivesPublicAssistance ?? null,
    concerns: [...(input.concerns ?? [])],
    residentTaxExempt: input.residentTaxExempt ?? null,
    married: married ?? input.married ?? null,
    incomeYear: input.incomeYear ?? null,
  };
}
