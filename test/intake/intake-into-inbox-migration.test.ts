import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseAt, type MigrationDb } from '../support/migration-db';

/**
 * Migration20261128071500_IntakeIntoInbox on a database with intake submissions stored the old way:
 * their keys move onto inbox items (created where missing), then intake_submission is dropped.
 */
describe('migration: intake submission keys move into inbox_item', () => {
  let db: MigrationDb;
  const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => db.sql<T>(text, params);

  beforeAll(async () => {
    db = await databaseAt('Migration20261128062128_ChatGenerated');
  });
  afterAll(() => db.close());

  it('copies key and hash onto the record’s inbox item, creates items for submissions without one, and drops the table', async () => {
    await sql(`insert into municipality (code, name, allowed_origins, created_at) values ('999999', 'デモ市', '{}', now())`);
    const rec = async (ref: string, concerns = '{}') => {
      const id = randomUUID();
      await sql(
        `insert into personal_record (id, municipality_code, reference_number, source, created_at, updated_at, concerns_categories) values (?, '999999', ?, 'intake', now(), now(), ?::text[])`,
        [id, ref, concerns],
      );
      return id;
    };
    const withItem = await rec('AAAA-0001');
    const withoutItem = await rec('AAAA-0002', '{dv}');
    const chatRecord = await rec('AAAA-0003');
    const received = '2026-11-01T01:02:03.000Z';
    const submission = (record: string, ref: string, key: string, hash: string) =>
      sql(
        `insert into intake_submission (id, municipality_code, idempotency_key, input_hash, record_id, reference_number, received_at) values (?, '999999', ?, ?, ?, ?, ?)`,
        [randomUUID(), key, hash, record, ref, received],
      );
    await submission(withItem, 'AAAA-0001', 'key-with-item', 'a'.repeat(64));
    await submission(withoutItem, 'AAAA-0002', 'key-without-item', 'b'.repeat(64));
    const itemId = randomUUID();
    await sql(
      `insert into inbox_item (id, municipality_code, department, kind, record_id, reference_number, received_at, urgent) values (?, '999999', 'single-parent', 'intake', ?, 'AAAA-0001', ?, false)`,
      [itemId, withItem, received],
    );
    // A chat request that already has a key of its own keeps it.
    await sql(
      `insert into inbox_item (id, municipality_code, department, kind, record_id, reference_number, received_at, idempotency_key, input_hash) values (?, '999999', 'single-parent', 'chat-request', ?, 'AAAA-0003', now(), 'chat-key', ?)`,
      [randomUUID(), chatRecord, 'c'.repeat(64)],
    );

    await db.migrateToLatest();

    const items = await sql<{
      id: string;
      record_id: string;
      kind: string;
      department: string;
      reference_number: string;
      received_at: Date | string;
      urgent: boolean;
      idempotency_key: string | null;
      input_hash: string | null;
    }>(`select id, record_id, kind, department, reference_number, received_at, urgent, idempotency_key, input_hash from inbox_item order by reference_number`);
    expect(items).toHaveLength(3);
    expect(items[0]).toMatchObject({ id: itemId, record_id: withItem, idempotency_key: 'key-with-item', input_hash: 'a'.repeat(64) });
    expect(items[1]).toMatchObject({
      record_id: withoutItem,
      kind: 'intake',
      department: 'single-parent',
      reference_number: 'AAAA-0002',
      urgent: true,
      idempotency_key: 'key-without-item',
      input_hash: 'b'.repeat(64),
    });
    expect(new Date(items[1].received_at).toISOString()).toBe(received);
    expect(items[2]).toMatchObject({ record_id: chatRecord, kind: 'chat-request', idempotency_key: 'chat-key' });
    const [table] = await sql<{ t: string | null }>(`select to_regclass('intake_submission')::text as t`);
    expect(table.t).toBeNull();
    expect(await db.handle.orm.getMigrator().checkMigrationNeeded()).toBe(false);
  });
});
