import { describe, expect, it } from 'vitest';
import { ask, botCount, chatFocus, chatText, inChat, openChatPage, tabToChat, waitForBots, waitInChat } from './support/chat';
import { draft, lastBotText, openByKeyboard, useChatPage } from './support/chat-page';

// Browser tests of <yorisoi-chat> in Debian's Chromium against the fake /graphql of support/chat.ts
// (the real chatbot is tested in test/chat, and the widget against it in chat.real-api.test.ts; the call-back
// form and the inline layout in chat.handoff.test.ts).

const KEY = 'yorisoi-chat:999999';
const env = useChatPage();

describe('<yorisoi-chat> on a hostile CMS page under a strict CSP, bundle loaded twice', () => {
  it('shows its launcher bottom right, unharmed by page CSS, and opens a panel by keyboard', async () => {
    await openChatPage(env.page, `${env.server.url}/page`);
    const look = await env.page.evaluate(() => {
      const host = document.querySelector('yorisoi-chat')!;
      const b = host.shadowRoot!.querySelector('#launcher')!;
      const r = b.getBoundingClientRect();
      const cs = getComputedStyle(b);
      return {
        right: r.right,
        bottom: r.bottom,
        w: r.width,
        h: r.height,
        font: cs.fontSize,
        color: cs.color,
        opacity: cs.opacity,
        position: getComputedStyle(host).position,
        defined: !!customElements.get('yorisoi-chat'),
      };
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
    expect(await chatText(env.page, '#launcher')).toBe('相談チャット');
    expect(await inChat(env.page, '[role=log]')).toBe(false);

    await openByKeyboard(env.page);
    const panel = await env.page.evaluate(() => {
      const root = document.querySelector('yorisoi-chat')!.shadowRoot!;
      const p = root.querySelector('#panel')!;
      const r = p.getBoundingClientRect();
      const log = root.querySelector('[role=log]')!;
      return {
        role: p.getAttribute('role'),
        w: r.width,
        h: r.height,
        right: r.right,
        live: log.getAttribute('aria-live'),
        display: getComputedStyle(p).display,
      };
    });
    expect(panel).toMatchObject({ role: 'dialog', live: 'polite', display: 'flex' });
    expect(panel.w).toBeGreaterThan(300);
    expect(panel.h).toBeGreaterThan(300);
    expect(panel.right).toBeLessThanOrEqual(1024);
    expect(await chatText(env.page, 'h2')).toBe('ひとり親家庭の相談チャット');
    expect(env.problems).toEqual([]);
  }, 60_000);

  it('holds a keyboard-only conversation: Enter sends, focus stays in the box, replies are in the live log', async () => {
    await openChatPage(env.page, `${env.server.url}/page`);
    await openByKeyboard(env.page);
    await ask(env.page, '児童扶養手当はいくら？', 1);
    expect(await chatFocus(env.page)).toBe('input');
    expect(await draft(env.page)).toBe('');
    const log = await chatText(env.page, '[role=log]');
    expect(log).toContain('児童扶養手当はいくら？');
    expect(log).toContain('「児童扶養手当はいくら？」についてのお答えです。');
    expect(await chatText(env.page, '[part~=programmes]')).toBe('児童扶養手当');
    const [first] = env.server.chats();
    expect(first!.headers['content-type']).toBe('application/json');
    expect(first!.headers['accept-language']).toBe('ja');
    expect(first!.body.variables.input).toEqual({ sessionId: null, message: '児童扶養手当はいくら？', locale: 'ja', municipalityCode: '999999' });

    // Shift+Enter makes a new line; it does not send.
    await env.page.keyboard.type('1行目');
    await env.page.keyboard.press('Shift+Enter');
    await env.page.keyboard.type('2行目');
    expect(await draft(env.page)).toBe('1行目\n2行目');
    expect(env.server.chats()).toHaveLength(1);
    await env.page.keyboard.press('Enter');
    await waitForBots(env.page, 2);
    const second = env.server.chats()[1]!.body.variables.input;
    expect(second.sessionId).toBe('00000000-0000-4000-8000-000000000001');
    expect(second.message).toBe('1行目\n2行目');
    expect(await chatFocus(env.page)).toBe('input');

    // Escape closes the panel and focus returns to the launcher; Enter on it reopens with the transcript.
    await env.page.keyboard.press('Escape');
    await env.page.waitForFunction(() => document.querySelector('yorisoi-chat')?.shadowRoot?.activeElement?.id === 'launcher');
    expect(await inChat(env.page, '#panel')).toBe(false);
    await env.page.keyboard.press('Enter');
    await env.page.waitForFunction(() => document.querySelector('yorisoi-chat')?.shadowRoot?.activeElement?.id === 'input');
    expect(await botCount(env.page)).toBe(2);
    // The close button by keyboard too.
    await tabToChat(env.page, '#close');
    await env.page.keyboard.press('Enter');
    await env.page.waitForFunction(() => document.querySelector('yorisoi-chat')?.shadowRoot?.activeElement?.id === 'launcher');
    expect(env.problems).toEqual([]);
  }, 60_000);

  it('never sends on the Enter that confirms an IME conversion (keyCode 229 or isComposing)', async () => {
    await openChatPage(env.page, `${env.server.url}/page`);
    await openByKeyboard(env.page);
    await env.page.keyboard.type('そうだん');
    const cdp = await env.context.newCDPSession(env.page);
    for (const type of ['keyDown', 'keyUp'] as const) {
      await cdp.send('Input.dispatchKeyEvent', { type, key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229 });
    }
    await env.page.evaluate(() => {
      const box = document.querySelector('yorisoi-chat')!.shadowRoot!.querySelector('#input')!;
      box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', isComposing: true, bubbles: true, composed: true, cancelable: true }));
    });
    await env.page.waitForTimeout(300);
    expect(env.server.chats()).toHaveLength(0);
    expect(await botCount(env.page)).toBe(0);
    expect(await draft(env.page)).toContain('そうだん');
    // A plain Enter then sends it, once.
    await env.page.keyboard.press('Enter');
    await waitForBots(env.page, 1);
    expect(env.server.chats()).toHaveLength(1);
    expect(env.server.chats()[0]!.body.variables.input.message).toBe('そうだん');
  }, 30_000);

  it('keeps the session and transcript across a reload (sessionStorage), and continues the same session', async () => {
    await openChatPage(env.page, `${env.server.url}/page`);
    await openByKeyboard(env.page);
    await ask(env.page, '養育費のこと', 1);
    const stored = await env.page.evaluate((k) => JSON.parse(sessionStorage.getItem(k) ?? 'null'), KEY);
    expect(stored.sessionId).toBe('00000000-0000-4000-8000-000000000001');
    expect(stored.messages.map((m: { from: string }) => m.from)).toEqual(['me', 'bot']);
    expect(await env.page.evaluate((k) => localStorage.getItem(k), KEY)).toBeNull();

    await env.page.reload();
    await waitInChat(env.page, '#panel'); // it was open: it opens again
    expect(await chatText(env.page, '[role=log]')).toContain('「養育費のこと」についてのお答えです。');
    await tabToChat(env.page, '#input');
    await ask(env.page, '次の質問', 2);
    expect(env.server.chats()[1]!.body.variables.input.sessionId).toBe('00000000-0000-4000-8000-000000000001');
    expect(env.server.chats()).toHaveLength(2); // nothing was resent by the reload
  }, 30_000);

  it('shows when offline, keeps the message queued, and sends it exactly once when back online', async () => {
    await openChatPage(env.page, `${env.server.url}/page`);
    await openByKeyboard(env.page);
    await env.context.setOffline(true);
    await env.page.waitForFunction(() => !navigator.onLine);
    await env.page.keyboard.type('オフラインの質問');
    await env.page.keyboard.press('Enter');
    await waitInChat(env.page, '[part~=offline]');
    expect(await chatText(env.page, '[part~=offline]')).toContain('インターネットにつながっていません');
    expect(await chatText(env.page, '.log .me')).toContain('未送信');
    expect(await chatText(env.page, '[role=status]')).toContain('インターネットにつながっていません');
    expect(await chatFocus(env.page)).toBe('input');
    // A second message is queued behind the first.
    await env.page.keyboard.type('二つ目');
    await env.page.keyboard.press('Enter');
    expect(env.server.chats()).toHaveLength(0);
    // Stored while offline: a reload now would still send it.
    const queued = await env.page.evaluate((k) => JSON.parse(sessionStorage.getItem(k)!).messages.map((m: { state: string }) => m.state), KEY);
    expect(queued).toEqual(['queued', 'queued']);

    await env.context.setOffline(false);
    await waitForBots(env.page, 2);
    expect(env.server.chats().map((r) => r.body.variables.input.message)).toEqual(['オフラインの質問', '二つ目']);
    // In order, each after its own question, the second in the session the first opened.
    expect(env.server.chats()[1]!.body.variables.input.sessionId).toBe('00000000-0000-4000-8000-000000000001');
    const order = await env.page.evaluate(() =>
      [...document.querySelector('yorisoi-chat')!.shadowRoot!.querySelectorAll('.log .msg')].map((m) => (m.classList.contains('me') ? 'me' : 'bot')),
    );
    expect(order).toEqual(['me', 'bot', 'me', 'bot']);
    expect(await inChat(env.page, '[part~=offline]')).toBe(false);
    // Going offline and online again sends nothing more.
    await env.context.setOffline(true);
    await env.context.setOffline(false);
    await env.page.waitForTimeout(300);
    expect(env.server.chats()).toHaveLength(2);
  }, 30_000);

  it('when a send fails while the browser is online, offers a retry that sends the message once', async () => {
    await openChatPage(env.page, `${env.server.url}/page`);
    await openByKeyboard(env.page);
    await env.page.route('**/graphql', (route) => route.abort('connectionrefused'));
    await env.page.keyboard.type('届かない質問');
    await env.page.keyboard.press('Enter');
    await waitInChat(env.page, '#resend');
    expect(await chatText(env.page, '[part~=offline]')).toContain('送信できませんでした');
    expect(env.server.chats()).toHaveLength(0);
    await env.page.unroute('**/graphql');
    await tabToChat(env.page, '#resend');
    await env.page.keyboard.press('Enter');
    await waitForBots(env.page, 1);
    expect(env.server.chats().map((r) => r.body.variables.input.message)).toEqual(['届かない質問']);
    expect(await inChat(env.page, '#resend')).toBe(false);
  }, 30_000);

  it('shows an urgent reply prominently: a role=alert box with the numbers in the order the API gives them, before the text', async () => {
    await openChatPage(env.page, `${env.server.url}/page`);
    await openByKeyboard(env.page);
    await ask(env.page, '夫に殴られた', 1);
    const alert = await chatText(env.page, '.log [role=alert]');
    expect(alert).toContain('あなたの安全がいちばん大切です');
    const links = await env.page.evaluate(() =>
      [...document.querySelector('yorisoi-chat')!.shadowRoot!.querySelectorAll('[role=alert] a')].map((a) => [
        a.getAttribute('href'),
        a.textContent,
        a.classList.contains('big'),
      ]),
    );
    expect(links).toEqual([
      ['tel:0120279889', '0120-279-889', true],
      ['tel:%238008', '#8008', false],
      ['tel:110', '110', false],
    ]);
    const before = await env.page.evaluate(() => {
      const bot = document.querySelector('yorisoi-chat')!.shadowRoot!.querySelector('.log .bot')!;
      const a = bot.querySelector('[role=alert]')!;
      return !!(a.compareDocumentPosition(bot.querySelector('[part=bubble]')!) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    expect(before).toBe(true);
    expect(await lastBotText(env.page)).toContain('【緊急】');
    // The STAFF hand-off of an urgent reply offers the call-back form (and the rating).
    await waitInChat(env.page, '[part~=callback]');
    await waitInChat(env.page, '#rating');
    expect(await chatFocus(env.page)).toBe('input');
  }, 30_000);

  it('puts 189 first in the safety box when a child is being hurt, with the name in furigana as the API writes it', async () => {
    await openChatPage(env.page, `${env.server.url}/page`);
    await openByKeyboard(env.page);
    await ask(env.page, '子どもが叩かれている', 1);
    const links = await env.page.evaluate(() =>
      [...document.querySelector('yorisoi-chat')!.shadowRoot!.querySelectorAll('[role=alert] a')].map((a) => a.getAttribute('href')),
    );
    expect(links).toEqual(['tel:189', 'tel:110']);
    const rubies = await env.page.evaluate(() =>
      [...document.querySelector('yorisoi-chat')!.shadowRoot!.querySelectorAll('[role=alert] li:first-child rt')].map((r) => r.textContent),
    );
    expect(rubies).toEqual(['じどうそうだんじょ', 'じかん']);
  }, 30_000);

  it('labels an answer phrased by AI (AI mode) and leaves retrieval answers unlabelled', async () => {
    await openChatPage(env.page, `${env.server.url}/page`);
    await openByKeyboard(env.page);
    await ask(env.page, '児童扶養手当はいつ？', 1);
    expect(await env.page.evaluate(() => document.querySelector('yorisoi-chat')!.shadowRoot!.querySelectorAll('[part~=generated-note]').length)).toBe(0);
    await ask(env.page, 'AIモードで教えて', 2);
    const notes = await env.page.evaluate(() =>
      [...document.querySelector('yorisoi-chat')!.shadowRoot!.querySelectorAll('.log .bot')].map(
        (b) => b.querySelector('[part~=generated-note]')?.textContent?.trim() ?? null,
      ),
    );
    expect(notes).toEqual([null, expect.stringContaining('AI')]);
  }, 30_000);

  it('sends the value of a quick reply when it is pressed, shows its label, and keeps focus in the box', async () => {
    await openChatPage(env.page, `${env.server.url}/page`);
    await openByKeyboard(env.page);
    await ask(env.page, 'こんにちは', 1);
    const labels = await env.page.evaluate(() =>
      [...document.querySelector('yorisoi-chat')!.shadowRoot!.querySelectorAll('[part~=quick-reply]')].map((b) => b.textContent!.trim()),
    );
    expect(labels).toEqual(['手当の目安を知りたい', '相談員と話したい']);
    await tabToChat(env.page, '[data-value="start:allowance"]');
    await env.page.keyboard.press('Enter');
    await waitForBots(env.page, 2);
    expect(env.server.chats()[1]!.body.variables.input.message).toBe('start:allowance');
    const mine = await env.page.evaluate(() =>
      [...document.querySelector('yorisoi-chat')!.shadowRoot!.querySelectorAll('.log .me [part=bubble]')].map((b) => b.textContent!.trim()),
    );
    expect(mine).toEqual(['こんにちは', '手当の目安を知りたい']);
    await env.page.waitForFunction(() => document.querySelector('yorisoi-chat')?.shadowRoot?.activeElement?.id === 'input');
    // Only the latest reply's quick replies are offered.
    expect(
      await env.page.evaluate(() =>
        [...document.querySelector('yorisoi-chat')!.shadowRoot!.querySelectorAll('[part~=quick-reply]')].map((b) => b.getAttribute('data-value')),
      ),
    ).toEqual(['children:1', 'children:2', 'children:3']);
    // A mouse click works the same.
    await env.page.evaluate(() =>
      (document.querySelector('yorisoi-chat')!.shadowRoot!.querySelector('[data-value="children:2"]') as HTMLButtonElement).click(),
    );
    await waitForBots(env.page, 3);
    expect(env.server.chats()[2]!.body.variables.input.message).toBe('children:2');
  }, 30_000);

  it('links an INTAKE hand-off to intake-url with the payload in the fragment', async () => {
    await openChatPage(env.page, `${env.server.url}/page?intake=/intake-form`);
    await openByKeyboard(env.page);
    await ask(env.page, 'handoff:intake', 1);
    const href = await env.page.evaluate(() => document.querySelector('yorisoi-chat')!.shadowRoot!.querySelector('[part~=handoff-link]')?.getAttribute('href'));
    expect(href).toMatch(new RegExp(`^${env.server.url}/intake-form#yorisoi-handoff=`));
    const payload = JSON.parse(decodeURIComponent(href!.split('#yorisoi-handoff=')[1]!));
    expect(payload).toEqual({ household: { children: [{ birthDate: '2018-10-01' }] }, income: { annualEmploymentIncome: 1300000 } });
  }, 30_000);

  it('ends the chat and sends the rating (rateChat) for the session', async () => {
    await openChatPage(env.page, `${env.server.url}/page`);
    await openByKeyboard(env.page);
    await ask(env.page, '手当の申請', 1);
    expect(await inChat(env.page, '#rating')).toBe(false);
    await tabToChat(env.page, '[part~=button-end]');
    await env.page.keyboard.press('Enter');
    await env.page.waitForFunction(() => document.querySelector('yorisoi-chat')?.shadowRoot?.activeElement?.getAttribute('aria-label') === '1（5段階）');
    expect(await chatText(env.page, '#rating legend')).toBe('このチャットは役に立ちましたか？');
    await tabToChat(env.page, '[aria-label="4（5段階）"]');
    await env.page.keyboard.press('Enter');
    // Once the rating is received, focus moves to 「新しい相談を始める」 (#again shows before that too).
    await env.page.waitForFunction(() => document.querySelector('yorisoi-chat')?.shadowRoot?.activeElement?.id === 'again');
    expect(env.server.rates().map((r) => r.body.variables)).toEqual([{ sessionId: '00000000-0000-4000-8000-000000000001', score: 4 }]);
    expect(await chatText(env.page, '[part~=rating]')).toContain('ご回答ありがとうございました。');
    // A new chat erases the transcript and starts a new session.
    await env.page.keyboard.press('Enter');
    await env.page.waitForFunction(() => document.querySelector('yorisoi-chat')?.shadowRoot?.activeElement?.id === 'input');
    expect(await botCount(env.page)).toBe(0);
    await ask(env.page, '別の質問', 1);
    expect(env.server.chats()[1]!.body.variables.input.sessionId).toBeNull();
  }, 30_000);
});
