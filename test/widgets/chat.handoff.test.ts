import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PHONE_ERROR, ask, chatText, inChat, openChatPage, tabToChat, waitInChat } from './support/chat';
import { lastBotText, openByKeyboard, useChatPage } from './support/chat-page';

// Browser tests of <yorisoi-chat>'s STAFF hand-off (the call-back request form) and of the inline panel at
// 320 px, in Debian's Chromium against the fake /graphql of support/chat.ts.

const KEY = 'yorisoi-chat:999999';
const env = useChatPage();

describe('<yorisoi-chat> STAFF hand-off: the call-back request form', () => {
  async function toForm(p: Page, url: string): Promise<void> {
    await openChatPage(p, url);
    await openByKeyboard(p);
    await ask(p, 'handoff:staff', 1);
    await waitInChat(p, '[part~=notice] p');
    await p.waitForFunction(
      () => !document.querySelector('yorisoi-chat')!.shadowRoot!.querySelector('[part~=notice]')!.textContent!.includes('読み込んでいます'),
    );
  }

  it('shows the privacy notice with nothing pre-ticked and checks the form before sending', async () => {
    await toForm(env.page, `${env.server.url}/page`);
    expect(await chatText(env.page, '[part~=notice]')).toContain('連絡先は、折り返しのご連絡のためにだけ使います。');
    const ticks = await env.page.evaluate(() =>
      [
        ...document.querySelector('yorisoi-chat')!.shadowRoot!.querySelectorAll('[part~=callback] input[type=radio], [part~=callback] input[type=checkbox]'),
      ].map((i) => (i as HTMLInputElement).checked),
    );
    expect(ticks).toEqual([false, false, false]);
    await tabToChat(env.page, '[part~=callback] button[type=submit]');
    await env.page.keyboard.press('Enter');
    await waitInChat(env.page, '#err-agree');
    expect(await chatText(env.page, '#err-ch')).toBe('連絡の方法を選んでください。');
    expect(await chatText(env.page, '#err-agree')).toBe('同意のチェックが必要です。');
    // Focus goes to the first field in error.
    await env.page.waitForFunction(() => (document.querySelector('yorisoi-chat')?.shadowRoot?.activeElement as HTMLInputElement | null)?.name === 'ch');
    expect(env.server.consultations()).toHaveLength(0);
  }, 30_000);

  it('sends the ConsultationRequestInput of the contract and shows an API field error next to its field', async () => {
    await toForm(env.page, `${env.server.url}/page?api=${encodeURIComponent('/graphql?phone')}`);
    await tabToChat(env.page, '#name');
    await env.page.keyboard.type('山田 花子');
    await tabToChat(env.page, 'input[name=ch][value=PHONE]');
    await env.page.keyboard.press('Space');
    await tabToChat(env.page, '#phone');
    await env.page.keyboard.type('０９０－１２３４－５６７８');
    await tabToChat(env.page, '#time');
    await env.page.keyboard.type('平日の夜');
    await tabToChat(env.page, '#agree');
    await env.page.keyboard.press('Space');
    await tabToChat(env.page, '[part~=callback] button[type=submit]');
    await env.page.keyboard.press('Enter');
    // The API refuses the phone number: the message is shown next to the field, which gets focus.
    await waitInChat(env.page, '#err-phone');
    expect(await chatText(env.page, '#err-phone')).toBe(PHONE_ERROR.ja);
    await env.page.waitForFunction(() => document.querySelector('yorisoi-chat')?.shadowRoot?.activeElement?.id === 'phone');
    expect(await env.page.evaluate(() => document.querySelector('yorisoi-chat')!.shadowRoot!.querySelector('#phone')!.getAttribute('aria-describedby'))).toBe(
      'err-phone',
    );
    const [sent] = env.server.consultations();
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
    expect(env.server.receipts.size).toBe(0);
  }, 30_000);

  it('retries a request that got no answer with the same key and shows the reference number once received', async () => {
    await toForm(env.page, `${env.server.url}/page?api=${encodeURIComponent('/graphql?drop=1')}`);
    await tabToChat(env.page, 'input[name=ch][value=PHONE]'); // one radio of a group is in the Tab order
    await env.page.keyboard.press('ArrowDown'); // E-mail
    await tabToChat(env.page, '#email');
    await env.page.keyboard.type('ｈａｎａｋｏ@example.jp');
    await tabToChat(env.page, '#agree');
    await env.page.keyboard.press('Space');
    await tabToChat(env.page, '[part~=callback] button[type=submit]');
    await env.page.keyboard.press('Enter');
    await waitInChat(env.page, '#cb-retry');
    expect(await chatText(env.page, '#err-cform')).toContain('通信できませんでした');
    await env.page.waitForFunction(() => document.querySelector('yorisoi-chat')?.shadowRoot?.activeElement?.id === 'cb-retry');
    await env.page.keyboard.press('Enter');
    await waitInChat(env.page, '[part~=reference]');
    const keys = env.server.consultations().map((r) => r.body.variables.input.idempotencyKey);
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    expect(env.server.receipts.size).toBe(1);
    expect(env.server.consultations()[1]!.body.variables.input.contact).toEqual({
      contactAllowed: true,
      preferredChannel: 'EMAIL',
      phone: null,
      email: 'hanako@example.jp',
    });
    expect(await chatText(env.page, '[part~=reference]')).toBe('CB22-7777');
    expect(await chatText(env.page, '[part~=callback]')).toContain('2営業日以内に相談員から連絡します。');
    await env.page.waitForFunction(() => document.querySelector('yorisoi-chat')?.shadowRoot?.activeElement?.id === 'ref');
    expect(await chatText(env.page, '[role=status]')).toBe('受け付けました。受付番号は CB22-7777です。');
    // The reference number survives a reload; no personal detail of the form is stored.
    const stored = await env.page.evaluate((k) => sessionStorage.getItem(k)!, KEY);
    expect(stored).toContain('CB22-7777');
    expect(stored).not.toContain('hanako');
    await env.page.reload();
    await waitInChat(env.page, '[part~=reference]');
    expect(await chatText(env.page, '[part~=reference]')).toBe('CB22-7777');
  }, 30_000);
});

describe('<yorisoi-chat> inline, in English, at 320 px', () => {
  it('renders the panel in the page flow, in English, without horizontal scrolling', async () => {
    await env.page.setViewportSize({ width: 320, height: 640 });
    await openChatPage(env.page, `${env.server.url}/page?mode=inline&lang=en`);
    expect(await inChat(env.page, '#launcher')).toBe(false);
    expect(await inChat(env.page, '#close')).toBe(false);
    expect(await chatText(env.page, 'h2')).toBe('Chat for single-parent families');
    expect(await env.page.evaluate(() => document.querySelector('yorisoi-chat')!.shadowRoot!.querySelector('#panel')!.getAttribute('role'))).toBe('region');
    await tabToChat(env.page, '#input');
    await ask(env.page, 'hello', 1);
    expect(env.server.chats()[0]!.body.variables.input.locale).toBe('en');
    expect(env.server.chats()[0]!.headers['accept-language']).toBe('en');
    expect(await lastBotText(env.page)).toContain('Hello. What would you like to know?');
    // Escape does not hide an inline chat.
    await env.page.keyboard.press('Escape');
    expect(await inChat(env.page, '#panel')).toBe(true);
    const widths = await env.page.evaluate(() => ({
      doc: document.documentElement.scrollWidth,
      host: document.querySelector('yorisoi-chat')!.getBoundingClientRect().width,
    }));
    expect(widths.doc).toBeLessThanOrEqual(320);
    expect(widths.host).toBeLessThanOrEqual(320);
    expect(env.problems).toEqual([]);
  }, 30_000);

  it('fits the launcher panel into a 320 px screen', async () => {
    await env.page.setViewportSize({ width: 320, height: 568 });
    await openChatPage(env.page, `${env.server.url}/page`);
    await openByKeyboard(env.page);
    const r = await env.page.evaluate(() => {
      const b = document.querySelector('yorisoi-chat')!.shadowRoot!.querySelector('#panel')!.getBoundingClientRect();
      return { left: b.left, right: b.right, top: b.top, bottom: b.bottom };
    });
    expect(r.left).toBeGreaterThanOrEqual(0);
    expect(r.right).toBeLessThanOrEqual(320);
    expect(r.top).toBeGreaterThanOrEqual(0);
    expect(r.bottom).toBeLessThanOrEqual(568);
  }, 30_000);
});
