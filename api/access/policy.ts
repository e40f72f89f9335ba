import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { DEPARTMENT_CODES, type DepartmentCode, isDepartmentCode, OWNER_DEPARTMENT, PARTNERS_CONSENT } from '../core';
import { isSection, SECTIONS, type Section } from '../core';

/** A column of the policy table: a department, or a referred partner NPO. */
export type PolicyRole = DepartmentCode | 'partner';
export const POLICY_ROLES: readonly PolicyRole[] = [...DEPARTMENT_CODES, 'partner'];

export interface Grant {
  read: boolean;
  write: boolean;
}

/** What makes a record DV-protected (rule 3); evaluated in code and in SQL by dv.ts. */
export const DV_CONDITIONS = ['dv-concern', 'support-measure'] as const;
export type DvCondition = (typeof DV_CONDITIONS)[number];

/** Referral statuses (the values stored in referral.status). */
export const REFERRAL_STATUSES = ['requested', 'accepted', 'closed'] as const;
export type ReferralStatusValue = (typeof REFERRAL_STATUSES)[number];

/**
 * The row rules of the policy file (`rules:`), numbered as in default.yaml. They are data so that the
 * file answers "who sees this family's income, and why" on its own, and so that docs/access-policy.md
 * is generated from it; the vocabulary is closed, so a file can state the rules but never weaken the
 * three that are law or promise (consent, municipality, DV from everyone but the owner).
 */
export interface RowRules {
  /** 1. The department that owns every record: reads and writes every section, whatever the table says. */
  owner: DepartmentCode;
  /** 2. Another department sees a record only with the family's consent to share with that department. */
  consent: 'department';
  /** 3. While any condition holds, these sections are withheld from everyone but the owner. */
  dv: { withhold: readonly Section[]; when: readonly DvCondition[] };
  /** 4. A partner sees a record only when referred to it (a referral in one of these statuses) and with this consent. */
  partner: { consent: typeof PARTNERS_CONSENT; referral: readonly ReferralStatusValue[] };
  /** 5. Nobody sees another municipality's records. */
  municipality: 'own';
  /**
   * 6. Whether the family linked a LINE account (a way to reach them) follows this section: seen by those
   * who may read it, unlinked by those who may write it — and withheld with it under DV protection.
   */
  line: { follows: Section };
}

/**
 * role × section → read/write (the grants, with rule 1 already applied: the owner's row is all rw),
 * and the row rules; loaded from seeds/policy (see the comments in default.yaml).
 */
export type Policy = ReadonlyMap<PolicyRole, ReadonlyMap<Section, Grant>> & { readonly rules: RowRules };

/**
 * A refused policy document. `key` is the path of what is wrong (`rules.owner`, `sections.income.health`,
 * `version`), so the console can list the problem at its key as the file loader reports it.
 */
export class PolicyError extends Error {
  readonly key: string;
  constructor(
    message: string,
    readonly problem = message,
  ) {
    super(message);
    this.key = policyKey(problem);
  }
}

/** The key path a problem of parsePolicy is about, read from its wording (which always starts with it). */
function policyKey(problem: string): string {
  const rule = /^rules(?:\.([\w.]+)| ?: unknown rule "([^"]*)")/.exec(problem);
  if (rule) return `rules.${rule[1] ?? rule[2]}`;
  if (problem.startsWith('`rules`')) return 'rules';
  if (problem.startsWith('`version')) return 'version';
  if (problem.startsWith('`sections`')) return 'sections';
  const cell = /^(?:unknown )?section "([^"]*)"(?:: unknown department "([^"]*)"|, ([^:]+):| does not say what (\S+) may do)?/.exec(problem);
  if (cell) return ['sections', cell[1], cell[2] ?? cell[3] ?? cell[4]].filter(Boolean).join('.');
  return '(file)';
}

const GRANTS: Record<string, Grant> = {
  rw: { read: true, write: true },
  r: { read: true, write: false },
  '-': { read: false, write: false },
};

type Fail = (what: string) => never;

function list(value: unknown, where: string, fail: Fail): string[] {
  if (!Array.isArray(value) || value.length === 0 || !value.every((v) => typeof v === 'string')) fail(`${where} must be a non-empty list`);
  return value as string[];
}

/** The `rules:` block; every key is required and only the documented values are accepted. */
function parseRules(raw: unknown, fail: Fail): RowRules {
  if (!raw || typeof raw !== 'object') return fail('`rules` is missing (the row rules: owner, consent, dv, partner, municipality, line)');
  const r = raw as Record<string, unknown>;
  for (const key of Object.keys(r)) if (!['owner', 'consent', 'dv', 'partner', 'municipality', 'line'].includes(key)) fail(`rules: unknown rule "${key}"`);
  const owner = String(r.owner);
  // The owner is the design's, not a municipality's choice: records are created, referred and audited there.
  if (owner !== OWNER_DEPARTMENT) fail(`rules.owner must be \`${OWNER_DEPARTMENT}\` (the department that owns every record)`);
  if (r.consent !== 'department') fail("rules.consent must be `department`: another department sees a record only with the family's consent to share with it");
  if (r.municipality !== 'own') fail("rules.municipality must be `own`: municipalities never see each other's records");
  const dv = (r.dv ?? fail('rules.dv is missing')) as Record<string, unknown>;
  const withhold = list(dv.withhold, 'rules.dv.withhold', fail);
  for (const s of withhold) if (!isSection(s)) fail(`rules.dv.withhold: unknown section "${s}"`);
  const when = list(dv.when, 'rules.dv.when', fail);
  for (const c of when)
    if (!(DV_CONDITIONS as readonly string[]).includes(c)) fail(`rules.dv.when: unknown condition "${c}" (known: ${DV_CONDITIONS.join(', ')})`);
  const partner = (r.partner ?? fail('rules.partner is missing')) as Record<string, unknown>;
  if (partner.consent !== PARTNERS_CONSENT)
    fail(`rules.partner.consent must be \`${PARTNERS_CONSENT}\`: a partner sees a record only with the family's consent to share with partners`);
  const referral = list(partner.referral, 'rules.partner.referral', fail);
  for (const s of referral) if (!(REFERRAL_STATUSES as readonly string[]).includes(s)) fail(`rules.partner.referral: unknown status "${s}"`);
  if (referral.includes('closed')) fail('rules.partner.referral: a closed referral no longer shows the record to the partner');
  const line = (r.line ?? fail('rules.line is missing (the section a linked LINE account follows)')) as Record<string, unknown>;
  const follows = String(line.follows);
  if (!isSection(follows)) fail(`rules.line.follows: unknown section "${follows}"`);
  // A LINE link reaches the family: DV protection must withhold it from everyone but the owner.
  if (!withhold.includes(follows)) fail(`rules.line.follows must be a section DV protection withholds (rules.dv.withhold), not "${follows}"`);
  return {
    owner: owner as DepartmentCode,
    consent: 'department',
    dv: { withhold: withhold as Section[], when: when as DvCondition[] },
    partner: { consent: PARTNERS_CONSENT, referral: referral as ReferralStatusValue[] },
    municipality: 'own',
    line: { follows: follows as Section },
  };
}

/** Parses and validates a policy document; any unknown or missing name is an error, never an allow. */
export function parsePolicy(text: string, source: string): Policy {
  const doc = parse(text) as { version?: unknown; sections?: Record<string, Record<string, unknown>>; rules?: unknown } | null;
  const fail: Fail = (what) => {
    throw new PolicyError(`${source}: ${what}`, what);
  };
  if (!doc || doc.version !== 1) fail('`version: 1` is required');
  const sections = doc?.sections ?? fail('`sections` is missing');
  const table = new Map<PolicyRole, Map<Section, Grant>>(POLICY_ROLES.map((r) => [r, new Map()]));
  for (const [name, row] of Object.entries(sections)) {
    if (!isSection(name)) fail(`unknown section "${name}" (known: ${SECTIONS.join(', ')})`);
    if (!row || typeof row !== 'object') fail(`section "${name}" must map each department to r, rw or -`);
    for (const [column, value] of Object.entries(row)) {
      if (column !== 'partner' && !isDepartmentCode(column)) fail(`section "${name}": unknown department "${column}"`);
      const grant = GRANTS[String(value)] ?? fail(`section "${name}", ${column}: "${String(value)}" is not r, rw or -`);
      table.get(column as PolicyRole)!.set(name as Section, grant);
    }
  }
  for (const role of POLICY_ROLES) {
    for (const section of SECTIONS) {
      if (!table.get(role)!.has(section)) fail(`section "${section}" does not say what ${role} may do`);
    }
  }
  const rules = parseRules(doc?.rules, fail);
  // Rule 1, applied here once: the owner reads and writes every section, whatever its column says.
  for (const section of SECTIONS) table.get(rules.owner)!.set(section, GRANTS.rw!);
  return Object.assign(table, { rules });
}

/** Where a municipality's policy in force comes from. */
export type PolicySource = 'console' | 'file' | 'default';

/**
 * Policies by municipality code, with the default for municipalities that have none of their own. Over
 * the files sit the policies admins applied in the console (「アクセス方針」, issue 21: stored in the
 * database, kept here by AccessPolicySync); a console policy wins over the municipality's file.
 */
export class PolicyBook {
  private readonly own = new Map<string, Policy>();
  /** The files' texts as written (comments too), by code; '' for default.yaml. */
  private readonly texts = new Map<string, string>();
  private readonly console = new Map<string, { policy: Policy; text: string }>();

  constructor(readonly fallback: Policy) {}

  /** Reads default.yaml and every `<6-digit code>.yaml` beside it; any other file is an error. */
  static load(dir: string): PolicyBook {
    const fallbackText = readFileSync(join(dir, 'default.yaml'), 'utf8');
    const book = new PolicyBook(parsePolicy(fallbackText, join(dir, 'default.yaml')));
    book.texts.set('', fallbackText);
    for (const name of readdirSync(dir)) {
      if (name === 'default.yaml') continue;
      const match = /^(\d{6})\.yaml$/.exec(name);
      if (!match) throw new PolicyError(`${join(dir, name)}: policy files are default.yaml or <municipality code>.yaml`);
      const text = readFileSync(join(dir, name), 'utf8');
      book.own.set(match[1]!, parsePolicy(text, join(dir, name)));
      book.texts.set(match[1]!, text);
    }
    return book;
  }

  set(municipalityCode: string, policy: Policy): void {
    this.own.set(municipalityCode, policy);
  }

  /**
   * The console's policy for a municipality (null: none, the files again). The text is parsed here with
   * the files' own parser; a text that no longer parses (the parser grew stricter in a deployment) is
   * refused and the files are in force — the PolicyError says why.
   */
  setConsole(municipalityCode: string, text: string | null): PolicyError | null {
    if (text === null) {
      this.console.delete(municipalityCode);
      return null;
    }
    try {
      this.console.set(municipalityCode, { policy: parsePolicy(text, `console policy of ${municipalityCode}`), text });
      return null;
    } catch (e) {
      this.console.delete(municipalityCode);
      if (e instanceof PolicyError) return e;
      return new PolicyError(`console policy of ${municipalityCode}: not readable YAML`, 'not readable YAML');
    }
  }

  for(municipalityCode: string): Policy {
    return this.console.get(municipalityCode)?.policy ?? this.fileFor(municipalityCode);
  }

  /** The policy the files give a municipality, without the console's. */
  fileFor(municipalityCode: string): Policy {
    return this.own.get(municipalityCode) ?? this.fallback;
  }

  source(municipalityCode: string): PolicySource {
    return this.console.has(municipalityCode) ? 'console' : this.own.has(municipalityCode) ? 'file' : 'default';
  }

  /** The text of the policy in force, as written (a console policy, the municipality's file, or default.yaml). */
  text(municipalityCode: string): string | undefined {
    return this.console.get(municipalityCode)?.text ?? this.texts.get(this.own.has(municipalityCode) ? municipalityCode : '');
  }
}
