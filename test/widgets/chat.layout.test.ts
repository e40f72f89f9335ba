import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser';
import { ask, ensureChatBundle, openChatPage, startChatServer, tabToChat, waitInChat, type ChatTestServer } from './support/chat';
import { expectAxeClean } from './support/axe';
import { chatCoverage, coverage } from './support/layout';

// Layout checks that would have caught the chat panel growing past the screen: after a long
// conversation and after an urgent reply, on a small phone, a large phone and a laptop, what matters
// — the message box, the newest reply, its safety box, quick replies, the call-back form — must be
// fully inside the viewport and not covered by anything (elementFromPoint at nine points of the box,
// through shadow roots). And the chat launcher must never cover the host page's focused control:
// the intake form's postal field and its 次へ button on the demo CMS page, focused by keyboard or
// by a tap. Fake /graphql (support/chat.ts); phones are emulated with touch (isMobile).

const VIEWS = [
  { name: '320×568 phone', viewport: { width: 320, height: 568 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
  { name: '390×844 phone', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 },
  { name: '1280×800 laptop', viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1 },
] as const;

let server: ChatTestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  ensureChatBundle();
  server = await startChatServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});
beforeEach(async () => {
  await context?.close();
  server.reset();
});

async function newPage(view: (typeof VIEWS)[number]): Promise<Page> {
  const { name: _name, ...options } = view;
  context = await browser.newContext(options);
  return context.newPage();
}
async function openByKeyboard(p: Page): Promise<void> {
  await tabToChat(p, '#launcher');
  await p.keyboard.press('Enter');
  await p.waitForFunction(() => document.querySelector('yorisoi-chat')?.shadowRoot?.activeElement?.id === 'input');
}
/** Polls until nothing covers the element (the widget may still be scrolling or moving). */
async function expectVisible(p: Page, path: string[], where: string): Promise<void> {
  await expect.poll(() => coverage(p, path), { message: where, timeout: 3000 }).toEqual([]);
}

describe('<yorisoi-chat> panel: what matters stays in view', () => {
  for (const view of VIEWS) {
    it(`after 10 messages at ${view.name}: the message box, the newest reply and its quick replies are in view`, async () => {
      page = await newPage(view);
      await openChatPage(page, `${server.url}/page?plain`);
      await openByKeyboard(page);
      for (let i = 1; i <= 9; i++) await ask(page, `児童扶養手当の質問 その${i}`, i);
      await ask(page, 'こんにちは', 10); // the 10th reply offers quick replies
      await expectVisible(page, ['yorisoi-chat', '#input'], `${view.name}: message box`);
      await expectVisible(page, ['yorisoi-chat', 'last:.log .bot'], `${view.name}: newest reply`);
      expect(await page.evaluate(() => document.querySelector('yorisoi-chat')!.shadowRoot!.activeElement?.id)).toBe('input');
      // The quick replies are reachable: focusing one brings it into view, uncovered.
      await tabToChat(page, '[data-value="start:allowance"]');
      await expectVisible(page, ['yorisoi-chat', '[data-value="start:allowance"]'], `${view.name}: quick reply`);
      // The panel itself stays inside the screen.
      expect(await chatCoverage(page, '#panel').then((p) => p.filter((x) => x.includes('viewport')))).toEqual([]);
    }, 90_000);

    it(`after an urgent reply at ${view.name}: the safety box and the reply are in view, the call-back form is reachable`, async () => {
      page = await newPage(view);
      await openChatPage(page, `${server.url}/page?plain`);
      await openByKeyboard(page);
      for (let i = 1; i <= 3; i++) await ask(page, `養育費の質問 その${i}`, i);
      await ask(page, '夫に殴られた', 4);
      await waitInChat(page, '[part~=callback]');
      await expectVisible(page, ['yorisoi-chat', 'last:.log [role=alert]'], `${view.name}: safety box`);
      await expectVisible(page, ['yorisoi-chat', 'last:.log .bot'], `${view.name}: urgent reply`);
      await expectVisible(page, ['yorisoi-chat', '#input'], `${view.name}: message box`);
      // Hotline numbers are tap-to-call links that never break across lines.
      const links = await page.evaluate(() =>
        [...document.querySelector('yorisoi-chat')!.shadowRoot!.querySelectorAll('.log [role=alert] a')].map((a) => ({
          href: a.getAttribute('href'),
          lines: a.getClientRects().length,
        })),
      );
      expect(links.map((l) => l.href)).toEqual(['tel:0120279889', 'tel:%238008', 'tel:110']);
      expect(
        links.every((l) => l.lines === 1),
        JSON.stringify(links),
      ).toBe(true);
      // The call-back form below the reply is reachable by keyboard and comes into view.
      await tabToChat(page, '[part~=callback] button[type=submit]');
      await expectVisible(page, ['yorisoi-chat', '[part~=callback] button[type=submit]'], `${view.name}: call-back form's send button`);
    }, 90_000);
  }

  it('offers starter questions on opening, and sends the one pressed', async () => {
    page = await newPage(VIEWS[1]);
    await openChatPage(page, `${server.url}/page?plain`);
    await openByKeyboard(page);
    const starters = await page.evaluate(() =>
      [...document.querySelector('yorisoi-chat')!.shadowRoot!.querySelectorAll('[part~=quick-reply]')].map((b) => b.textContent!.trim()),
    );
    expect(starters.length).toBeGreaterThanOrEqual(3);
    expect(starters).toContain('手当の目安を知りたい');
    await tabToChat(page, '[data-value="start:allowance"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (document.querySelector('yorisoi-chat')?.shadowRoot?.querySelectorAll('.log .bot').length ?? 0) >= 1);
    expect(server.chats()[0]!.body.variables.input.message).toBe('start:allowance');
    await expectVisible(page, ['yorisoi-chat', 'last:.log .bot'], 'reply to a starter');
  }, 30_000);

  it('shows 「Enterで送信」 only where a hardware keyboard is likely', async () => {
    const hint = async (p: Page) =>
      p.evaluate(() => {
        const root = document.querySelector('yorisoi-chat')!.shadowRoot!;
        const h = root.querySelector('#hint') as HTMLElement | null;
        return { shown: !!h && h.getClientRects().length > 0, describedBy: root.querySelector('#input')!.getAttribute('aria-describedby') };
      });
    page = await newPage(VIEWS[2]);
    await openChatPage(page, `${server.url}/page?plain`);
    await openByKeyboard(page);
    expect(await hint(page)).toEqual({ shown: true, describedBy: 'hint' });
    page = await newPage(VIEWS[1]);
    await openChatPage(page, `${server.url}/page?plain`);
    await openByKeyboard(page);
    expect(await hint(page)).toEqual({ shown: false, describedBy: null });
  }, 30_000);
});

/** Takes focus away from whatever has it, through shadow roots. */
function blurDeep(p: Page): Promise<void> {
  return p.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    (el as HTMLElement | null)?.blur();
  });
}

/** Presses Tab until the element at `path` (through shadow roots) has focus. */
async function tabToDeep(p: Page, path: string[], max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    const ok = await p.evaluate((path) => {
      let scope: Document | ShadowRoot = document;
      let el: Element | null = null;
      for (const s of path) {
        el = scope.querySelector(s);
        if (!el) return false;
        if (el.shadowRoot) scope = el.shadowRoot;
      }
      let active: Element | null = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return active === el;
    }, path);
    if (ok) return;
    await p.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${path.join(' » ')}`);
}

describe('the chat launcher never covers the host page’s focused control (demo page: intake form + launcher)', () => {
  const POSTAL = ['yorisoi-intake', '#postal'];
  const NEXT = ['yorisoi-intake', '[part~=button-primary]'];
  for (const view of VIEWS) {
    it(`at ${view.name}: the postal field and 次へ, focused by keyboard or by a tap, are not covered`, async () => {
      page = await newPage(view);
      await page.goto(`${server.url}/demo`);
      await page.waitForFunction(
        () =>
          !!document.querySelector('yorisoi-intake')?.shadowRoot?.querySelector('#postal') &&
          !!document.querySelector('yorisoi-chat')?.shadowRoot?.querySelector('#launcher'),
      );
      // By keyboard: the browser scrolls the control just into view — at the bottom edge, where the launcher sits.
      for (const [path, what] of [
        [POSTAL, 'postal field'],
        [NEXT, '次へ'],
      ] as const) {
        await page.evaluate(() => scrollTo(0, 0));
        await blurDeep(page);
        await tabToDeep(page, [...path]);
        await expectVisible(page, [...path], `${view.name}: ${what} focused by keyboard`);
      }
      // By a tap on the part that shows: the control sits at the bottom edge, then gets focus.
      for (const [path, what] of [
        [POSTAL, 'postal field'],
        [NEXT, '次へ'],
      ] as const) {
        await blurDeep(page);
        await page.evaluate(
          (path) => {
            const el = document.querySelector(path[0]!)!.shadowRoot!.querySelector(path[1]!) as HTMLElement;
            el.scrollIntoView({ block: 'end' });
            el.focus({ preventScroll: true });
          },
          [...path],
        );
        await expectVisible(page, [...path], `${view.name}: ${what} focused at the bottom edge`);
      }
      // Once focus leaves the page's control, the launcher is back in view, on one line, at the bottom right.
      await blurDeep(page);
      await expectVisible(page, ['yorisoi-chat', '#launcher'], `${view.name}: launcher after blur`);
      // The placement is checked once a frame after focus moves: wait for that frame, then measure.
      await expect.poll(() => page.evaluate(() => document.querySelector('yorisoi-chat')!.getAttribute('data-place')), { timeout: 3000 }).toBeNull();
      const launcher = await page.evaluate(() => {
        const r = document.querySelector('yorisoi-chat')!.shadowRoot!.querySelector('#launcher')!.getBoundingClientRect();
        return { h: r.height, right: innerWidth - r.right };
      });
      expect(launcher.h).toBeLessThan(60);
    }, 60_000);
  }
});

describe('the chat keeps off a focused control that no corner leaves free', () => {
  /** A control of the page, fixed at `box` (CSS px), focused; the page of support/chat.ts without CSP. */
  async function focusControl(p: Page, box: { left: number; right: number; top: number; bottom: number }): Promise<void> {
    await p.evaluate((b) => {
      const t = document.createElement('textarea');
      t.setAttribute('aria-label', 'page control');
      Object.assign(t.style, { position: 'fixed', left: `${b.left}px`, right: `${b.right}px`, top: `${b.top}px`, bottom: `${b.bottom}px` });
      document.body.append(t);
      t.focus();
    }, box);
  }
  const place = (p: Page) => p.evaluate(() => document.querySelector('yorisoi-chat')!.getAttribute('data-place'));

  it('shrinks the launcher to a round button in a free corner, named as before (axe-clean)', async () => {
    page = await newPage(VIEWS[1]);
    await openChatPage(page, `${server.url}/page?plain`);
    // Full height, leaving 70 px at each side: the launcher fits no corner, a 44 px button does.
    await focusControl(page, { left: 70, right: 70, top: 0, bottom: 0 });
    await expect.poll(() => place(page)).toBe('compact');
    await expectVisible(page, ['textarea'], 'the focused control');
    await expectVisible(page, ['yorisoi-chat', '#launcher'], 'the compact launcher');
    expect(
      await page.evaluate(() => document.querySelector('yorisoi-chat')!.shadowRoot!.querySelector('#launcher')!.getBoundingClientRect().width),
    ).toBeLessThan(50);
    await expectAxeClean(page, 'compact launcher', 'yorisoi-chat');
  }, 30_000);

  it('hides the launcher while a control filling the screen has focus, and shows it again after', async () => {
    page = await newPage(VIEWS[1]);
    await openChatPage(page, `${server.url}/page?plain`);
    await focusControl(page, { left: 0, right: 0, top: 0, bottom: 0 });
    await expect.poll(() => place(page)).toBe('hidden');
    await expectVisible(page, ['textarea'], 'the focused control');
    await blurDeep(page);
    await expect.poll(() => place(page)).toBeNull();
    await expectVisible(page, ['yorisoi-chat', '#launcher'], 'the launcher after blur');
  }, 30_000);

  it('folds an open panel that covers the focused control in every corner, keeping focus where it is', async () => {
    page = await newPage(VIEWS[2]);
    await openChatPage(page, `${server.url}/page?plain`);
    await openByKeyboard(page);
    await ask(page, 'こんにちは', 1);
    // A strip across the middle of the screen: under the panel wherever it goes.
    await focusControl(page, { left: 0, right: 0, top: 300, bottom: 300 });
    await page.waitForFunction(() => !document.querySelector('yorisoi-chat')!.shadowRoot!.querySelector('#panel'));
    await expectVisible(page, ['textarea'], 'the focused control');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    // Nothing is lost: the launcher reopens the conversation.
    await expectVisible(page, ['yorisoi-chat', '#launcher'], 'the launcher');
    await page.evaluate(() => (document.querySelector('yorisoi-chat')!.shadowRoot!.querySelector('#launcher') as HTMLButtonElement).click());
    await waitInChat(page, '.log .bot');
  }, 30_000);
});
