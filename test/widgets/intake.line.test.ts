import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LINE_CODE, type LineTestApp, startLineApp } from '../support/line';
import { expectAxeClean } from './support/axe';
import { ensureBundle, focused, launchChromium, openWidget, shadowText, tabTo, waitForStep } from './support/browser';
import { coverage } from './support/layout';
import { consentAndSend, contactByPhone, declineContact, next, toResults, waitFor } from './support/flow';

// The intake receipt invites the family to link LINE (api/line): after a submission with consent to be
// contacted, a button to the signed link page and its QR code (drawn by the API), in Chromium at
// 320 px, by keyboard; none without consent to contact, none for a DV-protected family.

let t: LineTestApp;
let browser: Browser;

const page_ = (lang: string) => `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>デモ市</title>
<script type="module" src="/widgets/intake.js"></script></head>
<body><main><h1>デモ市</h1><yorisoi-intake api="/graphql" municipality="999999" lang="${lang}"></yorisoi-intake></main></body></html>`;

beforeAll(async () => {
  ensureBundle(); // before the app starts: it serves dist/widgets only if it exists
  t = await startLineApp({ records: 0 });
  t.app.express.get('/intake-test', (req, res) => void res.type('html').send(page_(req.query.lang === 'ja-easy' ? 'ja-x-easy' : 'ja')));
  (t.app.services.intake.globalOrigins as Set<string>).add(t.base);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function phone(): Promise<{ page: Page; problems: string[]; close(): Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 }, bypassCSP: true });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // The page has no favicon: its 404 aside, any console error is a problem.
    if (m.type() === 'error' && !m.text().includes('404')) problems.push(`console: ${m.text()}`);
  });
  return { page, problems, close: () => context.close() };
}

const lineLink = (page: Page) =>
  page.evaluate(() => document.querySelector('yorisoi-intake')?.shadowRoot?.querySelector<HTMLAnchorElement>('#line-link')?.href ?? null);

describe('<yorisoi-intake>: the receipt’s LINE link', () => {
  it('after a consented submission: a button to the link page and its QR code, by keyboard, at 320 px, axe-clean', async () => {
    const { page, problems, close } = await phone();
    await openWidget(page, `${t.base}/intake-test`);
    await toResults(page);
    await next(page);
    await waitForStep(page, '市から連絡してほしいですか');
    await contactByPhone(page);
    await consentAndSend(page);
    await waitForStep(page, '受け付けました');
    await waitFor(page, '#line-link');
    const href = (await lineLink(page))!;
    expect(href).toMatch(new RegExp(`^${t.base}/line/${LINE_CODE}/link\\?t=[\\w-]+\\.[\\w-]+$`));
    expect(await shadowText(page, '#line-h')).toBe('LINEでお知らせを受け取る');
    // The link opens a new tab without a referrer: the receipt stays on screen.
    const attrs = await page.evaluate(() => {
      const a = document.querySelector('yorisoi-intake')!.shadowRoot!.querySelector('#line-link')!;
      return { target: a.getAttribute('target'), rel: a.getAttribute('rel'), name: a.textContent };
    });
    expect(attrs).toMatchObject({ target: '_blank', rel: 'noopener noreferrer' });
    expect(attrs.name).toContain('新しいタブで開きます');
    // Reachable by keyboard.
    await tabTo(page, '#line-link');
    expect(await focused(page)).toContain('line-link');
    // The QR code: drawn by the API for the same signed link, loaded, and inside the 320 px screen.
    await page.waitForFunction(
      () => (document.querySelector('yorisoi-intake')?.shadowRoot?.querySelector<HTMLImageElement>('#line-qr')?.naturalWidth ?? 0) > 0,
      null,
      { timeout: 10_000 },
    );
    const src = await page.evaluate(() => document.querySelector('yorisoi-intake')!.shadowRoot!.querySelector<HTMLImageElement>('#line-qr')!.src);
    expect(src).toBe(href.replace('/link?', '/link/qr.svg?'));
    expect(await page.evaluate(() => document.querySelector('yorisoi-intake')!.shadowRoot!.querySelector('#line-qr')!.getAttribute('alt'))).toBe(
      'LINE連携ページのQRコード',
    );
    await page.evaluate(() => document.querySelector('yorisoi-intake')!.shadowRoot!.querySelector('#line-qr')!.scrollIntoView({ block: 'center' }));
    expect(await coverage(page, ['yorisoi-intake', '#line-qr'])).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await expectAxeClean(page, 'receipt with the LINE link, 320 px');
    // The link page the button opens.
    const opened = await fetch(href, { headers: { 'accept-language': 'ja' } });
    expect(opened.status).toBe(200);
    expect(await opened.text()).toContain('連携を始める');
    expect(problems).toEqual([]);
    await close();
  }, 120_000);

  it('none without consent to be contacted, none for a DV-protected family', async () => {
    const declined = await phone();
    await openWidget(declined.page, `${t.base}/intake-test`);
    await toResults(declined.page);
    await declineContact(declined.page);
    await consentAndSend(declined.page);
    await waitForStep(declined.page, '受け付けました');
    expect(await lineLink(declined.page)).toBeNull();
    await declined.close();

    const dv = await phone();
    await openWidget(dv.page, `${t.base}/intake-test`);
    await toResults(dv.page, { dv: true });
    await next(dv.page);
    await waitForStep(dv.page, '市から連絡してほしいですか');
    await contactByPhone(dv.page);
    await consentAndSend(dv.page);
    await waitForStep(dv.page, '受け付けました');
    expect(await lineLink(dv.page)).toBeNull();
    await dv.close();
  }, 120_000);
});

describe('the link page’s QR code', () => {
  it('is an SVG for a valid signed link only', async () => {
    const start = t.app.line.links.startUrl(t.base, LINE_CODE, '00000000-0000-4000-8000-000000000000');
    const ok = await fetch(start.replace('/link?', '/link/qr.svg?'));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toContain('image/svg+xml');
    expect(ok.headers.get('cache-control')).toBe('no-store');
    expect(await ok.text()).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 \d+ \d+"><rect/);
    expect((await fetch(`${t.base}/line/${LINE_CODE}/link/qr.svg?t=forged.AAAA`)).status).toBe(403);
    expect((await fetch(start.replace(`/line/${LINE_CODE}/`, '/line/131016/').replace('/link?', '/link/qr.svg?'))).status).toBe(403);
  });
});
