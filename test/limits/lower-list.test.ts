/**
 * Issue 14, the lower list (the parts not tested with the findings): NUL bytes, type errors in
 * variables, crafted cursors, followUpDue bounds. Each answer is an error with a code and the
 * field, never an internal error, and never the rejected value.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DepartmentCode } from '../../api/core/departments';
import { startTestApp, type TestApp } from '../support/app';

const SUBMIT = `mutation SubmitIntake($input: IntakeInput!) { submitIntake(input: $input) { referenceNumber } }`;
const ADD = `mutation($input: AddConsultationInput!) { addConsultation(input: $input) { id followUpDue } }`;

describe('the lower list', () => {
  let t: TestApp;
  let owner: string;
  let recordId: string;
  beforeAll(async () => {
    t = await startTestApp({ records: 3 });
    owner = await t.login(DepartmentCode.SINGLE_PARENT);
    recordId = (await t.gql(`{ records(first: 1) { edges { node { id } } } }`, {}, owner)).body.data!.records.edges[0].node.id;
  });
  afterAll(() => t.close());

  const intake = (over: Record<string, unknown>) => ({
    idempotencyKey: 'lower-list-key-1',
    municipalityCode: '999999',
    consent: { sharedWith: [], shareWithPartners: false, privacyNoticeVersion: '2026-04' },
    ...over,
  });

  it('a NUL byte in a text field is BAD_USER_INPUT on that field', async () => {
    const res = await t.gql(SUBMIT, { input: intake({ identity: { familyName: '山\u0000田', givenName: '花' } }) });
    expect(res.status).toBeLessThan(500);
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.identity.familyName' });
    const chat = await t.gql(`mutation($input: ChatInput!) { chat(input: $input) { urgent } }`, { input: { message: 'こんにちは\u0000' } });
    expect(chat.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.message' });
  });

  it('a type error in variables names the field and repeats nothing of what was sent', async () => {
    const sent = intake({
      identity: { familyName: '秘密山田', givenName: '花' },
      contact: { phone: '090-9999-8888', email: 'secret@example.jp', contactAllowed: true },
      address: { street: '秘密町9-9-9' },
      unknownField: '漏えい',
    });
    const res = await t.gql(SUBMIT, { input: sent });
    const e = res.body.errors![0]!;
    expect(e.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.unknownField' });
    expect(e.extensions!.messages.en).toBeTruthy();
    const text = JSON.stringify(res.body);
    for (const value of ['秘密山田', '090-9999-8888', 'secret@example.jp', '秘密町', '漏えい']) expect(text).not.toContain(value);
    const typed = await t.gql(SUBMIT, { input: intake({ contact: { phone: 9099998888, contactAllowed: true } }) });
    expect(typed.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.contact.phone' });
    expect(JSON.stringify(typed.body)).not.toContain('9099998888');
    const missing = await t.gql(SUBMIT, { input: { municipalityCode: '999999' } });
    expect(missing.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.idempotencyKey' });
  });

  it('a crafted cursor is BAD_USER_INPUT on `after`, not an internal error', async () => {
    const b64 = (s: string) => Buffer.from(s).toString('base64url');
    for (const after of [
      b64(`2026-01-01T00:00:00.000Z|${'-'.repeat(36)}`),
      b64('-271821-04-20T00:00:00.000Z|00000000-0000-0000-0000-000000000000'),
      b64('x|y'),
      'not a cursor',
    ]) {
      const res = await t.gql(`query($a: String) { records(first: 2, after: $a) { totalCount } }`, { a: after }, owner);
      expect(res.body.errors?.[0]?.extensions, after).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    }
  });

  it('followUpDue must lie between the consultation date and three years ahead', async () => {
    const base = { recordId, date: '2026-11-20', channel: 'PHONE', summary: '電話で相談' };
    for (const followUpDue of ['1900-01-01', '2026-11-19', '2099-12-31']) {
      const res = await t.gql(ADD, { input: { ...base, followUpDue } }, owner);
      expect(res.body.errors?.[0]?.extensions, followUpDue).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.followUpDue' });
    }
    const ok = await t.gql(ADD, { input: { ...base, followUpDue: '2026-12-01' } }, owner);
    expect(ok.body.errors).toBeUndefined();
    expect(ok.body.data!.addConsultation.followUpDue).toBe('2026-12-01');
  });
});
