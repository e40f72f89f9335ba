import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { incomeYearNow } from './support/flow';
import { ensureBundle, focused, heading, launchChromium, openWidget, shadowText, tabTo, typeDate, waitForStep } from './support/browser';
import { BIRTH_ERROR, startTestServer, type TestServer } from './support/server';

// Browser tests of <yorisoi-intake> in Debian's Chromium, against a fake /graphql served by the
// test server (the real eligibility API is tested in test/eligibility and test/programme).

const KEY = 'yorisoi-intake:999999';
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
  context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
  page = await context.newPage();
  problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // The favicon 404 is the test server's, not the widget's.
    if (m.type() === 'error' && !m.text().includes('404')) problems.push(`console: ${m.text()}`);
    if (m.type() === 'warning') problems.push(`warning: ${m.text()}`);
  });
});

const value = (p: Page, sel: string) =>
  p.evaluate((s) => (document.querySelector('yorisoi-intake')?.shadowRoot?.querySelector(s) as HTMLInputElement | null)?.value ?? null, sel);
const checked = (p: Page, sel: string) =>
  p.evaluate((s) => (document.querySelector('yorisoi-intake')?.shadowRoot?.querySelector(s) as HTMLInputElement | null)?.checked ?? null, sel);

async function next(p: Page): Promise<void> {
  await tabTo(p, 'button[type=submit]');
  await p.keyboard.press('Enter');
}
async function back(p: Page): Promise<void> {
  await tabTo(p, '[part~=button-back]');
  await p.keyboard.press('Enter');
}

/** Answers every step by keyboard alone, as in Japanese; stops on the benefits step when asked. */
async function answerAll(p: Page, opts: { dv?: boolean } = {}): Promise<void> {
  await tabTo(p, '#postal');
  await p.keyboard.type('１２３－４５６７'); // full-width, as a Japanese IME types it
  await p.keyboard.press('Enter'); // implicit submission of the step
  await waitForStep(p, 'お困りのこと');
  await tabTo(p, 'input[value=CHILDCARE]');
  await p.keyboard.press('Space');
  if (opts.dv) {
    await tabTo(p, 'input[value=DV]');
    await p.keyboard.press('Space');
  }
  await tabTo(p, 'input[value=WORK]');
  await p.keyboard.press('Space');
  await next(p);
  await waitForStep(p, 'お子さん');
  await tabTo(p, '#child-0-b');
  await typeDate(p, '2018-04-01');
  await tabTo(p, '#add');
  await p.keyboard.press('Enter');
  await p.waitForFunction(() => document.querySelector('yorisoi-intake')?.shadowRoot?.activeElement?.id === 'child-1-b');
  await typeDate(p, '2021-10-15');
  await tabTo(p, '#child-1-d');
  await p.keyboard.press('Space');
  await next(p);
  await waitForStep(p, '年の収入');
  await tabTo(p, '#salary');
  await p.keyboard.type('１，８００，０００');
  await tabTo(p, '#other');
  await p.keyboard.type('0');
  await tabTo(p, '#support');
  await p.keyboard.type('300000円');
  await p.keyboard.press('Enter');
  await waitForStep(p, '利用中の支援');
  await tabTo(p, 'input[value=child-allowance]');
  await p.keyboard.press('Space');
}

describe('<yorisoi-intake> on a hostile CMS page under a strict CSP, bundle loaded twice', () => {
  it('is completed by keyboard alone and shows programmes with amounts before asking for any name', async () => {
    await openWidget(page, `${server.url}/page`);
    // Hostile page CSS (font-size: 40px, color: red, display: none on divs…) does not reach the widget.
    const look = await page.evaluate(() => {
      const host = document.querySelector('yorisoi-intake')!;
      const h = host.shadowRoot!.querySelector('h2')!;
      const cs = getComputedStyle(h);
      return { height: host.getBoundingClientRect().height, font: cs.fontSize, color: cs.color, display: getComputedStyle(host).display };
    });
    expect(look.height).toBeGreaterThan(200);
    expect(look.font).toBe('22px');
    expect(look.color).toBe('rgb(26, 26, 26)');
    expect(look.display).toBe('block');

    await answerAll(page);
    await tabTo(page, 'button[type=submit]');
    expect(await shadowText(page, 'button[type=submit]')).toBe('結果を見る');
    await page.keyboard.press('Enter');
    await waitForStep(page, '使える可能性のある支援');
    await page.waitForFunction(() => !!document.querySelector('yorisoi-intake')?.shadowRoot?.querySelector('[part=results]'));

    const results = await shadowText(page, '[part=results]');
    expect(results).toContain('児童扶養手当');
    expect(results).toContain('月額 45,500円');
    expect(results).toContain('児童手当');
    expect(results).toContain('月額 20,000円');
    // Programmes that need more answers are folded away below the ones that may fit.
    expect(await shadowText(page, '[part=folded]')).toContain('ひとり親家庭等医療費助成');
    expect(results).toContain('所得が全部支給の限度額未満です。');
    // Eligible programmes first, not-eligible last.
    const order = await page.evaluate(() =>
      [...document.querySelector('yorisoi-intake')!.shadowRoot!.querySelectorAll('[part=result] h3')].map((h) => h.textContent),
    );
    expect(order).toEqual(['児童扶養手当', '児童手当', 'ひとり親家庭等医療費助成', '生活保護']);
    // No name or contact field anywhere before the results.
    const inputs = await page.evaluate(() => [...document.querySelector('yorisoi-intake')!.shadowRoot!.querySelectorAll('input')].map((i) => i.id || i.type));
    expect(inputs).toEqual(['remember']);

    // What was sent: normalised numbers, JSON, the widget's language.
    expect(server.requests).toHaveLength(1);
    const [req] = server.requests;
    expect(req!.headers['content-type']).toBe('application/json');
    expect(req!.headers['accept-language']).toBe('ja');
    expect(req!.body.query).toContain('eligibility(input: $input)');
    expect(req!.body.variables.input).toEqual({
      municipalityCode: '999999',
      children: [
        { birthDate: '2018-04-01', disability: false },
        { birthDate: '2021-10-15', disability: true },
      ],
      annualEmploymentIncome: 1800000,
      otherIncome: 0,
      childSupportReceivedYearly: 300000,
      benefitsInUse: ['child-allowance'],
      receivesPublicAssistance: false,
      concerns: ['CHILDCARE', 'WORK'],
      maritalStatus: null,
      incomeYear: incomeYearNow(),
    });
    expect(problems).toEqual([]);
  }, 90_000);

  it('shows DV safety information first, in a role=alert box, when DV is chosen', async () => {
    await openWidget(page, `${server.url}/page`);
    await tabTo(page, '#postal');
    await page.keyboard.type('1234567');
    await page.keyboard.press('Enter');
    await waitForStep(page, 'お困りのこと');
    expect(await shadowText(page, '[role=alert]')).toBe('');
    await tabTo(page, 'input[value=DV]');
    await page.keyboard.press('Space');
    const box = await shadowText(page, '[role=alert]');
    expect(box).toContain('#8008');
    expect(box).toContain('0120-279-889');
    expect(box).toContain('110');
    // The box comes before the concern checkboxes.
    const first = await page.evaluate(() => {
      const root = document.querySelector('yorisoi-intake')!.shadowRoot!;
      return !!(root.querySelector('[role=alert]')!.compareDocumentPosition(root.querySelector('fieldset')!) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    expect(first).toBe(true);
    // … and on the results, before the programmes.
    await next(page);
    await waitForStep(page, 'お子さん');
    await tabTo(page, '#child-0-b');
    await typeDate(page, '2019-05-05');
    for (const step of ['年の収入', '利用中の支援', '使える可能性のある支援']) {
      await next(page);
      await waitForStep(page, step);
    }
    await page.waitForFunction(() => !!document.querySelector('yorisoi-intake')?.shadowRoot?.querySelector('[part=results]'));
    const before = await page.evaluate(() => {
      const root = document.querySelector('yorisoi-intake')!.shadowRoot!;
      return !!(root.querySelector('[role=alert]')!.compareDocumentPosition(root.querySelector('[part=results]')!) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    expect(before).toBe(true);
    expect(server.requests[0]!.body.variables.input.concerns).toEqual(['DV']);
  }, 60_000);

  it('shows a BAD_USER_INPUT error next to the field it names, announces it and moves focus there', async () => {
    await openWidget(page, `${server.url}/page?api=/graphql-error`);
    await answerAll(page);
    await next(page);
    // The API blamed input.children[0].birthDate: back to the children step, focus on that field.
    await page.waitForFunction(() => document.querySelector('yorisoi-intake')?.shadowRoot?.activeElement?.id === 'child-0-b');
    expect(await heading(page)).toBe('お子さん');
    expect(await shadowText(page, '#err-child-0-b')).toBe(BIRTH_ERROR.ja);
    expect(await shadowText(page, '[aria-live]')).toBe(BIRTH_ERROR.ja);
    const field = await page.evaluate(() => {
      const el = document.querySelector('yorisoi-intake')!.shadowRoot!.querySelector('#child-0-b')!;
      return [el.getAttribute('aria-invalid'), el.getAttribute('aria-describedby')];
    });
    expect(field).toEqual(['true', 'err-child-0-b fmt-0 wareki-0']);
    // The message sits inside the same field group as the input.
    const near = await page.evaluate(() => {
      const root = document.querySelector('yorisoi-intake')!.shadowRoot!;
      return root.querySelector('#child-0-b')!.parentElement === root.querySelector('#err-child-0-b')!.parentElement;
    });
    expect(near).toBe(true);
  }, 90_000);

  it('shows client-side errors by the field and in the live region', async () => {
    await openWidget(page, `${server.url}/page`);
    await tabTo(page, '#postal');
    await page.keyboard.type('12-34');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !!document.querySelector('yorisoi-intake')?.shadowRoot?.querySelector('#err-postal'));
    expect(await heading(page)).toBe('お住まいの地域');
    expect(await shadowText(page, '#err-postal')).toContain('郵便番号は7桁');
    expect(await shadowText(page, '[aria-live]')).toContain('郵便番号は7桁');
    expect(await focused(page)).toBe('postal');
  }, 30_000);

  it('ignores the Enter that confirms an IME conversion (keyCode 229)', async () => {
    await openWidget(page, `${server.url}/page`);
    await tabTo(page, '#postal');
    await page.keyboard.type('1234567');
    const cdp = await context.newCDPSession(page);
    for (const type of ['keyDown', 'keyUp'] as const) {
      await cdp.send('Input.dispatchKeyEvent', {
        type,
        key: 'Enter',
        code: 'Enter',
        windowsVirtualKeyCode: 229,
        nativeVirtualKeyCode: 229,
        text: type === 'keyDown' ? '\r' : undefined,
      });
    }
    await page.waitForTimeout(200);
    expect(await heading(page)).toBe('お住まいの地域');
    await page.keyboard.press('Enter');
    await waitForStep(page, 'お困りのこと');
  }, 30_000);

  it('speaks English with lang="en" (and sends Accept-Language: en)', async () => {
    await openWidget(page, `${server.url}/page?lang=en`);
    expect(await heading(page)).toBe('Where you live');
    expect(await page.evaluate(() => document.querySelector('yorisoi-intake')!.shadowRoot!.querySelector('section')!.lang)).toBe('en');
    await tabTo(page, '#postal');
    await page.keyboard.type('1234567');
    await page.keyboard.press('Enter');
    await waitForStep(page, 'What troubles you');
    expect(await shadowText(page, 'fieldset')).toContain('Domestic violence (DV)');
    await next(page);
    await waitForStep(page, 'Your children');
    await tabTo(page, '#child-0-b');
    await typeDate(page, '2018-04-01');
    for (const step of ['Income in', 'Support you already receive', 'Support you may be able to use']) {
      await next(page);
      await waitForStep(page, step);
    }
    await page.waitForFunction(() => !!document.querySelector('yorisoi-intake')?.shadowRoot?.querySelector('[part=results]'));
    const results = await shadowText(page, '[part=results]');
    expect(results).toContain('Child-rearing allowance');
    expect(results).toContain('¥45,500 a month');
    expect(results).toContain('You may be eligible');
    expect(server.requests[0]!.headers['accept-language']).toBe('en');
    expect(problems).toEqual([]);
  }, 60_000);

  it('shows the English API message next to the field with lang="en"', async () => {
    await openWidget(page, `${server.url}/page?lang=en&api=/graphql-error`);
    await tabTo(page, '#postal');
    await page.keyboard.type('1234567');
    await page.keyboard.press('Enter');
    await waitForStep(page, 'What troubles you');
    await next(page);
    await waitForStep(page, 'Your children');
    await tabTo(page, '#child-0-b');
    await typeDate(page, '2018-04-01');
    for (const step of ['Income in', 'Support you already receive']) {
      await next(page);
      await waitForStep(page, step);
    }
    await next(page);
    await page.waitForFunction(() => document.querySelector('yorisoi-intake')?.shadowRoot?.activeElement?.id === 'child-0-b');
    expect(await shadowText(page, '#err-child-0-b')).toBe(BIRTH_ERROR.en);
    expect(await shadowText(page, '[aria-live]')).toBe(BIRTH_ERROR.en);
  }, 60_000);

  it('uses やさしい日本語 with furigana from <html lang="ja-x-easy">', async () => {
    await openWidget(page, `${server.url}/page?html=ja-x-easy`);
    const ruby = await page.evaluate(() => {
      const root = document.querySelector('yorisoi-intake')!.shadowRoot!;
      return {
        h2: root.querySelectorAll('h2 ruby rt').length,
        buttons: root.querySelectorAll('button ruby rt').length,
        rt: root.querySelector('h2 rt')?.textContent,
      };
    });
    expect(ruby.h2).toBeGreaterThan(0);
    expect(ruby.buttons).toBeGreaterThan(0);
    expect(ruby.rt).toBe('す');
  }, 30_000);

  it('keeps answers going back and forward and across a reload; 「入力内容を消す」 erases them', async () => {
    await openWidget(page, `${server.url}/page`);
    await answerAll(page);
    for (const step of ['年の収入', 'お子さん', 'お困りのこと', 'お住まいの地域']) {
      await back(page);
      await waitForStep(page, step);
    }
    expect(await value(page, '#postal')).toBe('123-4567');
    await next(page);
    await waitForStep(page, 'お困りのこと');
    expect(await checked(page, 'input[value=CHILDCARE]')).toBe(true);
    expect(await checked(page, 'input[value=WORK]')).toBe(true);
    expect(await checked(page, 'input[value=DV]')).toBe(false);
    await next(page);
    await waitForStep(page, 'お子さん');
    expect(await value(page, '#child-0-b')).toBe('2018-04-01');
    expect(await value(page, '#child-1-b')).toBe('2021-10-15');
    expect(await checked(page, '#child-1-d')).toBe(true);
    await next(page);
    await waitForStep(page, '年の収入');
    expect(await value(page, '#salary')).toBe('1800000'); // full-width and commas normalised
    expect(await value(page, '#support')).toBe('300000');
    await next(page);
    await waitForStep(page, '利用中の支援');
    expect(await checked(page, 'input[value=child-allowance]')).toBe(true);

    // sessionStorage only, by default.
    const stored = await page.evaluate((k) => [sessionStorage.getItem(k), localStorage.getItem(k)], KEY);
    expect(stored[0]).toContain('"salary":"1800000"');
    expect(stored[1]).toBeNull();

    // A reload (same tab) comes back to the same step with the same answers.
    await page.reload();
    await page.waitForFunction(() => document.querySelector('yorisoi-intake')?.shadowRoot?.querySelector('h2')?.textContent === '利用中の支援');
    expect(await checked(page, 'input[value=child-allowance]')).toBe(true);

    // 「この端末に保存する」 moves them to localStorage.
    await tabTo(page, '#remember');
    await page.keyboard.press('Space');
    const saved = await page.evaluate((k) => [sessionStorage.getItem(k), localStorage.getItem(k)], KEY);
    expect(saved[0]).toBeNull();
    expect(saved[1]).toContain('"salary":"1800000"');

    // 「入力内容を消す」 erases both and starts again.
    await tabTo(page, '#clear');
    expect(await shadowText(page, '#clear')).toBe('入力内容を消す');
    await page.keyboard.press('Enter');
    await waitForStep(page, 'お住まいの地域');
    const after = await page.evaluate((k) => [sessionStorage.getItem(k), localStorage.getItem(k)], KEY);
    expect(after).toEqual([null, null]);
    expect(await value(page, '#postal')).toBe('');
    expect(await checked(page, '#remember')).toBe(false);
    expect(await shadowText(page, '[role=status]')).toBe('入力内容を消しました。');
  }, 90_000);

  it('fits 320 CSS px (reflow at 400% zoom of 1280) without horizontal scrolling, and shows focus', async () => {
    await page.setViewportSize({ width: 320, height: 640 });
    await openWidget(page, `${server.url}/page`);
    const overflow = () =>
      page.evaluate(() => {
        const host = document.querySelector('yorisoi-intake')!;
        const root = host.shadowRoot!.querySelector('section')!;
        return { page: document.documentElement.scrollWidth, widget: root.scrollWidth, host: host.getBoundingClientRect().right };
      });
    const check = async () => {
      const o = await overflow();
      expect(o.widget).toBeLessThanOrEqual(320);
      expect(o.host).toBeLessThanOrEqual(320);
    };
    await check();
    await tabTo(page, '#postal');
    const ring = await page.evaluate(() => {
      const el = document.querySelector('yorisoi-intake')!.shadowRoot!.activeElement!;
      const cs = getComputedStyle(el);
      return [cs.outlineStyle, cs.outlineWidth];
    });
    expect(ring).toEqual(['solid', '3px']);
    await page.keyboard.type('1234567');
    await page.keyboard.press('Enter');
    await waitForStep(page, 'お困りのこと');
    await check();
    await next(page);
    await waitForStep(page, 'お子さん');
    await check();
  }, 30_000);
});
