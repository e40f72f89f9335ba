import type { EntityManager } from '@mikro-orm/postgresql';
import { OPERATOR, recordAdminEvent } from '../accounts';
import { OWNER_DEPARTMENT } from '../core';
import { appendAudit } from './audit-entry';
import { eraseFamily } from './erasure';
import { allIds, familyRecords } from './family';
import { ErasureRequest } from './erasure-request.entity';
import { retentionPeriods, retentionRules, type RecordState, type RetentionPeriod } from './retention';

/** What one run did in one municipality: how many records per state, and rows per table (for reporting; no personal data). */
export interface RetentionRun {
  municipalityCode: string;
  erased: Record<RecordState, number>;
  deletedRows: Record<string, number>;
  /** Another process was running the job for this municipality: nothing done here. */
  skipped: boolean;
}

const SYSTEM = { kind: 'system' as const, id: '00000000-0000-0000-0000-000000000000', name: 'retention period', department: 'system' };
/** One lock key per municipality for the job (PostgreSQL advisory lock; PGlite has it too). */
const lockKey = (code: string) => 7_021_000_000 + Number(code);

function yearsBefore(now: Date, years: number): Date {
  const d = new Date(now.getTime());
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d;
}

/**
 * Records whose retention period (seeds/retention `periods`) has passed and that were not erased before.
 * A record merged into another (名寄せ) is never due on its own: it is the survivor's family, and goes
 * when the survivor goes (its closed case or its old date would otherwise erase part of a live family).
 */
async function due(em: EntityManager, code: string, period: RetentionPeriod, now: Date): Promise<string[]> {
  const cutoff = yearsBefore(now, period.years);
  const notErased = `not exists (select 1 from erasure_request e where e.record_id = r.id and e.status = 'erased')`;
  const sql =
    period.state === 'closed'
      ? `select r.id from personal_record r join case_file c on c.record_id = r.id and c.department = ? and c.status = 'closed'
          where r.municipality_code = ? and r.merged_into_id is null and greatest(c.updated_at, r.updated_at) < ? and ${notErased} order by r.id`
      : `select r.id from personal_record r
          where r.municipality_code = ? and r.merged_into_id is null and r.updated_at < ? and ${notErased}
            and not exists (select 1 from case_file c where c.record_id = r.id and c.department = ?) order by r.id`;
  const params = period.state === 'closed' ? [OWNER_DEPARTMENT, code, cutoff] : [code, cutoff, OWNER_DEPARTMENT];
  return (await em.execute<{ id: string }[]>(sql, params)).map((r) => r.id);
}

/**
 * Erases the records of one municipality whose retention period ended (per state, seeds/retention),
 * each in its own transaction as an approved erasure request would (api/rights/erasure.ts: rows under
 * the record deleted but what the `keep` rules keep, the record a tombstone), with an erasure_request
 * row (status erased, reason "retention period ended") that counts it and keeps it from being erased
 * twice, an audit entry per record (actor `system`, every section written: the chain stays intact) and
 * one entry in the administration trail with the counts. `now` is the clock (tests move it forward).
 */
export async function runRetention(em: EntityManager, municipalityCode: string, now = new Date()): Promise<RetentionRun> {
  const run: RetentionRun = { municipalityCode, erased: { closed: 0, 'no-case': 0 }, deletedRows: {}, skipped: false };
  const periods = retentionPeriods(municipalityCode);
  if (!periods.length) return run;
  const rules = retentionRules(municipalityCode);
  const fork = em.fork({ clear: true });
  const erased: string[][] = [];
  const locked = await fork.transactional(async (tx) => {
    const [row] = await tx.execute<{ ok: boolean }[]>(`select pg_try_advisory_xact_lock(?) as ok`, [lockKey(municipalityCode)]);
    if (!row?.ok) return false;
    for (const period of periods) {
      for (const recordId of await due(tx, municipalityCode, period, now)) {
        const family = await familyRecords(tx, municipalityCode, recordId);
        const ids = family ? allIds(family) : [recordId];
        const outcome = await eraseFamily(tx, ids, rules, now, false);
        tx.create(ErasureRequest, {
          municipalityCode,
          recordId,
          status: 'erased',
          requestedAt: now,
          decidedAt: now,
          decidedBy: null,
          decidedByName: SYSTEM.name,
          reason: `retention period ended (${period.state}, ${period.years} years)`,
          retained: outcome.retained,
        });
        run.erased[period.state]++;
        erased.push(ids);
        for (const [table, n] of Object.entries(outcome.deleted)) run.deletedRows[table] = (run.deletedRows[table] ?? 0) + n;
      }
    }
    const total = run.erased.closed + run.erased['no-case'];
    if (total) {
      const rows = Object.entries(run.deletedRows)
        .map(([t, n]) => `${t} ${n}`)
        .join(', ');
      recordAdminEvent(
        tx,
        municipalityCode,
        { ...OPERATOR, name: SYSTEM.name },
        'family.retention-erased',
        null,
        `closed ${run.erased.closed}, no-case ${run.erased['no-case']}; deleted: ${rows || 'nothing'}`,
      );
    }
    await tx.flush();
    return true;
  });
  if (!locked) return { ...run, skipped: true };
  // After the commit (the audit log is appended in its own statements, as the collector does).
  for (const ids of erased) await appendAudit(fork, SYSTEM, municipalityCode, ids, 'write', 'RetentionErasure');
  return run;
}

/** Every municipality, one after the other. */
export async function runRetentionEverywhere(em: EntityManager, now = new Date()): Promise<RetentionRun[]> {
  const codes = await em.getConnection().execute<{ code: string }[]>(`select code from municipality order by code`);
  const out: RetentionRun[] = [];
  for (const { code } of codes) out.push(await runRetention(em, code, now));
  return out;
}
