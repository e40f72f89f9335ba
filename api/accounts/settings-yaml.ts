import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isMap, isSeq, parse, parseDocument, stringify } from 'yaml';
import { AccessPolicySettings, type AccessPolicySync, type PolicyBook } from '../access';
import { DepartmentCode, type FieldProblem, type LocalizedText } from '../core';
import { AllowedOriginAction, AllowedOriginChange, Department, MAX_ALLOWED_ORIGINS, Municipality, normaliseOrigin } from '../municipality';
import { applyOverrides, type Catalogue, ProgrammeSettings, type ProgrammeSettingsSync } from '../programme';
import { recordAdminEvent, type Actor } from './admin-events';
import { checkPolicyText, policyDifferences, storeAccessPolicy } from './access-policy-settings';
import { issueMessages, programmeDifferences, storeProgrammeChanges, type ProgrammeChangesDocument } from './programme-settings';

/**
 * A municipality's settings as one YAML file (issue 21), so they can live in version control: exported,
 * edited, checked as a dry run that lists each difference, then applied — by an admin in the API or by
 * the operator with `npm run settings:import`. The file holds no secrets and nothing about any family.
 * Keys left out stay as they are; `allowedOrigins`, when given, is the whole list. `programmes`, when
 * given, is the whole console document of programme changes (「支援制度の設定」, programme-settings.ts:
 * the `programmes:` map of an overrides file, checked by the same validator; `{}` removes them all).
 * `policy`, when given, is the whole access policy applied in the console (「アクセス方針」,
 * access-policy-settings.ts: a document of seeds/policy/*.yaml, checked by parsePolicy); exported only
 * when the console holds one. Notice, intake and policy files (seeds/<kind>/<code>.yaml) stay files.
 */
export const SETTINGS_FORMAT_VERSION = 1;
/** A settings file is a few kilobytes; far more is a mistake (or an attempt to make the parser work). */
export const MAX_SETTINGS_YAML_BYTES = 64 * 1024;
const MAX_NAME_LENGTH = 50;
const FIELD = 'input.yaml';
/** Departments are named in the file as in the API (SINGLE_PARENT), not by their stored values. */
const DEPARTMENT_BY_NAME = new Map(Object.entries(DepartmentCode) as [string, DepartmentCode][]);
const nameOfDepartment = (code: DepartmentCode): string => [...DEPARTMENT_BY_NAME].find(([, v]) => v === code)![0];
const TOP_KEYS = new Set(['version', 'municipality', 'requireTwoFactor', 'allowedOrigins', 'departments', 'programmes', 'policy']);

export interface SettingsFile {
  code: string;
  name?: string;
  requireTwoFactor?: boolean;
  allowedOrigins?: string[];
  departments?: Partial<Record<DepartmentCode, string>>;
  /** The console's programme changes as written (checked against the catalogue by importSettings). */
  programmes?: ProgrammeChangesDocument;
  /** The console's access policy as YAML text (checked by parsePolicy in importSettings). */
  policy?: string;
}

/** One difference between the file and what is in force; values are settings, never personal data. */
export interface SettingChange {
  path: string;
  before: string | null;
  after: string | null;
}

export class SettingsInputError extends Error {
  constructor(readonly problems: FieldProblem[]) {
    super('settings file refused');
  }
}

/** A problem at a key of the file: the key is named, the value never repeated (it may be anything). */
function at(key: string, m: LocalizedText): FieldProblem {
  return { field: FIELD, messages: { ja: `${key}: ${m.ja}`, en: `${key}: ${m.en}`, 'ja-easy': `${key}: ${m['ja-easy']}` } };
}

const T = {
  yaml: (line: string): LocalizedText => ({
    ja: `YAMLとして読めません（${line}）。`,
    en: `This is not valid YAML (${line}).`,
    'ja-easy': `YAMLの 書き方が ちがいます（${line}）。`,
  }),
  tooBig: {
    ja: `設定ファイルは${MAX_SETTINGS_YAML_BYTES / 1024}KBまでです。`,
    en: `A settings file has at most ${MAX_SETTINGS_YAML_BYTES / 1024} KB.`,
    'ja-easy': 'ファイルが 大きすぎます。',
  },
  notMap: { ja: 'キーと値の組（マッピング）にしてください。', en: 'Expected a mapping of keys to values.', 'ja-easy': '「キー: 値」の 形に して ください。' },
  unknown: { ja: 'このキーは使えません（綴りを確認してください）。', en: 'Unknown key (check the spelling).', 'ja-easy': 'この キーは 使えません。' },
  version: {
    ja: `${SETTINGS_FORMAT_VERSION} にしてください（この版のYorisoiが読む形式）。`,
    en: `Must be ${SETTINGS_FORMAT_VERSION} (the format this Yorisoi reads).`,
    'ja-easy': `${SETTINGS_FORMAT_VERSION} に して ください。`,
  },
  otherCode: {
    ja: 'この自治体の設定ファイルではありません（団体コードが違います）。',
    en: "This file is another municipality's (the code differs).",
    'ja-easy': 'ほかの 自治体の ファイルです。',
  },
  code: {
    ja: '6桁の団体コードを文字列で書いてください（例: "131016"）。',
    en: 'Write the 6-digit municipality code as a string (e.g. "131016").',
    'ja-easy': '6けたの 番号を "" で かこんで 書いて ください。',
  },
  name: {
    ja: `1文字以上${MAX_NAME_LENGTH}文字以内で書いてください。`,
    en: `Between 1 and ${MAX_NAME_LENGTH} characters.`,
    'ja-easy': `1〜${MAX_NAME_LENGTH}文字で 書いて ください。`,
  },
  boolean: { ja: 'true か false にしてください。', en: 'Must be true or false.', 'ja-easy': 'true か false に して ください。' },
  list: { ja: 'リスト（- で始まる行）にしてください。', en: 'Expected a list.', 'ja-easy': '- で はじまる 行に して ください。' },
  tooMany: { ja: `${MAX_ALLOWED_ORIGINS}件までです。`, en: `At most ${MAX_ALLOWED_ORIGINS}.`, 'ja-easy': `${MAX_ALLOWED_ORIGINS}こ までです。` },
  origin: {
    ja: 'https://www.city.example.lg.jp のようなオリジン（https:// とホスト名、必要ならポート番号。パスなし）にしてください。',
    en: 'Expected an origin such as https://www.city.example.lg.jp (https://, host and port, no path).',
    'ja-easy': 'https://www.city.example.lg.jp の ように 書いて ください。',
  },
  twice: { ja: '同じオリジンが二度あります。', en: 'The same origin is listed twice.', 'ja-easy': '同じ ものが 2回 あります。' },
  department: {
    ja: '部署の種類（SINGLE_PARENT など）ではありません。',
    en: 'Not a department kind (SINGLE_PARENT, …).',
    'ja-easy': '部署の 種類では ありません。',
  },
  noDepartment: {
    ja: 'この自治体にはこの部署がありません（部署の追加はファイルではできません）。',
    en: 'Your municipality has no such department (a file cannot add one).',
    'ja-easy': 'この 部署は ありません。',
  },
};

/** The municipality's settings as YAML, with a header saying how to use the file. */
export async function exportSettingsYaml(em: EntityManager, code: string, now = new Date()): Promise<string> {
  const m = await em.findOneOrFail(Municipality, { code });
  const departments = await em.find(Department, { municipality: code }, { orderBy: { code: 'asc' } });
  const programmes = await em.findOne(ProgrammeSettings, { municipalityCode: code });
  const policy = await em.findOne(AccessPolicySettings, { municipalityCode: code });
  const body = {
    version: SETTINGS_FORMAT_VERSION,
    municipality: { code: m.code, name: m.name },
    requireTwoFactor: m.requireTwoFactor,
    allowedOrigins: [...m.allowedOrigins],
    departments: Object.fromEntries(departments.map((d) => [nameOfDepartment(d.code), d.name])),
    programmes: programmes?.changes ?? {},
    ...(policy?.document ? { policy: parse(policy.document) as unknown } : {}),
  };
  const header = [
    `# Yorisoi: settings of ${m.name} (${m.code}), exported ${now.toISOString()}.`,
    '# Keep it in version control. Check a change with `npm run settings:import -- --file <this file>`',
    '# (a dry run: it lists the differences), then run it again with --apply; or importMunicipalitySettings.',
    '# Keys left out stay as they are; allowedOrigins and programmes, when given, are the whole list.',
    '# programmes: changes to the catalogue as in seeds/programmes/overrides/<code>.yaml (contact, amounts, enabled).',
    '# policy (when applied in the console): the whole access policy as in seeds/policy/default.yaml.',
  ].join('\n');
  return `${header}\n${stringify(body, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' })}`;
}

/** Reads and checks a settings file against the municipality it is for (pure: no database). */
export function parseSettingsYaml(text: string, code: string): SettingsFile {
  if (Buffer.byteLength(text, 'utf8') > MAX_SETTINGS_YAML_BYTES) throw new SettingsInputError([at('(file)', T.tooBig)]);
  // No aliases: a settings file needs none, and they are how a small YAML file becomes a huge value.
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    throw new SettingsInputError([at('(file)', T.yaml(e.linePos ? `line ${e.linePos[0].line}` : e.code))]);
  }
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 0 });
  } catch {
    throw new SettingsInputError([at('(file)', T.yaml('aliases (&, *)'))]);
  }
  const problems: FieldProblem[] = [];
  if (!isPlainObject(raw) || !isMap(doc.contents)) throw new SettingsInputError([at('(file)', T.notMap)]);
  for (const key of Object.keys(raw)) if (!TOP_KEYS.has(key)) problems.push(at(key, T.unknown));
  if (raw.version !== SETTINGS_FORMAT_VERSION) problems.push(at('version', T.version));
  const out: SettingsFile = { code };
  const muni = raw.municipality;
  if (!isPlainObject(muni)) problems.push(at('municipality', T.notMap));
  else {
    for (const key of Object.keys(muni)) if (key !== 'code' && key !== 'name') problems.push(at(`municipality.${key}`, T.unknown));
    if (typeof muni.code !== 'string' || !/^\d{6}$/.test(muni.code)) problems.push(at('municipality.code', T.code));
    else if (muni.code !== code) problems.push(at('municipality.code', T.otherCode));
    if (muni.name !== undefined) {
      const name = typeof muni.name === 'string' ? muni.name.normalize('NFC').trim() : '';
      if (name === '' || [...name].length > MAX_NAME_LENGTH) problems.push(at('municipality.name', T.name));
      else out.name = name;
    }
  }
  if (raw.requireTwoFactor !== undefined) {
    if (typeof raw.requireTwoFactor !== 'boolean') problems.push(at('requireTwoFactor', T.boolean));
    else out.requireTwoFactor = raw.requireTwoFactor;
  }
  if (raw.allowedOrigins !== undefined) {
    const list = raw.allowedOrigins === null ? [] : raw.allowedOrigins;
    if (!Array.isArray(list) || (raw.allowedOrigins !== null && !isSeq(doc.get('allowedOrigins', true)))) problems.push(at('allowedOrigins', T.list));
    else if (list.length > MAX_ALLOWED_ORIGINS) problems.push(at('allowedOrigins', T.tooMany));
    else {
      const origins: string[] = [];
      list.forEach((item: unknown, i: number) => {
        // The same rule as addAllowedOrigin (api/municipality/web-origin.ts).
        const r = normaliseOrigin(typeof item === 'string' ? item : '');
        if ('problem' in r) problems.push(at(`allowedOrigins[${i}]`, T.origin));
        else if (origins.includes(r.origin)) problems.push(at(`allowedOrigins[${i}]`, T.twice));
        else origins.push(r.origin);
      });
      out.allowedOrigins = origins;
    }
  }
  if (raw.departments !== undefined) {
    if (!isPlainObject(raw.departments)) problems.push(at('departments', T.notMap));
    else {
      const names: Partial<Record<DepartmentCode, string>> = {};
      for (const [key, value] of Object.entries(raw.departments)) {
        const code = DEPARTMENT_BY_NAME.get(key);
        if (!code) {
          problems.push(at(`departments.${key}`, T.department));
          continue;
        }
        const name = typeof value === 'string' ? value.normalize('NFC').trim() : '';
        if (name === '' || [...name].length > MAX_NAME_LENGTH) problems.push(at(`departments.${key}`, T.name));
        else names[code] = name;
      }
      out.departments = names;
    }
  }
  if (raw.programmes !== undefined) {
    if (raw.programmes !== null && !isPlainObject(raw.programmes)) problems.push(at('programmes', T.notMap));
    else out.programmes = (raw.programmes ?? {}) as ProgrammeChangesDocument;
  }
  if (raw.policy !== undefined) {
    if (!isPlainObject(raw.policy)) problems.push(at('policy', T.notMap));
    else out.policy = stringify(raw.policy);
  }
  if (problems.length > 0) throw new SettingsInputError(problems);
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Compares the file with what is in force and, unless it is a dry run, applies the differences in one
 * transaction (the municipality row locked, as addAllowedOrigin does), each recorded in the
 * administration trail — origins in their own trail too when a staff member made the change.
 */
export async function importSettings(
  em: EntityManager,
  code: string,
  text: string,
  options: {
    apply: boolean;
    actor: Actor;
    catalogue?: Catalogue;
    sync?: ProgrammeSettingsSync;
    policies?: PolicyBook;
    policySync?: AccessPolicySync;
  },
): Promise<{ changes: SettingChange[]; applied: boolean }> {
  const file = parseSettingsYaml(text, code);
  // Programme changes: the overrides file's validator, against the catalogue this process serves.
  let programmeChanges: SettingChange[] = [];
  if (file.programmes !== undefined) {
    const catalogue = options.catalogue;
    if (!catalogue) throw new Error('importSettings needs the catalogue to check programmes');
    const checked = catalogue.checkConsoleChanges(code, file.programmes);
    if (!checked.changes) throw new SettingsInputError(checked.issues.map((i) => at(i.field, issueMessages(i))));
    const { file: fromFiles, effective } = catalogue.sources(code);
    programmeChanges = programmeDifferences(effective, applyOverrides(fromFiles, { programmes: checked.changes, added: [] }));
  }
  // The access policy: the policy files' parser (law and promise rules refused), compared with the one in force.
  let policyChanges: ReturnType<typeof policyDifferences> = [];
  if (file.policy !== undefined) {
    if (!options.policies) throw new Error('importSettings needs the policy book to check policy');
    const checked = checkPolicyText(file.policy);
    if (!('policy' in checked)) throw new SettingsInputError([at('policy', checked.messages)]);
    policyChanges = policyDifferences(options.policies.for(code), checked.policy);
  }
  const result = await em.fork().transactional(async (tx) => {
    const m = await tx.findOneOrFail(Municipality, { code }, options.apply ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {});
    const departments = await tx.find(Department, { municipality: code }, { orderBy: { code: 'asc' } });
    const problems: FieldProblem[] = [];
    const changes: SettingChange[] = [];
    if (file.name !== undefined && file.name !== m.name) changes.push({ path: 'municipality.name', before: m.name, after: file.name });
    if (file.requireTwoFactor !== undefined && file.requireTwoFactor !== m.requireTwoFactor)
      changes.push({ path: 'requireTwoFactor', before: String(m.requireTwoFactor), after: String(file.requireTwoFactor) });
    const added = file.allowedOrigins?.filter((o) => !m.allowedOrigins.includes(o)) ?? [];
    const removed = file.allowedOrigins ? m.allowedOrigins.filter((o) => !file.allowedOrigins!.includes(o)) : [];
    for (const o of removed) changes.push({ path: 'allowedOrigins', before: o, after: null });
    for (const o of added) changes.push({ path: 'allowedOrigins', before: null, after: o });
    for (const [dep, name] of Object.entries(file.departments ?? {})) {
      const d = departments.find((x) => x.code === dep);
      const key = `departments.${nameOfDepartment(dep as DepartmentCode)}`;
      if (!d) problems.push(at(key, T.noDepartment));
      else if (d.name !== name) changes.push({ path: key, before: d.name, after: name });
    }
    if (problems.length > 0) throw new SettingsInputError(problems);
    changes.push(...programmeChanges);
    for (const c of policyChanges) changes.push({ path: `policy.${c.path}`, before: c.before, after: c.after });
    if (!options.apply || changes.length === 0) return { changes, applied: false };

    const actor = options.actor;
    const note = (detail: string) => recordAdminEvent(tx, code, actor, 'municipality.settings-imported', code, detail);
    if (file.name !== undefined && file.name !== m.name) {
      m.name = file.name;
      note('municipality name');
    }
    if (file.requireTwoFactor !== undefined && file.requireTwoFactor !== m.requireTwoFactor) {
      m.requireTwoFactor = file.requireTwoFactor;
      note(`two-factor ${m.requireTwoFactor ? 'required' : 'optional'}`);
    }
    if (added.length + removed.length > 0) {
      m.allowedOrigins = file.allowedOrigins!;
      for (const [list, action] of [
        [added, AllowedOriginAction.ADDED],
        [removed, AllowedOriginAction.REMOVED],
      ] as const) {
        for (const origin of list) {
          note(`origin ${action} ${origin}`);
          if (actor.id) tx.create(AllowedOriginChange, { municipalityCode: code, action, origin, actorId: actor.id, actorName: actor.name, at: new Date() });
        }
      }
    }
    for (const d of departments) {
      const name = file.departments?.[d.code];
      if (name !== undefined && name !== d.name) {
        d.name = name;
        note(`department ${nameOfDepartment(d.code)} name`);
      }
    }
    if (programmeChanges.length > 0) await storeProgrammeChanges(tx, code, file.programmes!, null, actor, programmeChanges, 'ja');
    if (policyChanges.length > 0) await storeAccessPolicy(tx, code, file.policy!, null, actor, policyChanges, 'ja');
    return { changes, applied: true };
  });
  // In force at once here, and in the other processes through the change feed (no feed: at their next start).
  if (result.applied && programmeChanges.length > 0) {
    options.catalogue!.setConsoleChanges(code, file.programmes!);
    options.sync?.announce(code);
  }
  if (result.applied && policyChanges.length > 0) {
    options.policies!.setConsole(code, file.policy!);
    options.policySync?.announce(code);
  }
  return result;
}
