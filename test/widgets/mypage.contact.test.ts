// <yorisoi-mypage> contact settings and withdrawal in Chromium against the real API, keyboard only: a
// family signs in by the code that reached its mailbox (the embedded mail catcher), stops contact and
// a notice channel (saved as the family's own consent change), withdraws an application not yet decided
// after the confirmation; axe-core clean on those views in ja, en and ja-easy at 320 px.
import { readFileSync } from 'node:fs';
import { simpleParser } from 'mailparser';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Application } from '../../api/application';
import { rawQuery } from '../../api/db/raw-query';
import { PersonalRecord } from '../../api/record/personal-record.entity';
import { ErasureRequest } from '../../api/rights';
import { familyFromIntake } from '../application/support-api';
import { expectAxeClean } from './support/axe';
import { ensureBundle } from './support/browser';
import { startRealApiPage, type RealApiPage } from './support/real-api';

let s: RealApiPage;

const html = (lang: string) => `<!doctype html>
<html lang="${lang === 'ja-easy' ? 'ja' : lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>デモ市 マイページ</title>
<script type="module" src="/widgets/mypage.js"></script></head>
<body><main><h1>デモ市</h1><yorisoi-mypage api="/graphql" municipality="999999" lang="${lang}"></yorisoi-mypage></main></body></html>`;

beforeAll(async () => {
  ensureBundle();
  s = await startRealApiPage('/mypage-ja', () => html('ja'));
  // The code reaches a real SMTP server in this process, on PostgreSQL as on PGlite.
  await s.t.app.services.outreach!.useMailCatcher();
  for (const lang of ['en', 'ja-easy']) s.t.app.express.get(`/mypage-${lang}`, (_q, r) => r.type('html').send(html(lang)));
});
afterAll(() => s?.close());

const w = (page: Page, sel: string) => page.locator(`yorisoi-mypage ${sel}`);
/** Tab until the focused element in the widget matches `selector`. */
async function tabTo(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 60; i++) {
    if (await page.evaluate((x) => !!document.querySelector('yorisoi-mypage')?.shadowRoot?.activeElement?.matches(x), selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** A family with one submitted application, signed in on `path` by keyboard with the code from its mailbox. */
async function signedIn(path: string, email: string): Promise<{ page: Page; problems: string[]; referenceNumber: string; applicationId: string }> {
  const { session, referenceNumber } = await familyFromIntake(s.t, {
    contact: { phone: '090-1111-2222', email, contactAllowed: true, preferredChannel: 'EMAIL' },
  });
  const started = (
    await s.t.gql(`mutation($i: StartApplicationInput!) { startApplication(input: $i) { id version } }`, {
      i: { session, procedureId: 'welfare-loan-consultation' },
    })
  ).body.data!.startApplication;
  const saved = (
    await s.t.gql(`mutation($i: SaveApplicationInput!) { saveApplication(input: $i) { version } }`, {
      i: { session, id: started.id, version: started.version, answers: [{ question: 'purpose', value: 'moving' }] },
    })
  ).body.data!.saveApplication;
  expect(
    (
      await s.t.gql(`mutation($i: SubmitApplicationInput!) { submitApplication(input: $i) { receiptNumber } }`, {
        i: { session, id: started.id, version: saved.version },
      })
    ).body.errors,
  ).toBeUndefined();
  const { page, problems } = await s.newPage();
  await page.setViewportSize({ width: 320, height: 740 });
  await page.goto(`${s.origin}${path}`);
  await w(page, 'h2').waitFor();
  await tabTo(page, '#ref');
  await page.keyboard.type(referenceNumber);
  await page.keyboard.press('Tab');
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  const mails = () => (s.t.app.services.outreach!.catcher?.mails ?? []).filter((m) => m.to.includes(email));
  await expect.poll(() => mails().length, { timeout: 20_000 }).toBe(1);
  const code = /\b(\d{6})\b/.exec((await simpleParser(mails()[0]!.raw)).text ?? '')![1]!;
  await tabTo(page, '#code');
  await page.keyboard.type(code);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await w(page, '#ct-allowed').waitFor();
  return { page, problems, referenceNumber, applicationId: started.id };
}

describe('<yorisoi-mypage> contact settings and withdrawal', () => {
  it('keyboard only: stops contact from the city, then withdraws an application after confirming', async () => {
    const { page, problems, referenceNumber, applicationId } = await signedIn('/mypage-ja', 'contact-ja@example.jp');
    const record = await s.t.em().findOneOrFail(PersonalRecord, { referenceNumber });
    await tabTo(page, '#ct-allowed');
    await page.keyboard.press('Space');
    expect(await w(page, '#ct-allowed').isChecked()).toBe(false);
    await tabTo(page, 'fieldset + button');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await s.t.em().fork().findOneOrFail(PersonalRecord, { id: record.id })).contact.contactAllowed).toBe(false);
    await expect.poll(() => w(page, '[role=status], [aria-live]').first().textContent()).toContain('連絡の設定を保存しました');

    // Withdraw: the button, then the question (focused), then 取り下げる.
    await tabTo(page, '[part=withdraw]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('yorisoi-mypage')?.shadowRoot?.activeElement?.id === 'wd-q');
    await expectAxeClean(page, 'withdraw question ja');
    await tabTo(page, '[role=group] button.primary');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await s.t.em().fork().findOneOrFail(Application, { id: applicationId })).status).toBe('WITHDRAWN');
    await expect.poll(() => w(page, '[part=withdraw]').count()).toBe(0);
    const events = await rawQuery<{ method: string }>(s.t.em(), `select method from outreach_consent_event where record_id = ?`, [record.id]);
    expect(events.every((e) => e.method === 'family-page')).toBe(true);
    expect(problems).toEqual([]);
  });

  it('contact settings and the withdraw question are axe-clean in ja, en and ja-easy at 320 px', async () => {
    for (const [path, email] of [
      ['/mypage-ja', 'axe-ja@example.jp'],
      ['/mypage-en', 'axe-en@example.jp'],
      ['/mypage-ja-easy', 'axe-easy@example.jp'],
    ] as const) {
      const { page, problems } = await signedIn(path, email);
      await expectAxeClean(page, `${path} home with contact settings`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      await w(page, '[part=withdraw]').focus();
      await page.keyboard.press('Enter');
      await w(page, '#wd-q').waitFor();
      await expectAxeClean(page, `${path} withdraw question`);
      await w(page, '#rt-erase').focus();
      await page.keyboard.press('Enter');
      await w(page, '#er-q').waitFor();
      await expectAxeClean(page, `${path} erase question`);
      expect(problems).toEqual([]);
    }
    // Three sign-ins and six axe runs: minutes on the loaded CI machine.
  }, 240_000);

  it('keyboard only: downloads the family’s own data as JSON, then asks for erasure after confirming (a request for staff; nothing is erased)', async () => {
    const { page, problems, referenceNumber } = await signedIn('/mypage-ja', 'rights-ja@example.jp');
    const record = await s.t.em().findOneOrFail(PersonalRecord, { referenceNumber });
    await tabTo(page, '#rt-download');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toBe('yorisoi-my-data.json');
    const data = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(data.recordId).toBe(record.id);
    await expect.poll(() => w(page, '[role=status], [aria-live]').first().textContent()).toContain('ダウンロードしました');

    await tabTo(page, '#rt-erase');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('yorisoi-mypage')?.shadowRoot?.activeElement?.id === 'er-q');
    await tabTo(page, '[aria-labelledby=er-q] button.primary');
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => (await s.t.em().fork().find(ErasureRequest, { recordId: record.id })).map((r) => r.status), { timeout: 60_000 })
      .toEqual(['requested']);
    await expect.poll(() => w(page, '[part=erasure-status]').textContent(), { timeout: 60_000 }).toContain('確認中');
    expect(await w(page, '#rt-erase').count()).toBe(0);
    // A request only: the record is still whole until an administrator decides.
    expect((await s.t.em().fork().findOneOrFail(PersonalRecord, { id: record.id })).identity.familyName).toBeTruthy();
    expect(problems).toEqual([]);
  });
});
