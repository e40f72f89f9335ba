import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  type AccessGate,
  AccessPolicySettings,
  type AccessPolicySync,
  parsePolicy,
  type Policy,
  type PolicyBook,
  PolicyError,
  POLICY_ROLES,
  type PolicyRole,
  policyRulesInWords,
} from '../access';
import { apiError, badInput, DEPARTMENT_NAMES, type FieldProblem, type Locale, type LocalizedText, SECTION_NAMES, SECTIONS, StaffRole } from '../core';
import { Department } from '../municipality';
import { recordAdminEvent, type Actor } from './admin-events';
import type {
  AccessPolicyChange,
  AccessPolicyInput,
  AccessPolicyProblem,
  AccessPolicyResult,
  AccessPolicyView,
  ResetAccessPolicyInput,
} from './access-policy-settings.types';

/**
 * 「アクセス方針」 (issue 21): an admin replaces the municipality's access policy in the console with a
 * whole policy document — the YAML of seeds/policy/*.yaml — checked by the files' own parser
 * (parsePolicy: the law and promise rules stay refused), shown as what each department gains or loses
 * (a dry run), then applied: one versioned document per municipality (AccessPolicySettings), an apply
 * naming an older version refused with CONFLICT. It goes over the municipality's policy file and is in
 * force at once for every access decision (the policy book is set in this process and the others re-read
 * it through the change feed). Every apply is in the administration trail with the cells that changed.
 */

/** A policy file is a few kilobytes; far more is a mistake (or an attempt to make the parser work). */
export const MAX_POLICY_YAML_BYTES = 64 * 1024;
const FIELD = 'input.yaml';
/** The rules that are law or a promise to families (policy.ts refuses any other value). */
const LAW_RULES = new Set(['rules.owner', 'rules.consent', 'rules.municipality', 'rules.partner.consent']);

const T = {
  law: {
    ja: 'この規則は法令と家庭への約束で決まっていて、変えられません（所有課・本人の同意・自治体どうしの壁）。',
    en: 'This rule is set by law and by the promise to families (owner, consent, the wall between municipalities); it cannot be changed.',
    'ja-easy': 'この きまりは 法律で きまって います。かえられません。',
  },
  dv: {
    ja: 'DV等支援措置・連携団体・LINE連携の規則の書き方が正しくありません（default.yaml と同じ形で書いてください）。',
    en: 'This rule is not written as the policy files write it (see default.yaml).',
    'ja-easy': 'きまりの 書き方が ちがいます。',
  },
  cell: {
    ja: '項目ごとに、すべての課と連携団体（partner）について r（閲覧）・rw（閲覧と編集）・-（なし）のどれかを書いてください。',
    en: 'Each section must give every department and partner one of r (read), rw (read and write) or - (none).',
    'ja-easy': 'それぞれの 課に r・rw・- の どれかを 書いて ください。',
  },
  version: { ja: 'version: 1 と書いてください。', en: 'Write version: 1.', 'ja-easy': 'version: 1 と 書いて ください。' },
  yaml: (where: string): LocalizedText => ({
    ja: `YAMLとして読めません（${where}）。`,
    en: `This is not valid YAML (${where}).`,
    'ja-easy': `YAMLの 書き方が ちがいます（${where}）。`,
  }),
  tooBig: {
    ja: `方針のファイルは${MAX_POLICY_YAML_BYTES / 1024}KBまでです。`,
    en: `A policy file has at most ${MAX_POLICY_YAML_BYTES / 1024} KB.`,
    'ja-easy': 'ファイルが 大きすぎます。',
  },
  conflict: {
    ja: 'ほかの管理者が先にアクセス方針を変えました。画面を読み込み直してから、もう一度確認してください。',
    en: 'Another admin changed the access policy first. Reload and check your change again.',
    'ja-easy': 'ほかの 人が 先に かえました。もう一度 よみこんで ください。',
  },
  otherMunicipality: {
    ja: 'ほかの自治体のアクセス方針は変えられません。',
    en: "You cannot change another municipality's access policy.",
    'ja-easy': 'ほかの 自治体の 方針は かえられません。',
  },
};

/** The problem's text by its key; the English is parsePolicy's own wording, as the server log says it. */
function problemMessages(key: string, problem: string): LocalizedText {
  const m = LAW_RULES.has(key) ? T.law : key.startsWith('rules') ? T.dv : key.startsWith('sections') ? T.cell : key === 'version' ? T.version : T.yaml(key);
  return { ja: `${key}: ${m.ja}`, en: `${key}: ${problem}`, 'ja-easy': `${key}: ${m['ja-easy']}` };
}

/** Parses a policy document as the loader does; the problem (at most one: the parser stops there) by key. */
export function checkPolicyText(text: string): { policy: Policy } | { key: string; messages: LocalizedText } {
  if (Buffer.byteLength(text, 'utf8') > MAX_POLICY_YAML_BYTES) return { key: '(file)', messages: { ...T.tooBig } };
  try {
    return { policy: parsePolicy(text, 'console') };
  } catch (e) {
    if (e instanceof PolicyError) return { key: e.key, messages: problemMessages(e.key, e.problem) };
    // The YAML itself: yaml's errors carry the line, never the text.
    const line = (e as { linePos?: { line: number }[] }).linePos?.[0]?.line;
    return { key: '(file)', messages: T.yaml(line ? `line ${line}` : 'syntax') };
  }
}

const cell = (policy: Policy, role: PolicyRole, section: (typeof SECTIONS)[number]): string => {
  const g = policy.get(role)!.get(section)!;
  return g.write ? 'rw' : g.read ? 'r' : '-';
};
const RANK: Record<string, number> = { '-': 0, r: 1, rw: 2 };

/** What would change: each department's read/write per section, then the row rules that differ. */
export function policyDifferences(before: Policy, after: Policy): AccessPolicyChange[] {
  const out: AccessPolicyChange[] = [];
  for (const role of POLICY_ROLES) {
    for (const section of SECTIONS) {
      const [b, a] = [cell(before, role, section), cell(after, role, section)];
      if (a !== b) out.push({ path: `sections.${section}.${role}`, role, section, before: b, after: a, widens: RANK[a]! > RANK[b]! });
    }
  }
  const list = (xs: readonly string[]) => xs.join(', ');
  const lost = (b: readonly string[], a: readonly string[]) => b.some((x) => !a.includes(x));
  const rule = (path: string, b: readonly string[], a: readonly string[], widens: boolean) => {
    if (list(b) !== list(a)) out.push({ path, role: null, section: null, before: list(b), after: list(a), widens });
  };
  const [rb, ra] = [before.rules, after.rules];
  // Fewer sections withheld, or fewer conditions that start DV protection, show more to more people.
  rule('rules.dv.withhold', rb.dv.withhold, ra.dv.withhold, lost(rb.dv.withhold, ra.dv.withhold));
  rule('rules.dv.when', rb.dv.when, ra.dv.when, lost(rb.dv.when, ra.dv.when));
  rule('rules.partner.referral', rb.partner.referral, ra.partner.referral, lost(ra.partner.referral, rb.partner.referral));
  const lineWidens = POLICY_ROLES.some((r) => after.get(r)!.get(ra.line.follows)!.read && !before.get(r)!.get(rb.line.follows)!.read);
  rule('rules.line.follows', [rb.line.follows], [ra.line.follows], lineWidens);
  return out;
}

/**
 * The stored document that means "no console policy: the policy files are in force" (「ファイルの方針に戻す」).
 * The row stays, so the version keeps counting and a screen read before the reset is still stale.
 */
export const FILES_DOCUMENT = '';

/** The trail's summary: the cells and rules that changed (policy vocabulary only, nothing about families). */
function changeSummary(version: number, changes: AccessPolicyChange[], toFiles: boolean): string {
  const text = `version ${version}${toFiles ? ' (back to the policy files)' : ''}: ${changes.map((c) => `${c.path} ${c.before} -> ${c.after}${c.widens ? ' (wider)' : ''}`).join('; ')}`;
  return text.length > 2000 ? `${text.slice(0, 1990)} …` : text;
}

/**
 * Saves the document as the municipality's policy in `tx` (the row locked): CONFLICT unless it is at
 * `expectedVersion` (null: whatever it is, for the settings file, which replaces the whole document).
 * The caller sets the policy book and announces it after the commit.
 */
export async function storeAccessPolicy(
  tx: EntityManager,
  code: string,
  text: string,
  expectedVersion: number | null,
  actor: Actor,
  changes: AccessPolicyChange[],
  locale: Locale,
): Promise<number> {
  const row = await tx.findOne(AccessPolicySettings, { municipalityCode: code }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  const current = row?.version ?? 0;
  if (expectedVersion !== null && expectedVersion !== current) throw apiError('CONFLICT', T.conflict, locale, { currentVersion: current });
  const version = current + 1;
  if (row) Object.assign(row, { document: text, version, updatedAt: new Date(), updatedBy: actor.name });
  else tx.create(AccessPolicySettings, { municipalityCode: code, document: text, version, updatedAt: new Date(), updatedBy: actor.name });
  recordAdminEvent(tx, code, actor, 'access-policy.changed', code, changeSummary(version, changes, text === FILES_DOCUMENT));
  return version;
}

export class AccessPolicyAdmin {
  constructor(
    private readonly em: EntityManager,
    private readonly gate: AccessGate,
    private readonly book: PolicyBook,
    private readonly sync: AccessPolicySync | undefined,
  ) {}

  async view(): Promise<AccessPolicyView> {
    const v = this.gate.staff([StaffRole.ADMIN]);
    const code = v.municipalityCode;
    const em = this.em.fork();
    const row = await em.findOne(AccessPolicySettings, { municipalityCode: code });
    const local = new Map((await em.find(Department, { municipality: code })).map((d) => [d.code as string, d.name]));
    const lang = this.gate.locale === 'en' ? 'en' : 'ja';
    const policy = this.book.for(code);
    return {
      version: row?.version ?? 0,
      source: this.book.source(code),
      yaml: this.book.text(code) ?? '',
      grants: POLICY_ROLES.flatMap((role) =>
        SECTIONS.map((section) => ({ section, role, read: policy.get(role)!.get(section)!.read, write: policy.get(role)!.get(section)!.write })),
      ),
      roles: POLICY_ROLES.map((role) => ({
        key: role,
        name:
          role === 'partner'
            ? lang === 'ja'
              ? '連携団体'
              : 'Partner organisations'
            : lang === 'ja'
              ? (local.get(role) ?? DEPARTMENT_NAMES[role].ja)
              : DEPARTMENT_NAMES[role].en,
      })),
      sections: SECTIONS.map((s) => ({ key: s, name: SECTION_NAMES[s][lang] })),
      rules: policyRulesInWords(policy, lang),
      updatedAt: this.book.source(code) === 'console' ? (row?.updatedAt ?? null) : null,
      updatedBy: this.book.source(code) === 'console' ? (row?.updatedBy ?? null) : null,
    };
  }

  /** 「検証」: the problems of a document by key, as the policy files' parser reports them; nothing changes. */
  validate(text: string): AccessPolicyProblem[] {
    this.gate.staff([StaffRole.ADMIN]);
    const checked = checkPolicyText(text);
    return 'policy' in checked ? [] : [{ key: checked.key, message: checked.messages[this.gate.locale] }];
  }

  /** 「変更内容を確認」 (apply false) and 「適用」: refused by key when it does not parse, CONFLICT when stale. */
  async save(input: AccessPolicyInput): Promise<AccessPolicyResult> {
    const checked = checkPolicyText(input.yaml);
    if (!('policy' in checked)) {
      this.own(input.municipalityCode);
      throw badInput([{ field: FIELD, messages: checked.messages } satisfies FieldProblem], this.gate.locale);
    }
    return this.replace(input, input.yaml, checked.policy, false);
  }

  /**
   * 「ファイルの方針に戻す」: the console's policy is dropped and the municipality's policy file (or the
   * default one) is in force again — listed first as the differences, then applied with the version
   * read, like any other apply. Nothing to drop (the files are in force already) applies nothing.
   */
  async reset(input: ResetAccessPolicyInput): Promise<AccessPolicyResult> {
    const { municipalityCode: code } = this.own(input.municipalityCode);
    return this.replace(input, FILES_DOCUMENT, this.book.fileFor(code), this.book.source(code) === 'console');
  }

  /** Admins of this municipality only. */
  private own(municipalityCode: string) {
    const v = this.gate.staff([StaffRole.ADMIN]);
    if (municipalityCode !== v.municipalityCode) throw apiError('FORBIDDEN', T.otherMunicipality, this.gate.locale);
    return v;
  }

  /** Lists, or applies, `next` in place of the policy in force; `always`: apply even when no cell changes (the source does). */
  private async replace(
    input: { municipalityCode: string; version: number; apply: boolean },
    text: string,
    next: Policy,
    always: boolean,
  ): Promise<AccessPolicyResult> {
    const v = this.own(input.municipalityCode);
    const code = v.municipalityCode;
    const locale = this.gate.locale;
    const changes = policyDifferences(this.book.for(code), next);
    const row = await this.em.fork().findOne(AccessPolicySettings, { municipalityCode: code });
    // A stale screen learns it at the preview already, before anyone reads the differences.
    if ((row?.version ?? 0) !== input.version) throw apiError('CONFLICT', T.conflict, locale, { currentVersion: row?.version ?? 0 });
    if (!input.apply || (changes.length === 0 && !always)) return { applied: false, changes, policy: await this.view() };
    await this.em.fork().transactional((tx) => storeAccessPolicy(tx, code, text, input.version, { id: v.staffId, name: v.name }, changes, locale));
    this.book.setConsole(code, text === FILES_DOCUMENT ? null : text);
    this.sync?.announce(code);
    return { applied: true, changes, policy: await this.view() };
  }
}
