import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import * as P from '../../api/programme/rules/parameters';
import { constant, datedParameter, int, list, obj, PARAMETERS_DIR } from '../../api/programme/rules/parameters/load';

/** Writes one parameter file into a fresh folder and returns the folder. */
function folderWith(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'yorisoi-params-'));
  writeFileSync(join(dir, 'p.yaml'), text);
  return dir;
}
const load = (text: string) => datedParameter('p', 'x', obj({ a: int, b: list(int, 2) }), { dir: folderWith(text) });

describe('programme parameters as data (seeds/parameters/*.yaml)', () => {
  it('every file is read by the rules, and every period and constant in it names its sources', () => {
    const files = readdirSync(PARAMETERS_DIR).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThanOrEqual(9);
    const used = new Set(
      (Object.values(P) as unknown[]).filter((v): v is P.Param<unknown> => !!v && typeof v === 'object' && 'values' in v && 'name' in v).map((p) => p.name),
    );
    for (const f of files) {
      const doc = parse(readFileSync(join(PARAMETERS_DIR, f), 'utf8')) as Record<
        string,
        { name?: string; periods?: { sources: string[] }[]; sources?: string[] }
      >;
      for (const [key, p] of Object.entries(doc)) {
        if (p.periods) {
          expect(used.has(p.name!), `${f}: ${key} (${p.name}) is not read by any rule`).toBe(true);
          for (const period of p.periods) expect(period.sources.length, `${f}: ${key}`).toBeGreaterThan(0);
        } else {
          expect(p.sources!.length, `${f}: ${key}`).toBeGreaterThan(0);
        }
      }
    }
  });

  it('gives the rules the values of the files, dated and marked provisional where the file says so', () => {
    expect(P.valueAt(P.HOUSING_SUPPORT_LOAN_CAP, '2025-03-31')).toBe(40000);
    expect(P.entryAt(P.HOUSING_SUPPORT_LOAN_CAP, '2025-04-01')).toEqual({ from: 20250401, value: 70000, provisional: true });
    expect(P.HOUSING_SUPPORT_LOAN_MONTHS).toBe(12);
    expect(P.CRA_AMOUNTS_KNOWN_UNTIL).toBe(20270331);
    expect(P.salaryIncome(1_000_000, 2024)).toBe(450_000);
    expect(P.salaryIncome(1_000_000, 2025)).toBe(350_000);
    expect(P.salaryIncome(100_000_000, 2025)).toBe(100_000_000 - 1_950_000);
    expect(P.valueAt(P.INDEPENDENCE_TRAINING, '2025-01-01')!.qualifiedFromCompletion).toBe(20240830);
    expect(P.valueAt(P.HIGH_SCHOOL_SUPPORT, '2025-04-01')!.privateCorrespondenceYearly).toBeNull();
  });

  it('loads a well-formed file', () => {
    const p = load(
      'x:\n  name: X\n  periods:\n    - { from: 2024-04-01, sources: ["[O] a law"], value: { a: 1, b: [2, 3] } }\n    - { from: 2025-04-01, provisional: true, sources: ["[M] a page"], value: { a: 4, b: [5, 6] } }\n',
    );
    expect(p.values).toEqual([
      { from: 20240401, value: { a: 1, b: [2, 3] } },
      { from: 20250401, value: { a: 4, b: [5, 6] }, provisional: true },
    ]);
  });

  it.each([
    [
      'a period without sources',
      'x:\n  name: X\n  periods:\n    - { from: 2024-04-01, value: { a: 1, b: [2, 3] } }\n',
      /x\.periods\[0\]\.sources: must name at least one source/,
    ],
    ['an empty source', 'x:\n  name: X\n  periods:\n    - { from: 2024-04-01, sources: [" "], value: { a: 1, b: [2, 3] } }\n', /periods\[0\]\.sources/],
    [
      'a misspelt field',
      'x:\n  name: X\n  periods:\n    - { from: 2024-04-01, sources: [s], value: { a: 1, bb: [2, 3] } }\n',
      /x\.periods\[0\]\.value\.bb: is not a known field/,
    ],
    ['a missing field', 'x:\n  name: X\n  periods:\n    - { from: 2024-04-01, sources: [s], value: { a: 1 } }\n', /value\.b: is missing/],
    [
      'a fraction of a yen',
      'x:\n  name: X\n  periods:\n    - { from: 2024-04-01, sources: [s], value: { a: 1.5, b: [2, 3] } }\n',
      /value\.a: must be a whole number/,
    ],
    [
      'a number written as text',
      'x:\n  name: X\n  periods:\n    - { from: 2024-04-01, sources: [s], value: { a: "1", b: [2, 3] } }\n',
      /value\.a: must be a whole number/,
    ],
    [
      'a list of the wrong length',
      'x:\n  name: X\n  periods:\n    - { from: 2024-04-01, sources: [s], value: { a: 1, b: [2] } }\n',
      /value\.b: must have 2 entries/,
    ],
    [
      'an impossible date',
      'x:\n  name: X\n  periods:\n    - { from: 2025-02-29, sources: [s], value: { a: 1, b: [2, 3] } }\n',
      /periods\[0\]\.from: must be a date YYYY-MM-DD/,
    ],
    [
      'periods out of order',
      'x:\n  name: X\n  periods:\n    - { from: 2025-04-01, sources: [s], value: { a: 1, b: [2, 3] } }\n    - { from: 2024-04-01, sources: [s], value: { a: 1, b: [2, 3] } }\n',
      /out of order/,
    ],
    [
      'an unknown period field',
      'x:\n  name: X\n  periods:\n    - { from: 2024-04-01, sorces: [s], sources: [s], value: { a: 1, b: [2, 3] } }\n',
      /periods\[0\]\.sorces: is not a known field/,
    ],
    ['no such parameter', 'y:\n  name: Y\n', /p\.yaml: x: is missing/],
  ])('stops at load, naming the file and the path, on %s', (_what, text, message) => {
    expect(() => load(text)).toThrow(message);
    expect(() => load(text)).toThrow(P.ParameterError);
  });

  it('constants carry sources and a valid-from date too', () => {
    const dir = folderWith('c:\n  value: 12\n');
    expect(() => constant('p', 'c', int, { dir })).toThrow(/c\.sources: must name at least one source/);
    expect(() => constant('p', 'c', int, { dir: folderWith('c:\n  value: 12\n  sources: ["[O] a law"]\n') })).toThrow(/c\.from: must be a date YYYY-MM-DD/);
    expect(constant('p', 'c', int, { dir: folderWith('c:\n  from: 2024-04-01\n  value: 12\n  sources: ["[O] a law"]\n') })).toBe(12);
  });
});
