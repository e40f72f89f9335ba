// The intake receipt's hand-off to the family page (N2): issued only to the page that sent the intake
// (reference number AND submission key), only when there is a contact to send a code to; spent once,
// within 15 minutes, for a code sent to that contact — never a session by itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FamilyNotice, FamilyHandoff } from '../../api/application';
import { startTestApp, type TestApp } from '../support/app';
import { captureNotices, intakeAnswers, SUBMIT_INTAKE } from './support-api';

const ISSUE = `mutation($i: FamilyHandoffIssueInput!) { issueFamilyHandoff(input: $i) { token expiresAt } }`;
const SPEND = `mutation($i: FamilyHandoffSignInInput!) { requestFamilySignInFromIntake(input: $i) { referenceNumber message } }`;

let t: TestApp;
let notices: FamilyNotice[];
beforeAll(async () => {
  t = await startTestApp({ records: 0 });
  notices = captureNotices(t);
}, 120_000);
afterAll(async () => t?.close());

async function intake(over: Record<string, unknown> = {}) {
  const input = intakeAnswers(over);
  const referenceNumber = (await t.gql(SUBMIT_INTAKE, { input })).body.data!.submitIntake.referenceNumber as string;
  return { referenceNumber, submissionKey: input.idempotencyKey };
}
const issue = (r: { referenceNumber: string; submissionKey: string }) => t.gql(ISSUE, { i: { municipalityCode: '999999', ...r } });
const spend = (handoff: string) => t.gql(SPEND, { i: { municipalityCode: '999999', handoff } });

describe('the intake receipt’s hand-off to the family page', () => {
  it('is issued for the reference number with the submission key, spent once for a code to the e-mail, and is no session', async () => {
    const r = await intake();
    expect((await issue({ ...r, submissionKey: crypto.randomUUID() })).body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    const token = (await issue(r)).body.data!.issueFamilyHandoff.token as string;
    expect(token).toMatch(/^yfh_[A-Za-z0-9_-]{40,}$/);
    expect((await t.gql(`query($s: String!) { familyPage(session: $s) { referenceNumber } }`, { s: token })).body.errors![0]!.extensions!.code).toBe(
      'UNAUTHENTICATED',
    );
    const before = notices.length;
    const ok = await spend(token);
    expect(ok.body.errors).toBeUndefined();
    expect(ok.body.data!.requestFamilySignInFromIntake.referenceNumber).toBe(r.referenceNumber);
    expect(notices.length).toBe(before + 1);
    expect(notices.at(-1)!.to).toBe('hanako@example.jp');
    expect(notices.at(-1)!.channel).toBe('EMAIL');
    const again = await spend(token);
    expect(again.body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect(notices.length).toBe(before + 1);
  });

  it('cannot be spent after 15 minutes', async () => {
    const token = (await issue(await intake())).body.data!.issueFamilyHandoff.token as string;
    const em = t.em();
    const row = await em.findOneOrFail(FamilyHandoff, { usedAt: null }, { orderBy: { createdAt: 'desc' } });
    row.expiresAt = new Date(Date.now() - 1000);
    await em.flush();
    const before = notices.length;
    const r = await spend(token);
    expect(r.body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect(r.body.errors![0]!.message).toContain('このリンクは使えなくなりました');
    expect(notices.length).toBe(before);
  });

  it('has no token when the intake left no contact to send a code to', async () => {
    const r = await intake({ contact: { contactAllowed: false } });
    const x = await issue(r);
    expect(x.body.errors).toBeUndefined();
    expect(x.body.data!.issueFamilyHandoff.token).toBeNull();
  });
});
