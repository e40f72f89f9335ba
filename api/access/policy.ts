import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { DEPARTMENT_CODES, type DepartmentCode, isDepartmentCode } from '../core/departments';
import { isSection, SECTIONS, type Section } from '../core/sections';

/** A column of the policy table: a department, or a referred partner NPO. */
export type PolicyRole = DepartmentCode | 'partner';
export const POLICY_ROLES: readonly PolicyRole[] = [...DEPARTMENT_CODES, 'partner'];

export interface Grant {
  read: boolean;
  write: boolean;
}

/** role × section → read/write, loaded from seeds/policy (see the comments in default.yaml). */
export type Policy = ReadonlyMap<PolicyRole, ReadonlyMap<Section, Grant>>;

export class PolicyError extends Error {}

const GRANTS: Record<string, Grant> = {
  rw: { read: true, write: true },
  r: { read: true, write: false },
  '-': { read: false, write: false },
};

/** Parses and validates a policy document; any unknown or missing name is an error, never an allow. */
export function parsePolicy(text: string, source: string): Policy {
  const doc = parse(text) as { version?: unknown; sections?: Record<string, Record<string, unknown>> } | null;
  const fail = (what: string): never => {
    throw new PolicyError(`${source}: ${what}`);
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
  return table;
}

/** Policies by municipality code, with the default for municipalities that have none of their own. */
export class PolicyBook {
  private readonly own = new Map<string, Policy>();

  constructor(readonly fallback: Policy) {}

  /** Reads default.yaml and every `<6-digit code>.yaml` beside it; any other file is an error. */
  static load(dir: string): PolicyBook {
    const book = new PolicyBook(parsePolicy(readFileSync(join(dir, 'default.yaml'), 'utf8'), join(dir, 'default.yaml')));
    for (const name of readdirSync(dir)) {
      if (name === 'default.yaml') continue;
      const match = /^(\d{6})\.yaml$/.exec(name);
      if (!match) throw new PolicyError(`${join(dir, name)}: policy files are default.yaml or <municipality code>.yaml`);
      book.own.set(match[1]!, parsePolicy(readFileSync(join(dir, name), 'utf8'), join(dir, name)));
    }
    return book;
  }

  set(municipalityCode: string, policy: Policy): void {
    this.own.set(municipalityCode, policy);
  }

  for(municipalityCode: string): Policy {
    return this.own.get(municipalityCode) ?? this.fallback;
  }
}
