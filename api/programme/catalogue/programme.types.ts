/**
 * Typed shape of the support-programme catalogue (支援施策). Pure data: no ORM, no I/O.
 * The YAML files under seeds/programmes/ are validated into these types by catalogue.loader.ts.
 */
import type { ProgrammeId } from '../../core';

// The languages, the localized text and the department codes are the core's (one declaration each).
// A catalogue text's `ja-easy` may carry furigana as `漢字{かんじ}` (see furigana.ts and seeds/programmes/README.md);
// any locale may carry an amount placeholder `{{key}}`, filled from `amounts` when the catalogue is built, so a
// municipality's amount override also changes the text.
import type { LocalizedText } from '../../core';
import type { DepartmentCode } from '../../core';
export { LOCALES, type Locale, type LocalizedText } from '../../core';
export { DEPARTMENT_CODES, DepartmentCode } from '../../core';

/**
 * Who sets the programme's rules and amounts. Only `prefectural` and `municipal` amounts may be changed
 * by a municipality's overrides; national amounts are fixed by statute or national budget rules.
 */
export const PROGRAMME_LEVELS = ['national', 'prefectural', 'municipal'] as const;
export type ProgrammeLevel = (typeof PROGRAMME_LEVELS)[number];

/** Categories, in the order `Catalogue.list()` shows them. */
export const PROGRAMME_CATEGORIES = ['money', 'livelihood', 'housing', 'work', 'education', 'childcare', 'medical', 'tax', 'consultation', 'safety'] as const;
export type ProgrammeCategory = (typeof PROGRAMME_CATEGORIES)[number];

/** Integer yen amounts keyed by name, e.g. `{ monthlyCap: 70000 }`. */
export type ProgrammeAmounts = Readonly<Record<string, number>>;

export interface ProgrammeDefinition {
  /** One of PROGRAMME_IDS, or a municipality's own `<6-digit code>-…` id. */
  readonly id: ProgrammeId | string;
  readonly name: LocalizedText;
  readonly summary: LocalizedText;
  readonly forWhom: LocalizedText;
  readonly whatYouGet: LocalizedText;
  readonly howToApply: LocalizedText;
  /** What to bring (持ち物・必要書類). May be empty (e.g. a phone consultation needs nothing). */
  readonly documents: readonly LocalizedText[];
  /** The department that handles the programme inside the municipality (docs/design.md codes). */
  readonly owningDepartment: DepartmentCode;
  /** Where to ask. Defaults are generic; a municipality overrides them with its own desk. */
  readonly contact: LocalizedText;
  /** Statute and article, or 予算事業 / 条例 / JR rules etc. Japanese, as the statute is named. */
  readonly legalBasis: string;
  /** Official source (https). */
  readonly sourceUrl: string;
  readonly level: ProgrammeLevel;
  readonly category: ProgrammeCategory;
  /** Search words, including colloquial ones (母子手当, シングルマザー …). */
  readonly tags: readonly string[];
  /** Only for prefectural/municipal programmes: the amounts a municipality may override. */
  readonly amounts?: ProgrammeAmounts;
  /**
   * For maintainers and staff, not families: figures in this entry that are not yet confirmed against a
   * primary source (English). Check these before publishing.
   */
  readonly unconfirmed?: readonly string[];
  readonly enabled: boolean;
  /** Set on a municipality's own programme (added through its overrides file). */
  readonly municipalityCode?: string;
}

/** One problem found while loading the catalogue: the file, the field path inside it, and what is wrong. */
export interface CatalogueIssue {
  readonly file: string;
  readonly field: string;
  readonly message: string;
}

/**
 * Thrown at startup when any seed or override file is invalid. Lists every problem found, each naming the
 * file and field. The catalogue never skips a bad file silently.
 */
export class CatalogueError extends Error {
  readonly issues: readonly CatalogueIssue[];

  constructor(issues: readonly CatalogueIssue[]) {
    const lines = issues.map((i) => `  ${i.file}: ${i.field ? `${i.field}: ` : ''}${i.message}`);
    super(`Programme catalogue is invalid (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n${lines.join('\n')}`);
    this.name = 'CatalogueError';
    this.issues = issues;
  }
}
