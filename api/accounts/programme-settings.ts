import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AccessGate } from '../access';
import { apiError, badInput, type FieldProblem, type Locale, type LocalizedText, StaffRole } from '../core';
import { applyOverrides, type Catalogue, type CatalogueIssue, type ProgrammeDefinition, ProgrammeSettings, type ProgrammeSettingsSync } from '../programme';
import { recordAdminEvent, type Actor } from './admin-events';
import type { ProgrammeSettingsInput, ProgrammeSettingsResult, ProgrammeSettingsView } from './programme-settings.types';
import type { SettingChange } from './settings-yaml';

/**
 * 「支援制度の設定」 (issue 21): an admin changes the municipality's programmes in the console — a
 * programme's contact, on/off, and the declared amounts of prefectural and municipal programmes. The
 * change is the `programmes:` map of an overrides file and is checked by the file loader's own validator
 * (Catalogue.checkConsoleChanges → parseProgrammeChanges), shown as differences (a dry run), then saved:
 * one versioned document per municipality (ProgrammeSettings), a save naming an older version refused
 * with CONFLICT. It goes over the file's overrides (the console wins, field by field) and is in force at
 * once for eligibility, screening, the chatbot and the intake (the catalogue is set in this process and
 * the others re-read it through the change feed). Every save is in the administration trail with a
 * summary of what changed (programme ids, amounts, on/off; texts only as "changed").
 */
export type ProgrammeChangesDocument = Record<string, { contact?: LocalizedText; amounts?: Record<string, number>; enabled?: boolean }>;

/** Contact texts are a desk's name and number: far longer is a mistake. */
const MAX_CONTACT = 500;
const T = {
  national: {
    ja: '国の制度の金額は自治体では変更できません（法令や国の基準で決まっています）。',
    en: "A national programme's amounts are set nationally; a municipality cannot change them.",
    'ja-easy': '国の 制度の 金額は かえられません。',
  },
  noAmounts: {
    ja: 'この制度には変更できる金額がありません。',
    en: 'This programme has no amounts that can be changed.',
    'ja-easy': 'この 制度の 金額は かえられません。',
  },
  amountKey: { ja: 'この制度にはこの金額の項目がありません。', en: 'This programme has no such amount.', 'ja-easy': 'この 金額の 項目は ありません。' },
  amountValue: { ja: '0以上の整数（円）にしてください。', en: 'Must be a whole number of yen, 0 or more.', 'ja-easy': '0より 大きい 数に して ください。' },
  text: {
    ja: `日本語・英語・やさしい日本語をすべて${MAX_CONTACT}文字以内で入力してください（ふりがなは やさしい日本語 だけで 漢字{かんじ} の形、ほかに { } は使えません）。`,
    en: `Enter all three texts, at most ${MAX_CONTACT} characters each (furigana only in やさしい日本語, as 漢字{かんじ}; no other braces).`,
    'ja-easy': '3つの ことばで 書いて ください。',
  },
  unknown: { ja: 'この自治体の支援制度の一覧にない制度です。', en: 'Not a programme of your catalogue.', 'ja-easy': 'その 制度は ありません。' },
  twice: { ja: '同じ制度が二度あります。', en: 'The same programme is listed twice.', 'ja-easy': '同じ 制度が 2回 あります。' },
  other: { ja: 'この設定は使えません。', en: 'This setting cannot be used.', 'ja-easy': 'この 設定は 使えません。' },
  conflict: {
    ja: 'ほかの管理者が先に支援制度の設定を変えました。画面を読み込み直してから、もう一度変更してください。',
    en: 'Another admin changed the programme settings first. Reload and make your change again.',
    'ja-easy': 'ほかの 人が 先に かえました。もう一度 よみこんで ください。',
  },
  otherMunicipality: {
    ja: 'ほかの自治体の支援制度は設定できません。',
    en: "You cannot change another municipality's programmes.",
    'ja-easy': 'ほかの 自治体の 制度は かえられません。',
  },
};

/** The problem's text by what the file loader found, without repeating the value. */
export function issueMessages(issue: CatalogueIssue): LocalizedText {
  const rest = issue.field.split('.').slice(2).join('.');
  if (rest === '') return issue.message.startsWith('unknown programme') ? T.unknown : T.other;
  if (rest === 'amounts')
    return issue.message.includes('national programme') ? T.national : issue.message.includes('declares no') ? T.noAmounts : T.amountValue;
  if (rest.startsWith('amounts.')) return issue.message.includes('has no amount') ? T.amountKey : T.amountValue;
  if (rest.startsWith('contact')) return T.text;
  return T.other;
}

/** The input as the document the validator reads; problems of its shape are found by field. */
function toDocument(input: ProgrammeSettingsInput, locale: Locale): ProgrammeChangesDocument {
  const doc: ProgrammeChangesDocument = {};
  const problems: FieldProblem[] = [];
  input.programmes.forEach((p, i) => {
    const at = `input.programmes[${i}]`;
    if (Object.hasOwn(doc, p.programmeId)) return void problems.push({ field: `${at}.programmeId`, messages: T.twice });
    const entry: ProgrammeChangesDocument[string] = {};
    if (p.enabled !== undefined && p.enabled !== null) entry.enabled = p.enabled;
    if (p.contact) {
      const c = { ja: p.contact.ja.normalize('NFC').trim(), en: p.contact.en.normalize('NFC').trim(), 'ja-easy': p.contact.jaEasy.normalize('NFC').trim() };
      if (Object.values(c).some((x) => x.length > MAX_CONTACT)) problems.push({ field: `${at}.contact`, messages: T.text });
      entry.contact = c;
    }
    if (p.amounts) entry.amounts = Object.fromEntries(p.amounts.map((a) => [a.key, a.value]));
    doc[p.programmeId] = entry;
  });
  if (problems.length) throw badInput(problems, locale);
  return doc;
}

/** `programmes.<id>.<rest>` of the validator as the input's field: `input.programmes[i].<rest>`. */
function inputField(field: string, input: ProgrammeSettingsInput): string {
  const [, id = '', ...rest] = field.split('.');
  const i = input.programmes.findIndex((p) => p.programmeId === id);
  if (i < 0) return 'input.programmes';
  const at = `input.programmes[${i}]`;
  if (rest.length === 0) return `${at}.programmeId`;
  if (rest[0] === 'amounts' && rest[1]) {
    const j = input.programmes[i]!.amounts?.findIndex((a) => a.key === rest[1]) ?? -1;
    return j < 0 ? `${at}.amounts` : `${at}.amounts[${j}]`;
  }
  if (rest[0] === 'contact' && rest[1]) return `${at}.contact.${rest[1] === 'ja-easy' ? 'jaEasy' : rest[1]}`;
  return `${at}.${rest[0]}`;
}

/** What would change for families: every programme whose on/off, contact or amounts differ. */
export function programmeDifferences(before: ReadonlyMap<string, ProgrammeDefinition>, after: ReadonlyMap<string, ProgrammeDefinition>): SettingChange[] {
  const out: SettingChange[] = [];
  for (const [id, a] of after) {
    const b = before.get(id);
    if (!b) continue;
    if (a.enabled !== b.enabled) out.push({ path: `programmes.${id}.enabled`, before: String(b.enabled), after: String(a.enabled) });
    for (const l of ['ja', 'en', 'ja-easy'] as const) {
      if (a.contact[l] !== b.contact[l]) out.push({ path: `programmes.${id}.contact.${l}`, before: b.contact[l], after: a.contact[l] });
    }
    for (const key of Object.keys(a.amounts ?? {})) {
      const x = b.amounts?.[key];
      const y = a.amounts![key];
      if (x !== y) out.push({ path: `programmes.${id}.amounts.${key}`, before: x === undefined ? null : String(x), after: String(y) });
    }
  }
  return out;
}

/** The trail's summary: ids, amounts and on/off; texts only named as changed. */
export function changeSummary(version: number, changes: SettingChange[]): string {
  const parts = changes.map((c) => (c.path.includes('.contact.') ? `${c.path} changed` : `${c.path} ${c.before ?? '-'} -> ${c.after ?? '-'}`));
  const text = `version ${version}: ${parts.join('; ')}`;
  return text.length > 2000 ? `${text.slice(0, 1990)} …` : text;
}

/**
 * Saves the document as the municipality's settings in `tx` (the row locked): CONFLICT unless it is at
 * `expectedVersion` (null: whatever it is, for the settings file, which replaces the whole document).
 */
export async function storeProgrammeChanges(
  tx: EntityManager,
  code: string,
  doc: ProgrammeChangesDocument,
  expectedVersion: number | null,
  actor: Actor,
  changes: SettingChange[],
  locale: Locale,
): Promise<number> {
  const row = await tx.findOne(ProgrammeSettings, { municipalityCode: code }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  const current = row?.version ?? 0;
  if (expectedVersion !== null && expectedVersion !== current) throw apiError('CONFLICT', T.conflict, locale, { currentVersion: current });
  const version = current + 1;
  if (row) Object.assign(row, { changes: doc, version, updatedAt: new Date(), updatedBy: actor.name });
  else tx.create(ProgrammeSettings, { municipalityCode: code, changes: doc, version, updatedAt: new Date(), updatedBy: actor.name });
  recordAdminEvent(tx, code, actor, 'programme-settings.changed', code, changeSummary(version, changes));
  return version;
}

export class ProgrammeSettingsAdmin {
  constructor(
    private readonly em: EntityManager,
    private readonly gate: AccessGate,
    private readonly catalogue: Catalogue,
    private readonly sync: ProgrammeSettingsSync | undefined,
  ) {}

  async view(): Promise<ProgrammeSettingsView> {
    const v = this.gate.staff([StaffRole.ADMIN]);
    const row = await this.em.fork().findOne(ProgrammeSettings, { municipalityCode: v.municipalityCode });
    return settingsView(this.catalogue, v.municipalityCode, row, this.gate.locale);
  }

  async save(input: ProgrammeSettingsInput): Promise<ProgrammeSettingsResult> {
    const v = this.gate.staff([StaffRole.ADMIN]);
    const locale = this.gate.locale;
    if (input.municipalityCode !== v.municipalityCode) throw apiError('FORBIDDEN', T.otherMunicipality, locale);
    const code = v.municipalityCode;
    const doc = toDocument(input, locale);
    const { changes, issues } = this.catalogue.checkConsoleChanges(code, doc);
    if (!changes)
      throw badInput(
        issues.map((i) => ({ field: inputField(i.field, input), messages: issueMessages(i) })),
        locale,
      );
    const { file, effective } = this.catalogue.sources(code);
    const diff = programmeDifferences(effective, applyOverrides(file, { programmes: changes, added: [] }));
    const row = await this.em.fork().findOne(ProgrammeSettings, { municipalityCode: code });
    // A stale screen learns it at the preview already, before anyone reads the differences.
    if ((row?.version ?? 0) !== input.version) throw apiError('CONFLICT', T.conflict, locale, { currentVersion: row?.version ?? 0 });
    if (!input.apply || diff.length === 0) return { applied: false, changes: diff, settings: await this.view() };
    await this.em.fork().transactional((tx) => storeProgrammeChanges(tx, code, doc, input.version, { id: v.staffId, name: v.name }, diff, locale));
    this.catalogue.setConsoleChanges(code, doc);
    this.sync?.announce(code);
    return { applied: true, changes: diff, settings: await this.view() };
  }
}

/** The programmes as the municipality sees them, with what the console changed and the file's figures. */
export function settingsView(catalogue: Catalogue, code: string, row: ProgrammeSettings | null, locale: Locale): ProgrammeSettingsView {
  const { file, effective } = catalogue.sources(code);
  const doc = (row?.changes ?? {}) as ProgrammeChangesDocument;
  const programmes = [...effective.values()].map((p) => {
    const shown = catalogue.get(p.id, code, { includeDisabled: true }) ?? p;
    const fileAmounts = file.get(p.id)?.amounts ?? {};
    return {
      id: p.id,
      name: locale === 'en' ? shown.name.en : shown.name.ja,
      level: p.level,
      enabled: p.enabled,
      contact: { ja: p.contact.ja, en: p.contact.en, jaEasy: p.contact['ja-easy'] },
      amounts: p.level === 'national' ? [] : Object.entries(p.amounts ?? {}).map(([key, value]) => ({ key, value, fileValue: fileAmounts[key] ?? value })),
      changedHere: Object.keys(doc[p.id] ?? {}),
    };
  });
  return { version: row?.version ?? 0, programmes };
}
