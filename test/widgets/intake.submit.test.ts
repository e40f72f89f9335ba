import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ensureBundle, focused, launchChromium, openWidget, shadowText, tabTo, waitForStep } from './support/browser';
import { confirmAndSend, consentAndSend, contactByPhone, declineContact, inWidget, incomeYearNow, next, toResults, waitFor } from './support/flow';

const INCOME_YEAR = incomeYearNow();
import { PHONE_ERROR, startTestServer, type TestServer } from './support/server';

// Steps 7–8 of <yorisoi-intake> (contact, consent, submitIntake) and the receipt, in Chromium,
// against the fake /graphql of the test server. The real API: intake.real-api.test.ts.

const KEY = 'yorisoi-intake:999999';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];

beforeAll(async () => {
  ensureBundle();
  server = await startTestServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});
beforeEach(async () => {
  await context?.close();
  server.requests.length = 0;
  server.receipts.clear();
  context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
  page = await context.newPage();
  problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // The favicon 404 is the test server's; ERR_EMPTY_RESPONSE is the request the server dropped on purpose.
    if (m.type() === 'error' && !/404|ERR_EMPTY_RESPONSE|Failed to fetch/.test(m.text())) problems.push(`console: ${m.text()}`);
  });
});

describe('<yorisoi-intake> contact, consent and submission', () => {
  it('is completed by keyboard through contact and consent; sends the consents as ticked, a UUID key, an empty honeypot', async () => {
    await openWidget(page, `${server.url}/page`);
    await toResults(page);
    expect(server.submits()).toHaveLength(0);
    await next(page);
    await waitForStep(page, '市から連絡してほしいですか');
    // Nothing pre-selected, and no street (nor any contact field) until they say yes.
    const radios = await page.evaluate(() =>
      [...document.querySelector('yorisoi-intake')!.shadowRoot!.querySelectorAll('input[name=want]')].map((i) => (i as HTMLInputElement).checked),
    );
    expect(radios).toEqual([false, false]);
    expect(await inWidget(page, '#street')).toBe(false);
    expect(await inWidget(page, '#phone')).toBe(false);
    await contactByPhone(page);
    expect(await inWidget(page, '#street')).toBe(false); // left step 7
    await waitForStep(page, '情報の共有への同意');
    await waitFor(page, '#consent');
    // The privacy notice and one unticked checkbox per department (+ partners), with its purpose.
    expect(await shadowText(page, '[part=notice]')).toContain('支援のためにだけ使います');
    const boxes = await page.evaluate(() =>
      [...document.querySelector('yorisoi-intake')!.shadowRoot!.querySelectorAll('#consent input[type=checkbox]')].map((i) => [
        (i as HTMLInputElement).value,
        (i as HTMLInputElement).checked,
      ]),
    );
    expect(boxes).toEqual([
      ['LIVELIHOOD_SUPPORT', false],
      ['PUBLIC_HOUSING', false],
      ['DISABILITY_WELFARE', false],
      ['on', false],
    ]);
    expect(await shadowText(page, '#consent')).toContain('生活費や仕事のことを一緒に考えます。');
    expect(await shadowText(page, '#consent')).toContain('市が委託したNPOに紹介することがあります。');
    // The honeypot: visually hidden, aria-hidden, out of the tab order, no autofill.
    const hp = await page.evaluate(() => {
      const el = document.querySelector('yorisoi-intake')!.shadowRoot!.querySelector('#website') as HTMLInputElement;
      return {
        tab: el.tabIndex,
        ac: el.getAttribute('autocomplete'),
        hidden: el.getAttribute('aria-hidden'),
        wrap: el.parentElement!.getAttribute('aria-hidden'),
        w: el.parentElement!.getBoundingClientRect().width,
      };
    });
    expect(hp).toEqual({ tab: -1, ac: 'off', hidden: 'true', wrap: 'true', w: 1 });
    const settingsReq = server.requests.find((r) => r.body.query.includes('intakeSettings'))!;
    expect(settingsReq.body.variables.code).toBe('999999');
    expect(settingsReq.headers['accept-language']).toBe('ja');
    // The key is made on reaching this step and kept with the answers (sessionStorage).
    const stored = JSON.parse((await page.evaluate((k) => sessionStorage.getItem(k), KEY))!) as { a: { key: string } };
    expect(stored.a.key).toMatch(UUID);

    await consentAndSend(page);
    await waitForStep(page, '受け付けました');
    expect(server.submits()).toHaveLength(1);
    const [sent] = server.submits();
    expect(sent!.headers['accept-language']).toBe('ja');
    expect(sent!.body.operationName).toBe('SubmitIntake');
    expect(sent!.body.variables.input).toEqual({
      idempotencyKey: stored.a.key,
      municipalityCode: '999999',
      identity: { familyName: '山田', givenName: '花子', familyNameKana: 'やまだ', givenNameKana: 'はなこ' },
      address: { postalCode: '123-4567', prefecture: null, city: null, street: 'デモ町1-2-3' },
      contact: { contactAllowed: true, phone: '090-1234-5678', email: null, preferredChannel: 'PHONE', safeTimes: null, voicemailSafe: null, smsSafe: null },
      household: { children: [{ birthDate: '2018-04-01', disability: false }], otherMembers: [], maritalStatus: null },
      income: { incomeYear: INCOME_YEAR, annualEmploymentIncome: 1800000, otherIncome: null, childSupportReceivedYearly: null },
      benefitsInUse: ['child-allowance'],
      concerns: { categories: ['CHILDCARE'], note: null },
      consent: { sharedWith: ['LIVELIHOOD_SUPPORT'], shareWithPartners: true, privacyNoticeVersion: '2026-04' },
      website: '',
    });

    // The receipt: the number large and copyable, next steps as a list; the answers are gone.
    const ref = server.receipts.get(stored.a.key)!.referenceNumber;
    expect(await shadowText(page, '[part=reference]')).toBe(ref);
    const size = await page.evaluate(() => getComputedStyle(document.querySelector('yorisoi-intake')!.shadowRoot!.querySelector('[part=reference]')!).fontSize);
    expect(parseFloat(size)).toBeGreaterThanOrEqual(28);
    expect(await shadowText(page, 'ul.list')).toContain('担当者から、ご希望の方法で連絡します。');
    expect(await shadowText(page, '[role=status]')).toContain(ref);
    expect(await page.evaluate((k) => [sessionStorage.getItem(k), localStorage.getItem(k)], KEY)).toEqual([null, null]);
    expect(await inWidget(page, '[role=alert]')).toBe(false); // no DV: no safety box
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await tabTo(page, '#copy');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('yorisoi-intake')?.shadowRoot?.querySelector('[role=status]')?.textContent === 'コピーしました。');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(ref);
    // A reload starts afresh: nothing was kept.
    await page.reload();
    await waitFor(page, '#postal');
    expect(await page.evaluate(() => (document.querySelector('yorisoi-intake')!.shadowRoot!.querySelector('#postal') as HTMLInputElement).value)).toBe('');
    expect(problems).toEqual([]);
  }, 90_000);

  it('asks no street, name or phone when no contact is wanted, and sends none', async () => {
    await openWidget(page, `${server.url}/page`);
    await toResults(page);
    await next(page);
    await waitForStep(page, '市から連絡してほしいですか');
    await tabTo(page, 'input[name=want][value=y]');
    await page.keyboard.press('ArrowDown'); // moves to (and selects) 「いいえ」
    expect(await focused(page)).toBe('input[value=n]');
    const ids = await page.evaluate(() =>
      [...document.querySelector('yorisoi-intake')!.shadowRoot!.querySelectorAll('form input')].map((i) => i.id || (i as HTMLInputElement).name),
    );
    expect(ids).toEqual(['want', 'want']);
    await next(page);
    await waitForStep(page, '情報の共有への同意');
    await waitFor(page, '#consent');
    await confirmAndSend(page); // nothing ticked
    await waitForStep(page, '受け付けました');
    const input = server.submits()[0]!.body.variables.input;
    expect(input.identity).toBeNull();
    expect(input.address).toEqual({ postalCode: '123-4567', prefecture: null, city: null, street: null });
    expect(input.contact).toEqual({
      contactAllowed: false,
      phone: null,
      email: null,
      preferredChannel: null,
      safeTimes: null,
      voicemailSafe: null,
      smsSafe: null,
    });
    expect(input.consent).toEqual({ sharedWith: [], shareWithPartners: false, privacyNoticeVersion: '2026-04' });
    expect(await shadowText(page, 'ul.list')).toContain('受付番号を伝えてください');
  }, 60_000);

  it('explains why the street is asked when DV was chosen, and shows the safety numbers again on the receipt', async () => {
    await openWidget(page, `${server.url}/page`);
    await toResults(page, { dv: true });
    await next(page);
    await waitForStep(page, '市から連絡してほしいですか');
    await tabTo(page, 'input[name=want][value=y]');
    await page.keyboard.press('Space');
    await waitFor(page, '#street');
    expect(await shadowText(page, '#hint-street')).toContain('ほかの担当課には表示しません');
    expect(await page.evaluate(() => document.querySelector('yorisoi-intake')!.shadowRoot!.querySelector('#street')!.getAttribute('aria-describedby'))).toBe(
      'hint-street',
    );
    await contactByPhone(page);
    await consentAndSend(page);
    await waitForStep(page, '受け付けました');
    const box = await shadowText(page, '[role=alert]');
    expect(box).toContain('#8008');
    expect(box).toContain('0120-279-889');
    expect(box).toContain('110');
  }, 60_000);

  it('retries a submission that got no answer with the same idempotency key: one receipt', async () => {
    await openWidget(page, `${server.url}/page?api=${encodeURIComponent('/graphql?drop=1')}`);
    await toResults(page);
    await next(page);
    await waitForStep(page, '市から連絡してほしいですか');
    await contactByPhone(page);
    await consentAndSend(page);
    await waitForStep(page, '受け付けました');
    const tries = server.submits();
    expect(tries.map((r) => r.dropped)).toEqual([true, false]);
    expect(tries[0]!.body.variables.input.idempotencyKey).toMatch(UUID);
    expect(tries[1]!.body.variables.input).toEqual(tries[0]!.body.variables.input);
    expect(tries[1]!.at - tries[0]!.at).toBeGreaterThanOrEqual(450); // the widget's backoff, not a browser resend
    expect(server.receipts.size).toBe(1);
    expect(await shadowText(page, '[part=reference]')).toBe([...server.receipts.values()][0]!.referenceNumber);
    expect(problems).toEqual([]);
  }, 60_000);

  it('after 4 unanswered attempts (0.5 s, 1 s, 2 s apart) shows a retry button that reuses the key', async () => {
    await openWidget(page, `${server.url}/page?api=${encodeURIComponent('/graphql?drop=4')}`);
    await toResults(page);
    await declineContact(page);
    await consentAndSend(page);
    await page.waitForFunction(() => document.querySelector('yorisoi-intake')?.shadowRoot?.activeElement?.id === 'retry', undefined, { timeout: 10_000 });
    expect(server.submits()).toHaveLength(4);
    expect(await shadowText(page, '#err-sform')).toContain('通信できませんでした');
    expect(await shadowText(page, '[aria-live]')).toContain('通信できませんでした');
    expect(await shadowText(page, '#retry')).toBe('もう一度試す');
    await page.keyboard.press('Enter');
    await waitForStep(page, '受け付けました');
    const keys = new Set(server.submits().map((r) => r.body.variables.input.idempotencyKey));
    expect(server.submits()).toHaveLength(5);
    expect(keys.size).toBe(1);
    expect(server.receipts.size).toBe(1);
  }, 60_000);

  it('shows BAD_USER_INPUT on input.contact.phone next to the phone field, announces it and focuses it', async () => {
    await openWidget(page, `${server.url}/page?api=${encodeURIComponent('/graphql?phone')}`);
    await toResults(page);
    await next(page);
    await waitForStep(page, '市から連絡してほしいですか');
    await contactByPhone(page);
    await consentAndSend(page);
    await page.waitForFunction(() => document.querySelector('yorisoi-intake')?.shadowRoot?.activeElement?.id === 'phone', undefined, { timeout: 10_000 });
    expect(await shadowText(page, 'h2')).toBe('市から連絡してほしいですか');
    expect(await shadowText(page, '#err-phone')).toBe(PHONE_ERROR.ja);
    expect(await shadowText(page, '[aria-live]')).toBe(PHONE_ERROR.ja);
    const field = await page.evaluate(() => {
      const root = document.querySelector('yorisoi-intake')!.shadowRoot!;
      const el = root.querySelector('#phone')!;
      return {
        invalid: el.getAttribute('aria-invalid'),
        by: el.getAttribute('aria-describedby'),
        near: el.parentElement === root.querySelector('#err-phone')!.parentElement,
      };
    });
    expect(field).toEqual({ invalid: 'true', by: 'hint-phone err-phone', near: true });
    // The answers are still there; the key too.
    expect(await page.evaluate((k) => sessionStorage.getItem(k), KEY)).toContain('090-1234-5678');
  }, 60_000);

  it('on a changed privacy notice (input.consent.privacyNoticeVersion) shows the new notice, unticked, and sends its version', async () => {
    await openWidget(page, `${server.url}/page?api=${encodeURIComponent('/graphql?notice')}`);
    await toResults(page);
    await declineContact(page);
    await consentAndSend(page);
    await page.waitForFunction(() => document.querySelector('yorisoi-intake')?.shadowRoot?.querySelector('[part=notice]')?.textContent?.includes('2026-05'));
    expect(await shadowText(page, '#err-consent')).toBe('プライバシーに関するお知らせが更新されました。もう一度お読みください。');
    expect(await shadowText(page, '[aria-live]')).toContain('お知らせが更新されました');
    const ticked = await page.evaluate(() => [...document.querySelector('yorisoi-intake')!.shadowRoot!.querySelectorAll('#consent input:checked')].length);
    expect(ticked).toBe(0);
    await tabTo(page, 'input[value=LIVELIHOOD_SUPPORT]');
    await page.keyboard.press('Space');
    await confirmAndSend(page);
    await waitForStep(page, '受け付けました');
    const [first, second] = server.submits();
    expect(second!.body.variables.input.consent).toEqual({ sharedWith: ['LIVELIHOOD_SUPPORT'], shareWithPartners: false, privacyNoticeVersion: '2026-05' });
    expect(second!.body.variables.input.idempotencyKey).toBe(first!.body.variables.input.idempotencyKey);
  }, 60_000);

  it('shows a plain message on TOO_MANY_REQUESTS', async () => {
    await openWidget(page, `${server.url}/page?api=${encodeURIComponent('/graphql?busy')}`);
    await toResults(page);
    await declineContact(page);
    await consentAndSend(page);
    await waitFor(page, '#err-sform');
    expect(await shadowText(page, '#err-sform')).toBe('送信が多すぎます。しばらく待ってからもう一度お試しください。');
    expect(await shadowText(page, 'h2')).toBe('送信する内容の確認');
  }, 60_000);

  it('speaks English through contact, consent and the receipt (lang="en")', async () => {
    await openWidget(page, `${server.url}/page?lang=en`);
    await toResults(page, { en: true });
    await next(page);
    await waitForStep(page, 'Would you like us to contact you?');
    await tabTo(page, 'input[name=want][value=y]');
    await page.keyboard.press('Space');
    await tabTo(page, 'input[name=ch][value=PHONE]');
    await page.keyboard.press('ArrowDown'); // e-mail
    await tabTo(page, '#email');
    await page.keyboard.type('ｈａｎａ＠ｅｘａｍｐｌｅ．ｊｐ');
    await page.keyboard.press('Enter');
    await waitForStep(page, 'Sharing your information');
    await waitFor(page, '#consent');
    expect(await shadowText(page, '#consent')).toContain('Helps with living costs and work.');
    await tabTo(page, 'input[value=PUBLIC_HOUSING]');
    await page.keyboard.press('Space');
    await confirmAndSend(page, 'Send', 'Check what you send');
    await waitForStep(page, 'We received your form');
    const sent = server.submits()[0]!;
    expect(sent.headers['accept-language']).toBe('en');
    expect(sent.body.variables.input.contact).toEqual({
      contactAllowed: true,
      phone: null,
      email: 'hana@example.jp',
      preferredChannel: 'EMAIL',
      safeTimes: null,
      voicemailSafe: null,
      smsSafe: null,
    });
    expect(sent.body.variables.input.consent.sharedWith).toEqual(['PUBLIC_HOUSING']);
    expect(await shadowText(page, 'ul.list')).toContain('A caseworker will contact you');
  }, 60_000);
});
