/**
 * Issue 14, finding 2: a retried submitIntake (same idempotency key, as the widget retries) made the
 * one-statement insert fail on the unique key, and PostgreSQL wrote the failed statement to its
 * server log with the values inline: name, phone, e-mail, street and the DV note. Now the key is
 * claimed with ON CONFLICT DO NOTHING (no statement fails) and the insert sends its values as bound
 * parameters (the statement text, which PostgreSQL logs, holds none of them).
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';

const SUBMIT = `mutation Submit($input: IntakeInput!) { submitIntake(input: $input) { referenceNumber dvProtected } }`;
const REQUEST = `mutation R($input: ConsultationRequestInput!) { requestConsultation(input: $input) { referenceNumber } }`;
const PERSONAL = ['ログ確認', 'ろぐかくにん', '090-4444-5555', 'log.check@example.jp', '秘密町7-7-7', '夫から逃げています'];

const answers = (key: string) => ({
  idempotencyKey: key,
  municipalityCode: '999999',
  identity: { familyName: 'ログ確認', givenName: '花', familyNameKana: 'ろぐかくにん', givenNameKana: 'はな' },
  address: { postalCode: '999-1234', prefecture: 'デモ県', city: 'デモ市', street: '秘密町7-7-7' },
  contact: { phone: '090-4444-5555', email: 'log.check@example.jp', contactAllowed: true, preferredChannel: 'PHONE' },
  concerns: { categories: ['DV'], note: '夫から逃げています' },
  consent: { sharedWith: [], shareWithPartners: false, privacyNoticeVersion: '2026-04' },
});

describe('a retried submission leaves no personal data in the database server log', () => {
  let t: TestApp;
  const failed: string[] = [];
  beforeAll(async () => {
    t = await startTestApp({ records: 1 });
    // Every statement the database refused (what PostgreSQL would write to its log with log_min_error_statement = error).
    (t.db.orm.em as unknown as EntityManager).getKnex().on('query-error', (_e: Error, q: { sql: string }) => failed.push(q.sql));
  });
  afterAll(() => t.close());

  it('answers the retry with the first receipt, and no statement fails', async () => {
    const key = `retry-${randomUUID()}`;
    const first = await t.gql(SUBMIT, { input: answers(key) });
    expect(first.body.errors).toBeUndefined();
    t.db.statements.length = 0;
    const again = await t.gql(SUBMIT, { input: answers(key) });
    expect(again.body.errors).toBeUndefined();
    expect(again.body.data!.submitIntake.referenceNumber).toBe(first.body.data!.submitIntake.referenceNumber);
    expect(failed).toEqual([]);
    const count = await t
      .em()
      .getConnection()
      .execute<{ n: string }[]>(`select count(*) as n from personal_record where reference_number = ?`, [first.body.data!.submitIntake.referenceNumber]);
    expect(Number(count[0]!.n)).toBe(1);
    // The insert was tried (and skipped by the claim), with parameters in place of values.
    const insert = t.db.statements.find((s) => s.includes('insert into "personal_record"'));
    expect(insert).toBeDefined();
    expect(insert).toMatch(/on conflict do nothing/);
    for (const value of PERSONAL) expect(insert).not.toContain(value);
  });

  it('sends the values of the first insert as parameters too', async () => {
    t.db.statements.length = 0;
    expect((await t.gql(SUBMIT, { input: answers(`first-${randomUUID()}`) })).body.errors).toBeUndefined();
    const insert = t.db.statements.find((s) => s.includes('insert into "personal_record"'))!;
    for (const value of PERSONAL) expect(insert).not.toContain(value);
  });

  it('a retried chat consultation request fails no statement either', async () => {
    const input = {
      idempotencyKey: `chat-${randomUUID()}`,
      municipalityCode: '999999',
      name: 'ログ確認',
      contact: { phone: '090-4444-5555', contactAllowed: true, preferredChannel: 'PHONE' },
      privacyNoticeVersion: '2026-04',
    };
    const first = await t.gql(REQUEST, { input });
    expect(first.body.errors).toBeUndefined();
    const again = await t.gql(REQUEST, { input });
    expect(again.body.data!.requestConsultation.referenceNumber).toBe(first.body.data!.requestConsultation.referenceNumber);
    expect(failed).toEqual([]);
  });
});
