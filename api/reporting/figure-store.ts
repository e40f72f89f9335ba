import type { EntityManager } from '@mikro-orm/postgresql';
import { addDays, startOfJapanDay, todayInJapan } from '../core';
import type { DayCount, FigureRegistry, FigureSource, InstantRange } from './figure-registry';
import { LiveCache } from './live-cache';

/** Rows per INSERT statement (5 parameters each, far under PostgreSQL's 65,535). */
const CHUNK = 1000;
/** Count rows stored by one seal beyond which usage_count's statistics are refreshed (the planner's estimate). */
const ANALYZE_AFTER = 5000;

export function instantRange(from: string, to: string): InstantRange {
  return { from, to, start: startOfJapanDay(from), end: startOfJapanDay(addDays(to, 1)) };
}

/** Every Japan day from `from` to `to`, inclusive. */
export function daysOf(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return days;
}

const monthStart = (day: string) => `${day.slice(0, 7)}-01`;
function monthEnd(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return addDays(m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`, -1);
}
/** The first days of the months that [from, to] touches. */
function monthsOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = monthStart(from); m <= to; m = addDays(monthEnd(m), 1)) out.push(m);
  return out;
}

type Row = Record<string, unknown>;
/** A statement on the entity manager's connection, inside its transaction when it has one. */
const exec = <T extends Row>(em: EntityManager, sql: string, params: unknown[]): Promise<T[]> =>
  em.getConnection().execute<T[]>(sql, params, 'all', em.getTransactionContext());

/**
 * Usage figures kept as counts. A day is counted from the events once it is safely over (two days
 * ago in Japan time: a rating or a late write of yesterday still lands) and stored in usage_count,
 * marked in usage_day per module; a module that counts per month (`per: 'month'`) is stored per month
 * the same way, once the month is over (and settled). From then on the stored counts answer, so the
 * figures outlive the rows they counted (retention, a family's deletion), and a dashboard read is one
 * query over usage_count plus the part not stored yet — the last two days, the current month — which
 * is counted through a short cache (live-cache.ts). `rebuild` counts stored days again from the events.
 */
export class FigureStore {
  readonly live: LiveCache;
  /** Count rows stored by this process since usage_count's statistics were last refreshed. */
  private stored = 0;

  constructor(
    readonly registry: FigureRegistry,
    private readonly now: () => Date = () => new Date(),
    liveCacheMs?: number,
  ) {
    this.live = new LiveCache(now, liveCacheMs);
  }

  private daily(): FigureSource[] {
    return this.registry.all().filter((s) => s.per !== 'month');
  }

  private monthly(): FigureSource[] {
    return this.registry.all().filter((s) => s.per === 'month');
  }

  /** The last day that is stored rather than counted live. */
  lastSealedDay(): string {
    return addDays(todayInJapan(this.now()), -2);
  }

  /**
   * Counts and stores every day (and every month over and settled) of the period not stored yet, each
   * module separately. Returns the counts of the period's months that stay unstored (the current month,
   * a month with an application still open), which read() adds as they are.
   */
  async seal(em: EntityManager, code: string, from: string, to: string): Promise<DayCount[]> {
    const last = this.lastSealedDay();
    const top = to < last ? to : last;
    const first = monthStart(from);
    // One look for every module: most queries find every day already stored. A monthly module marks
    // the first day of each month it stored (the only first days needed here).
    const marks =
      top >= first
        ? await exec<{ module: string; n: string | number; firsts: string }>(
            em,
            `select module, count(*) filter (where day >= ?::date) as n, coalesce(string_agg(to_char(day, 'YYYY-MM-DD'), ',') filter (where extract(day from day) = 1), '') as firsts
               from usage_day where municipality_code = ? and day >= ?::date and day <= ?::date group by module`,
            [from, code, first, top],
          )
        : [];
    const byModule = new Map(marks.map((r) => [r.module, r]));
    if (top >= from) {
      const days = daysOf(from, top).length;
      for (const source of this.daily()) if (Number(byModule.get(source.module)?.n ?? 0) !== days) await this.sealDays(em, source, code, from, top);
    }
    const open: DayCount[] = [];
    for (const source of this.monthly()) {
      const stored = new Set((byModule.get(source.module)?.firsts ?? '').split(',').filter(Boolean));
      const months = monthsOf(from, to).filter((m) => !stored.has(m));
      const over = months.filter((m) => monthEnd(m) <= last);
      // A month found open within the cache window is not counted again.
      const known = new Set<string>();
      for (const m of over) {
        const cached = this.live.peek(code, `${source.module}|${m}`);
        if (cached) (open.push(...(await cached)), known.add(m));
      }
      const toSeal = over.filter((m) => !known.has(m));
      if (toSeal.length > 0) open.push(...(await this.sealMonths(em, source, code, toSeal)));
      for (const m of months.filter((x) => monthEnd(x) > last))
        open.push(...(await this.live.get(code, `${source.module}|${m}`, () => source.count(em, code, instantRange(m, monthEnd(m))))));
    }
    await this.refreshStatistics(em);
    return open;
  }

  /**
   * After a large seal (a year counted at once) usage_count's size changed by orders of magnitude: without
   * fresh statistics the planner estimates one row and sorts instead of hashing, and without the
   * visibility map its index-only scan visits the table for every row. VACUUM cannot run inside a
   * transaction; there ANALYZE alone.
   */
  private async refreshStatistics(em: EntityManager): Promise<void> {
    if (this.stored < ANALYZE_AFTER) return;
    this.stored = 0;
    await exec(em, em.isInTransaction() ? 'analyze usage_count' : 'vacuum (analyze) usage_count', []);
  }

  private async sealDays(em: EntityManager, source: FigureSource, code: string, from: string, to: string): Promise<void> {
    const sealed = new Set(
      (
        await exec<{ day: string }>(
          em,
          `select to_char(day, 'YYYY-MM-DD') as day from usage_day where municipality_code = ? and module = ? and day >= ?::date and day <= ?::date`,
          [code, source.module, from, to],
        )
      ).map((r) => r.day),
    );
    const missing = daysOf(from, to).filter((d) => !sealed.has(d));
    if (missing.length === 0) return;
    const open = new Set(missing);
    const counts = (await source.count(em, code, instantRange(missing[0]!, missing[missing.length - 1]!))).filter((c) => open.has(c.day));
    // Counts first, then the marks: a crash between them only means the day is counted again, and the
    // counts it would insert are already there (on conflict do nothing) with the same values.
    await this.store(em, code, source.module, counts, missing);
  }

  /**
   * Counts whole months of a monthly module in one call and stores those that are settled. Figures
   * staff enter (`origin: 'staff'`) are counted and stored under the module's lock in one transaction:
   * a save of a month takes the same lock, so it never lands between the count and the store. (Other
   * sources only ever add to a month not over; their counts may read outside a transaction.)
   * Returns the counts of the months still open.
   */
  private async sealMonths(em: EntityManager, source: FigureSource, code: string, months: string[]): Promise<DayCount[]> {
    if (source.origin !== 'staff') return this.countMonths(em, source, code, months);
    return em.transactional(async (tx) => {
      await this.lock(tx, code, source.module);
      return this.countMonths(tx, source, code, months);
    });
  }

  private async countMonths(tx: EntityManager, source: FigureSource, code: string, months: string[]): Promise<DayCount[]> {
    const counts = await source.count(tx, code, instantRange(months[0]!, monthEnd(months[months.length - 1]!)));
    const wanted = new Set(months);
    const byMonth = new Map(months.map((m) => [m, [] as DayCount[]]));
    for (const c of counts) if (wanted.has(c.day)) byMonth.get(c.day)!.push(c);
    const settled = months.filter((m) => !source.unsettled || !byMonth.get(m)!.some((c) => c.figure === source.unsettled));
    const open = months.filter((m) => !settled.includes(m));
    for (const m of open) this.live.put(code, `${source.module}|${m}`, byMonth.get(m)!);
    await this.store(
      tx,
      code,
      source.module,
      settled.flatMap((m) => byMonth.get(m)!),
      settled,
    );
    return open.flatMap((m) => byMonth.get(m)!);
  }

  /** Serialises sealing and hand-entered changes of one module of one municipality (PostgreSQL; PGlite is one session). */
  async lock(em: EntityManager, code: string, module: string): Promise<void> {
    await exec(em, `select pg_advisory_xact_lock(hashtext(?))`, [`usage|${code}|${module}`]);
  }

  private async store(em: EntityManager, code: string, module: string, counts: DayCount[], days: string[]): Promise<void> {
    for (let i = 0; i < counts.length; i += CHUNK) {
      const part = counts.slice(i, i + CHUNK);
      await exec(
        em,
        `insert into usage_count (municipality_code, day, figure, key, value) values ${part.map(() => '(?, ?::date, ?, ?, ?)').join(', ')} on conflict do nothing`,
        part.flatMap((c) => [code, c.day, c.figure, c.key, c.value]),
      );
    }
    const at = this.now();
    for (let i = 0; i < days.length; i += CHUNK) {
      const part = days.slice(i, i + CHUNK);
      await exec(
        em,
        `insert into usage_day (municipality_code, module, day, sealed_at) values ${part.map(() => '(?, ?, ?::date, ?)').join(', ')} on conflict do nothing`,
        part.flatMap((d) => [code, module, d, at]),
      );
    }
    this.stored += counts.length;
  }

  /**
   * Forgets what is stored of one module for the months first..last (first days) so they are counted
   * again: staff changed a monthly figure by hand. Call inside the transaction of the change, after lock().
   */
  async forgetMonths(em: EntityManager, code: string, module: string, first: string, last: string): Promise<void> {
    const source = this.registry.all().find((s) => s.module === module);
    if (!source) return;
    const names = source.figures.map((f) => f.name);
    await exec(
      em,
      `delete from usage_count where municipality_code = ? and day >= ?::date and day <= ?::date and figure in (${names.map(() => '?').join(', ')})`,
      [code, first, last, ...names],
    );
    await exec(em, `delete from usage_day where municipality_code = ? and module = ? and day >= ?::date and day <= ?::date`, [code, module, first, last]);
    this.live.invalidate(code);
  }

  /** Forgets the stored days (and months) of the period and counts them again from the events. */
  async rebuild(em: EntityManager, code: string, from: string, to: string): Promise<void> {
    for (const source of this.registry.all()) {
      const start = source.per === 'month' ? monthStart(from) : from;
      const names = source.figures.map((f) => f.name);
      await exec(
        em,
        `delete from usage_count where municipality_code = ? and day >= ?::date and day <= ?::date and figure in (${names.map(() => '?').join(', ')})`,
        [code, start, to, ...names],
      );
      await exec(em, `delete from usage_day where municipality_code = ? and module = ? and day >= ?::date and day <= ?::date`, [
        code,
        source.module,
        start,
        to,
      ]);
    }
    this.live.invalidate(code);
    await this.seal(em, code, from, to);
  }

  /**
   * Every non-zero count of the period: one query over usage_count for what is stored, the rest live
   * (cached). Counts of a monthly module are dated on their month's first day, or on `from` for the
   * month the period starts in. `month`: stored counts summed per month in SQL (day = the month's first
   * day inside the period), which is all a monthly chart or a total needs — a year is ~500 rows.
   */
  async read(em: EntityManager, code: string, from: string, to: string, options: { month?: boolean } = {}): Promise<DayCount[]> {
    const open = await this.seal(em, code, from, to);
    const last = this.lastSealedDay();
    const top = to < last ? to : last;
    const first = monthStart(from);
    const names = this.registry.all().flatMap((s) => s.figures.map((f) => f.name));
    const monthly = this.monthly().flatMap((s) => s.figures.map((f) => f.name));
    const out: DayCount[] = [];
    if (first <= top && names.length > 0) {
      // Daily figures from `from`; monthly ones from the first day of `from`'s month.
      const rows = await exec<{ day: string; figure: string; key: string; value: string | number }>(
        em,
        // Summed per month before anything is formatted: ~500 groups hashed, not 10,000 rows sorted as text.
        `select to_char(greatest(d, ?::date), 'YYYY-MM-DD') as day, figure, key, v as value from (
           select ${options.month ? "date_trunc('month', day)::date" : 'day'} as d, figure, key, ${options.month ? 'sum(value)' : 'value'} as v
           from usage_count where municipality_code = ? and day >= ?::date and day <= ?::date and figure in (${names.map(() => '?').join(', ')})
           and (day >= ?::date${monthly.length ? ` or figure in (${monthly.map(() => '?').join(', ')})` : ''})${options.month ? ' group by 1, 2, 3' : ''}) c`,
        [from, code, first, top, ...names, from, ...monthly],
      );
      for (const r of rows) out.push({ day: r.day, figure: r.figure, key: r.key, value: Number(r.value) });
    }
    if (to > last) {
      const liveFrom = from > last ? from : addDays(last, 1);
      for (const source of this.daily())
        out.push(...(await this.live.get(code, `${source.module}|${liveFrom}|${to}`, () => source.count(em, code, instantRange(liveFrom, to)))));
    }
    for (const c of open) if (c.day <= to) out.push({ ...c, day: c.day < from ? from : c.day });
    return out;
  }
}
