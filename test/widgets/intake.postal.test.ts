import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';
import { AXE_PATH, ensureBundle, launchChromium, openWidget, shadowText, tabTo, waitForStep } from './support/browser';

// The intake widget's postal code → prefecture / city fill-in, against the REAL API (in-process,
// page served from the API's own origin, as in intake.real-api.test.ts) and its Japan Post data.

let t: TestApp;
let http: Server;
let origin: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];
/** postalAddress requests the page sent */
let lookups: string[];

const html = (lang: string) => `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><title>デモ市</title>
<script type="module" src="/widgets/intake.js"></script></head>
<body><main><h1>デモ市</h1><yorisoi-intake api="/graphql" municipality="999999" lang="${lang}"></yorisoi-intake></main></body></html>`;

beforeAll(async () => {
  ensureBundle();
  t = await startTestApp({ seed: false });
  t.app.express.get('/postal-test', (req, res) => {
    res.type('html').send(html(req.query.lang === 'en' ? 'en' : 'ja'));
  });
  http = await new Promise<Server>((resolve) => {
    const s = t.app.express.listen(0, '127.0.0.1', () => resolve(s));
  });
  origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  browser = await launchChromium();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await new Promise((r) => http?.close(r));
  await t?.close();
});
beforeEach(async () => {
  await context?.close();
  context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
  page = await context.newPage();
  problems = [];
  lookups = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().includes('404') && !m.text().includes('net::ERR_INTERNET_DISCONNECTED')) problems.push(`console: ${m.text()}`);
  });
  page.on('request', (r: Request) => {
    const body = r.postData() ?? '';
    if (body.includes('postalAddress')) lookups.push(JSON.parse(body).variables.code);
  });
});

const value = (sel: string) =>
  page.evaluate((s) => (document.querySelector('yorisoi-intake')?.shadowRoot?.querySelector(s) as HTMLInputElement | null)?.value ?? null, sel);
const status = () => shadowText(page, '[role=status]');
/** Waits until #pref and #city hold these values. */
const filledWith = (pref: string, city: string) =>
  page.waitForFunction(
    ([p, c]) => {
      const root = document.querySelector('yorisoi-intake')?.shadowRoot;
      return (root?.querySelector('#pref') as HTMLInputElement | null)?.value === p && (root?.querySelector('#city') as HTMLInputElement | null)?.value === c;
    },
    [pref, city],
    { timeout: 10_000 },
  );
/** axe-core (WCAG 2.0/2.1 A and AA) on the page: the ids of the rules violated. */
async function axeViolations(): Promise<string[]> {
  await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string }[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return r.violations.map((v) => v.id);
  });
}
const waitForNote = () =>
  page.waitForFunction(() => !!document.querySelector('yorisoi-intake')?.shadowRoot?.querySelector('#note-postal'), undefined, { timeout: 10_000 });

describe('<yorisoi-intake> postal code → prefecture and city (real API)', () => {
  it('fills prefecture and city from a full-width code typed in, and announces it politely', async () => {
    await openWidget(page, `${origin}/postal-test`);
    await tabTo(page, '#postal');
    await page.keyboard.type('１００－０００１'); // as a Japanese IME in full-width mode types it
    await filledWith('東京都', '千代田区');
    expect(await status()).toBe('〒100-0001 東京都千代田区 を入力しました。');
    // The status region is the polite one (role=status), not the assertive error region.
    expect(await shadowText(page, '[aria-live=assertive]')).toBe('');
    expect(lookups).toEqual(['100-0001']);
    // The answers (and so a reload and the submission) hold them.
    const saved = await page.evaluate(() => JSON.parse(sessionStorage.getItem('yorisoi-intake:999999') ?? '{}').a);
    expect(saved).toMatchObject({ postal: '１００－０００１', pref: '東京都', city: '千代田区', filled: '100-0001' });
    expect(problems).toEqual([]);
  }, 60_000);

  it('keeps what the person typed over the filled-in city until the code itself changes', async () => {
    await openWidget(page, `${origin}/postal-test`);
    await tabTo(page, '#postal');
    await page.keyboard.type('1000001');
    await filledWith('東京都', '千代田区');
    // The person corrects the city, goes on to the next step and comes back…
    await tabTo(page, '#city');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('千代田区（皇居外苑）');
    await page.keyboard.press('Enter');
    await waitForStep(page, 'お困りのこと');
    await tabTo(page, '[part~=button-back]');
    await page.keyboard.press('Enter');
    await waitForStep(page, 'お住まいの地域');
    // …then retypes the same code and leaves the field (an input event, then a change): not asked again.
    await tabTo(page, '#postal');
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('1');
    await tabTo(page, '#pref');
    await page.waitForTimeout(1000); // well past the 0.4 s pause after which a look-up would start
    expect(lookups).toEqual(['100-0001']);
    expect(await value('#city')).toBe('千代田区（皇居外苑）');
    // A different code, by contrast, is filled in again (and only then).
    await tabTo(page, '#postal');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('530-0001');
    await filledWith('大阪府', '大阪市北区');
    expect(lookups).toEqual(['100-0001', '530-0001']);
    expect(await status()).toBe('〒530-0001 大阪府大阪市北区 を入力しました。');
    expect(problems).toEqual([]);
  }, 60_000);

  it('says so when the code is unknown, leaves the fields to the person, and lets them go on', async () => {
    await openWidget(page, `${origin}/postal-test?lang=en`);
    await tabTo(page, '#pref');
    await page.keyboard.type('デモ県');
    await tabTo(page, '#postal');
    await page.keyboard.type('999-9999');
    await waitForNote();
    const note = 'We could not fill in the address from this postal code. Please enter the prefecture and city yourself.';
    expect(await shadowText(page, '#note-postal')).toBe(note);
    expect(await status()).toBe(note);
    expect(await page.evaluate(() => document.querySelector('yorisoi-intake')!.shadowRoot!.querySelector('#postal')!.getAttribute('aria-describedby'))).toBe(
      'hint-postal note-postal',
    );
    expect(await value('#pref')).toBe('デモ県');
    expect(await axeViolations()).toEqual([]);
    await tabTo(page, '#city');
    await page.keyboard.type('デモ市');
    await page.keyboard.press('Enter');
    await waitForStep(page, 'What troubles you');
    const saved = await page.evaluate(() => JSON.parse(sessionStorage.getItem('yorisoi-intake:999999') ?? '{}').a);
    expect(saved).toMatchObject({ pref: 'デモ県', city: 'デモ市', filled: '' });
    expect(problems).toEqual([]);
  }, 60_000);

  it('works offline: the look-up fails quietly, manual entry goes on, and the next change asks again', async () => {
    let offline = true;
    await page.route('**/graphql', async (route) => {
      if (offline && (route.request().postData() ?? '').includes('postalAddress')) return route.abort('internetdisconnected');
      return route.continue();
    });
    await openWidget(page, `${origin}/postal-test`);
    await tabTo(page, '#postal');
    await page.keyboard.type('100-0001');
    await waitForNote();
    expect(await shadowText(page, '#note-postal')).toBe('住所を自動で入力できませんでした。都道府県と市区町村を入力してください。');
    expect(await value('#pref')).toBe('');
    expect(await value('#city')).toBe('');
    // Back online: leaving the field (a change) asks again and fills in; the note goes.
    offline = false;
    await tabTo(page, '#pref');
    await filledWith('東京都', '千代田区');
    expect(await page.evaluate(() => !!document.querySelector('yorisoi-intake')!.shadowRoot!.querySelector('#note-postal'))).toBe(false);
    expect(lookups).toEqual(['100-0001', '100-0001']);
    expect(problems).toEqual([]);
  }, 60_000);

  it('does not look up while an IME is still composing the code, only once it is committed', async () => {
    await openWidget(page, `${origin}/postal-test`);
    await tabTo(page, '#postal');
    const cdp = await context.newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: '１００００', selectionStart: 5, selectionEnd: 5 });
    await cdp.send('Input.imeSetComposition', { text: '１０００００１', selectionStart: 7, selectionEnd: 7 });
    // Longer than the 0.4 s pause that starts a look-up after typing.
    await page.waitForTimeout(1000);
    expect(lookups).toEqual([]);
    await cdp.send('Input.insertText', { text: '１０００００１' }); // the conversion is confirmed
    await filledWith('東京都', '千代田区');
    expect(lookups).toEqual(['100-0001']);
    expect(problems).toEqual([]);
  }, 60_000);
});
