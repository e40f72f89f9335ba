import type { LocalizedText } from '../core';
import type { DayCount, FigureRegistry } from './figure-registry';

export type Bucket = 'DAY' | 'MONTH';

/** One line of the figures: a figure in total (key '') or one of its breakdown keys. */
export interface FigureLine {
  name: string;
  label: LocalizedText;
  key: string;
  keyLabel: LocalizedText | null;
  /** Counts are whole numbers; an average has two decimals; null: an average of nothing. */
  total: number | null;
  /** Entered by staff (a `staff` source) rather than counted by the system. */
  entered: boolean;
  /** Bucket start (YYYY-MM-DD) → value, for every bucket of the period in order. */
  points: { start: string; value: number | null }[];
}

function bucketOf(day: string, bucket: Bucket): string {
  return bucket === 'DAY' ? day : `${day.slice(0, 7)}-01`;
}

function bucketsOf(from: string, to: string, bucket: Bucket): string[] {
  const out: string[] = [];
  if (bucket === 'DAY') {
    for (let d = new Date(`${from}T00:00:00Z`); d.toISOString().slice(0, 10) <= to; d.setUTCDate(d.getUTCDate() + 1)) out.push(d.toISOString().slice(0, 10));
    return out;
  }
  for (let d = new Date(`${from.slice(0, 7)}-01T00:00:00Z`); d.toISOString().slice(0, 10) <= to; d.setUTCMonth(d.getUTCMonth() + 1))
    out.push(d.toISOString().slice(0, 10));
  return out;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * The lines of every registered figure over a period, in registry order: each figure's total, then
 * its keys by size. A registered figure with no counts is a zero; an unregistered module has no lines.
 */
export function figureLines(registry: FigureRegistry, counts: readonly DayCount[], from: string, to: string, bucket: Bucket = 'MONTH'): FigureLine[] {
  const buckets = bucketsOf(from, to, bucket);
  // figure → key → bucket → value ('' key holds the figure's total)
  const sums = new Map<string, Map<string, Map<string, number>>>();
  const add = (figure: string, key: string, b: string, v: number) => {
    const byKey = sums.get(figure) ?? sums.set(figure, new Map()).get(figure)!;
    const byBucket = byKey.get(key) ?? byKey.set(key, new Map()).get(key)!;
    byBucket.set(b, (byBucket.get(b) ?? 0) + v);
  };
  for (const c of counts) {
    if (c.day < from || c.day > to) continue;
    const b = bucketOf(c.day, bucket);
    add(c.figure, '', b, c.value);
    if (c.key !== '') add(c.figure, c.key, b, c.value);
  }
  const total = (figure: string, key: string, b?: string): number => {
    const byBucket = sums.get(figure)?.get(key);
    if (!byBucket) return 0;
    if (b !== undefined) return byBucket.get(b) ?? 0;
    let n = 0;
    for (const v of byBucket.values()) n += v;
    return n;
  };
  const lines: FigureLine[] = [];
  for (const source of registry.all()) {
    const entered = source.origin === 'staff';
    for (const f of source.figures) {
      if (f.hidden) continue;
      const keys = [...(sums.get(f.name)?.keys() ?? [])].filter((k) => k !== '').sort((a, b) => total(f.name, b) - total(f.name, a) || a.localeCompare(b));
      for (const key of ['', ...(f.keyLabel ? keys : [])]) {
        lines.push({
          name: f.name,
          label: f.label,
          key,
          keyLabel: key === '' || !f.keyLabel ? null : f.keyLabel(key),
          entered,
          total: total(f.name, key),
          points: buckets.map((start) => ({ start, value: total(f.name, key, start) })),
        });
      }
    }
    for (const a of source.averages ?? []) {
      const avg = (b?: string) => {
        const n = total(a.count, '', b);
        return n === 0 ? null : round2(total(a.sum, '', b) / n);
      };
      lines.push({
        name: a.name,
        label: a.label,
        key: '',
        keyLabel: null,
        entered,
        total: avg(),
        points: buckets.map((start) => ({ start, value: avg(start) })),
      });
    }
  }
  return lines;
}

/** The period of the same length just before [from, to]. */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
  const day = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  // A fiscal year (4/1–3/31) or calendar year compares with the year before, leap day or not.
  if (from.slice(5) === '04-01' && to.slice(5) === '03-31' && Number(to.slice(0, 4)) === Number(from.slice(0, 4)) + 1)
    return { from: `${Number(from.slice(0, 4)) - 1}-04-01`, to: `${from.slice(0, 4)}-03-31` };
  if (from.slice(5) === '01-01' && to.slice(5) === '12-31' && to.slice(0, 4) === from.slice(0, 4))
    return { from: `${Number(from.slice(0, 4)) - 1}-01-01`, to: `${Number(from.slice(0, 4)) - 1}-12-31` };
  return { from: day(from, -days), to: day(from, -1) };
}

/**
 * The previous period's total of each line, matched by figure and key. An average of nothing stays
 * null (`?? 0` made the dashboard, the CSV and 別紙2 show a previous rating average of 0 where there
 * were no ratings); a keyed line the previous period lacks counted nothing there, so 0.
 */
export function previousTotals(before: readonly FigureLine[]): (line: Pick<FigureLine, 'name' | 'key'>) => number | null {
  const totals = new Map(before.map((l) => [`${l.name}|${l.key}`, l.total]));
  return (line) => {
    const k = `${line.name}|${line.key}`;
    return totals.has(k) ? totals.get(k)! : 0;
  };
}
