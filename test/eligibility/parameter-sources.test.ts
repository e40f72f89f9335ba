// One place for every programme figure: each value in seeds/parameters/*.yaml carries a valid-from date
// and its sources, and no figure of those files is written again as a number in the programme code or as
// a number in the catalogue (issue 15, "programme parameters as data").

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseYmd } from '../../api/programme/rules/dates';
import { PARAMETERS_DIR } from '../../api/programme/rules/parameters';

const ROOT = join(__dirname, '..', '..');
const PROGRAMME_CODE = join(ROOT, 'api', 'programme');
const CATALOGUE = join(ROOT, 'seeds', 'programmes');

type Doc = Record<string, { name?: string; from?: unknown; periods?: Record<string, unknown>[]; sources?: unknown; value?: unknown }>;
const parameterFiles = readdirSync(PARAMETERS_DIR).filter((f) => f.endsWith('.yaml'));
const docs = new Map<string, Doc>(parameterFiles.map((f) => [f, parse(readFileSync(join(PARAMETERS_DIR, f), 'utf8')) as Doc]));

/** Every value of the parameter files: [where, the value (with its periods' `from` left out)]. */
function values(): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const [f, doc] of docs) {
    for (const [key, p] of Object.entries(doc)) {
      if (p.periods) p.periods.forEach((period, i) => out.push([`${f}: ${key}.periods[${i}]`, period.value]));
      else out.push([`${f}: ${key}`, p.value]);
    }
  }
  return out;
}

function numbersIn(v: unknown, into: Set<number>): Set<number> {
  if (typeof v === 'number' && Number.isFinite(v)) into.add(v);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) numbersIn(x, into);
  return into;
}

const validFrom = (v: unknown): boolean =>
  (typeof v === 'number' && Number.isInteger(v) && v >= 1900 && v < 3000) || // an income (tax) year
  (typeof v === 'string' && parseYmd(v) > 0) ||
  (v instanceof Date && !Number.isNaN(v.getTime())); // YAML may read an unquoted date as a Date

const hasSources = (v: unknown): boolean => Array.isArray(v) && v.length > 0 && v.every((s) => typeof s === 'string' && s.trim() !== '');

/**
 * Numbers the programme code may write although a parameter file holds the same number somewhere,
 * because here they are arithmetic, not a programme's figure. Anything else that equals a figure of the
 * files is a second place for it.
 */
const STRUCTURAL = new Map<number, string>([
  [0, 'zero: counters, "none", lower bounds'],
  [1, 'one: counting, the first child'],
  [3, 'the third child (the parameters name it: thirdAndLater, the third slot of PerSlot)'],
  [10, 'tenths: 10-yen rounding of the partial 児童扶養手当, permille to percent'],
  [12, 'months in a year'],
  [10_000, 'YYYYMMDD arithmetic, 万 (10,000 yen) in formatting, a batch bound'],
]);

/** Files of api/programme that hold no programme figure by construction. */
const NOT_FIGURES = new Set(['dates.ts', 'format.ts', 'validate.ts']);

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) {
      if (f !== 'parameters') sourceFiles(p, out); // parameters/ declares shapes, never figures
    } else if (f.endsWith('.ts') && !NOT_FIGURES.has(f)) out.push(p);
  }
  return out;
}

/** Numeric literals a rule writes, leaving out relevance scores (ranking, not a programme figure) and school-grade ranges. */
function literals(file: string, text = readFileSync(file, 'utf8')): { value: number; line: number }[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: { value: number; line: number }[] = [];
  const ranking = (n: ts.Node): boolean => {
    for (let p = n.parent; p; p = p.parent) {
      if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === 'baseline') return true;
      if (ts.isVariableDeclaration(p) && ts.isIdentifier(p.name) && (p.name.text === 'W' || p.name.text.endsWith('_BOOST'))) return true;
      if (ts.isCallExpression(p)) {
        const callee = p.expression.getText(sf);
        if (callee === 'result' && p.arguments.length === 6 && p.arguments[5]!.pos <= n.pos && n.end <= p.arguments[5]!.end) return true; // extra relevance
        if (callee === 'ctx.countGrades') return true; // school grades: 1–9 小中, 10–12 高校
      }
      if (ts.isBinaryExpression(p) && /\bextra\b/.test(p.left.getText(sf))) return true; // extra relevance
    }
    return false;
  };
  const visit = (n: ts.Node): void => {
    if (ts.isNumericLiteral(n) && !ranking(n))
      out.push({ value: Number(n.text.replace(/_/g, '')), line: sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1 });
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

describe('programme parameters: one place each, dated and sourced', () => {
  it('every parameter value has a valid-from date and at least one source', () => {
    expect(parameterFiles.length).toBeGreaterThanOrEqual(11);
    let checked = 0;
    for (const [f, doc] of docs) {
      for (const [key, p] of Object.entries(doc)) {
        if (p.periods) {
          expect(p.periods.length, `${f}: ${key}`).toBeGreaterThan(0);
          for (const [i, period] of p.periods.entries()) {
            expect(validFrom(period.from), `${f}: ${key}.periods[${i}].from`).toBe(true);
            expect(hasSources(period.sources), `${f}: ${key}.periods[${i}].sources`).toBe(true);
            expect(period.value, `${f}: ${key}.periods[${i}].value`).not.toBeUndefined();
            checked++;
          }
        } else {
          expect(validFrom(p.from), `${f}: ${key}.from (a constant is dated too)`).toBe(true);
          expect(hasSources(p.sources), `${f}: ${key}.sources`).toBe(true);
          expect(p.value, `${f}: ${key}.value`).not.toBeUndefined();
          checked++;
        }
      }
    }
    expect(checked).toBe(values().length);
  });

  it('no figure of the parameter files is written again as a number in api/programme', () => {
    const figures = new Set<number>();
    for (const [, v] of values()) numbersIn(v, figures);
    const found: string[] = [];
    const files = sourceFiles(PROGRAMME_CODE);
    expect(files.length).toBeGreaterThan(30);
    for (const file of files) {
      for (const { value, line } of literals(file)) {
        if (figures.has(value) && !STRUCTURAL.has(value)) found.push(`${file.slice(ROOT.length + 1)}:${line} writes ${value}, a figure of seeds/parameters`);
      }
    }
    expect(found).toEqual([]);
  });

  it('the check sees a figure written in a rule (a child under 20, 30% off), not the relevance scores', () => {
    const figures = new Set<number>();
    for (const [, v] of values()) numbersIn(v, figures);
    expect(figures.has(20) && figures.has(30)).toBe(true); // childUnderAge, discountPercent
    const rule = `export const r = { baseline: 20, evaluate(ctx) {
      if (ctx.countUnderAge(20) === 0) return result(ID, 'NOT_ELIGIBLE', null, [], [], 30);
      if (ctx.countGrades(1, 12) === 0) return result(ID, 'NOT_ELIGIBLE', null, [], []);
      return result(ID, 'ELIGIBLE', null, [reason('cpd-discount', { percent: 30 })], []);
    } };`;
    const written = literals('probe.ts', rule).filter((l) => figures.has(l.value) && !STRUCTURAL.has(l.value));
    expect(written).toEqual([
      { value: 20, line: 2 },
      { value: 30, line: 4 },
    ]);
  });

  it('a catalogue amount that has a dated parameter of the same name says `parameter` instead of a number', () => {
    for (const f of readdirSync(CATALOGUE).filter((x) => x.endsWith('.yaml'))) {
      const entry = parse(readFileSync(join(CATALOGUE, f), 'utf8')) as { id: string; amounts?: Record<string, unknown> };
      const params = docs.get(`${entry.id}.yaml`);
      for (const [key, v] of Object.entries(entry.amounts ?? {})) {
        if (params?.[key]) expect(v, `seeds/programmes/${f}: amounts.${key}`).toBe('parameter');
      }
    }
  });
});
