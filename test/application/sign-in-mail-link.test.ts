// Found trying the family page as a parent: the sign-in mail ran the link straight into the next
// sentence (「…#yorisoi-link=AbC…心当たりがない場合は…」) in one paragraph, and the HTML part was the same
// text without a link — a mail app that links what it sees could take the Japanese words into the
// address, and a parent on a phone had to copy a long token by hand. The link now stands on its own
// line in the text part and is a real link in the HTML part, with exactly the address of the text.
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';
import { familyFromIntake } from './support-api';

const ASK = `mutation($i: FamilySignInRequestInput!) { requestFamilySignIn(input: $i) { message } }`;

describe('the sign-in mail of the family page', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ records: 0 });
    await t.app.services.outreach!.useMailCatcher();
  }, 120_000);
  afterAll(async () => t?.close());

  it('puts the sign-in link on a line of its own, and makes it a link in the HTML part', async () => {
    const email = 'link-line@example.jp';
    const { referenceNumber } = await familyFromIntake(t, { contact: { phone: '090-1111-2222', email, contactAllowed: true, preferredChannel: 'EMAIL' } });
    const r = await t.gql(ASK, { i: { municipalityCode: '999999', referenceNumber, contact: email, returnUrl: 'http://cms.example.jp/mypage' } });
    expect(r.body.errors).toBeUndefined();
    const mails = () => (t.app.services.outreach!.catcher?.mails ?? []).filter((m) => m.to.includes(email));
    await expect.poll(() => mails().length, { timeout: 20_000 }).toBe(1);
    const mail = await simpleParser(mails()[0]!.raw);
    const text = mail.text ?? '';
    const url = /^http:\/\/cms\.example\.jp\/mypage#yorisoi-link=[A-Za-z0-9_-]{40,}$/m.exec(text)?.[0];
    expect(url, text).toBeDefined(); // alone on its line: nothing glued before or after it
    expect(text).toContain('心当たりがない場合は'); // the sentence after it is still there, on its own line
    const html = typeof mail.html === 'string' ? mail.html : '';
    const hrefs = [...html.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]);
    expect(hrefs).toEqual([url]);
  });
});
