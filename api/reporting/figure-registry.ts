import type { EntityManager } from '@mikro-orm/postgresql';
import type { LocalizedText } from '../core';

/**
 * The figure registry: each module that produces events contributes its usage figures here, so the
 * figures, the dashboard and the reports never need to know where an event is stored. A module that
 * is not installed contributes nothing, and its figures are absent (not zero) everywhere.
 */

/** One count of one figure on one Japan day (key: a breakdown such as a channel; '' when none). */
export interface DayCount {
  day: string;
  figure: string;
  key: string;
  value: number;
}

/** The instants of a range of Japan days, [start, end). */
export interface InstantRange {
  from: string;
  to: string;
  start: Date;
  end: Date;
}

export interface FigureDefinition {
  /** Stable id, `<module>.<figure>`, e.g. `chat.sessions`; stored with every count. */
  name: string;
  label: LocalizedText;
  /** How to name a breakdown key in reports (a channel, a department); none: the figure has no keys. */
  keyLabel?: (key: string) => LocalizedText;
  /** A sum (e.g. of ratings) that only serves an average: not shown on its own. */
  hidden?: boolean;
}

/** A figure computed from two stored ones (e.g. the average rating = sum ÷ count). */
export interface AverageDefinition {
  name: string;
  label: LocalizedText;
  sum: string;
  count: string;
}

/**
 * What a module implements to contribute figures. `count` returns every non-zero count of its
 * figures in the range, per Japan day (see japanDay() below for the SQL); it must read only its
 * module's own tables and return no personal data. Every source is counted once per day (or month)
 * when that is over, and stored (figure-store.ts); only what is not stored yet is counted on a query,
 * through a short cache (live-cache.ts).
 */
export interface FigureSource {
  /** Module id (≤ 32 characters), e.g. `chat`; sealing is per module and day (or month). */
  module: string;
  /**
   * `month`: counts the module keeps per month itself (outreach's counters, staff's monthly entries) or
   * that are reported per month of submission (applications). Each count is dated on the month's first
   * day, a period counts every month it touches in full, and a month is stored once it is over (two days
   * after its last day, like a day). Default `day`.
   */
  per?: 'day' | 'month';
  /**
   * A hidden figure whose non-zero count keeps a month from being stored: its figures still change (an
   * application not decided yet is counted with its status now). Such a month is counted on each query.
   */
  unsettled?: string;
  /** `staff`: entered by hand for what the system cannot count; reports mark these lines. */
  origin?: 'system' | 'staff';
  figures: readonly FigureDefinition[];
  averages?: readonly AverageDefinition[];
  count(em: EntityManager, municipalityCode: string, range: InstantRange): Promise<DayCount[]>;
}

/** SQL for the Japan calendar day of a timestamptz column, as text (Japan has no daylight saving). */
export function japanDay(column: string): string {
  return `to_char((${column} at time zone 'UTC') + interval '9 hours', 'YYYY-MM-DD')`;
}

/** The figure sources in force, in the order reports list them. */
export class FigureRegistry {
  private readonly sources: FigureSource[] = [];

  constructor(sources: readonly FigureSource[] = []) {
    for (const s of sources) this.add(s);
  }

  add(source: FigureSource): this {
    if (this.sources.some((s) => s.module === source.module)) throw new Error(`figure module "${source.module}" is registered twice`);
    for (const f of source.figures) if (!f.name.startsWith(`${source.module}.`)) throw new Error(`figure "${f.name}" must start with "${source.module}."`);
    this.sources.push(source);
    return this;
  }

  all(): readonly FigureSource[] {
    return this.sources;
  }

  has(module: string): boolean {
    return this.sources.some((s) => s.module === module);
  }

  /** The source a figure belongs to. */
  sourceOf(name: string): FigureSource | undefined {
    return this.sources.find((s) => s.figures.some((f) => f.name === name) || (s.averages ?? []).some((a) => a.name === name));
  }

  figure(name: string): FigureDefinition | undefined {
    for (const s of this.sources) for (const f of s.figures) if (f.name === name) return f;
    return undefined;
  }
}
