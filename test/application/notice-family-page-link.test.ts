// Trial report: the e-mail that tells a family of a change to its application linked to the site's root
// (PUBLIC_BASE_URL/) instead of the municipality's family page. It must lead to the family page the
// municipality configured (familyPageUrl in seeds/procedures/overrides/<code>.yaml), and to the root only
// when none is — read from the real message the embedded SMTP server (the mail catcher) received, text
// part and the HTML part's link.
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationServices } from '../../api/application/services';
import { DepartmentCode } from '../../api/core/departments';
import { startTestApp, type TestApp } from '../support/app';
import { familyFromIntake } from './support-api';

const FAMILY_PAGE = 'https://www.city.demo.example.jp/kosodate/mypage/';

describe.each([
  { demo: false, none: 'the site root', expected: (base: string) => `${base}/` },
  { demo: true, none: 'the demo family page /mypage (デモ市 in demo mode)', expected: (base: string) => `${base}/mypage` },
])('the application notice e-mail links to the family page (demo mode: $demo)', ({ demo, none, expected }) => {
  let t: TestApp;
  let owner: string;
  let familyPageUrl: string | undefined;
  const quiet = process.env.OUTREACH_QUIET_HOURS;
  beforeAll(async () => {
    process.env.OUTREACH_QUIET_HOURS = '0-0'; // no quiet hours: the test runs at any hour
    t = await startTestApp({ records: 0, demo });
    await t.app.services.outreach!.useMailCatcher();
    await t.app.services.outreach!.startWorkers(1);
    owner = await t.login(DepartmentCode.SINGLE_PARENT);
    // デモ市's settings as if its overrides file named a family page (the file in seeds names none).
    const book = applicationServices(t.app.services).procedures;
    const settings = book.settings.bind(book);
    book.settings = (code) => (code === '999999' && familyPageUrl ? { ...settings(code), familyPageUrl } : settings(code));
  }, 120_000);
  afterAll(async () => {
    if (quiet === undefined) delete process.env.OUTREACH_QUIET_HOURS;
    else process.env.OUTREACH_QUIET_HOURS = quiet;
    await t?.close();
  });

  /** An application submitted and a decision that tells the family; the link of the e-mail it gets. */
  const mailedLink = async (email: string): Promise<string[]> => {
    const { session } = await familyFromIntake(t, { contact: { phone: '090-1111-2222', email, contactAllowed: true, preferredChannel: 'EMAIL' } });
    const s = (
      await t.gql(`mutation($i: StartApplicationInput!) { startApplication(input: $i) { id version } }`, {
        i: { session, procedureId: 'welfare-loan-consultation' },
      })
    ).body.data!.startApplication;
    const v = (
      await t.gql(`mutation($i: SaveApplicationInput!) { saveApplication(input: $i) { version } }`, {
        i: { session, id: s.id, version: s.version, answers: [{ question: 'purpose', value: 'moving' }] },
      })
    ).body.data!.saveApplication.version;
    expect(
      (await t.gql(`mutation($i: SubmitApplicationInput!) { submitApplication(input: $i) { receiptNumber } }`, { i: { session, id: s.id, version: v } })).body
        .errors,
    ).toBeUndefined();
    const version = (await t.gql(`query($id: ID!) { application(id: $id) { version } }`, { id: s.id }, owner)).body.data!.application.version;
    const decided = await t.gql(
      `mutation($i: ApplicationDecisionInput!) { decideApplication(input: $i) { status } }`,
      {
        i: { id: s.id, version, status: 'INFO_REQUESTED', message: '書類を確認してください' },
      },
      owner,
    );
    expect(decided.body.errors).toBeUndefined();
    const mails = () => t.app.services.outreach!.catcher!.mails.filter((m) => m.to.includes(email));
    await expect.poll(() => mails().length, { timeout: 20_000 }).toBe(1);
    const mail = await simpleParser(mails()[0]!.raw);
    expect(mail.subject).toContain('申請についてのお知らせ');
    const html = typeof mail.html === 'string' ? mail.html : '';
    return [
      (mail.text ?? '')
        .split('\n')
        .find((line) => line.startsWith('http'))!
        .trim(),
      ...[...html.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]!),
    ];
  };

  it('leads to the family page the municipality configured, in the text and as the link of the HTML part', async () => {
    familyPageUrl = FAMILY_PAGE;
    expect(await mailedLink('family-page-link@example.jp')).toEqual([FAMILY_PAGE, FAMILY_PAGE]);
  });

  it(`leads to ${none} when none is configured`, async () => {
    familyPageUrl = undefined;
    const fallback = expected(t.app.services.outreach!.env.publicBaseUrl);
    expect(await mailedLink('root-link@example.jp')).toEqual([fallback, fallback]);
  });
});
