// <yorisoi-mypage> in Chromium against the real API: a family with a record from the intake form signs
// in by the code sent to its contact (keyboard only), files a 現況届 with at least 60 % pre-filled,
// confirms, gets the receipt, uploads a document and books an interview; axe-core clean in ja, en and
// ja-easy at 320 px.
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FamilyNotice } from '../../api/application';
import { ApplicationDocument } from '../../api/application/documents';
import { InterviewBooking } from '../../api/application/interviews';
import { captureNotices, intakeAnswers, SUBMIT_INTAKE } from '../application/support-api';
import { expectAxeClean } from './support/axe';
import { ensureBundle } from './support/browser';
import { startRealApiPage, type RealApiPage } from './support/real-api';

let s: RealApiPage;
let notices: FamilyNotice[];

const html = (lang: string) => `<!doctype html>
<html lang="${lang === 'ja-easy' ? 'ja' : lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>デモ市 マイページ</title>
<script type="module" src="/widgets/mypage.js"></script></head>
<body><main><h1>デモ市</h1><yorisoi-mypage api="/graphql" municipality="999999" lang="${lang}"></yorisoi-mypage></main></body></html>`;

beforeAll(async () => {
  ensureBundle();
  s = await startRealApiPage('/mypage-test', () => html('ja'));
  for (const lang of ['en', 'ja-easy']) s.t.app.express.get(`/mypage-${lang}`, (_q, r) => r.type('html').send(html(lang)));
  notices = captureNotices(s.t);
});
afterAll(() => s?.close());

const w = (page: Page, sel: string) => page.locator(`yorisoi-mypage ${sel}`);
const heading = (page: Page) => w(page, 'h2').first().textContent();
async function tabToId(page: Page, id: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    if (await page.evaluate((x) => document.querySelector('yorisoi-mypage')?.shadowRoot?.activeElement?.id === x, id)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached #${id}`);
}

describe('<yorisoi-mypage> against the real API', () => {
  it('sign-in view is axe-clean in ja, en and ja-easy at 320 px', async () => {
    for (const path of ['/mypage-test', '/mypage-en', '/mypage-ja-easy']) {
      const { page } = await s.newPage();
      await page.setViewportSize({ width: 320, height: 640 });
      await page.goto(`${s.origin}${path}`);
      await w(page, 'h2').waitFor();
      await expectAxeClean(page, path);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    }
  });

  it('a family from the intake form signs in by code, files a 現況届 pre-filled, uploads a document, books an interview, gets the receipt', async () => {
    const input = intakeAnswers();
    const ref = (await s.t.gql(SUBMIT_INTAKE, { input })).body.data!.submitIntake.referenceNumber as string;
    const { page, problems } = await s.newPage();
    await page.setViewportSize({ width: 320, height: 740 });
    await page.goto(`${s.origin}/mypage-test`);
    await w(page, 'h2').waitFor();

    // Keyboard only: Tab to each field, type, Enter on the button.
    await tabToId(page, 'ref');
    await page.keyboard.type(ref);
    await page.keyboard.press('Tab');
    await page.keyboard.type('hanako@example.jp');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () =>
        document.querySelector('yorisoi-mypage')?.shadowRoot?.activeElement?.tagName === 'H2' &&
        !!document.querySelector('yorisoi-mypage')?.shadowRoot?.querySelector('#code'),
    );
    const code = /(\d{6})/.exec(notices.at(-1)!.body.ja)![1]!;
    await tabToId(page, 'code');
    await page.keyboard.type(code);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => heading(page)).toContain('あなたの申請');
    await expectAxeClean(page, 'home');

    await w(page, 'button[aria-label^="申請する: 児童扶養手当 現況届"]').click();
    await expect.poll(() => heading(page)).toContain('現況届');
    const total = await w(page, 'form > label, form > fieldset').count();
    const prefilled = await w(page, '.prefilled').count();
    expect(prefilled / total).toBeGreaterThanOrEqual(0.6);
    expect(await w(page, '#q-familyName').inputValue()).toBe('申請');
    await expectAxeClean(page, 'apply');
    for (const q of ['livingWithChildren', 'publicPension', 'fullySuspended']) await w(page, `input[name=q-${q}][value=false]`).check();
    await w(page, 'input[name=q-livingWithChildren][value=true]').check();
    await w(page, 'button[type=submit]').click();
    await expect.poll(() => heading(page)).toContain('確認');
    await expectAxeClean(page, 'confirm');
    await w(page, 'button.primary').click();
    await expect.poll(() => heading(page)).toContain('受け付けました');
    const receipt = await w(page, '[part=receipt-number]').textContent();
    expect(receipt).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    await expectAxeClean(page, 'receipt');

    const photo = await sharp({ create: { width: 60, height: 40, channels: 3, background: '#eee' } })
      .jpeg()
      .toBuffer();
    await w(page, '#doc-child-support-declaration').setInputFiles({ name: 'declaration.jpg', mimeType: 'image/jpeg', buffer: photo });
    await w(page, '#doc-child-support-declaration ~ button').click();
    await expect.poll(() => s.t.em().count(ApplicationDocument, {})).toBe(1);

    const slot = await w(page, '#slot option').nth(1).getAttribute('value');
    await w(page, '#slot').selectOption(slot!);
    await w(page, '#slot ~ button.primary').click();
    await w(page, '[part=booked]').waitFor();
    expect(await s.t.em().count(InterviewBooking, {})).toBe(1);
    expect(await w(page, 'a[download="interview.ics"]').getAttribute('href')).toContain('BEGIN%3AVCALENDAR');
    expect(problems).toEqual([]);
  });
});
