import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalLine, canonicalTime, sealBatch } from '../../api/audit/audit-seal';
import { verifyChain } from '../../api/audit/audit-verifier';
import { databaseAt, type MigrationDb } from '../support/migration-db';

/**
 * Migration20261203120000_AuditSeal on a log written before it: the old batches (no seal) still
 * verify, by hash, at the start of the chain; sealed batches chain on; the old one-argument call
 * still appends (unsealed — which the verifier then reports).
 */
describe('migration: the audit seal', () => {
  let db: MigrationDb;
  const key = 's'.repeat(40);
  const actor = { actor_kind: 'staff', actor_id: randomUUID(), actor_name: '移行 花子', actor_department: 'single-parent', municipality_code: '777777' };
  const entry = (op: string) => ({ ...actor, record_ids: [randomUUID()], action: 'read', sections: ['identity'], operation_name: op });

  beforeAll(async () => {
    db = await databaseAt('Migration20261202110000_AllowedOriginChanges');
  });
  afterAll(() => db.close());

  it('keeps old batches verifiable and seals the new ones', async () => {
    await db.sql(`select audit_append(?::jsonb)`, [JSON.stringify([entry('Old1')])]);
    await db.sql(`select audit_append(?::jsonb)`, [JSON.stringify([entry('Old2')])]);
    await db.migrateToLatest();

    const at = new Date();
    const e = { ...entry('New'), at: at.toISOString() };
    const line = canonicalLine({ ...e, at: canonicalTime(at), record_ids: e.record_ids.join(','), sections: 'identity' });
    await db.sql(`select audit_append(?::jsonb, ?::jsonb)`, [JSON.stringify([e]), JSON.stringify({ '777777': sealBatch(key, '777777', [line]) })]);
    const report = await verifyChain(db.sql, key, '777777', null);
    expect(report).toMatchObject({ batches: 3, legacyUnsealed: 2, problems: [] });
    const [stored] = await db.sql<{ at: string }>(
      `select to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at from audit_entry order by seq desc limit 1`,
    );
    expect(stored!.at).toBe(at.toISOString()); // the API's time, not the database's
    expect((await db.sql<{ broken: string | null }>(`select audit_verify('777777') as broken`))[0]!.broken).toBeNull();

    // The old call still works after the migration, but what it writes is not sealed.
    await db.sql(`select audit_append(?::jsonb)`, [JSON.stringify([entry('Unsealed')])]);
    const after = await verifyChain(db.sql, key, '777777', null);
    expect(after.problems).toEqual([`batch ${after.head!.batchId}: not sealed — not written by Yorisoi`]);
  });
});
