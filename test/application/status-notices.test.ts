// Issue 17: a staff decision reaches the family as a transactional notice through push-type support's
// queue and SMTP (the embedded mail catcher, a real SMTP server): no opt-in needed, only the contact
// the family gave, never a channel it withdrew, never e-mail for a DV-protected family; the message says
// only that there is an update and where to sign in.
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DepartmentCode } from '../../api/core/departments';
import { rawQuery } from '../../api/db/raw-query';
import { ConsentMethod, OutreachChannel, OUTREACH_PURPOSE_VERSION, recordConsent } from '../../api/outreach';
import { PersonalRecord } from '../../api/record/personal-record.entity';
import { startTestApp, type TestApp } from '../support/app';
import { familyFromIntake } from './support-api';

const DECIDE = `mutation($i: ApplicationDecisionInput!) { decideApplication(input: $i) { status version } }`;
const SECRET = '源泉徴収票の再提出をお願いします';

async function submitted(t: TestApp, over: Record<string, unknown> = {}): Promise<{ id: string; receipt: string; referenceNumber: string }> {
  const { session, referenceNumber } = await familyFromIntake(t, over);
  const s = (
    await t.gql(`mutation($i: StartApplicationInput!) { startApplication(input: $i) { id version } }`, {
      i: { session, procedureId: 'welfare-loan-consultation' },
    })
  ).body.data!.startApplication;
  const saved = (
    await t.gql(`mutation($i: SaveApplicationInput!) { saveApplication(input: $i) { version } }`, {
      i: { session, id: s.id, version: s.version, answers: [{ question: 'purpose', value: 'moving' }] },
    })
  ).body.data!.saveApplication;
  const r = await t.gql(`mutation($i: SubmitApplicationInput!) { submitApplication(input: $i) { receiptNumber } }`, {
    i: { session, id: s.id, version: saved.version },
  });
  expect(r.body.errors).toBeUndefined();
  return { id: s.id, receipt: r.body.data!.submitApplication.receiptNumber, referenceNumber };
}

describe('application status notices through the outreach queue and SMTP', () => {
  let t: TestApp;
  let owner: string;
  const quiet = process.env.OUTREACH_QUIET_HOURS;
  beforeAll(async () => {
    // No quiet hours: the test runs at any hour of the day.
    process.env.OUTREACH_QUIET_HOURS = '0-0';
    t = await startTestApp({ records: 0 });
    // A real SMTP server in this process, on PostgreSQL as on PGlite.
    await t.app.services.outreach!.useMailCatcher();
    await t.app.services.outreach!.startWorkers(1);
    owner = await t.login(DepartmentCode.SINGLE_PARENT);
  }, 120_000);
  afterAll(async () => {
    if (quiet === undefined) delete process.env.OUTREACH_QUIET_HOURS;
    else process.env.OUTREACH_QUIET_HOURS = quiet;
    await t.close();
  });

  const catcher = () => t.app.services.outreach!.catcher!;
  const noticesOf = async (referenceNumber: string) => {
    const r = await t.em().findOneOrFail(PersonalRecord, { referenceNumber });
    return rawQuery<{ kind: string; channel: string; status: string; approval: string }>(
      t.em(),
      `select kind, channel, status, approval from outreach_notice where record_id = ?`,
      [r.id],
    );
  };
  const decide = async (id: string, status: string, message: string | null = null) => {
    const v = (await t.gql(`query($id: ID!) { application(id: $id) { version } }`, { id }, owner)).body.data!.application.version;
    const r = await t.gql(DECIDE, { i: { id, version: v, status, message } }, owner);
    expect(r.body.errors).toBeUndefined();
  };

  it('asks for more information: an e-mail goes out without an opt-in, saying only that there is an update', async () => {
    const email = 'status-1@example.jp';
    const a = await submitted(t, { contact: { phone: '090-1111-2222', email, contactAllowed: true, preferredChannel: 'EMAIL' } });
    const before = catcher().mails.length;
    await decide(a.id, 'INFO_REQUESTED', SECRET);
    await expect.poll(() => catcher().mails.filter((m) => m.to.includes(email)).length, { timeout: 20_000 }).toBe(1);
    const mail = await simpleParser(
      catcher()
        .mails.slice(before)
        .find((m) => m.to.includes(email))!.raw,
    );
    expect(mail.subject).toContain('申請についてのお知らせ');
    expect(mail.text).toContain('サインイン');
    const all = `${mail.subject}\n${mail.text}\n${mail.html}`;
    for (const secret of [SECRET, a.receipt, a.referenceNumber, '花子', '福祉資金', email.split('@')[0]!]) expect(all).not.toContain(secret);
    const notices = await noticesOf(a.referenceNumber);
    expect(notices).toEqual([expect.objectContaining({ kind: 'application-update', channel: 'EMAIL', approval: 'AUTOMATIC' })]);
    await expect.poll(async () => (await noticesOf(a.referenceNumber))[0]!.status, { timeout: 20_000 }).toBe('DELIVERED');
    // Taking it into review tells nobody; each further change is a notice of its own.
    await decide(a.id, 'NOT_ACCEPTED', '期限を過ぎました');
    await expect.poll(() => catcher().mails.filter((m) => m.to.includes(email)).length, { timeout: 20_000 }).toBe(2);
  });

  it('never on a channel the family withdrew, never without contact allowed, never e-mail for a DV-protected family', async () => {
    const withdrawn = await submitted(t, {
      contact: { phone: '090-1111-2222', email: 'status-2@example.jp', contactAllowed: true, preferredChannel: 'EMAIL' },
    });
    const r = await t.em().findOneOrFail(PersonalRecord, { referenceNumber: withdrawn.referenceNumber });
    await recordConsent(t.em(), '999999', r.id, [
      { channel: OutreachChannel.EMAIL, granted: false, method: ConsentMethod.FAMILY_PAGE, recordedBy: null, purposeVersion: OUTREACH_PURPOSE_VERSION },
    ]);
    const noContact = await submitted(t, { contact: { phone: '090-1111-2222', email: 'status-3@example.jp', contactAllowed: false } });
    const dv = await submitted(t, {
      contact: { phone: '090-1111-2222', email: 'status-4@example.jp', contactAllowed: true, preferredChannel: 'EMAIL' },
      concerns: { categories: ['DV'] },
    });
    const control = await submitted(t, { contact: { phone: '090-1111-2222', email: 'status-5@example.jp', contactAllowed: true, preferredChannel: 'EMAIL' } });
    for (const a of [withdrawn, noContact, dv, control]) await decide(a.id, 'INFO_REQUESTED', SECRET);
    // The control family's mail arrives: by then the others would have too.
    await expect.poll(() => catcher().mails.some((m) => m.to.includes('status-5@example.jp')), { timeout: 20_000 }).toBe(true);
    for (const address of ['status-2@example.jp', 'status-3@example.jp', 'status-4@example.jp'])
      expect(catcher().mails.some((m) => m.to.includes(address))).toBe(false);
    for (const a of [withdrawn, noContact, dv]) expect(await noticesOf(a.referenceNumber)).toEqual([]);
  });
});
