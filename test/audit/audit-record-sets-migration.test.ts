import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseAt, type MigrationDb } from '../support/migration-db';

/**
 * Migration20261128100000_AuditRecordSets on a log written the old way (one row per record):
 * every old entry names its one record, the old batches still verify, and new batches chain on.
 */
describe('migration: audit entries name sets of records', () => {
  let db: MigrationDb;
  const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => db.sql<T>(text, params);
  const verify = async () => (await sql<{ broken: string | null }>(`select audit_verify('999999') as broken`))[0]!.broken;
  const actor = { actor_kind: 'staff', actor_id: randomUUID(), actor_name: '窓口 太郎', actor_department: 'livelihood-support', municipality_code: '999999' };

  beforeAll(async () => {
    db = await databaseAt('Migration20261128071500_IntakeIntoInbox');
  });
  afterAll(() => db.close());

  it('keeps old entries readable per record and the chain intact, then appends sets of records', async () => {
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    const oldEntries = (ids: string[], sections: string[]) =>
      JSON.stringify(ids.map((record_id) => ({ ...actor, record_id, action: 'read', sections, operation_name: 'Old' })));
    await sql(`select audit_append(?::jsonb)`, [oldEntries([a, b], ['identity'])]);
    await sql(`select audit_append(?::jsonb)`, [oldEntries([c], ['address', 'identity'])]);
    expect(await verify()).toBeNull();

    await db.migrateToLatest();

    expect(await verify()).toBeNull();
    const rows = await sql<{ record_ids: string[]; sections: string[] }>(`select record_ids, sections from audit_entry order by seq`);
    expect(rows).toEqual([
      { record_ids: [a], sections: ['identity'] },
      { record_ids: [b], sections: ['identity'] },
      { record_ids: [c], sections: ['address', 'identity'] },
    ]);
    expect(await sql(`select 1 from information_schema.columns where table_name = 'audit_entry' and column_name = 'record_id'`)).toHaveLength(0);

    // New format: one entry for two records, chained after the old batches.
    await sql(`select audit_append(?::jsonb)`, [
      JSON.stringify([{ ...actor, record_ids: [b, c], action: 'read', sections: ['identity'], operation_name: 'New' }]),
    ]);
    expect(await verify()).toBeNull();
    const forC = await sql<{ operation_name: string }>(`select operation_name from audit_entry where record_ids @> array[?]::uuid[] order by seq`, [c]);
    expect(forC.map((r: { operation_name: string }) => r.operation_name)).toEqual(['Old', 'New']);
    const batches = await sql<{ prev_hash: string; hash: string; entries: number }>(`select prev_hash, hash, entries from audit_batch order by id`);
    expect(batches).toHaveLength(3);
    expect(batches[2]!.prev_hash).toBe(batches[1]!.hash);
    expect(batches[2]!.entries).toBe(1);

    // An old entry changed after the migration still shows.
    await sql(`alter table audit_entry disable trigger audit_entry_no_update`);
    await sql(`update audit_entry set record_ids = array[?]::uuid[] where record_ids = array[?]::uuid[]`, [c, a]);
    await sql(`alter table audit_entry enable trigger audit_entry_no_update`);
    expect(await verify()).not.toBeNull();
  });
});
