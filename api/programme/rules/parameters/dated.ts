// Dated parameters in the OpenFisca style: every value carries the date it takes effect, and the value
// in force on a date is the last one whose `from` is not after it. Tables are tiny (≤ 5 entries), so a
// backwards linear scan beats anything cleverer and allocates nothing.

import { parseYmd } from '../dates';

export interface Dated<T> {
  /** Effective from (inclusive): YYYYMMDD for dated tables, or a calendar year for income-year tables. */
  readonly from: number;
  readonly value: T;
  /** True when the value is not yet confirmed against a primary source (see the reference file). */
  readonly provisional?: boolean;
}

export interface Param<T> {
  readonly name: string;
  readonly values: readonly Dated<T>[];
}

/** Declares a parameter; checks once, at load time, that its periods are in ascending order. */
export function param<T>(name: string, values: readonly Dated<T>[]): Param<T> {
  for (let i = 1; i < values.length; i++) {
    if (values[i]!.from <= values[i - 1]!.from) throw new Error(`parameter ${name}: periods out of order`);
  }
  return { name, values };
}

/** The entry in force at `at` (YYYYMMDD integer, a year for income-year tables, or 'YYYY-MM-DD'). */
export function entryAt<T>(p: Param<T>, at: number | string): Dated<T> | undefined {
  const n = typeof at === 'string' ? parseYmd(at) : at;
  if (n < 0) return undefined;
  const v = p.values;
  for (let i = v.length - 1; i >= 0; i--) {
    const e = v[i]!;
    if (e.from <= n) return e;
  }
  return undefined;
}

/** The value in force at `at`, or undefined before the first period (the engine then asks for help). */
export function valueAt<T>(p: Param<T>, at: number | string): T | undefined {
  const e = entryAt(p, at);
  return e === undefined ? undefined : e.value;
}
