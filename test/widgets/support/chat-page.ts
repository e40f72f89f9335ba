import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { launchChromium } from './browser';
import { ensureChatBundle, startChatServer, tabToChat, type ChatTestServer } from './chat';

// The set-up every browser test file of <yorisoi-chat> against the fake /graphql shares: one server and
// one Chromium per file, a fresh context and page per test, and the page's errors and warnings collected.

export interface ChatPageEnv {
  server: ChatTestServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  problems: string[];
}

/** Registers the file's hooks; the returned object holds the current test's page (filled in beforeEach). */
export function useChatPage(): ChatPageEnv {
  const env = {} as ChatPageEnv;
  beforeAll(async () => {
    ensureChatBundle();
    env.server = await startChatServer();
    env.browser = await launchChromium();
  });
  afterAll(async () => {
    await env.context?.close();
    await env.browser?.close();
    await env.server?.close();
  });
  beforeEach(async () => {
    await env.context?.close();
    env.server.reset();
    env.context = await env.browser.newContext({ viewport: { width: 1024, height: 800 } });
    env.page = await env.context.newPage();
    env.problems = [];
    env.page.on('pageerror', (e) => env.problems.push(`pageerror: ${e.message}`));
    env.page.on('console', (m) => {
      // The favicon 404 is the test server's; a dropped request (?drop) is logged by Chromium.
      if (m.type() === 'error' && !m.text().includes('404') && !m.text().includes('ERR_')) env.problems.push(`console: ${m.text()}`);
      if (m.type() === 'warning') env.problems.push(`warning: ${m.text()}`);
    });
  });
  return env;
}

/** Opens the launcher by keyboard; focus lands in the message box. */
export async function openByKeyboard(p: Page): Promise<void> {
  await tabToChat(p, '#launcher');
  await p.keyboard.press('Enter');
  await p.waitForFunction(() => document.querySelector('yorisoi-chat')?.shadowRoot?.activeElement?.id === 'input');
}
export const draft = (p: Page) => p.evaluate(() => (document.querySelector('yorisoi-chat')!.shadowRoot!.querySelector('#input') as HTMLTextAreaElement).value);
export const lastBotText = (p: Page) =>
  p.evaluate(
    () => [...document.querySelector('yorisoi-chat')!.shadowRoot!.querySelectorAll('.log .bot')].pop()?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
  );
