import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactHashes, decrypt, isSealed, keyringOf } from '../../api/crypto';
import { databaseAt, type MigrationDb } from '../support/migration-db';

/** Migration20261203130000_EncryptionAtRest on a database whose personal data is still plaintext. */
describe('migration: encryption at rest seals the values already stored', () => {
  let db: MigrationDb;
  const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) => db.sql<T>(text, params);

  beforeAll(async () => {
    db = await databaseAt('Migration20261202110000_AllowedOriginChanges');
  });
  afterAll(() => db.close());

  it('seals every listed value, fills the search hashes, and keeps empty values empty', async () => {
    await sql(`insert into municipality (code, name, allowed_origins, created_at) values ('999999', 'デモ市', '{}', now())`);
    const full = randomUUID();
    const empty = randomUUID();
    await sql(
      `insert into personal_record (id, municipality_code, reference_number, source, created_at, updated_at, contact_phone, contact_email, address_postal_code, address_street, concerns_note, household_note)
       values (?, '999999', 'AAAA-0001', 'staff', now(), now(), '090-1234-5678', 'a@example.jp', '999-0001', 'デモ町1-1', 'DVのこと', '同居の母')`,
      [full],
    );
    await sql(
      `insert into personal_record (id, municipality_code, reference_number, source, created_at, updated_at) values (?, '999999', 'AAAA-0002', 'staff', now(), now())`,
      [empty],
    );
    await sql(
      `insert into inbox_item (id, municipality_code, department, kind, record_id, reference_number, received_at, preferred_time) values (?, '999999', 'single-parent', 'chat-request', ?, 'AAAA-0001', now(), '夜9時以降')`,
      [randomUUID(), full],
    );

    await db.migrateToLatest();

    const [row] = await sql(`select * from personal_record where id = ?`, [full]);
    const expected: Record<string, string> = {
      contact_phone: '090-1234-5678',
      contact_email: 'a@example.jp',
      address_postal_code: '999-0001',
      address_street: 'デモ町1-1',
      concerns_note: 'DVのこと',
      household_note: '同居の母',
    };
    for (const [column, plain] of Object.entries(expected)) {
      expect(isSealed(row[column]), column).toBe(true);
      expect(decrypt(row[column]), column).toBe(plain);
    }
    const hashes = contactHashes(keyringOf(db.handle.orm.em.getPlatform()), { phone: '090-1234-5678', email: 'a@example.jp' });
    expect({ phoneHash: row.contact_phone_hash, emailHash: row.contact_email_hash }).toEqual(hashes);
    const [blank] = await sql(`select contact_phone, concerns_note, contact_phone_hash from personal_record where id = ?`, [empty]);
    expect(blank).toEqual({ contact_phone: null, concerns_note: null, contact_phone_hash: null });
    const [item] = await sql(`select preferred_time from inbox_item`);
    expect(decrypt(item.preferred_time)).toBe('夜9時以降');
    const keys = await sql(`select purpose, active from data_key order by purpose`);
    expect(keys).toEqual([
      { purpose: 'data', active: true },
      { purpose: 'search', active: true },
    ]);
  });
});

/** Migration20261203130000_SealSafeTimes on a database that ran EncryptionAtRest before safe times were listed. */
describe('migration: the safe times to call are sealed where they were stored plaintext', () => {
  let db: MigrationDb;
  beforeAll(async () => {
    db = await databaseAt('Migration20261203130000_EncryptionAtRest');
  });
  afterAll(() => db.close());

  it('seals contact_safe_times and leaves values already sealed as they are', async () => {
    await db.sql(`insert into municipality (code, name, allowed_origins, created_at) values ('999999', 'デモ市', '{}', now())`);
    const id = randomUUID();
    await db.sql(
      `insert into personal_record (id, municipality_code, reference_number, source, created_at, updated_at, contact_safe_times) values (?, '999999', 'AAAA-0009', 'intake', now(), now(), '平日10〜15時')`,
      [id],
    );
    const sealedBefore = keyringOf(db.handle.orm.em.getPlatform()).encrypt('090-0000-1111');
    await db.sql(`update personal_record set contact_phone = ? where id = ?`, [sealedBefore, id]);
    await db.migrateToLatest();
    const [row] = await db.sql<Record<string, any>>(`select contact_safe_times, contact_phone from personal_record where id = ?`, [id]);
    expect(isSealed(row!.contact_safe_times)).toBe(true);
    expect(decrypt(row!.contact_safe_times)).toBe('平日10〜15時');
    expect(row!.contact_phone).toBe(sealedBefore);
  });
});
