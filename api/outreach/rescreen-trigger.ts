import type { EntityManager } from '@mikro-orm/postgresql';
import { todayInJapan } from '../core';
import { rawQuery } from '../db';
import { type Catalogue, rescreen, type RescreenResult } from '../programme';
import { APPROVAL_BY_DEFAULT, createNotices, type ApprovalPolicy, type NoticeCandidate } from './notices';
import { NoticeKind } from './outreach-types';
import type { NoticeQueue } from './queue';

/** A record's findings: the programmes it fits, each with its amount (monthly, else yearly, else 0). */
export type ScreeningState = Record<string, number>;

export function stateOf(result: RescreenResult): ScreeningState {
  const state: ScreeningState = {};
  for (const r of result.results) if (r.status === 'ELIGIBLE') state[r.programmeId] = r.amount?.monthly ?? r.amount?.yearly ?? 0;
  return state;
}

export interface Finding {
  programmeId: string;
  kind: NoticeKind.PROGRAMME_FITS | NoticeKind.AMOUNT_CHANGED | NoticeKind.PROGRAMME_LAPSES;
  before: number | null;
  after: number | null;
}

/** What changed between two screenings of one record: newly fits, amount changed, lapses. */
export function findings(before: ScreeningState, after: ScreeningState): Finding[] {
  const out: Finding[] = [];
  for (const [id, amount] of Object.entries(after)) {
    if (!(id in before)) out.push({ programmeId: id, kind: NoticeKind.PROGRAMME_FITS, before: null, after: amount });
    else if (before[id] !== amount) out.push({ programmeId: id, kind: NoticeKind.AMOUNT_CHANGED, before: before[id]!, after: amount });
  }
  for (const [id, amount] of Object.entries(before))
    if (!(id in after)) out.push({ programmeId: id, kind: NoticeKind.PROGRAMME_LAPSES, before: amount, after: null });
  return out.sort((a, b) => (a.programmeId < b.programmeId ? -1 : a.programmeId > b.programmeId ? 1 : 0));
}

export interface OutreachRescreenOptions {
  municipalityCode: string;
  /** Why the run happened, e.g. `parameters-2026`, `catalogue`, `nightly` (part of the once-only key). */
  trigger: string;
  /** The period a finding belongs to (default the Japan fiscal year of asOf, e.g. `FY2026`). */
  period?: string;
  asOf?: string;
  catalogue: Catalogue;
  approval?: ApprovalPolicy;
  batchSize?: number;
}

export interface RescreenSummary {
  screened: number;
  baselined: number;
  changed: number;
  candidates: number;
  created: number;
  unreachable: number;
}

function fiscalYear(asOf: string): string {
  const [y, m] = [Number(asOf.slice(0, 4)), Number(asOf.slice(5, 7))];
  return `FY${m >= 4 ? y : y - 1}`;
}

/**
 * Re-screens every record of a municipality (api/programme/rescreen.ts, the same engine and mapping as
 * desk eligibility) and turns what changed since the record's last screening into notice candidates.
 * A record screened for the first time only sets its baseline. Each finding is a notice at most once per
 * (record, trigger + kind, programme, period); records without a usable channel get none. Memory stays
 * flat: one batch of records, states and candidates at a time.
 */
export async function rescreenForOutreach(em: EntityManager, queue: NoticeQueue | null, o: OutreachRescreenOptions): Promise<RescreenSummary> {
  const asOf = o.asOf ?? todayInJapan();
  const period = o.period ?? fiscalYear(asOf);
  const summary: RescreenSummary = { screened: 0, baselined: 0, changed: 0, candidates: 0, created: 0, unreachable: 0 };
  let batch: RescreenResult[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const ids = batch.map((r) => r.recordId);
    const previous = new Map<string, ScreeningState>();
    for (const row of await rawQuery<{ record_id: string; state: ScreeningState | string }>(
      em,
      `select record_id, state from outreach_screening_state where record_id = any(?::uuid[])`,
      [ids],
    )) {
      previous.set(row.record_id, typeof row.state === 'string' ? (JSON.parse(row.state) as ScreeningState) : row.state);
    }
    const candidates: NoticeCandidate[] = [];
    const upserts: Array<{ id: string; state: ScreeningState }> = [];
    for (const r of batch) {
      const after = stateOf(r);
      const before = previous.get(r.recordId);
      if (!before) {
        summary.baselined++;
        upserts.push({ id: r.recordId, state: after });
        continue;
      }
      const found = findings(before, after);
      if (found.length === 0) continue;
      summary.changed++;
      upserts.push({ id: r.recordId, state: after });
      for (const f of found) {
        candidates.push({
          municipalityCode: o.municipalityCode,
          recordId: r.recordId,
          department: 'single-parent',
          kind: f.kind,
          trigger: `${o.trigger}:${f.kind}`.slice(0, 48),
          programmeId: f.programmeId,
          period,
          facts: { programmeIds: [f.programmeId], before: f.before, after: f.after, asOf },
        });
      }
    }
    // Notices first, then the new state: a crash between the two finds the same changes again, and the
    // once-only key turns them into nothing new — no finding is lost, none is sent twice.
    summary.candidates += candidates.length;
    const result = await createNotices(em, queue, candidates, o.approval ?? APPROVAL_BY_DEFAULT);
    summary.created += result.created.length;
    summary.unreachable += result.unreachable;
    if (upserts.length) {
      await rawQuery(
        em,
        `insert into outreach_screening_state (record_id, municipality_code, state, screened_at)
         select (x->>'id')::uuid, ?, x->'state', now() from jsonb_array_elements(?::jsonb) x
         on conflict (record_id) do update set state = excluded.state, screened_at = excluded.screened_at`,
        [o.municipalityCode, JSON.stringify(upserts)],
      );
    }
    batch = [];
  };
  for await (const r of rescreen(em, { municipalityCode: o.municipalityCode, asOf, catalogue: o.catalogue, batchSize: o.batchSize ?? 1000 })) {
    summary.screened++;
    batch.push(r);
    if (batch.length >= (o.batchSize ?? 1000)) await flush();
  }
  await flush();
  return summary;
}
