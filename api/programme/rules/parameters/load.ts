// Reads the engine's dated parameters from seeds/parameters/*.yaml (OpenFisca style: each value dated,
// each period with its sources), once, when the rules are first imported. The YAML is the one place a
// figure lives; the TypeScript beside it only declares the shape each rule expects and checks it, so a
// typo in a file stops the server at start with the file and the path of the bad value — never a
// wrong amount at run time.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { SEEDS_DIR } from '../../../core';
import { parseYmd } from '../dates';
import { param, type Dated, type Param } from './dated';

export const PARAMETERS_DIR = join(SEEDS_DIR, 'parameters');

export class ParameterError extends Error {}

/** A checker turns an untrusted YAML value into T, or throws naming the path. */
export type Check<T> = (v: unknown, path: string) => T;

const fail = (path: string, what: string): never => {
  throw new ParameterError(`${path}: ${what}`);
};

export const num: Check<number> = (v, path) => (typeof v === 'number' && !Number.isNaN(v) ? v : fail(path, 'must be a number'));
/** Whole yen (or a whole count): the engine computes in integers. `.inf` is allowed as an open upper bound. */
export const int: Check<number> = (v, path) =>
  typeof v === 'number' && (Number.isSafeInteger(v) || v === Infinity) ? v : fail(path, 'must be a whole number');
export const bool: Check<boolean> = (v, path) => (typeof v === 'boolean' ? v : fail(path, 'must be true or false'));
export const str: Check<string> = (v, path) => (typeof v === 'string' && v.length > 0 ? v : fail(path, 'must be a text'));

/** A date 'YYYY-MM-DD' as the engine's YYYYMMDD integer. */
export const ymd: Check<number> = (v, path) => {
  const n = typeof v === 'string' ? parseYmd(v) : -1;
  return n > 0 ? n : fail(path, 'must be a date YYYY-MM-DD');
};

export function nullable<T>(c: Check<T>): Check<T | null> {
  return (v, path) => (v === null ? null : c(v, path));
}

export function list<T>(c: Check<T>, length?: number): Check<readonly T[]> {
  return (v, path) => {
    if (!Array.isArray(v)) return fail(path, 'must be a list');
    if (length !== undefined && v.length !== length) return fail(path, `must have ${length} entries`);
    return v.map((x, i) => c(x, `${path}[${i}]`));
  };
}

/** An object with exactly these keys (an unknown or missing key is an error, not ignored). */
export function obj<T extends object>(shape: { [K in keyof T]: Check<T[K]> }): Check<T> {
  return (v, path) => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return fail(path, 'must be a mapping');
    const rec = v as Record<string, unknown>;
    for (const k of Object.keys(rec)) if (!(k in shape)) fail(`${path}.${k}`, 'is not a known field');
    const out = {} as T;
    for (const k of Object.keys(shape) as (keyof T & string)[]) {
      if (!(k in rec)) fail(`${path}.${k}`, 'is missing');
      out[k] = shape[k](rec[k], `${path}.${k}`);
    }
    return out;
  };
}

/** One of several shapes, chosen by a `kind` field. */
export function byKind<T>(kinds: Record<string, Check<T>>): Check<T> {
  return (v, path) => {
    const kind = v && typeof v === 'object' ? (v as { kind?: unknown }).kind : undefined;
    const c = typeof kind === 'string' ? kinds[kind] : undefined;
    return c ? c(v, path) : fail(`${path}.kind`, `must be one of ${Object.keys(kinds).join(', ')}`);
  };
}

export const literal =
  <L extends string>(l: L): Check<L> =>
  (v, path) =>
    v === l ? l : fail(path, `must be ${l}`);

interface ParameterFile {
  readonly file: string;
  readonly doc: Record<string, unknown>;
}

const files = new Map<string, ParameterFile>();

function open(name: string, dir: string): ParameterFile {
  const key = join(dir, `${name}.yaml`);
  let f = files.get(key);
  if (!f) {
    const doc = parse(readFileSync(key, 'utf8')) as unknown;
    if (!doc || typeof doc !== 'object') throw new ParameterError(`${key}: must be a mapping of parameters`);
    f = { file: key, doc: doc as Record<string, unknown> };
    files.set(key, f);
  }
  return f;
}

/** Period start: a date 'YYYY-MM-DD' (→ YYYYMMDD), or a calendar year for income-year tables. */
function from(v: unknown, path: string, byYear: boolean): number {
  if (byYear) return typeof v === 'number' && Number.isInteger(v) && v >= 1900 && v < 3000 ? v : fail(path, 'must be a year such as 2025');
  return ymd(v, path);
}

function sources(v: unknown, path: string): void {
  if (!Array.isArray(v) || v.length === 0 || v.some((s) => typeof s !== 'string' || s.trim() === '')) {
    fail(path, 'must name at least one source (a reference tag and a page or statute)');
  }
}

export interface LoadOptions {
  /** Periods start on a calendar year (income-year tables) instead of a date. */
  byYear?: boolean;
  /** Folder to read from (tests); seeds/parameters by default. */
  dir?: string;
}

/**
 * A dated parameter: `<name>.yaml` → `<key>: { name, periods: [{ from, value, sources, provisional?,
 * note? }] }`. Periods must be in ascending order, each with at least one source.
 */
export function datedParameter<T>(fileName: string, key: string, check: Check<T>, opts: LoadOptions = {}): Param<T> {
  const { file, doc } = open(fileName, opts.dir ?? PARAMETERS_DIR);
  const at = `${file}: ${key}`;
  const p = doc[key] as { name?: unknown; periods?: unknown } | undefined;
  if (!p || typeof p !== 'object') return fail(at, 'is missing');
  const name = str(p.name, `${at}.name`);
  if (!Array.isArray(p.periods) || p.periods.length === 0) return fail(`${at}.periods`, 'must list at least one period');
  const values: Dated<T>[] = p.periods.map((raw: unknown, i: number) => {
    const path = `${at}.periods[${i}]`;
    if (!raw || typeof raw !== 'object') return fail(path, 'must be a mapping');
    const e = raw as Record<string, unknown>;
    for (const k of Object.keys(e)) if (!['from', 'value', 'sources', 'provisional', 'note'].includes(k)) fail(`${path}.${k}`, 'is not a known field');
    sources(e.sources, `${path}.sources`);
    const entry: Dated<T> = { from: from(e.from, `${path}.from`, opts.byYear === true), value: check(e.value, `${path}.value`) };
    return e.provisional === undefined ? entry : { ...entry, provisional: bool(e.provisional, `${path}.provisional`) };
  });
  try {
    return param(name, values);
  } catch (err) {
    return fail(at, (err as Error).message);
  }
}

/**
 * A constant of the rules (a statutory figure that has not changed in the dates the engine covers), with
 * the date it is valid from and its sources: `<key>: { from, value, sources, note? }`. The rules use the
 * value on every date; `from` says since when the sources vouch for it (a changed figure becomes a dated
 * parameter with a second period).
 */
export function constant<T>(fileName: string, key: string, check: Check<T>, opts: LoadOptions = {}): T {
  const { file, doc } = open(fileName, opts.dir ?? PARAMETERS_DIR);
  const at = `${file}: ${key}`;
  const c = doc[key] as { from?: unknown; value?: unknown; sources?: unknown } | undefined;
  if (!c || typeof c !== 'object') return fail(at, 'is missing');
  for (const k of Object.keys(c)) if (!['from', 'value', 'sources', 'note'].includes(k)) fail(`${at}.${k}`, 'is not a known field');
  sources(c.sources, `${at}.sources`);
  from(c.from, `${at}.from`, opts.byYear === true);
  return check(c.value, `${at}.value`);
}
