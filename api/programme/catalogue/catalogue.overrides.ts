/**
 * A municipality's changes to the national catalogue, from seeds/programmes/overrides/<code>.yaml:
 *
 *   municipalityCode: "999999"            # quoted; must match the file name
 *   name: { ja, en, ja-easy }             # the municipality's name
 *   programmes:                           # changes to catalogue programmes, keyed by programme id
 *     child-rearing-allowance:
 *       contact: { ja, en, ja-easy }      # its own desk
 *     housing-support-loan:
 *       amounts: { monthlyCap: 40000 }    # only prefectural/municipal programmes, only declared keys
 *     learning-support-for-children:
 *       enabled: false                    # not offered here
 *   add:                                  # its own programmes, ids "<code>-…", full definitions
 *     - id: 999999-…
 *
 * Overriding an amount of a national programme is rejected: those amounts are fixed by statute or by
 * national budget rules, and a municipality publishing a different figure would mislead families.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  displayPath,
  isPlainObject,
  IssueList,
  OVERRIDES_DIR,
  readYamlFile,
  validateAmounts,
  validateLocalizedText,
  validateProgrammeDefinition,
} from './catalogue.loader';
import { MUNICIPALITY_CODE_PATTERN } from '../../core';
import type { LocalizedText, ProgrammeAmounts, ProgrammeDefinition } from './programme.types';

export interface ProgrammeOverride {
  readonly contact?: LocalizedText;
  readonly amounts?: ProgrammeAmounts;
  readonly enabled?: boolean;
}

export interface MunicipalityOverrides {
  readonly municipalityCode: string;
  readonly name: LocalizedText;
  /** The file these came from, for messages. */
  readonly file: string;
  readonly programmes: ReadonlyMap<string, ProgrammeOverride>;
  readonly added: readonly ProgrammeDefinition[];
}

const TOP_LEVEL_FIELDS: ReadonlySet<string> = new Set(['municipalityCode', 'name', 'programmes', 'add']);
const OVERRIDE_FIELDS: ReadonlySet<string> = new Set(['contact', 'amounts', 'enabled']);

/**
 * Validates one override document against the national catalogue `base`. Returns undefined (with the
 * problems in `issues`) if anything is wrong: a half-applied override file is never used.
 */
export function parseMunicipalityOverrides(
  raw: unknown,
  file: string,
  expectedCode: string | undefined,
  base: ReadonlyMap<string, ProgrammeDefinition>,
  issues: IssueList,
): MunicipalityOverrides | undefined {
  const before = issues.size;
  if (!isPlainObject(raw)) {
    issues.add(file, '', 'must be a map with municipalityCode, name, and programmes and/or add');
    return undefined;
  }
  for (const key of Object.keys(raw)) {
    if (!TOP_LEVEL_FIELDS.has(key)) issues.add(file, key, 'unknown field (expected municipalityCode, name, programmes, add)');
  }

  // municipalityCode
  const code = raw.municipalityCode;
  if (code === undefined || code === null) {
    issues.add(file, 'municipalityCode', 'is required');
  } else if (typeof code !== 'string') {
    issues.add(file, 'municipalityCode', 'must be a quoted string of 6 digits, e.g. "999999"');
  } else if (!MUNICIPALITY_CODE_PATTERN.test(code)) {
    issues.add(file, 'municipalityCode', `must be 6 digits (全国地方公共団体コード), got "${code}"`);
  } else if (expectedCode !== undefined && code !== expectedCode) {
    issues.add(file, 'municipalityCode', `"${code}" does not match the file name (expected "${expectedCode}")`);
  }
  const municipalityCode = typeof code === 'string' ? code : '';

  const name =
    raw.name === undefined || raw.name === null ? (issues.add(file, 'name', 'is required'), undefined) : validateLocalizedText(raw.name, file, 'name', issues);

  if (raw.programmes === undefined && raw.add === undefined) {
    issues.add(file, 'programmes', 'an overrides file needs "programmes" and/or "add"');
  }

  // programmes: changes to catalogue programmes
  const programmes = raw.programmes === undefined ? new Map<string, ProgrammeOverride>() : parseProgrammeChanges(raw.programmes, file, base, issues);

  // add: the municipality's own programmes
  const added: ProgrammeDefinition[] = [];
  if (raw.add !== undefined) {
    if (!Array.isArray(raw.add)) {
      issues.add(file, 'add', 'must be a list of programme definitions');
    } else {
      const seen = new Set<string>();
      raw.add.forEach((item, i) => {
        const definition = validateProgrammeDefinition(item, { file, prefix: `add[${i}]`, idScope: { municipalityCode } }, issues);
        if (!definition) return;
        if (definition.level === 'national') {
          issues.add(file, `add[${i}].level`, 'a municipality cannot add a national programme (use municipal or prefectural)');
          return;
        }
        if (seen.has(definition.id)) {
          issues.add(file, `add[${i}].id`, `duplicate programme id "${definition.id}"`);
          return;
        }
        seen.add(definition.id);
        added.push(definition);
      });
    }
  }

  if (issues.size > before || !name) return undefined;
  return { municipalityCode, name, file, programmes, added };
}

/**
 * The `programmes:` map of changes (contact, amounts, enabled by programme id), checked against `base`:
 * the one validator for both ways a municipality changes the catalogue — its overrides file here, and
 * the console's stored document (api/accounts/programme-settings.ts), which is checked against the
 * catalogue with the file already applied. Problems go to `issues` under `programmes.<id>.…`.
 */
export function parseProgrammeChanges(
  raw: unknown,
  file: string,
  base: ReadonlyMap<string, ProgrammeDefinition>,
  issues: IssueList,
): Map<string, ProgrammeOverride> {
  const programmes = new Map<string, ProgrammeOverride>();
  if (!isPlainObject(raw)) {
    issues.add(file, 'programmes', 'must be a map from programme id to its changes');
    return programmes;
  }
  for (const [id, entry] of Object.entries(raw)) {
    const override = parseProgrammeOverride(id, entry, file, base, issues);
    if (override) programmes.set(id, override);
  }
  return programmes;
}

function parseProgrammeOverride(
  id: string,
  entry: unknown,
  file: string,
  base: ReadonlyMap<string, ProgrammeDefinition>,
  issues: IssueList,
): ProgrammeOverride | undefined {
  const field = `programmes.${id}`;
  const before = issues.size;
  const programme = base.get(id);
  if (!programme) {
    issues.add(file, field, `unknown programme id "${id}" (only catalogue programmes can be changed here; add own programmes under "add")`);
    return undefined;
  }
  if (!isPlainObject(entry) || Object.keys(entry).length === 0) {
    issues.add(file, field, 'must be a map with contact, amounts and/or enabled');
    return undefined;
  }
  for (const key of Object.keys(entry)) {
    if (!OVERRIDE_FIELDS.has(key)) {
      issues.add(file, `${field}.${key}`, 'cannot be overridden (a municipality may change contact, amounts and enabled)');
    }
  }

  let contact: LocalizedText | undefined;
  const placeholders = new Set<string>();
  if (entry.contact !== undefined) {
    contact = validateLocalizedText(entry.contact, file, `${field}.contact`, issues, placeholders);
  }
  // A placeholder the programme has no amount for would be shown to families as it is.
  for (const key of placeholders) {
    if (!programme.amounts || !(key in programme.amounts))
      issues.add(file, `${field}.contact`, `uses the placeholder {{${key}}} but "${id}" has no such amount`);
  }

  let amounts: Record<string, number> | undefined;
  if (entry.amounts !== undefined) {
    if (programme.level === 'national') {
      issues.add(
        file,
        `${field}.amounts`,
        `"${id}" is a national programme (level: national); its amounts are set nationally and a municipality cannot override them`,
      );
    } else if (!programme.amounts) {
      issues.add(file, `${field}.amounts`, `"${id}" declares no overridable amounts`);
    } else {
      const parsed = validateAmounts(entry.amounts, file, `${field}.amounts`, issues);
      if (parsed) {
        for (const key of Object.keys(parsed)) {
          if (!(key in programme.amounts)) {
            issues.add(file, `${field}.amounts.${key}`, `"${id}" has no amount "${key}" (its amounts are: ${Object.keys(programme.amounts).join(', ')})`);
          }
        }
        amounts = { ...programme.amounts, ...parsed };
      }
    }
  }

  if (entry.enabled !== undefined && typeof entry.enabled !== 'boolean') {
    issues.add(file, `${field}.enabled`, 'must be true or false');
  }

  if (issues.size > before) return undefined;
  return {
    ...(contact ? { contact } : {}),
    ...(amounts ? { amounts } : {}),
    ...(typeof entry.enabled === 'boolean' ? { enabled: entry.enabled } : {}),
  };
}

/** Loads every `overrides/<code>.yaml` under `seedsDir`. A missing overrides folder means no overrides. */
export function loadMunicipalityOverrides(
  seedsDir: string,
  base: ReadonlyMap<string, ProgrammeDefinition>,
  issues: IssueList,
): Map<string, MunicipalityOverrides> {
  const result = new Map<string, MunicipalityOverrides>();
  const dir = path.join(seedsDir, OVERRIDES_DIR);
  let entries: string[];
  try {
    if (!statSync(dir).isDirectory()) return result;
    entries = readdirSync(dir).sort();
  } catch {
    return result;
  }
  for (const entry of entries) {
    if (entry.startsWith('.') || entry.endsWith('.md')) continue;
    const full = path.join(dir, entry);
    const file = displayPath(full);
    const match = /^(\d{6})\.yaml$/.exec(entry);
    if (!match) {
      issues.add(file, '', 'override files are named <6-digit municipality code>.yaml, e.g. 999999.yaml');
      continue;
    }
    const raw = readYamlFile(full, issues);
    if (raw === undefined) continue;
    const parsed = parseMunicipalityOverrides(raw, file, match[1], base, issues);
    if (parsed) result.set(parsed.municipalityCode, parsed);
  }
  return result;
}

/**
 * The catalogue as one municipality sees it (before amount placeholders are filled): the national
 * programmes with its contact, amount and on/off changes, plus its own programmes. Disabled programmes
 * stay in the map with `enabled: false`.
 */
export function applyOverrides(
  base: ReadonlyMap<string, ProgrammeDefinition>,
  overrides: Pick<MunicipalityOverrides, 'programmes' | 'added'>,
): Map<string, ProgrammeDefinition> {
  const merged = new Map<string, ProgrammeDefinition>();
  for (const [id, programme] of base) {
    const change = overrides.programmes.get(id);
    merged.set(
      id,
      change
        ? {
            ...programme,
            ...(change.contact ? { contact: change.contact } : {}),
            ...(change.amounts ? { amounts: change.amounts } : {}),
            ...(change.enabled !== undefined ? { enabled: change.enabled } : {}),
          }
        : programme,
    );
  }
  for (const own of overrides.added) merged.set(own.id, own);
  return merged;
}
