import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';
import { AXE_PATH, ensureBundle, heading, launchChromium, openWidget, shadowText, tabTo, waitForStep } from './support/browser';
import { ask, chatText, ensureChatBundle, tabToChat, waitForBots, waitInChat } from './support/chat';
import { next, waitFor } from './support/flow';
import { startTestServer, type TestServer } from './support/server';

// <yorisoi-intake> opened from a <yorisoi-chat> INTAKE hand-off: `#yorisoi-handoff=<encoded JSON>`
// in the address. First against the fake /graphql of support/server.ts; last, end to end against the
// REAL API (chat scenario → INTAKE link → intake page), as in chat.real-api.test.ts.

const KEY = 'yorisoi-intake:999999';
let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];

beforeAll(async () => {
  ensureBundle();
  ensureChatBundle();
  server = await startTestServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});
beforeEach(async () => {
  await context?.close();
  context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
  page = await context.newPage();
  problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().includes('404')) problems.push(`console: ${m.text()}`);
    if (m.type() === 'warning') problems.push(`warning: ${m.text()}`);
  });
});

const pad = (n: number) => String(n).padStart(2, '0');
/** As the chat's birthDateForAge: half a year past the birthday, so the age is right for months to come. */
function birthDateForAge(age: number): string {
  const now = new Date();
  const t = new Date(now.getFullYear() - age, now.getMonth() - 6, Math.min(now.getDate(), 28));
  return `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}`;
}
/** What api/chat/chat.service.ts intakePayload makes for ages 8 and 1 and the 160〜230万円 band. */
const PAYLOAD = () => ({
  household: { children: [{ birthDate: birthDateForAge(8) }, { birthDate: birthDateForAge(1) }] },
  income: { annualEmploymentIncome: 1950000 },
  benefitsInterest: ['child-rearing-allowance', 'child-allowance'],
});
const fragment = (v: unknown) => `#yorisoi-handoff=${encodeURIComponent(typeof v === 'string' ? v : JSON.stringify(v))}`;

const value = (p: Page, sel: string) =>
  p.evaluate((s) => (document.querySelector('yorisoi-intake')?.shadowRoot?.querySelector(s) as HTMLInputElement | null)?.value ?? null, sel);
const stored = (p: Page) => p.evaluate((k) => JSON.parse(sessionStorage.getItem(k) ?? 'null') as { step: number; a: Record<string, unknown> } | null, KEY);
const address = (p: Page) => p.evaluate(() => ({ href: location.href, hash: location.hash, entries: history.length }));
const waitStatus = (p: Page, text: string) =>
  p.waitForFunction((t) => document.querySelector('yorisoi-intake')?.shadowRoot?.querySelector('[role=status]')?.textContent?.trim() === t, text, {
    timeout: 10_000,
  });

async function axe(p: Page, where: string): Promise<void> {
  await p.addScriptTag({ path: AXE_PATH });
  const violations = await p.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } })
      .axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target) }));
  });
  expect(violations, where).toEqual([]);
}

async function toStep(p: Page, h: string, steps: string[]): Promise<void> {
  for (const s of steps) {
    await next(p);
    await waitForStep(p, s);
  }
  expect(await heading(p)).toBe(h);
}

describe('<yorisoi-intake> with a chat hand-off in the address', () => {
  it('fills in the salary, notes the children, announces it politely and removes the fragment', async () => {
    // How many history entries a plain visit makes in this browser (for "replaced, not pushed").
    const probe = await context.newPage();
    await probe.goto(`${server.url}/page`);
    const entries = await probe.evaluate(() => history.length);
    await probe.close();
    await openWidget(page, `${server.url}/page${fragment(PAYLOAD())}`);
    // Told visibly and in the polite status region (not the assertive error region).
    await waitFor(page, '#carried');
    expect(await shadowText(page, '#carried')).toBe('チャットでのお答えを引き継ぎました。内容はいつでも変更できます。');
    await waitStatus(page, 'チャットでのお答えを引き継ぎました。内容はいつでも変更できます。');
    expect(await shadowText(page, '[aria-live=assertive]')).toBe('');
    // The fragment is gone from the address bar, replaced (not a new history entry).
    const addr = await address(page);
    expect(addr.hash).toBe('');
    expect(addr.href).toBe(`${server.url}/page`);
    expect(addr.entries).toBe(entries);
    // Stored like any answer, so a reload keeps it without the fragment.
    const saved = await stored(page);
    expect(saved?.a).toMatchObject({ salary: '1950000', chat: { ages: [8, 1], salary: 1950000 }, children: [{ b: '', d: false }] });

    await tabTo(page, '#postal');
    await page.keyboard.type('123-4567');
    await page.keyboard.press('Enter');
    await waitForStep(page, 'お困りのこと');
    expect(await shadowText(page, '#carried')).toBe(''); // the notice goes with the first step change
    await toStep(page, 'お子さん', ['お子さん']);
    // The children step needs birth dates: nothing filled in, the chat's answers shown beside it.
    expect(await shadowText(page, '#note-children')).toBe('チャットでのお答え：お子さん 2人（約8歳、約1歳）。生年月日を入力してください。');
    expect(await value(page, '#child-0-b')).toBe('');
    expect(await value(page, '#child-1-b')).toBeNull();
    expect(await page.evaluate(() => document.querySelector('yorisoi-intake')!.shadowRoot!.querySelector('#child-0-b')!.getAttribute('aria-describedby'))).toBe(
      'note-children fmt-0',
    );
    // …and the step still asks for them.
    await next(page);
    await waitFor(page, '#err-child-0-b');
    expect(await heading(page)).toBe('お子さん');

    // Straight to the income step after a reload (restored from sessionStorage): the salary is there.
    await page.evaluate((k) => {
      const s = JSON.parse(sessionStorage.getItem(k)!);
      sessionStorage.setItem(k, JSON.stringify({ ...s, step: 3 }));
    }, KEY);
    await page.reload();
    await page.waitForFunction(() => document.querySelector('yorisoi-intake')?.shadowRoot?.querySelector('h2')?.textContent?.includes('年の収入'));
    expect(await value(page, '#salary')).toBe('1950000');
    expect(await shadowText(page, '#note-salary')).toBe('チャットでのお答え（約1,950,000円）を入れました。正確な金額がわかれば直してください。');
    // A reload does not apply anything again: no notice.
    expect(await shadowText(page, '#carried')).toBe('');

    // Changed by the person: the note no longer claims the amount came from the chat.
    await tabTo(page, '#salary');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2100000');
    expect(await shadowText(page, '#note-salary')).toBe('');
    expect((await stored(page))?.a.salary).toBe('2100000');
    expect(problems).toEqual([]);
  }, 90_000);

  it('speaks English and やさしい日本語 (with furigana)', async () => {
    await openWidget(page, `${server.url}/page?lang=en${fragment(PAYLOAD())}`);
    await waitFor(page, '#carried');
    await waitStatus(page, 'Your answers from the chat were carried over. You can change them at any time.');
    expect(await shadowText(page, '#carried')).toBe('Your answers from the chat were carried over. You can change them at any time.');

    await context.close();
    context = await browser.newContext();
    page = await context.newPage();
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    await page.addInitScript(([k]) => sessionStorage.setItem(k!, JSON.stringify({ step: 2, a: { postal: '123-4567' } })), [KEY]);
    await openWidget(page, `${server.url}/page?lang=ja-easy${fragment(PAYLOAD())}`);
    await waitFor(page, '#carried ruby');
    await waitStatus(page, 'チャットの 答えを 入れました。あとで 変えられます。');
    expect(await shadowText(page, '#note-children')).toContain('子(こ)ども 2人(にん)（だいたい 8さい、だいたい 1さい）');
    expect(await page.evaluate(() => document.querySelector('yorisoi-intake')!.shadowRoot!.querySelector('#note-children rt')?.textContent)).toBe('こた');
    expect(problems).toEqual([]);
  }, 60_000);

  it('passes axe-core with the notes shown (やさしい日本語, children and income steps)', async () => {
    await page.addInitScript(
      ([k]) => {
        if (!sessionStorage.getItem(k!)) sessionStorage.setItem(k!, JSON.stringify({ step: 2, a: { postal: '123-4567' } }));
      },
      [KEY],
    );
    await openWidget(page, `${server.url}/page?plain&lang=ja-easy${fragment(PAYLOAD())}`);
    await waitFor(page, '#carried');
    await waitFor(page, '#note-children');
    await axe(page, 'children step with the hand-off notes');
    await page.evaluate((k) => sessionStorage.setItem(k, JSON.stringify({ ...JSON.parse(sessionStorage.getItem(k)!), step: 3 })), KEY);
    await page.reload();
    await waitFor(page, '#note-salary');
    expect(await page.evaluate(() => document.querySelector('yorisoi-intake')!.shadowRoot!.querySelector('#salary')!.getAttribute('aria-describedby'))).toBe(
      'note-salary',
    );
    await axe(page, 'income step with the salary note');
    expect(problems).toEqual([]);
  }, 60_000);

  it('ignores malformed and hostile fragments without an error, and still removes them', async () => {
    const hostile = [
      '#yorisoi-handoff=%7B%22household%22', // truncated JSON
      '#yorisoi-handoff=%E0%A4%A', // broken percent-encoding
      fragment({
        household: { children: [{ birthDate: '<img src=x onerror="window.pwned=1">' }] },
        income: { annualEmploymentIncome: '<script>window.pwned=2</script>' },
      }),
      fragment({ income: { annualEmploymentIncome: 1e300 }, household: { children: [{ birthDate: { toString: '2020-01-01' } }] } }),
      fragment('{"__proto__":{"income":{"annualEmploymentIncome":1950000}}}'),
    ];
    for (const [i, h] of hostile.entries()) {
      // The plain page has no CSP: an injected handler would run if anything were rendered as markup.
      await openWidget(page, `${server.url}/page?plain&i=${i}${h}`);
      await page.waitForFunction(() => location.hash === '');
      expect(await page.evaluate(() => location.href), h).toBe(`${server.url}/page?plain&i=${i}`);
      expect(await shadowText(page, '#carried'), h).toBe('');
      expect(await shadowText(page, '[role=status]'), h).toBe('');
      expect(
        await page.evaluate(() => [
          (window as unknown as { pwned?: number }).pwned ?? null,
          document.querySelector('yorisoi-intake')!.shadowRoot!.querySelectorAll('img, script').length,
        ]),
      ).toEqual([null, 0]);
      // Nothing stored, nothing filled in: the form is as without a fragment.
      expect(await stored(page), h).toBeNull();
      expect(await heading(page)).toBe('お住まいの地域');
    }
    await tabTo(page, '#postal');
    await page.keyboard.type('123-4567');
    await page.keyboard.press('Enter');
    await waitForStep(page, 'お困りのこと');
    await toStep(page, 'お子さん', ['お子さん']);
    expect(await shadowText(page, '#note-children')).toBe('');
    expect(await stored(page)).toMatchObject({ a: { salary: '', chat: null } });
    expect(problems).toEqual([]);
  }, 90_000);

  it('never overwrites answers already in sessionStorage', async () => {
    const mine = { postal: '123-4567', concerns: ['WORK'], children: [{ b: '2019-06-01', d: true }], salary: '2400000', other: '0', support: '' };
    await page.addInitScript(([k, v]) => sessionStorage.setItem(k!, v!), [KEY, JSON.stringify({ step: 3, a: mine })]);
    await openWidget(page, `${server.url}/page${fragment(PAYLOAD())}`);
    expect(await heading(page)).toContain('年の収入');
    await waitFor(page, '#carried');
    const told = 'チャットでのお答えを引き継ぎました。内容はいつでも変更できます。すでに入力していた内容は、そのままにしています。';
    expect(await shadowText(page, '#carried')).toBe(told);
    await waitStatus(page, told);
    expect(await value(page, '#salary')).toBe('2400000');
    expect(await shadowText(page, '#note-salary')).toBe('');
    expect(await page.evaluate(() => location.hash)).toBe('');
    const saved = await stored(page);
    expect(saved).toMatchObject({ step: 3, a: { ...mine, chat: { ages: [8, 1], salary: 1950000 } } });

    // The children the person entered stay; the chat's answers are only a note.
    await tabTo(page, '[part~=button-back]');
    await page.keyboard.press('Enter');
    await waitForStep(page, 'お子さん');
    expect(await value(page, '#child-0-b')).toBe('2019-06-01');
    expect(await value(page, '#child-1-b')).toBeNull();
    expect(await shadowText(page, '#note-children')).toContain('お子さん 2人');
    expect(problems).toEqual([]);
  }, 60_000);

  it('fills only what is still empty when the person has answers but no salary yet', async () => {
    await page.addInitScript(([k, v]) => sessionStorage.setItem(k!, v!), [KEY, JSON.stringify({ step: 1, a: { postal: '123-4567', salary: '' } })]);
    await openWidget(page, `${server.url}/page${fragment({ income: { annualEmploymentIncome: 800000 } })}`);
    await waitFor(page, '#carried');
    expect(await shadowText(page, '#carried')).toBe('チャットでのお答えを引き継ぎました。内容はいつでも変更できます。');
    expect(await stored(page)).toMatchObject({ step: 1, a: { postal: '123-4567', salary: '800000', chat: { ages: null, salary: 800000 } } });
    expect(await heading(page)).toBe('お困りのこと');
    expect(problems).toEqual([]);
  }, 60_000);

  it('takes a hand-off that arrives by a same-page link (hashchange): fills in, announces, focus to the form', async () => {
    await openWidget(page, `${server.url}/page`);
    await tabTo(page, '#postal');
    await page.keyboard.type('123-4567');
    await waitFor(page, '#note-postal'); // the postal look-up (unknown code) is done and announced
    expect(await stored(page)).toMatchObject({ a: { postal: '123-4567', salary: '', chat: null } });
    // As <yorisoi-chat intake-url="/page"> on the same page: a link that changes only the fragment.
    await page.evaluate((f) => {
      const a = document.createElement('a');
      a.href = f;
      a.textContent = 'to the form';
      document.body.append(a);
      a.click();
    }, fragment(PAYLOAD()));
    await waitFor(page, '#carried');
    await page.waitForFunction(() => location.hash === '');
    await page.waitForFunction(() => document.querySelector('yorisoi-intake')?.shadowRoot?.activeElement?.id === 'h');
    await waitStatus(page, 'チャットでのお答えを引き継ぎました。内容はいつでも変更できます。');
    expect(await value(page, '#postal')).toBe('123-4567');
    expect(await stored(page)).toMatchObject({ a: { postal: '123-4567', salary: '1950000', chat: { ages: [8, 1], salary: 1950000 } } });
    // The entry the link made was replaced: the address holds no answers.
    expect(await page.evaluate(() => location.href)).toBe(`${server.url}/page`);
    expect(problems).toEqual([]);
  }, 60_000);
});

describe('<yorisoi-chat> → <yorisoi-intake> against the real API', () => {
  let t: TestApp;
  let http: Server;
  let origin: string;
  const head = '<meta charset="utf-8"><title>デモ市</title>';
  beforeAll(async () => {
    t = await startTestApp({ records: 0 });
    t.app.express.get('/handoff-chat', (_req, res) => {
      res.type('html').send(`<!doctype html><html lang="ja"><head>${head}<script type="module" src="/widgets/chat.js"></script></head>
<body><main><h1>デモ市</h1><yorisoi-chat api="/graphql" municipality="999999" mode="inline" intake-url="/handoff-intake"></yorisoi-chat></main></body></html>`);
    });
    t.app.express.get('/handoff-intake', (_req, res) => {
      res.type('html').send(`<!doctype html><html lang="ja"><head>${head}<script type="module" src="/widgets/intake.js"></script></head>
<body><main><h1>デモ市</h1><yorisoi-intake api="/graphql" municipality="999999"></yorisoi-intake></main></body></html>`);
    });
    http = await new Promise<Server>((resolve) => {
      const srv = t.app.express.listen(0, '127.0.0.1', () => resolve(srv));
    });
    origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => http?.close(r));
    await t?.close();
  });

  it('「手当について知りたい」 → answers → the INTAKE link → the intake form with the chat answers', async () => {
    await page.goto(`${origin}/handoff-chat`);
    await page.waitForFunction(() => !!document.querySelector('yorisoi-chat')?.shadowRoot?.querySelector('#input'));
    await tabToChat(page, '#input');
    await ask(page, '手当について知りたい', 1);
    // Quick replies by keyboard, and one answer typed.
    await tabToChat(page, '[data-value="children:2"]');
    await page.keyboard.press('Enter');
    await waitForBots(page, 2);
    await tabToChat(page, '[data-value="age:8"]');
    await page.keyboard.press('Enter');
    await waitForBots(page, 3);
    await tabToChat(page, '#input');
    await ask(page, '1歳', 4);
    await tabToChat(page, '[data-value="income:1950000"]');
    await page.keyboard.press('Enter');
    await waitForBots(page, 5);
    await waitInChat(page, '[part~=handoff-link]');
    expect(await chatText(page, '.log')).toContain('児童扶養手当');
    const href = await page.evaluate(() => document.querySelector('yorisoi-chat')!.shadowRoot!.querySelector('[part~=handoff-link]')!.getAttribute('href'));
    expect(href).toMatch(new RegExp(`^${origin}/handoff-intake#yorisoi-handoff=`));

    // Follow it by keyboard, as a person would.
    await tabToChat(page, '[part~=handoff-link]');
    await Promise.all([page.waitForURL(`${origin}/handoff-intake`), page.keyboard.press('Enter')]);
    await page.waitForFunction(() => !!document.querySelector('yorisoi-intake')?.shadowRoot?.querySelector('#carried'));
    expect(await page.evaluate(() => location.href)).toBe(`${origin}/handoff-intake`);
    await waitStatus(page, 'チャットでのお答えを引き継ぎました。内容はいつでも変更できます。');
    expect(await stored(page)).toMatchObject({ step: 0, a: { salary: '1950000', chat: { ages: [8, 1], salary: 1950000 } } });

    await tabTo(page, '#postal');
    await page.keyboard.type('123-4567');
    await page.keyboard.press('Enter');
    await waitForStep(page, 'お困りのこと');
    await toStep(page, 'お子さん', ['お子さん']);
    expect(await shadowText(page, '#note-children')).toBe('チャットでのお答え：お子さん 2人（約8歳、約1歳）。生年月日を入力してください。');
    expect(await value(page, '#child-0-b')).toBe('');
    expect(problems).toEqual([]);
  }, 120_000);
});
