import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { SEEDS_DIR } from '../core';

/** One rule of seeds/retention/<code>.yaml (or default.yaml): rows an erasure keeps, and why. */
export interface RetentionRule {
  table: string;
  when: { column: string; in: string[] } | null;
  years: number | null;
  basis: { ja: string; en: string; 'ja-easy': string };
}

const IDENT = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * The municipality's retention rules, checked: table and column names are plain identifiers (they are
 * put into SQL), years a whole number 0–100 or null, the basis in all three languages. A bad file stops
 * the request with the file and the problem named, rather than erasing what it meant to keep.
 */
export function retentionRules(municipalityCode: string, dir = join(SEEDS_DIR, 'retention')): RetentionRule[] {
  const own = join(dir, `${municipalityCode}.yaml`);
  const file = existsSync(own) ? own : join(dir, 'default.yaml');
  const doc = parse(readFileSync(file, 'utf8')) as { keep?: unknown };
  const rules = Array.isArray(doc?.keep) ? doc.keep : [];
  return rules.map((raw: unknown, i: number) => {
    const r = raw as Record<string, unknown>;
    const where = `${file}: keep[${i}]`;
    if (typeof r.table !== 'string' || !IDENT.test(r.table)) throw new Error(`${where}: table must be a table name`);
    let when: RetentionRule['when'] = null;
    if (r.when != null) {
      const w = r.when as Record<string, unknown>;
      if (typeof w.column !== 'string' || !IDENT.test(w.column) || !Array.isArray(w.in) || !w.in.every((v) => typeof v === 'string'))
        throw new Error(`${where}: when needs a column and a list "in"`);
      when = { column: w.column, in: w.in as string[] };
    }
    const years = r.years == null ? null : Number(r.years);
    if (years != null && (!Number.isInteger(years) || years < 0 || years > 100)) throw new Error(`${where}: years must be a whole number 0–100 or null`);
    const b = r.basis as Record<string, unknown> | undefined;
    if (!b || typeof b.ja !== 'string' || typeof b.en !== 'string' || typeof b['ja-easy'] !== 'string')
      throw new Error(`${where}: basis needs ja, en and ja-easy`);
    return { table: r.table, when, years, basis: { ja: b.ja, en: b.en, 'ja-easy': b['ja-easy'] } };
  });
}

/**
 * How long a record is kept once nothing happens to it any more, per state (seeds/retention `periods:`):
 *   closed   the owning department's case is CLOSED — counted from the case's last change
 *   no-case  the owning department never opened a case — counted from the record's last change
 * A record with an open case is never erased by the period. Missing `periods`: nothing is erased.
 */
export type RecordState = 'closed' | 'no-case';
export interface RetentionPeriod {
  state: RecordState;
  years: number;
}

export function retentionPeriods(municipalityCode: string, dir = join(SEEDS_DIR, 'retention')): RetentionPeriod[] {
  const own = join(dir, `${municipalityCode}.yaml`);
  const file = existsSync(own) ? own : join(dir, 'default.yaml');
  const doc = parse(readFileSync(file, 'utf8')) as { periods?: unknown };
  const list = doc?.periods == null ? [] : doc.periods;
  if (!Array.isArray(list)) throw new Error(`${file}: periods must be a list`);
  const seen = new Set<string>();
  return list.map((raw: unknown, i: number) => {
    const r = raw as Record<string, unknown>;
    const where = `${file}: periods[${i}]`;
    if (r?.state !== 'closed' && r?.state !== 'no-case') throw new Error(`${where}: state must be closed or no-case`);
    if (seen.has(r.state)) throw new Error(`${where}: state ${r.state} is given twice`);
    seen.add(r.state);
    const years = Number(r.years);
    if (!Number.isInteger(years) || years < 1 || years > 100) throw new Error(`${where}: years must be a whole number 1–100`);
    return { state: r.state, years };
  });
}
