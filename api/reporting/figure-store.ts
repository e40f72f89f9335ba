import type { EntityManager } from '@mikro-orm/postgresql';
import { addDays, startOfJapanDay, todayInJapan } from '../core';
import type { DayCount, FigureRegistry, FigureSource, InstantRange } from './figure-registry';

/** Rows per INSERT statement (5 parameters each, far under PostgreSQL's 65,535). */
const CHUNK = 1000;

export function instantRange(from: string, to: string): InstantRange {
  return { from, to, start: startOfJapanDay(from), end: startOfJapanDay(addDays(to, 1)) };
}

/** Every Japan day from `from` to `to`, inclusive. */
export function daysOf(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return days;
}

/**
 * Usage figures kept as counts. A day is counted from the events once it is safely over (two days
 * ago in Japan time: a rating or a late write of yesterday still lands) and stored in usage_count,
 * marked in usage_day per module; from then on the stored counts answer, so the figures outlive the
 * rows they counted (retention, a family's deletion). Recent days are counted live on each query.
 * `rebuild` counts stored days again from the events, for a period whose events are still there.
 */
export class FigureStore {
  constructor(
    readonly registry: FigureRegistry,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The sources whose days are counted once and stored (not the `live` ones). */
  private sealed(): FigureSource[] {
    return this.registry.all().filter((s) => !s.live);
  }

  /** The last day that is stored rather than counted live. */
  lastSealedDay(): string {
    return addDays(todayInJapan(this.now()), -2);
  }

  /** Counts and stores every day of the period not stored yet (each module separately). */
  async seal(em: EntityManager, code: string, from: string, to: string): Promise<void> {
    const last = to < this.lastSealedDay() ? to : this.lastSealedDay();
    if (last < from) return;
    // One look for every module: most queries find every day already stored.
    const days = daysOf(from, last).length;
    const rows = await em
      .getConnection()
      .execute<{ module: string; n: string | number }[]>(`select module, count(*) as n from usage_day where municipality_code = ? and day >= ?::date and day <= ?::date group by module`, [code, from, last]);
    const complete = new Set(rows.filter((r) => Number(r.n) === days).map((r) => r.module));
    for (const source of this.sealed()) if (!complete.has(source.module)) await this.sealSource(em, source, code, from, last);
  }

  private async sealSource(em: EntityManager, source: FigureSource, code: string, from: string, to: string): Promise<void> {
    const conn = em.getConnection();
    const sealed = new Set(
      (await conn.execute<{ day: string }[]>(`select to_char(day, 'YYYY-MM-DD') as day from usage_day where municipality_code = ? and module = ? and day >= ?::date and day <= ?::date`, [code, source.module, from, to])).map((r) => r.day),
    );
    const missing = daysOf(from, to).filter((d) => !sealed.has(d));
    if (missing.length === 0) return;
    const open = new Set(missing);
    const counts = (await source.count(em, code, instantRange(missing[0]!, missing[missing.length - 1]!))).filter((c) => open.has(c.day));
    // Counts first, then the marks: a crash between them only means the day is counted again, and the
    // counts it would insert are already there (on conflict do nothing) with the same values.
    for (let i = 0; i < counts.length; i += CHUNK) {
      const part = counts.slice(i, i + CHUNK);
      await conn.execute(
        `insert into usage_count (municipality_code, day, figure, key, value) values ${part.map(() => '(?, ?::date, ?, ?, ?)').join(', ')} on conflict do nothing`,
        part.flatMap((c) => [code, c.day, c.figure, c.key, c.value]),
      );
    }
    const at = this.now();
    for (let i = 0; i < missing.length; i += CHUNK) {
      const part = missing.slice(i, i + CHUNK);
      await conn.execute(`insert into usage_day (municipality_code, module, day, sealed_at) values ${part.map(() => '(?, ?, ?::date, ?)').join(', ')} on conflict do nothing`, part.flatMap((d) => [code, source.module, d, at]));
    }
  }

  /** Forgets the stored days of the period and counts them again from the events. */
  async rebuild(em: EntityManager, code: string, from: string, to: string): Promise<void> {
    const conn = em.getConnection();
    for (const source of this.sealed()) {
      const names = source.figures.map((f) => f.name);
      await conn.execute(`delete from usage_count where municipality_code = ? and day >= ?::date and day <= ?::date and figure in (${names.map(() => '?').join(', ')})`, [code, from, to, ...names]);
      await conn.execute(`delete from usage_day where municipality_code = ? and module = ? and day >= ?::date and day <= ?::date`, [code, source.module, from, to]);
    }
    await this.seal(em, code, from, to);
  }

  /**
   * Every non-zero count of the period: stored days from usage_count, the last days counted live.
   * `month`: stored counts summed per month in SQL (day = the month's first day inside the period),
   * which is all a monthly chart or a total needs — a year is then ~500 rows instead of ~10,000.
   */
  async read(em: EntityManager, code: string, from: string, to: string, options: { month?: boolean } = {}): Promise<DayCount[]> {
    await this.seal(em, code, from, to);
    const last = this.lastSealedDay();
    const names = this.sealed().flatMap((s) => s.figures.map((f) => f.name));
    const out: DayCount[] = [];
    if (from <= last && names.length > 0) {
      const rows = await em
        .getConnection()
        .execute<{ day: string; figure: string; key: string; value: string | number }[]>(
          options.month
            ? `select to_char(greatest(date_trunc('month', day)::date, ?::date), 'YYYY-MM-DD') as day, figure, key, sum(value) as value from usage_count where municipality_code = ? and figure in (${names.map(() => '?').join(', ')}) and day >= ?::date and day <= ?::date group by 1, 2, 3`
            : `select to_char(day, 'YYYY-MM-DD') as day, figure, key, value from usage_count where municipality_code = ? and figure in (${names.map(() => '?').join(', ')}) and day >= ?::date and day <= ?::date`,
          [...(options.month ? [from] : []), code, ...names, from, to < last ? to : last],
        );
      for (const r of rows) out.push({ day: r.day, figure: r.figure, key: r.key, value: Number(r.value) });
    }
    if (to > last) {
      const liveFrom = from > last ? from : addDays(last, 1);
      for (const source of this.sealed()) out.push(...(await source.count(em, code, instantRange(liveFrom, to))));
    }
    // Sources kept per month by their modules: the whole period, each count on its month's first day
    // (or the period's first day, for a month that starts before it), like the monthly sums above.
    for (const source of this.registry.all().filter((s) => s.live)) {
      for (const c of await source.count(em, code, instantRange(from, to))) if (c.day <= to) out.push({ ...c, day: c.day < from ? from : c.day });
    }
    return out;
  }
}
