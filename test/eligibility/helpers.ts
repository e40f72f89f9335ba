// Shared loading and checking for the table-driven eligibility tests (cases/*.yaml).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { parse } from 'yaml';
import type { EvaluateOptions, Household, ProgrammeResult, Reason } from '../../api/programme/rules';

export function loadYaml<T>(file: string): T {
  return parse(readFileSync(join(__dirname, 'cases', file), 'utf8')) as T;
}

/** A household from YAML: defaults for the lists and for each child's disability. */
export function household(partial: Record<string, unknown>): Household {
  const h = { benefitsInUse: [], concerns: [], ...partial } as unknown as Household;
  h.children = (h.children ?? []).map((c) => ({ ...c, disability: c.disability ?? false }));
  return h;
}

export interface ProgrammeExpect {
  status?: string;
  monthly?: number;
  yearly?: number;
  /** `amount: null` asserts there is no amount. */
  amount?: null;
  reasons?: string[];
  notReasons?: string[];
  nextSteps?: string[];
  notNextSteps?: string[];
  /** Exact values of some params of some reason codes. */
  reasonParams?: Record<string, Record<string, string | number>>;
}

export interface HouseholdCase {
  name: string;
  source: string;
  base?: string;
  household?: Record<string, unknown>;
  options?: EvaluateOptions;
  expect: Record<string, ProgrammeExpect>;
}

interface CaseFile {
  bases?: Record<string, Record<string, unknown>>;
  cases: HouseholdCase[];
}

/** Loads household cases; a file is either a list of cases or `{ bases, cases }`. */
export function loadHouseholdCases(file: string): { c: HouseholdCase; h: Household }[] {
  const raw = loadYaml<CaseFile | HouseholdCase[]>(file);
  const f: CaseFile = Array.isArray(raw) ? { cases: raw } : raw;
  return f.cases.map((c) => {
    const base = c.base ? f.bases?.[c.base] : {};
    if (base === undefined) throw new Error(`${file}: unknown base ${c.base}`);
    return { c, h: household({ ...base, ...(c.household ?? {}) }) };
  });
}

const codes = (rs: Reason[]): string[] => rs.map((r) => r.code);

export function checkResult(r: ProgrammeResult | null, e: ProgrammeExpect): void {
  expect(r).not.toBeNull();
  const res = r!;
  if (e.status !== undefined) expect(res.status, `status of ${res.programmeId}: ${JSON.stringify(res.reasons)}`).toBe(e.status);
  if (e.amount === null) expect(res.amount).toBeNull();
  if (e.monthly !== undefined) expect(res.amount?.monthly).toBe(e.monthly);
  if (e.yearly !== undefined) expect(res.amount?.yearly).toBe(e.yearly);
  for (const code of e.reasons ?? []) expect(codes(res.reasons), `reasons of ${res.programmeId}`).toContain(code);
  for (const code of e.notReasons ?? []) expect(codes(res.reasons)).not.toContain(code);
  for (const code of e.nextSteps ?? []) expect(codes(res.nextSteps), `next steps of ${res.programmeId}`).toContain(code);
  for (const code of e.notNextSteps ?? []) expect(codes(res.nextSteps)).not.toContain(code);
  for (const [code, params] of Object.entries(e.reasonParams ?? {})) {
    const found = res.reasons.find((x) => x.code === code);
    expect(found, `reason ${code} in ${JSON.stringify(res.reasons)}`).toBeDefined();
    expect(found!.params).toMatchObject(params);
  }
}
