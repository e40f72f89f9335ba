/**
 * Reads and validates the programme catalogue's YAML seed files (seeds/programmes/<id>.yaml).
 *
 * Validation is strict because municipalities publish this text: every required field present, every
 * locale non-empty, no unknown fields (a typo must not silently drop a field), ids from docs/design.md, known
 * department codes, https URLs, well-formed furigana and amount placeholders. Every problem is collected
 * with its file and field, and the caller turns them into one CatalogueError at startup.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { furiganaProblem } from './furigana';
import { isProgrammeId, OWN_PROGRAMME_ID_PATTERN, ownProgrammeMunicipality, PROGRAMME_IDS } from '../../core';
import { valueAt } from '../rules/parameters/dated';
import { datedParameter, int } from '../rules/parameters/load';
import {
  type CatalogueIssue,
  DEPARTMENT_CODES,
  type DepartmentCode,
  LOCALES,
  type LocalizedText,
  PROGRAMME_CATEGORIES,
  PROGRAMME_LEVELS,
  type ProgrammeCategory,
  type ProgrammeDefinition,
  type ProgrammeLevel,
} from './programme.types';

/** The folder, inside the seeds directory, that holds `<municipality code>.yaml` override files. */
export const OVERRIDES_DIR = 'overrides';

/** Amount placeholder in texts: `{{monthlyCap}}`. */
export const AMOUNT_PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g;
const AMOUNT_KEY = /^[a-z][A-Za-z0-9]*$/;

const TEXT_FIELDS = ['name', 'summary', 'forWhom', 'whatYouGet', 'howToApply', 'contact'] as const;
const REQUIRED_FIELDS = ['id', ...TEXT_FIELDS, 'documents', 'owningDepartment', 'legalBasis', 'sourceUrl', 'level', 'category', 'tags', 'enabled'] as const;
const OPTIONAL_FIELDS = ['amounts', 'unconfirmed'] as const;
const KNOWN_FIELDS: ReadonlySet<string> = new Set<string>([...REQUIRED_FIELDS, ...OPTIONAL_FIELDS]);

/** Collects problems; `at(file)` gives a reporter bound to one file. */
export class IssueList {
  readonly items: CatalogueIssue[] = [];

  add(file: string, field: string, message: string): void {
    this.items.push({ file, field, message });
  }

  get size(): number {
    return this.items.length;
  }
}

/** How a file is named in errors: relative to the working directory when inside it, else absolute. */
export function displayPath(filePath: string): string {
  const rel = path.relative(process.cwd(), filePath);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : path.resolve(filePath);
}

/** Parses one YAML file; syntax errors (including duplicate keys) are reported against the file. */
export function readYamlFile(filePath: string, issues: IssueList): unknown {
  const file = displayPath(filePath);
  let source: string;
  try {
    source = readFileSync(filePath, 'utf8');
  } catch (err) {
    issues.add(file, '', `cannot read file: ${(err as Error).message}`);
    return undefined;
  }
  const doc = parseDocument(source, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) issues.add(file, '', `YAML syntax error: ${e.message.split('\n')[0]}`);
    return undefined;
  }
  return doc.toJS({ maxAliasCount: 100 });
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function join(prefix: string, field: string): string {
  return prefix ? `${prefix}.${field}` : field;
}

/** Validates `{ ja, en, ja-easy }`; collects the amount placeholder keys it uses into `placeholders`. */
export function validateLocalizedText(raw: unknown, file: string, field: string, issues: IssueList, placeholders?: Set<string>): LocalizedText | undefined {
  if (!isPlainObject(raw)) {
    issues.add(file, field, `must be a map with non-empty ${LOCALES.join(', ')} texts`);
    return undefined;
  }
  let ok = true;
  for (const key of Object.keys(raw)) {
    if (!(LOCALES as readonly string[]).includes(key)) {
      issues.add(file, `${field}.${key}`, `unknown locale (expected ${LOCALES.join(', ')})`);
      ok = false;
    }
  }
  for (const locale of LOCALES) {
    const value = raw[locale];
    const where = `${field}.${locale}`;
    if (value === undefined || value === null) {
      issues.add(file, where, 'is missing');
      ok = false;
      continue;
    }
    if (typeof value !== 'string' || value.trim() === '') {
      issues.add(file, where, 'must be a non-empty string');
      ok = false;
      continue;
    }
    for (const m of value.matchAll(AMOUNT_PLACEHOLDER)) placeholders?.add(m[1]!);
    const withoutPlaceholders = value.replace(AMOUNT_PLACEHOLDER, '');
    if (locale === 'ja-easy') {
      const problem = furiganaProblem(withoutPlaceholders);
      if (problem) {
        issues.add(file, where, problem);
        ok = false;
      }
    } else if (/[{}]/.test(withoutPlaceholders)) {
      issues.add(file, where, 'braces are only allowed as amount placeholders {{key}} (furigana only in ja-easy)');
      ok = false;
    }
  }
  if (!ok) return undefined;
  return { ja: raw.ja as string, en: raw.en as string, 'ja-easy': raw['ja-easy'] as string };
}

/** An https URL with a host. */
export function validateHttpsUrl(raw: unknown, file: string, field: string, issues: IssueList): string | undefined {
  if (typeof raw !== 'string' || raw.trim() === '') {
    issues.add(file, field, 'must be a non-empty https URL');
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    issues.add(file, field, `is not a valid URL: "${raw}"`);
    return undefined;
  }
  if (url.protocol !== 'https:' || !url.hostname) {
    issues.add(file, field, `must use https: "${raw}"`);
    return undefined;
  }
  return raw;
}

/**
 * A catalogue default written `monthlyCap: parameter` is the dated figure of the same name in
 * seeds/parameters/<id>.yaml, as in force when the catalogue loads: the figure lives in one place and
 * the eligibility rules read the same table (a municipality's override still replaces it).
 */
function defaultsFromParameters(id: string, raw: unknown, file: string, field: string, issues: IssueList): unknown {
  if (!isPlainObject(raw)) return raw;
  const out: Record<string, unknown> = { ...raw };
  for (const [key, value] of Object.entries(raw)) {
    if (value !== 'parameter') continue;
    try {
      const dated = datedParameter(id, key, int);
      const now = new Date().toISOString().slice(0, 10);
      out[key] = valueAt(dated, now) ?? dated.values[0]!.value;
    } catch (err) {
      issues.add(file, `${field}.${key}`, `"parameter" needs seeds/parameters/${id}.yaml with a dated "${key}": ${(err as Error).message}`);
      delete out[key];
    }
  }
  return out;
}

/** Integer yen amounts `{ key: 12345 }`. */
export function validateAmounts(raw: unknown, file: string, field: string, issues: IssueList): Record<string, number> | undefined {
  if (!isPlainObject(raw) || Object.keys(raw).length === 0) {
    issues.add(file, field, 'must be a non-empty map of amount names to integer yen');
    return undefined;
  }
  const out: Record<string, number> = {};
  let ok = true;
  for (const [key, value] of Object.entries(raw)) {
    if (!AMOUNT_KEY.test(key)) {
      issues.add(file, `${field}.${key}`, 'amount names are lowerCamelCase (e.g. monthlyCap)');
      ok = false;
    } else if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
      issues.add(file, `${field}.${key}`, 'must be a whole number of yen, 0 or more');
      ok = false;
    } else {
      out[key] = value;
    }
  }
  return ok ? out : undefined;
}

function validateEnum<T extends string>(raw: unknown, allowed: readonly T[], file: string, field: string, issues: IssueList): T | undefined {
  if (typeof raw === 'string' && (allowed as readonly string[]).includes(raw)) return raw as T;
  issues.add(file, field, `must be one of ${allowed.join(', ')} (got ${JSON.stringify(raw)})`);
  return undefined;
}

function validateStringList(raw: unknown, file: string, field: string, issues: IssueList, { allowEmpty }: { allowEmpty: boolean }): string[] | undefined {
  if (!Array.isArray(raw) || (!allowEmpty && raw.length === 0)) {
    issues.add(file, field, allowEmpty ? 'must be a list of strings' : 'must be a non-empty list of strings');
    return undefined;
  }
  let ok = true;
  const seen = new Set<string>();
  raw.forEach((item, i) => {
    if (typeof item !== 'string' || item.trim() === '') {
      issues.add(file, `${field}[${i}]`, 'must be a non-empty string');
      ok = false;
    } else if (seen.has(item)) {
      issues.add(file, `${field}[${i}]`, `duplicate entry "${item}"`);
      ok = false;
    } else {
      seen.add(item);
    }
  });
  return ok ? (raw as string[]) : undefined;
}

export interface ProgrammeValidationOptions {
  /** File name for errors. */
  file: string;
  /** Field path prefix for errors, e.g. `add[0]` inside an override file. */
  prefix?: string;
  /**
   * `national-catalogue`: the id must be one of PROGRAMME_IDS (base seed files).
   * A municipality code: the id must be that municipality's own `<code>-…` id (override files).
   */
  idScope: 'national-catalogue' | { municipalityCode: string };
}

/**
 * Validates one programme definition. Returns it (texts still holding `{{amount}}` placeholders) or
 * undefined after adding every problem to `issues`.
 */
export function validateProgrammeDefinition(raw: unknown, options: ProgrammeValidationOptions, issues: IssueList): ProgrammeDefinition | undefined {
  const { file } = options;
  const prefix = options.prefix ?? '';
  const f = (field: string) => join(prefix, field);
  const before = issues.size;

  if (!isPlainObject(raw)) {
    issues.add(file, prefix, 'must be a map of programme fields');
    return undefined;
  }
  for (const key of Object.keys(raw)) {
    if (!KNOWN_FIELDS.has(key)) issues.add(file, f(key), 'unknown field (check the spelling; see seeds/programmes/README.md)');
  }
  for (const key of REQUIRED_FIELDS) {
    if (raw[key] === undefined || raw[key] === null) issues.add(file, f(key), 'is required');
  }

  // id
  const id = raw.id;
  let municipalityCode: string | undefined;
  if (id !== undefined && id !== null) {
    if (typeof id !== 'string') {
      issues.add(file, f('id'), 'must be a string');
    } else if (options.idScope === 'national-catalogue') {
      if (!isProgrammeId(id)) {
        const own = ownProgrammeMunicipality(id);
        issues.add(
          file,
          f('id'),
          own
            ? `"${id}" is a municipality's own programme; it belongs in ${OVERRIDES_DIR}/${own}.yaml under "add"`
            : `unknown programme id "${id}": must be one of the ids in docs/design.md (${PROGRAMME_IDS.length} ids) or a municipality's own "<6-digit code>-…" id in its overrides file`,
        );
      }
    } else {
      const code = options.idScope.municipalityCode;
      if (isProgrammeId(id)) {
        issues.add(file, f('id'), `"${id}" is a national-catalogue id; change it under "programmes", or give an own programme the id "${code}-…"`);
      } else if (!OWN_PROGRAMME_ID_PATTERN.test(id) || ownProgrammeMunicipality(id) !== code) {
        issues.add(file, f('id'), `an added programme's id must be "${code}-" followed by kebab-case words (got "${id}")`);
      } else {
        municipalityCode = code;
      }
    }
  }

  // texts
  const placeholders = new Set<string>();
  const texts: Partial<Record<(typeof TEXT_FIELDS)[number], LocalizedText>> = {};
  for (const field of TEXT_FIELDS) {
    if (raw[field] === undefined || raw[field] === null) continue;
    const text = validateLocalizedText(raw[field], file, f(field), issues, placeholders);
    if (text) texts[field] = text;
  }

  let documents: LocalizedText[] | undefined;
  if (raw.documents !== undefined && raw.documents !== null) {
    if (!Array.isArray(raw.documents)) {
      issues.add(file, f('documents'), 'must be a list of { ja, en, ja-easy } (an empty list [] if nothing is needed)');
    } else {
      const docs = raw.documents.map((d, i) => validateLocalizedText(d, file, `${f('documents')}[${i}]`, issues, placeholders));
      if (docs.every((d): d is LocalizedText => d !== undefined)) documents = docs;
    }
  }

  const owningDepartment =
    raw.owningDepartment == null ? undefined : validateEnum<DepartmentCode>(raw.owningDepartment, DEPARTMENT_CODES, file, f('owningDepartment'), issues);
  const level = raw.level == null ? undefined : validateEnum<ProgrammeLevel>(raw.level, PROGRAMME_LEVELS, file, f('level'), issues);
  const category = raw.category == null ? undefined : validateEnum<ProgrammeCategory>(raw.category, PROGRAMME_CATEGORIES, file, f('category'), issues);

  if (raw.legalBasis != null && (typeof raw.legalBasis !== 'string' || raw.legalBasis.trim() === '')) {
    issues.add(file, f('legalBasis'), 'must be a non-empty string');
  }
  const sourceUrl = raw.sourceUrl == null ? undefined : validateHttpsUrl(raw.sourceUrl, file, f('sourceUrl'), issues);
  const tags = raw.tags == null ? undefined : validateStringList(raw.tags, file, f('tags'), issues, { allowEmpty: false });
  const unconfirmed = raw.unconfirmed === undefined ? undefined : validateStringList(raw.unconfirmed, file, f('unconfirmed'), issues, { allowEmpty: false });
  if (raw.enabled != null && typeof raw.enabled !== 'boolean') {
    issues.add(file, f('enabled'), 'must be true or false');
  }

  let amounts: Record<string, number> | undefined;
  if (raw.amounts !== undefined) {
    if (level === 'national') {
      issues.add(file, f('amounts'), 'only prefectural or municipal programmes have overridable amounts; a national programme states its amounts in its texts');
    } else {
      amounts = validateAmounts(defaultsFromParameters(id as string, raw.amounts, file, f('amounts'), issues), file, f('amounts'), issues);
    }
  }
  if (raw.amounts === undefined || amounts !== undefined) {
    for (const key of placeholders) {
      if (!amounts || !(key in amounts)) {
        issues.add(file, f('amounts'), `texts use the placeholder {{${key}}} but amounts has no "${key}"`);
      }
    }
  }

  if (issues.size > before) return undefined;

  const definition: ProgrammeDefinition = {
    id: id as string,
    name: texts.name!,
    summary: texts.summary!,
    forWhom: texts.forWhom!,
    whatYouGet: texts.whatYouGet!,
    howToApply: texts.howToApply!,
    documents: documents!,
    owningDepartment: owningDepartment!,
    contact: texts.contact!,
    legalBasis: raw.legalBasis as string,
    sourceUrl: sourceUrl!,
    level: level!,
    category: category!,
    tags: tags!,
    ...(amounts ? { amounts } : {}),
    ...(unconfirmed ? { unconfirmed } : {}),
    enabled: raw.enabled as boolean,
    ...(municipalityCode ? { municipalityCode } : {}),
  };
  return definition;
}

/**
 * Loads the national catalogue: one `<id>.yaml` per id in PROGRAMME_IDS, each id exactly once.
 * Problems are added to `issues`; the returned map holds only the valid definitions.
 */
export function loadProgrammeSeeds(seedsDir: string, issues: IssueList): Map<string, ProgrammeDefinition> {
  const programmes = new Map<string, ProgrammeDefinition>();
  const dirLabel = displayPath(seedsDir);
  if (!existsSync(seedsDir) || !statSync(seedsDir).isDirectory()) {
    issues.add(dirLabel, '', 'programme seeds directory not found');
    return programmes;
  }

  const seenIds = new Map<string, string>();
  for (const entry of readdirSync(seedsDir).sort()) {
    if (entry.startsWith('.')) continue;
    const full = path.join(seedsDir, entry);
    const file = displayPath(full);
    if (statSync(full).isDirectory()) {
      if (entry !== OVERRIDES_DIR) issues.add(file, '', `unexpected directory (only "${OVERRIDES_DIR}/" belongs here)`);
      continue;
    }
    if (entry.endsWith('.md')) continue; // README.md and other documentation
    if (entry.endsWith('.yml')) {
      issues.add(file, '', 'use the .yaml extension (files ending in .yml are not loaded)');
      continue;
    }
    if (!entry.endsWith('.yaml')) {
      issues.add(file, '', 'unexpected file (programme files are <programme-id>.yaml)');
      continue;
    }

    const raw = readYamlFile(full, issues);
    if (raw === undefined) continue;
    const definition = validateProgrammeDefinition(raw, { file, idScope: 'national-catalogue' }, issues);
    if (!definition) continue;

    const expected = entry.slice(0, -'.yaml'.length);
    if (definition.id !== expected) {
      issues.add(file, 'id', `"${definition.id}" does not match the file name (expected "${expected}")`);
      continue;
    }
    const earlier = seenIds.get(definition.id);
    if (earlier) {
      issues.add(file, 'id', `duplicate programme id "${definition.id}" (also in ${earlier})`);
      continue;
    }
    seenIds.set(definition.id, file);
    programmes.set(definition.id, definition);
  }

  for (const id of PROGRAMME_IDS) {
    if (!programmes.has(id) && !issues.items.some((i) => path.basename(i.file) === `${id}.yaml`)) {
      issues.add(displayPath(path.join(seedsDir, `${id}.yaml`)), '', `missing: every programme id in docs/design.md needs a seed file`);
    }
  }
  return programmes;
}
