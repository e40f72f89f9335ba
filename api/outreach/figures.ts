import type { EntityManager } from '@mikro-orm/postgresql';
import { todayInJapan } from '../core';
import { rawQuery } from '../db';

/**
 * Figures for reporting (issue 16): per municipality and month (Japan time), counts by notice kind,
 * channel and metric — a status reached (`created`, `delivered`, `temporary-failure`,
 * `permanent-failure`, `opted-out`), an opt-out, or follow-through (`link-opened`, later
 * `application-started`, `consultation-booked` from the other lanes). Counts only, no record ids: they
 * survive the deletion of message bodies and of the records themselves.
 */
export type FigureMetric =
  | 'created'
  | 'delivered'
  | 'temporary-failure'
  | 'permanent-failure'
  | 'opted-out'
  | 'opt-out'
  | 'link-opened'
  | 'application-started'
  | 'consultation-booked'
  | 'possible-duplicate';

export async function bump(em: EntityManager, municipalityCode: string, at: Date, kind: string, channel: string, metric: FigureMetric, by = 1): Promise<void> {
  await rawQuery(
    em,
    `insert into outreach_figure (municipality_code, period, kind, channel, metric, count) values (?, ?, ?, ?, ?, ?)
     on conflict (municipality_code, period, kind, channel, metric) do update set count = outreach_figure.count + excluded.count`,
    [municipalityCode, todayInJapan(at).slice(0, 7), kind, channel, metric, by],
  );
}

export interface FigureRow {
  period: string;
  kind: string;
  channel: string;
  metric: string;
  count: number;
}

/** Months `from`..`to` inclusive, as 'YYYY-MM'. */
export async function figures(em: EntityManager, municipalityCode: string, from: string, to: string): Promise<FigureRow[]> {
  const rows = await rawQuery<{ period: string; kind: string; channel: string; metric: string; count: string | number }>(
    em,
    `select period, kind, channel, metric, count from outreach_figure where municipality_code = ? and period between ? and ? order by period, kind, channel, metric`,
    [municipalityCode, from, to],
  );
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}
