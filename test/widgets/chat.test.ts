import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser';
import {
  PHONE_ERROR,
  ask,
  botCount,
  chatFocus,
  chatText,
  ensureChatBundle,
  inChat,
  openChatPage,
  startChatServer,
  tabToChat,
  waitForBots,
  waitInChat,
  type ChatTestServer,
} from './support/chat';

// Browser tests of <yorisoi-chat> in Debian's Chromium against the fake /graphql of support/chat.ts
// (the real chatbot is tested in test/chat, and the widget against it in chat.real-api.test.ts).

const KEY = 'yorisoi-chat:999999';
let server: ChatTestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];

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
  context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
  page = await context.newPage();
  problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // The favicon 404 is the test server's; a dropped request (?drop) is logged by Chromium.
    if (m.type() === 'error' && !m.text().includes('404') && !m.text().includes('ERR_')) problems.push(`console: ${m.text()}`);
    if (m.type() === 'warning') problems.push(`warning: ${m.text()}`);
  });
});

/** Opens the launcher by keyboard; focus lands in the message box. */
async function openByKeyboard(p: Page): Promise<void> {
  await tabToChat(p, '#launcher');
  await p.keyboard.press('Enter');
  await p.waitForFunction(() => document.querySelector('yorisoi-chat')?.shadowRoot?.activeElement?.id === 'input');
}
const draft = (p: Page) => p.evaluate(() => (document.querySelector('yorisoi-chat')!.shadowRoot!.querySelector('#input') as HTMLTextAreaElement).value);
const lastBotText = (p: Page) => p.evaluate(() => [...document.querySelector('yorisoi-chat')!.shadowRoot!.querySelectorAll('.log .bot')].pop()?.textContent?.replace(/\s+/g, ' ').trim() ?? '');

describe('<yorisoi-chat> on a hostile CMS page under a strict CSP, bundle loaded twice', () => {
  it('shows its launcher bottom right, unharmed by page CSS, and opens a panel by keyboard', async () => {
    await openChatPage(page, `${server.url}/page`);
    const look = await page.evaluate(() => {
      const host = document.querySelector('yorisoi-chat')!;
      const b = host.shadowRoot!.querySelector('#launcher')!;
      const r = b.getBoundingClientRect();
      const cs = getComputedStyle(b);
      return { right: r.right, bottom: r.bottom, w: r.width, h: r.height, font: cs.fontSize, color: cs.color, opacity: cs.opacity, position: getComputedStyle(host).position, defined: !!customElements.get('yorisoi-chat') };
    });
    expect(look.defined).toBe(true);
    expect(look.position).toBe('fixed');
    expect(look.right).toBeGreaterThan(1024 - 40);
    expect(look.right).toBeLessThanOrEqual(1024);
    expect(look.bottom).toBeGreaterThan(800 - 40);
    expect(look.bottom).toBeLessThanOrEqual(800);
    expect(look.h).toBeGreaterThanOrEqual(44); // touch target
    expect(look.font).toBe('16px');
    expect(look.color).toBe('rgb(255, 255, 255)');
    expect(look.opacity).toBe('1');
    expect(await chatText(page, '#launcher')).toBe('相談チャット');
    expect(await inChat(page, '[role=log]')).toBe(false);

    await openByKeyboard(page);
    const panel = await page.evaluate(() => {
      const root = document.querySelector('yorisoi-chat')!.shadowRoot!;
      const p = root.querySelector('#panel')!;
      const r = p.getBoundingClientRect();
      const log = root.querySelector('[role=log]')!;
      return { role: p.getAttribute('role'), w: r.width, h: r.height, right: r.right, live: log.getAttribute('aria-live'), display: getComputedStyle(p).display };
    });
    expect(panel).toMatchObject({ role: 'dialog', live: 'polite', display: 'flex' });
    expect(panel.w).toBeGreaterThan(300);
    expect(panel.h).toBeGreaterThan(300);
    expect(panel.right).toBeLessThanOrEqual(1024);
    expect(await chatText(page, 'h2')).toBe('ひとり親家庭の相談チャット');
    expect(problems).toEqual([]);
  }, 60_000);

  it('holds a keyboard-only conversation: Enter sends, focus stays in the box, replies are in the live log', async () => {
    await openChatPage(page, `${server.url}/page`);
    await openByKeyboard(page);
    await ask(page, '児童扶養手当はいくら？', 1);
    expect(await chatFocus(page)).toBe('input');
    expect(await draft(page)).toBe('');
    const log = await chatText(page, '[role=log]');
    expect(log).toContain('児童扶養手当はいくら？');
    expect(log).toContain('「児童扶養手当はいくら？」についてのお答えです。');
    expect(await chatText(page, '[part~=programmes]')).toBe('児童扶養手当');
    const [first] = server.chats();
    expect(first!.headers['content-type']).toBe('application/json');
    expect(first!.headers['accept-language']).toBe('ja');
    expect(first!.body.variables.input).toEqual({ sessionId: null, message: '児童扶養手当はいくら？', locale: 'ja', municipalityCode: '999999' });

    // Shift+Enter makes a new line; it does not send.
    await page.keyboard.type('1行目');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('2行目');
    expect(await draft(page)).toBe('1行目\n2行目');
    expect(server.chats()).toHaveLength(1);
    await page.keyboard.press('Enter');
    await waitForBots(page, 2);
    const second = server.chats()[1]!.body.variables.input;
    expect(second.sessionId).toBe('00000000-0000-4000-8000-000000000001');
    expect(second.message).toBe('1行目\n2行目');
    expect(await chatFocus(page)).toBe('input');

    // Escape closes the panel and focus returns to the launcher; Enter on it reopens with the transcript.
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.querySelector('yorisoi-chat')?.shadowRoot?.activeElement?.id === 'launcher');
    expect(await inChat(page, '#panel')).toBe(false);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('yorisoi-chat')?.shadowRoot?.activeElement?.id === 'input');
    expect(await botCount(page)).toBe(2);
    // The close button by keyboard too.
    await tabToChat(page, '#close');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('yorisoi-chat')?.shadowRoot?.activeElement?.id === 'launcher');
    expect(problems).toEqual([]);
  }, 60_000);

  it('never sends on the Enter that confirms an IME conversion (keyCode 229 or isComposing)', async () => {
    await openChatPage(page, `${server.url}/page`);
    await openByKeyboard(page);
    await page.keyboard.type('そうだん');
    const cdp = await context.newCDPSession(page);
    for (const type of ['keyDown', 'keyUp'] as const) {
      await cdp.send('Input.dispatchKeyEvent', { type, key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229 });
    }
    await page.evaluate(() => {
      const box = document.querySelector('yorisoi-chat')!.shadowRoot!.querySelector('#input')!;
      box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', isComposing: true, bubbles: true, composed: true, cancelable: true }));
    });
    await page.waitForTimeout(300);
    expect(server.chats()).toHaveLength(0);
    expect(await botCount(page)).toBe(0);
    expect(await draft(page)).toContain('そうだん');
    // A plain Enter then sends it, once.
    await page.keyboard.press('Enter');
    await waitForBots(page, 1);
    expect(server.chats()).toHaveLength(1);
    expect(server.chats()[0]!.body.variables.input.message).toBe('そうだん');
  }, 30_000);

  it('keeps the session and transcript across a reload (sessionStorage), and continues the same session', async () => {
    await openChatPage(page, `${server.url}/page`);
    await openByKeyboard(page);
    await ask(page, '養育費のこと', 1);
    const stored = await page.evaluate((k) => JSON.parse(sessionStorage.getItem(k) ?? 'null'), KEY);
    expect(stored.sessionId).toBe('00000000-0000-4000-8000-000000000001');
    expect(stored.messages.map((m: { from: string }) => m.from)).toEqual(['me', 'bot']);
    expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBeNull();

    await page.reload();
    await waitInChat(page, '#panel'); // it was open: it opens again
    expect(await chatText(page, '[role=log]')).toContain('「養育費のこと」についてのお答えです。');
    await tabToChat(page, '#input');
    await ask(page, '次の質問', 2);
    expect(server.chats()[1]!.body.variables.input.sessionId).toBe('00000000-0000-4000-8000-000000000001');
    expect(server.chats()).toHaveLength(2); // nothing was resent by the reload
  }, 30_000);

  it('shows when offline, keeps the message queued, and sends it exactly once when back online', async () => {
    await openChatPage(page, `${server.url}/page`);
    await openByKeyboard(page);
    await context.setOffline(true);
    await page.waitForFunction(() => !navigator.onLine);
    await page.keyboard.type('オフラインの質問');
    await page.keyboard.press('Enter');
    await waitInChat(page, '[part~=offline]');
    expect(await chatText(page, '[part~=offline]')).toContain('インターネットにつながっていません');
    expect(await chatText(page, '.log .me')).toContain('未送信');
    expect(await chatText(page, '[role=status]')).toContain('インターネットにつながっていません');
    expect(await chatFocus(page)).toBe('input');
    // A second message is queued behind the first.
    await page.keyboard.type('二つ目');
    await page.keyboard.press('Enter');
    expect(server.chats()).toHaveLength(0);
    // Stored while offline: a reload now would still send it.
    const queued = await page.evaluate((k) => JSON.parse(sessionStorage.getItem(k)!).messages.map((m: { state: string }) => m.state), KEY);
    expect(queued).toEqual(['queued', 'queued']);

    await context.setOffline(false);
    await waitForBots(page, 2);
    expect(server.chats().map((r) => r.body.variables.input.message)).toEqual(['オフラインの質問', '二つ目']);
    // In order, each after its own question, the second in the session the first opened.
    expect(server.chats()[1]!.body.variables.input.sessionId).toBe('00000000-0000-4000-8000-000000000001');
    const order = await page.evaluate(() => [...document.querySelector('yorisoi-chat')!.shadowRoot!.querySelectorAll('.log .msg')].map((m) => m.classList.contains('me') ? 'me' : 'bot'));
    expect(order).toEqual(['me', 'bot', 'me', 'bot']);
    expect(await inChat(page, '[part~=offline]')).toBe(false);
    // Going offline and online again sends nothing more.
    await context.setOffline(true);
    await context.setOffline(false);
    await page.waitForTimeout(300);
    expect(server.chats()).toHaveLength(2);
  }, 30_000);

  it('when a send fails while the browser is online, offers a retry that sends the message once', async () => {
    await openChatPage(page, `${server.url}/page`);
    await openByKeyboard(page);
    await page.route('**/graphql', (route) => route.abort('connectionrefused'));
    await page.keyboard.type('届かない質問');
    await page.keyboard.press('Enter');
    await waitInChat(page, '#resend');
    expect(await chatText(page, '[part~=offline]')).toContain('送信できませんでした');
    expect(server.chats()).toHaveLength(0);
    await page.unroute('**/graphql');
    await tabToChat(page, '#resend');
    await page.keyboard.press('Enter');
    await waitForBots(page, 1);
    expect(server.chats().map((r) => r.body.variables.input.message)).toEqual(['届かない質問']);
    expect(await inChat(page, '#resend')).toBe(false);
  }, 30_000);

  it('shows an urgent reply prominently: a role=alert box with the numbers in the order the API gives them, before the text', async () => {
    await openChatPage(page, `${server.url}/page`);
    await openByKeyboard(page);
    await ask(page, '夫に殴られた', 1);
    const alert = await chatText(page, '.log [role=alert]');
    expect(alert).toContain('あなたの安全がいちばん大切です');
    const links = await page.evaluate(() => [...document.querySelector('yorisoi-chat')!.shadowRoot!.querySelectorAll('[role=alert] a')].map((a) => [a.getAttribute('href'), a.textContent, a.classList.contains('big')]));
    expect(links).toEqual([
      ['tel:0120279889', '0120-279-889', true],
      ['tel:%238008', '#8008', false],
      ['tel:110', '110', false],
    ]);
    const before = await page.evaluate(() => {
      const bot = document.querySelector('yorisoi-chat')!.shadowRoot!.querySelector('.log .bot')!;
      const a = bot.querySelector('[role=alert]')!;
      return !!(a.compareDocumentPosition(bot.querySelector('[part=bubble]')!) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    expect(before).toBe(true);
    expect(await lastBotText(page)).toContain('【緊急】');
    // The STAFF hand-off of an urgent reply offers the call-back form (and the rating).
    await waitInChat(page, '[part~=callback]');
    await waitInChat(page, '#rating');
    expect(await chatFocus(page)).toBe('input');
  }, 30_000);

  it('puts 189 first in the safety box when a child is being hurt, with the name in furigana as the API writes it', async () => {
    await openChatPage(page, `${server.url}/page`);
    await openByKeyboard(page);
    await ask(page, '子どもが叩かれている', 1);
    const links = await page.evaluate(() => [...document.querySelector('yorisoi-chat')!.shadowRoot!.querySelectorAll('[role=alert] a')].map((a) => a.getAttribute('href')));
    expect(links).toEqual(['tel:189', 'tel:110']);
    const rubies = await page.evaluate(() => [...document.querySelector('yorisoi-chat')!.shadowRoot!.querySelectorAll('[role=alert] li:first-child rt')].map((r) => r.textContent));
    expect(rubies).toEqual(['じどうそうだんじょ', 'じかん']);
  }, 30_000);

  it('labels an answer phrased by AI (AI mode) and leaves retrieval answers unlabelled', async () => {
    await openChatPage(page, `${server.url}/page`);
    await openByKeyboard(page);
    await ask(page, '児童扶養手当はいつ？', 1);
    expect(await page.evaluate(() => document.querySelector('yorisoi-chat')!.shadowRoot!.querySelectorAll('[part~=generated-note]').length)).toBe(0);
    await ask(page, 'AIモードで教えて', 2);
    const notes = await page.evaluate(() => [...document.querySelector('yorisoi-chat')!.shadowRoot!.querySelectorAll('.log .bot')].map((b) => b.querySelector('[part~=generated-note]')?.textContent?.trim() ?? null));
    expect(notes).toEqual([null, expect.stringContaining('AI')]);
  }, 30_000);

  it('sends the value of a quick reply when it is pressed, shows its label, and keeps focus in the box', async () => {
    await openChatPage(page, `${server.url}/page`);
    await openByKeyboard(page);
    await ask(page, 'こんにちは', 1);
    const labels = await page.evaluate(() => [...document.querySelector('yorisoi-chat')!.shadowRoot!.querySelectorAll('[part~=quick-reply]')].map((b) => b.textContent!.trim()));
    expect(labels).toEqual(['手当の目安を知りたい', '相談員と話したい']);
    await tabToChat(page, '[data-value="start:allowance"]');
    await page.keyboard.press('Enter');
    await waitForBots(page, 2);
    expect(server.chats()[1]!.body.variables.input.message).toBe('start:allowance');
    const mine = await page.evaluate(() => [...document.querySelector('yorisoi-chat')!.shadowRoot!.querySelectorAll('.log .me [part=bubble]')].map((b) => b.textContent!.trim()));
    expect(mine).toEqual(['こんにちは', '手当の目安を知りたい']);
    await page.waitForFunction(() => document.querySelector('yorisoi-chat')?.shadowRoot?.activeElement?.id === 'input');
    // Only the latest reply's quick replies are offered.
    expect(await page.evaluate(() => [...document.querySelector('yorisoi-chat')!.shadowRoot!.querySelectorAll('[part~=quick-reply]')].map((b) => b.getAttribute('data-value')))).toEqual(['children:1', 'children:2', 'children:3']);
    // A mouse click works the same.
    await page.evaluate(() => (document.querySelector('yorisoi-chat')!.shadowRoot!.querySelector('[data-value="children:2"]') as HTMLButtonElement).click());
    await waitForBots(page, 3);
    expect(server.chats()[2]!.body.variables.input.message).toBe('children:2');
  }, 30_000);

  it('links an INTAKE hand-off to intake-url with the payload in the fragment', async () => {
    await openChatPage(page, `${server.url}/page?intake=/intake-form`);
    await openByKeyboard(page);
    await ask(page, 'handoff:intake', 1);
    const href = await page.evaluate(() => document.querySelector('yorisoi-chat')!.shadowRoot!.querySelector('[part~=handoff-link]')?.getAttribute('href'));
    expect(href).toMatch(new RegExp(`^${server.url}/intake-form#yorisoi-handoff=`));
    const payload = JSON.parse(decodeURIComponent(href!.split('#yorisoi-handoff=')[1]!));
    expect(payload).toEqual({ household: { children: [{ birthDate: '2018-10-01' }] }, income: { annualEmploymentIncome: 1300000 } });
  }, 30_000);

  it('ends the chat and sends the rating (rateChat) for the session', async () => {
    await openChatPage(page, `${server.url}/page`);
    await openByKeyboard(page);
    await ask(page, '手当の申請', 1);
    expect(await inChat(page, '#rating')).toBe(false);
    await tabToChat(page, '[part~=button-end]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('yorisoi-chat')?.shadowRoot?.activeElement?.getAttribute('aria-label') === '1（5段階）');
    expect(await chatText(page, '#rating legend')).toBe('このチャットは役に立ちましたか？');
    await tabToChat(page, '[aria-label="4（5段階）"]');
    await page.keyboard.press('Enter');
    // Once the rating is received, focus moves to 「新しい相談を始める」 (#again shows before that too).
    await page.waitForFunction(() => document.querySelector('yorisoi-chat')?.shadowRoot?.activeElement?.id === 'again');
    expect(server.rates().map((r) => r.body.variables)).toEqual([{ sessionId: '00000000-0000-4000-8000-000000000001', score: 4 }]);
    expect(await chatText(page, '[part~=rating]')).toContain('ご回答ありがとうございました。');
    // A new chat erases the transcript and starts a new session.
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('yorisoi-chat')?.shadowRoot?.activeElement?.id === 'input');
    expect(await botCount(page)).toBe(0);
    await ask(page, '別の質問', 1);
    expect(server.chats()[1]!.body.variables.input.sessionId).toBeNull();
  }, 30_000);
});

describe('<yorisoi-chat> STAFF hand-off: the call-back request form', () => {
  async function toForm(p: Page, url: string): Promise<void> {
    await openChatPage(p, url);
    await openByKeyboard(p);
    await ask(p, 'handoff:staff', 1);
    await waitInChat(p, '[part~=notice] p');
    await p.waitForFunction(() => !document.querySelector('yorisoi-chat')!.shadowRoot!.querySelector('[part~=notice]')!.textContent!.includes('読み込んでいます'));
  }

  it('shows the privacy notice with nothing pre-ticked and checks the form before sending', async () => {
    await toForm(page, `${server.url}/page`);
    expect(await chatText(page, '[part~=notice]')).toContain('連絡先は、折り返しのご連絡のためにだけ使います。');
    const ticks = await page.evaluate(() => [...document.querySelector('yorisoi-chat')!.shadowRoot!.querySelectorAll('[part~=callback] input[type=radio], [part~=callback] input[type=checkbox]')].map((i) => (i as HTMLInputElement).checked));
    expect(ticks).toEqual([false, false, false]);
    await tabToChat(page, '[part~=callback] button[type=submit]');
    await page.keyboard.press('Enter');
    await waitInChat(page, '#err-agree');
    expect(await chatText(page, '#err-ch')).toBe('連絡の方法を選んでください。');
    expect(await chatText(page, '#err-agree')).toBe('同意のチェックが必要です。');
    // Focus goes to the first field in error.
    await page.waitForFunction(() => (document.querySelector('yorisoi-chat')?.shadowRoot?.activeElement as HTMLInputElement | null)?.name === 'ch');
    expect(server.consultations()).toHaveLength(0);
  }, 30_000);

  it('sends the ConsultationRequestInput of the contract and shows an API field error next to its field', async () => {
    await toForm(page, `${server.url}/page?api=${encodeURIComponent('/graphql?phone')}`);
    await tabToChat(page, '#name');
    await page.keyboard.type('山田 花子');
    await tabToChat(page, 'input[name=ch][value=PHONE]');
    await page.keyboard.press('Space');
    await tabToChat(page, '#phone');
    await page.keyboard.type('０９０－１２３４－５６７８');
    await tabToChat(page, '#time');
    await page.keyboard.type('平日の夜');
    await tabToChat(page, '#agree');
    await page.keyboard.press('Space');
    await tabToChat(page, '[part~=callback] button[type=submit]');
    await page.keyboard.press('Enter');
    // The API refuses the phone number: the message is shown next to the field, which gets focus.
    await waitInChat(page, '#err-phone');
    expect(await chatText(page, '#err-phone')).toBe(PHONE_ERROR.ja);
    await page.waitForFunction(() => document.querySelector('yorisoi-chat')?.shadowRoot?.activeElement?.id === 'phone');
    expect(await page.evaluate(() => document.querySelector('yorisoi-chat')!.shadowRoot!.querySelector('#phone')!.getAttribute('aria-describedby'))).toBe('err-phone');
    const [sent] = server.consultations();
    expect(sent!.body.variables.input).toEqual({
      idempotencyKey: expect.stringMatching(/^[0-9a-f-]{36}$/),
      municipalityCode: '999999',
      chatSessionId: '00000000-0000-4000-8000-000000000001',
      name: '山田 花子',
      contact: { contactAllowed: true, preferredChannel: 'PHONE', phone: '090-1234-5678', email: null },
      preferredTime: '平日の夜',
      message: null,
      privacyNoticeVersion: '2026-04',
      website: '',
    });
    expect(server.receipts.size).toBe(0);
  }, 30_000);

  it('retries a request that got no answer with the same key and shows the reference number once received', async () => {
    await toForm(page, `${server.url}/page?api=${encodeURIComponent('/graphql?drop=1')}`);
    await tabToChat(page, 'input[name=ch][value=PHONE]'); // one radio of a group is in the Tab order
    await page.keyboard.press('ArrowDown'); // E-mail
    await tabToChat(page, '#email');
    await page.keyboard.type('ｈａｎａｋｏ@example.jp');
    await tabToChat(page, '#agree');
    await page.keyboard.press('Space');
    await tabToChat(page, '[part~=callback] button[type=submit]');
    await page.keyboard.press('Enter');
    await waitInChat(page, '#cb-retry');
    expect(await chatText(page, '#err-cform')).toContain('通信できませんでした');
    await page.waitForFunction(() => document.querySelector('yorisoi-chat')?.shadowRoot?.activeElement?.id === 'cb-retry');
    await page.keyboard.press('Enter');
    await waitInChat(page, '[part~=reference]');
    const keys = server.consultations().map((r) => r.body.variables.input.idempotencyKey);
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    expect(server.receipts.size).toBe(1);
    expect(server.consultations()[1]!.body.variables.input.contact).toEqual({ contactAllowed: true, preferredChannel: 'EMAIL', phone: null, email: 'hanako@example.jp' });
    expect(await chatText(page, '[part~=reference]')).toBe('CB22-7777');
    expect(await chatText(page, '[part~=callback]')).toContain('2営業日以内に相談員から連絡します。');
    await page.waitForFunction(() => document.querySelector('yorisoi-chat')?.shadowRoot?.activeElement?.id === 'ref');
    expect(await chatText(page, '[role=status]')).toBe('受け付けました。受付番号は CB22-7777です。');
    // The reference number survives a reload; no personal detail of the form is stored.
    const stored = await page.evaluate((k) => sessionStorage.getItem(k)!, KEY);
    expect(stored).toContain('CB22-7777');
    expect(stored).not.toContain('hanako');
    await page.reload();
    await waitInChat(page, '[part~=reference]');
    expect(await chatText(page, '[part~=reference]')).toBe('CB22-7777');
  }, 30_000);
});

describe('<yorisoi-chat> inline, in English, at 320 px', () => {
  it('renders the panel in the page flow, in English, without horizontal scrolling', async () => {
    await page.setViewportSize({ width: 320, height: 640 });
    await openChatPage(page, `${server.url}/page?mode=inline&lang=en`);
    expect(await inChat(page, '#launcher')).toBe(false);
    expect(await inChat(page, '#close')).toBe(false);
    expect(await chatText(page, 'h2')).toBe('Chat for single-parent families');
    expect(await page.evaluate(() => document.querySelector('yorisoi-chat')!.shadowRoot!.querySelector('#panel')!.getAttribute('role'))).toBe('region');
    await tabToChat(page, '#input');
    await ask(page, 'hello', 1);
    expect(server.chats()[0]!.body.variables.input.locale).toBe('en');
    expect(server.chats()[0]!.headers['accept-language']).toBe('en');
    expect(await lastBotText(page)).toContain('Hello. What would you like to know?');
    // Escape does not hide an inline chat.
    await page.keyboard.press('Escape');
    expect(await inChat(page, '#panel')).toBe(true);
    const widths = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, host: document.querySelector('yorisoi-chat')!.getBoundingClientRect().width }));
    expect(widths.doc).toBeLessThanOrEqual(320);
    expect(widths.host).toBeLessThanOrEqual(320);
    expect(problems).toEqual([]);
  }, 30_000);

  it('fits the launcher panel into a 320 px screen', async () => {
    await page.setViewportSize({ width: 320, height: 568 });
    await openChatPage(page, `${server.url}/page`);
    await openByKeyboard(page);
    const r = await page.evaluate(() => {
      const b = document.querySelector('yorisoi-chat')!.shadowRoot!.querySelector('#panel')!.getBoundingClientRect();
      return { left: b.left, right: b.right, top: b.top, bottom: b.bottom };
    });
    expect(r.left).toBeGreaterThanOrEqual(0);
    expect(r.right).toBeLessThanOrEqual(320);
    expect(r.top).toBeGreaterThanOrEqual(0);
    expect(r.bottom).toBeLessThanOrEqual(568);
  }, 30_000);
});
