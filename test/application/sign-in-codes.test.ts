// Issue 17: a family who asks for a sign-in code on its page gets it at once on the contact it named,
// through push-type support's transports (the embedded mail catcher, a real SMTP server): nothing queued,
// nothing of it stored; the same answer whether or not the number and contact exist; at most 3 codes
// per record in 15 minutes; never e-mail for a DV-protected family, never on a channel it withdrew.
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawQuery } from '../../api/db/raw-query';
import { ConsentMethod, OutreachChannel, OUTREACH_PURPOSE_VERSION, recordConsent } from '../../api/outreach';
import { PersonalRecord } from '../../api/record/personal-record.entity';
import { startTestApp, type TestApp } from '../support/app';
import { familyFromIntake } from './support-api';

const ASK = `mutation($i: FamilySignInRequestInput!) { requestFamilySignIn(input: $i) { message } }`;
const SIGN_IN = `mutation($i: FamilySignInInput!) { signInFamily(input: $i) { session } }`;

describe('family sign-in codes by e-mail through the outreach transports', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ records: 0 });
    // A real SMTP server in this process, on PostgreSQL as on PGlite.
    await t.app.services.outreach!.useMailCatcher();
  }, 120_000);
  afterAll(async () => t?.close());

  const catcher = () => t.app.services.outreach!.catcher!;
  const mailsTo = (address: string) => (t.app.services.outreach!.catcher?.mails ?? []).filter((m) => m.to.includes(address));
  const ask = async (referenceNumber: string, contact: string) => {
    const r = await t.gql(ASK, { i: { municipalityCode: '999999', referenceNumber, contact, returnUrl: 'http://cms.example.jp/mypage' } });
    expect(r.body.errors).toBeUndefined();
    return r.body.data!.requestFamilySignIn.message as string;
  };

  it('sends the code to the e-mail the family gave, and the code signs it in; the mail holds nothing else of the family', async () => {
    const email = 'code-1@example.jp';
    const { referenceNumber } = await familyFromIntake(t, { contact: { phone: '090-1111-2222', email, contactAllowed: true, preferredChannel: 'EMAIL' } });
    const message = await ask(referenceNumber, email);
    await expect.poll(() => mailsTo(email).length, { timeout: 20_000 }).toBe(1);
    const mail = await simpleParser(mailsTo(email)[0]!.raw);
    expect(mail.subject).toBe('サインインのコード');
    const code = /\b(\d{6})\b/.exec(mail.text ?? '')![1]!;
    expect(mail.headers.has('list-unsubscribe')).toBe(false);
    for (const secret of [referenceNumber, '花子', '申請']) expect(`${mail.subject}\n${mail.text}`).not.toContain(secret);
    const s = await t.gql(SIGN_IN, { i: { municipalityCode: '999999', referenceNumber, code } });
    expect(s.body.errors).toBeUndefined();
    expect(s.body.data!.signInFamily.session).toMatch(/^yfs_/);
    // Nothing queued or stored: the code lives only in the family's mailbox (and as a hash).
    const r = await t.em().findOneOrFail(PersonalRecord, { referenceNumber });
    expect(await rawQuery(t.em(), `select 1 from outreach_notice where record_id = ?`, [r.id])).toEqual([]);
    const [fig] = await rawQuery<{ count: string | number }>(
      t.em(),
      `select count from outreach_figure where municipality_code = '999999' and kind = 'sign-in-code' and channel = 'EMAIL' and metric = 'delivered'`,
      [],
    );
    expect(Number(fig!.count)).toBeGreaterThanOrEqual(1);
    // The same answer for an unknown number and for a contact that is not the record's: nothing sent.
    expect(await ask('Z9Z9-Z9Z9-Z9', email)).toBe(message);
    expect(await ask(referenceNumber, 'someone-else@example.jp')).toBe(message);
    expect(mailsTo('someone-else@example.jp')).toEqual([]);
  });

  it('sends at most 3 codes per record in 15 minutes, answering the same', async () => {
    const email = 'code-2@example.jp';
    const { referenceNumber } = await familyFromIntake(t, { contact: { phone: '090-1111-2222', email, contactAllowed: true, preferredChannel: 'EMAIL' } });
    const answers = new Set<string>();
    for (let i = 0; i < 4; i++) answers.add(await ask(referenceNumber, email));
    expect(answers.size).toBe(1);
    await expect.poll(() => mailsTo(email).length, { timeout: 20_000 }).toBe(3);
    // A later mail would have arrived with the control family's below.
    const control = 'code-3@example.jp';
    const c = await familyFromIntake(t, { contact: { phone: '090-1111-2222', email: control, contactAllowed: true, preferredChannel: 'EMAIL' } });
    await ask(c.referenceNumber, control);
    await expect.poll(() => mailsTo(control).length, { timeout: 20_000 }).toBe(1);
    expect(mailsTo(email).length).toBe(3);
  });

  it('never e-mails a DV-protected family nor on a channel the family withdrew; a control family gets its code', async () => {
    const dv = await familyFromIntake(t, {
      contact: { phone: '090-1111-2222', email: 'code-4@example.jp', contactAllowed: true, preferredChannel: 'EMAIL' },
      concerns: { categories: ['DV'] },
    });
    const withdrawn = await familyFromIntake(t, {
      contact: { phone: '090-1111-2222', email: 'code-5@example.jp', contactAllowed: true, preferredChannel: 'EMAIL' },
    });
    const r = await t.em().findOneOrFail(PersonalRecord, { referenceNumber: withdrawn.referenceNumber });
    await recordConsent(t.em(), '999999', r.id, [
      { channel: OutreachChannel.EMAIL, granted: false, method: ConsentMethod.FAMILY_PAGE, recordedBy: null, purposeVersion: OUTREACH_PURPOSE_VERSION },
    ]);
    await ask(dv.referenceNumber, 'code-4@example.jp');
    await ask(withdrawn.referenceNumber, 'code-5@example.jp');
    const control = await familyFromIntake(t, { contact: { phone: '090-1111-2222', email: 'code-6@example.jp', contactAllowed: false } });
    await ask(control.referenceNumber, 'code-6@example.jp');
    await expect.poll(() => mailsTo('code-6@example.jp').length, { timeout: 20_000 }).toBe(1);
    expect(catcher().mails.some((m) => m.to.includes('code-4@example.jp') || m.to.includes('code-5@example.jp'))).toBe(false);
  });
});
