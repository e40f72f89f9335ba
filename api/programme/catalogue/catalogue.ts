/**
 * The support-programme catalogue (支援施策カタログ): the national seed files plus every municipality's
 * overrides, validated once at startup and then served from memory.
 *
 *   const catalogue = loadCatalogue(path.resolve('seeds/programmes'));
 *   catalogue.list('999999');                  // what デモ市 offers, in display order
 *   catalogue.get('child-rearing-allowance');  // the national default
 *
 * Any invalid file makes loadCatalogue throw a CatalogueError naming every file and field at fault.
 */
import { IssueList, AMOUNT_PLACEHOLDER, loadProgrammeSeeds } from './catalogue.loader';
import { applyOverrides, loadMunicipalityOverrides, parseProgrammeChanges, type ProgrammeOverride } from './catalogue.overrides';
import { MUNICIPALITY_CODE_PATTERN, PROGRAMME_IDS } from '../../core';
import { type CatalogueIssue, CatalogueError, type LocalizedText, PROGRAMME_CATEGORIES, PROGRAMME_LEVELS, type ProgrammeDefinition } from './programme.types';

export interface GetOptions {
  /** Also return a programme the municipality has switched off (it then has `enabled: false`). */
  includeDisabled?: boolean;
}

export interface Catalogue {
  /**
   * Enabled programmes for a municipality (or the national defaults without one), in display order:
   * by category (PROGRAMME_CATEGORIES order), then national before prefectural before municipal, then
   * docs/design.md's id order, then own programmes by id. Municipalities without an overrides file get the
   * defaults.
   */
  list(municipalityCode?: string): ProgrammeDefinition[];
  /** One programme as the municipality sees it; undefined if unknown or (by default) switched off. */
  get(id: string, municipalityCode?: string, options?: GetOptions): ProgrammeDefinition | undefined;
  /** Municipalities that have an overrides file, with their names. */
  municipalities(): { code: string; name: LocalizedText }[];
  /**
   * Checks a console document (the `programmes:` map of an overrides file: contact, amounts, enabled by
   * programme id) against the municipality's catalogue with its file applied — the file loader's own
   * validator. Problems name the field as `programmes.<id>.…`; none means it can be set.
   */
  checkConsoleChanges(municipalityCode: string, raw: unknown): { changes: ReadonlyMap<string, ProgrammeOverride> | null; issues: CatalogueIssue[] };
  /**
   * Puts a checked console document in force for the municipality at once (null: only its file again).
   * The console's changes go over the file's, field by field (a contact set in the console wins over
   * the file's; an amount key not set in the console keeps the file's figure). Returns the problems,
   * and changes nothing, if the document is invalid.
   */
  setConsoleChanges(municipalityCode: string, raw: unknown): CatalogueIssue[];
  /** The municipality's programmes before amounts are filled in: with its file only, and with the console's changes too. */
  sources(municipalityCode: string): { file: ReadonlyMap<string, ProgrammeDefinition>; effective: ReadonlyMap<string, ProgrammeDefinition> };
  /** Bumped each time the municipality's console changes are set: caches built from list() compare it. */
  revision(municipalityCode?: string): number;
}

/** How the console's document is named in problems (it has no file). */
export const CONSOLE_CHANGES_FILE = '(console)';

/** Loads and validates everything under `seedsDir` (seeds/programmes). Throws CatalogueError if invalid. */
export function loadCatalogue(seedsDir: string): Catalogue {
  const issues = new IssueList();
  const base = loadProgrammeSeeds(seedsDir, issues);
  // Overrides are checked against the valid part of the base, so one run reports as much as possible.
  const overrides = loadMunicipalityOverrides(seedsDir, base, issues);
  if (issues.size > 0) throw new CatalogueError(issues.items);

  const defaultView = buildView(base);
  const views = new Map<string, View>();
  // Each municipality's catalogue with its file applied, then with the console's changes over it.
  const fileSources = new Map<string, ReadonlyMap<string, ProgrammeDefinition>>();
  const consoleChanges = new Map<string, ReadonlyMap<string, ProgrammeOverride>>();
  const revisions = new Map<string, number>();
  for (const [code, o] of overrides) {
    fileSources.set(code, applyOverrides(base, o));
    views.set(code, buildView(fileSources.get(code)!));
  }
  const names = [...overrides.values()].map((o) => ({ code: o.municipalityCode, name: o.name })).sort((a, b) => a.code.localeCompare(b.code));

  const checkCode = (municipalityCode: string): void => {
    if (typeof municipalityCode !== 'string' || !MUNICIPALITY_CODE_PATTERN.test(municipalityCode)) {
      throw new TypeError(`municipalityCode must be 6 digits, got ${JSON.stringify(municipalityCode)}`);
    }
  };
  const viewFor = (municipalityCode?: string): View => {
    if (municipalityCode === undefined) return defaultView;
    checkCode(municipalityCode);
    return views.get(municipalityCode) ?? defaultView;
  };
  const fileSource = (code: string) => fileSources.get(code) ?? base;
  const effectiveSource = (code: string) => {
    const changes = consoleChanges.get(code);
    return changes ? applyOverrides(fileSource(code), { programmes: changes, added: [] }) : fileSource(code);
  };
  const check = (code: string, raw: unknown) => {
    checkCode(code);
    const issues = new IssueList();
    const changes = parseProgrammeChanges(raw, CONSOLE_CHANGES_FILE, fileSource(code), issues);
    return issues.size > 0 ? { changes: null, issues: issues.items } : { changes, issues: [] };
  };

  return {
    list: (municipalityCode) => [...viewFor(municipalityCode).enabled],
    get: (id, municipalityCode, options) => {
      const programme = viewFor(municipalityCode).byId.get(id);
      if (!programme) return undefined;
      return programme.enabled || options?.includeDisabled ? programme : undefined;
    },
    municipalities: () => names.map((n) => ({ ...n })),
    checkConsoleChanges: check,
    setConsoleChanges: (code, raw) => {
      if (raw === null || raw === undefined) {
        checkCode(code);
        consoleChanges.delete(code);
      } else {
        const { changes, issues } = check(code, raw);
        if (!changes) return issues;
        consoleChanges.set(code, changes);
      }
      views.set(code, buildView(effectiveSource(code)));
      revisions.set(code, (revisions.get(code) ?? 0) + 1);
      return [];
    },
    sources: (code) => {
      checkCode(code);
      return { file: fileSource(code), effective: effectiveSource(code) };
    },
    revision: (code) => (code === undefined ? 0 : (revisions.get(code) ?? 0)),
  };
}

interface View {
  readonly byId: ReadonlyMap<string, ProgrammeDefinition>;
  readonly enabled: readonly ProgrammeDefinition[];
}

function buildView(programmes: ReadonlyMap<string, ProgrammeDefinition>): View {
  const rendered = [...programmes.values()].map((p) => deepFreeze(render(p)));
  rendered.sort(compareProgrammes);
  return {
    byId: new Map(rendered.map((p) => [p.id, p])),
    enabled: Object.freeze(rendered.filter((p) => p.enabled)),
  };
}

const idOrder = new Map<string, number>(PROGRAMME_IDS.map((id, i) => [id, i]));
const categoryOrder = new Map<string, number>(PROGRAMME_CATEGORIES.map((c, i) => [c, i]));
const levelOrder = new Map<string, number>(PROGRAMME_LEVELS.map((l, i) => [l, i]));

function compareProgrammes(a: ProgrammeDefinition, b: ProgrammeDefinition): number {
  return (
    categoryOrder.get(a.category)! - categoryOrder.get(b.category)! ||
    levelOrder.get(a.level)! - levelOrder.get(b.level)! ||
    (idOrder.get(a.id) ?? PROGRAMME_IDS.length) - (idOrder.get(b.id) ?? PROGRAMME_IDS.length) ||
    a.id.localeCompare(b.id)
  );
}

/** Fills `{{key}}` placeholders with the programme's (possibly overridden) amounts, as 40,000-style yen. */
function render(p: ProgrammeDefinition): ProgrammeDefinition {
  const amounts = p.amounts;
  if (!amounts) return p;
  const fill = (t: LocalizedText): LocalizedText => ({
    ja: fillText(t.ja, amounts),
    en: fillText(t.en, amounts),
    'ja-easy': fillText(t['ja-easy'], amounts),
  });
  return {
    ...p,
    name: fill(p.name),
    summary: fill(p.summary),
    forWhom: fill(p.forWhom),
    whatYouGet: fill(p.whatYouGet),
    howToApply: fill(p.howToApply),
    contact: fill(p.contact),
    documents: p.documents.map(fill),
  };
}

function fillText(text: string, amounts: Readonly<Record<string, number>>): string {
  // The loader guarantees every placeholder has an amount.
  return text.replace(AMOUNT_PLACEHOLDER, (_, key: string) => formatYen(amounts[key]!));
}

/**
 * 70000 → "70,000" (no locale data needed, same in every locale). A loop, not the usual look-ahead
 * regex, which is quadratic in the number of digits (test/limits/regex-linear.test.ts).
 */
export function formatYen(n: number): string {
  const [whole = '', fraction] = String(n).split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = sign ? whole.slice(1) : whole;
  let out = '';
  for (let i = 0; i < digits.length; i++) out += (i > 0 && (digits.length - i) % 3 === 0 ? ',' : '') + digits[i];
  return sign + out + (fraction === undefined ? '' : `.${fraction}`);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
