import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AXE_PATH, launchChromium } from './support/browser';
import { ask, ensureChatBundle, openChatPage, startChatServer, tabToChat, waitInChat, type ChatTestServer } from './support/chat';

// axe-core (WCAG 2.0 A/AA, 2.1 A/AA) on <yorisoi-chat>: the closed launcher, the open panel (starter
// questions), after a reply, an urgent reply, the call-back form with its errors and its receipt, the
// rating — in Japanese, English and やさしい日本語 (also on an emulated phone), at 320 px, inline.
// Pages without CSP (`?plain`) take axe through
// addScriptTag; the hostile page under CSP is checked in a context with bypassCSP.

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
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

interface Violation {
  id: string;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

async function axe(p: Page, where: string, include?: string): Promise<void> {
  if (!(await p.evaluate(() => 'axe' in window))) await p.addScriptTag({ path: AXE_PATH });
  const violations = await p.evaluate(
    async ({ tags, include }) => {
      const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Violation[] }> } }).axe;
      const r = await axe.run(include ? { include: [[include]] } : document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return r.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
    },
    { tags: TAGS, include },
  );
  expect(violations, `${where}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

async function newPage(width = 1024, height = 800, bypassCSP = false): Promise<Page> {
  context = await browser.newContext({ viewport: { width, height }, bypassCSP });
  return context.newPage();
}
async function open(p: Page): Promise<void> {
  await tabToChat(p, '#launcher');
  await p.keyboard.press('Enter');
  await p.waitForFunction(() => document.querySelector('yorisoi-chat')?.shadowRoot?.activeElement?.id === 'input');
}

/** Closed, open, a reply with quick replies, urgent, the call-back form (with errors), the receipt, the rating. */
async function walk(p: Page, label: string, en = false): Promise<void> {
  await axe(p, `${label}: closed launcher`);
  await open(p);
  await axe(p, `${label}: open panel`);
  await ask(p, en ? 'hello' : 'こんにちは', 1);
  await axe(p, `${label}: after a reply with quick replies`);
  await ask(p, en ? 'my husband hits me' : '夫に殴られた', 2);
  await waitInChat(p, '[part~=callback]');
  await waitInChat(p, '[part~=notice] p');
  await p.waitForFunction(() => !!document.querySelector('yorisoi-chat')?.shadowRoot?.querySelector('#agree'));
  await axe(p, `${label}: urgent reply and the call-back form`);
  await tabToChat(p, '[part~=callback] button[type=submit]');
  await p.keyboard.press('Enter');
  await waitInChat(p, '#err-agree');
  await axe(p, `${label}: call-back form with errors`);
  await tabToChat(p, 'input[name=ch][value=PHONE]');
  await p.keyboard.press('Space');
  await tabToChat(p, '#phone');
  await p.keyboard.type('090-1234-5678');
  await tabToChat(p, '#agree');
  await p.keyboard.press('Space');
  await tabToChat(p, '[part~=callback] button[type=submit]');
  await p.keyboard.press('Enter');
  await waitInChat(p, '[part~=reference]');
  await axe(p, `${label}: receipt and rating`);
  await tabToChat(p, '[part~=button-end]');
  await p.keyboard.press('Enter');
  await waitInChat(p, '#again');
  await axe(p, `${label}: ended`);
}

describe('<yorisoi-chat> accessibility (axe-core, WCAG 2.1 AA)', () => {
  it('has no violations in Japanese, on every state', async () => {
    page = await newPage();
    await openChatPage(page, `${server.url}/page?plain`);
    await walk(page, 'ja');
  }, 90_000);

  it('has no violations in English', async () => {
    page = await newPage();
    await openChatPage(page, `${server.url}/page?plain&lang=en`);
    await walk(page, 'en', true);
  }, 90_000);

  it('has no violations in やさしい日本語 on every state, on a phone (touch, no Enter hint)', async () => {
    context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    page = await context.newPage();
    await openChatPage(page, `${server.url}/page?plain&lang=ja-easy`);
    await walk(page, 'ja-easy');
  }, 90_000);

  it('has no violations in やさしい日本語 at 320 px, and shows furigana', async () => {
    page = await newPage(320, 640);
    await openChatPage(page, `${server.url}/page?plain&lang=ja-easy`);
    await open(page);
    expect(await page.evaluate(() => document.querySelector('yorisoi-chat')!.shadowRoot!.querySelector('h2 ruby rt')?.textContent)).toBe('おや');
    await ask(page, '手当', 1);
    // Furigana marks from the API are rendered as ruby, not shown as braces.
    const programmes = await page.evaluate(() => {
      const list = document.querySelector('yorisoi-chat')!.shadowRoot!.querySelector('[part~=programmes]')!;
      return { rt: list.querySelector('ruby rt')?.textContent, text: list.textContent };
    });
    expect(programmes.rt).toBe('じどうふようてあて');
    expect(programmes.text).not.toContain('{');
    await axe(page, 'ja-easy 320px: after a reply');
  }, 60_000);

  it('has no violations inline, and on the hostile page under CSP', async () => {
    page = await newPage(320, 640);
    await openChatPage(page, `${server.url}/page?plain&mode=inline`);
    await axe(page, 'inline: empty');
    await tabToChat(page, '#input');
    await ask(page, 'こんにちは', 1);
    await axe(page, 'inline: after a reply');
    await context.close();
    page = await newPage(1024, 800, true);
    await openChatPage(page, `${server.url}/page`);
    await open(page);
    await ask(page, 'こんにちは', 1);
    // The page's own hostile CSS makes its own text fail; check the widget only.
    await axe(page, 'hostile page: after a reply', 'yorisoi-chat');
  }, 60_000);
});
