// The demo mailbox (api/outreach/demo-mailbox.ts), found trying the demo as a family would: e-mail went to
// the built-in mail catcher, which no screen showed, so the family page's sign-in code could not be read.
// On (demo mode, e-mail to the built-in catcher) a family asks for its code on the demo's family page, reads
// it in the mailbox in another tab and signs in with it, keyboard and axe included; off (not the demo, or
// SMTP_URL set) the mailbox is 404 and nothing links to it.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeAnswers, SUBMIT_INTAKE } from '../application/support-api';
import { startTestApp } from '../support/app';
import { expectAxeClean } from './support/axe';
import { ensureBundle } from './support/browser';
import { startRealApiPage, type RealApiPage } from './support/real-api';

const w = (page: Page, sel: string) => page.locator(`yorisoi-mypage ${sel}`);

describe('demo mailbox, on: demo mode with the built-in mail catcher', () => {
  let s: RealApiPage;
  beforeAll(async () => {
    ensureBundle();
    s = await startRealApiPage('/unused', () => '', { demo: true });
  }, 120_000);
  afterAll(() => s?.close());

  it('shows the family’s sign-in code, newest first, and the family page signs in with it', async () => {
    const email = 'demo-mailbox@example.jp';
    const input = intakeAnswers({ contact: { phone: '090-1111-2222', email, contactAllowed: true, preferredChannel: 'EMAIL' } });
    const submitted = await s.t.gql(SUBMIT_INTAKE, { input });
    expect(submitted.body.errors).toBeUndefined();
    const ref = submitted.body.data!.submitIntake.referenceNumber as string;

    const { page, problems } = await s.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${s.origin}/mypage.html`);
    // The demo page's hint links to the mailbox (shown because /demo/status says it is there).
    await page.locator('.demo-hints a[href="/demo/mailbox"]').waitFor();
    await w(page, '#ref').fill(ref);
    await w(page, '#contact').fill(email);
    await w(page, '#contact').press('Tab');
    await page.keyboard.press('Enter');
    await w(page, '#code').waitFor();

    // Another window, as a parent would: the mailbox, labelled as the demo's, the code in the newest message
    // (bypassCSP only so that axe-core can be injected into the page's strict policy).
    const boxContext = await s.browser.newContext({ viewport: { width: 390, height: 844 }, bypassCSP: true });
    const box = await boxContext.newPage();
    const res = await box.goto(`${s.origin}/demo/mailbox`);
    expect(res!.status()).toBe(200);
    expect(res!.headers()['cache-control']).toBe('no-store');
    expect(await box.locator('h1').innerText()).toBe('デモ用メールボックス（実際には送信されません）');
    const first = box.locator('article').first();
    expect(await first.locator('dd').first().innerText()).toBe(email);
    const text = await first.locator('pre').innerText();
    const code = /(\d{6})/.exec(text)?.[1];
    expect(code, text).toBeDefined();
    // The sign-in link in the message is a real link back to the family page.
    expect(await first.locator('pre a').first().getAttribute('href')).toMatch(new RegExp(`^${s.origin}/mypage\\.html#yorisoi-link=`));
    await expectAxeClean(box, 'demo mailbox');
    expect(await box.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    for (const lang of ['en', 'ja-easy']) {
      await box.goto(`${s.origin}/demo/mailbox?lang=${lang}`);
      expect(await box.locator('h1').innerText()).toBe(
        lang === 'en' ? 'Demo mailbox (nothing is actually sent)' : 'デモようの メールばこ（ほんとうには おくって いません）',
      );
      await expectAxeClean(box, `demo mailbox ${lang}`);
    }

    await boxContext.close();

    // Back on the family page: the code signs the family in (keyboard: type, Enter).
    await page.bringToFront();
    await w(page, '#code').fill(code!);
    await w(page, '#code').press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => w(page, 'h2').first().textContent(), { timeout: 20_000 }).toContain('あなたの申請');
    expect(problems).toEqual([]);
  }, 120_000);

  it('newest first; the demo page links to it and hints at the fictional postal codes', async () => {
    const catcher = (await s.t.app.services.outreach!.demoCatcher())!;
    const before = catcher.mails.length;
    await s.t.app.services.outreach!.sendStaffMail({
      to: 'later@example.jp',
      subject: '後から届いたメール',
      text: 'https://example.jp/a を開いてください。',
      html: '<p>x</p>',
      messageId: '<later@demo>',
    });
    await expect.poll(() => catcher.mails.length).toBe(before + 1);
    const { page } = await s.newPage();
    await page.goto(`${s.origin}/demo/mailbox`);
    expect(await page.locator('article h2').first().innerText()).toBe('後から届いたメール');
    expect(await page.locator('article pre a').first().getAttribute('href')).toBe('https://example.jp/a');
    await page.goto(`${s.origin}/`);
    await page.locator('.demo-hints a[href="/demo/mailbox"]').waitFor();
    expect(await page.locator('.demo-hints').innerText()).toContain('999-9901');
  }, 60_000);
});

describe('demo mailbox, off', () => {
  it('is 404 when the server is not the demo (and /demo/status says so)', async () => {
    const t = await startTestApp({ records: 0 });
    try {
      await t.app.services.outreach!.useMailCatcher().catch(() => undefined); // even with the catcher in use
      expect((await t.http.get('/demo/mailbox')).status).toBe(404);
      expect((await t.http.get('/demo/status')).body).toEqual({ mailbox: false, postalCodes: false });
    } finally {
      await t.close();
    }
  }, 60_000);

  it('is 404 in the demo when SMTP_URL names a real server', async () => {
    process.env.SMTP_URL = 'smtp://127.0.0.1:9';
    const t = await startTestApp({ records: 0, demo: true });
    delete process.env.SMTP_URL;
    try {
      expect((await t.http.get('/demo/mailbox')).status).toBe(404);
      expect((await t.http.get('/demo/status')).body).toEqual({ mailbox: false, postalCodes: true });
    } finally {
      await t.close();
    }
  }, 60_000);
});
