import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { todayInJapan } from '../../api/core/dates';
import { DepartmentCode } from '../../api/core/departments';
import type { TestApp } from '../support/app';
import { startRealApiPage, type RealApiPage } from './support/real-api';
import { ask, chatText, ensureChatBundle, tabToChat, waitInChat } from './support/chat';

// <yorisoi-chat> against the REAL API (in-process, on the test database, the real knowledge base):
// the page, the bundle and /graphql share one origin — the API's own. Driven by keyboard.
// (The call-back form's requestConsultation is tested against the fake server in chat.test.ts.)

let s: RealApiPage;
let t: TestApp;
let origin: string;
let page: Page;
let problems: string[];

const page_ = (lang: string) => `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><title>デモ市</title>
<script type="module" src="/widgets/chat.js"></script></head>
<body><main><h1>デモ市</h1><yorisoi-chat api="/graphql" municipality="999999" lang="${lang}"></yorisoi-chat></main></body></html>`;

beforeAll(async () => {
  ensureChatBundle(); // before the app starts: it serves dist/widgets only if it exists
  s = await startRealApiPage('/chat-test', page_);
  ({ t, origin } = s);
});
afterAll(() => s?.close());
beforeEach(async () => {
  ({ page, problems } = await s.newPage());
});

async function openChat(p: Page, url: string): Promise<void> {
  await p.goto(url);
  await p.waitForFunction(() => !!document.querySelector('yorisoi-chat')?.shadowRoot?.querySelector('#launcher'));
  await tabToChat(p, '#launcher');
  await p.keyboard.press('Enter');
  await p.waitForFunction(() => document.querySelector('yorisoi-chat')?.shadowRoot?.activeElement?.id === 'input');
}
const programmes = (p: Page) =>
  p.evaluate(
    () => [...document.querySelector('yorisoi-chat')!.shadowRoot!.querySelectorAll('.log .bot')].pop()!.querySelector('[part~=programmes]')?.textContent ?? '',
  );

describe('<yorisoi-chat> against the real API', () => {
  it('answers a question with the relevant programmes, continues the session, and records the rating', async () => {
    await openChat(page, `${origin}/chat-test`);
    await ask(page, '児童扶養手当の申請に必要な書類は？', 1);
    expect(await programmes(page)).toContain('児童扶養手当');
    expect(await chatText(page, '.log [role=alert]')).toBe('');
    expect(await page.evaluate(() => document.querySelector('yorisoi-chat')!.shadowRoot!.activeElement?.id)).toBe('input');
    const first = await page.evaluate(() => JSON.parse(sessionStorage.getItem('yorisoi-chat:999999')!).sessionId as string);
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    await ask(page, '就学援助について知りたい', 2);
    expect(await programmes(page)).toContain('就学援助');
    expect(await page.evaluate(() => JSON.parse(sessionStorage.getItem('yorisoi-chat:999999')!).sessionId)).toBe(first);

    await tabToChat(page, '[part~=button-end]');
    await page.keyboard.press('Enter');
    await tabToChat(page, '[aria-label="5（5段階）"]');
    await page.keyboard.press('Enter');
    await waitInChat(page, '#again');
    const today = todayInJapan();
    const res = await t.gql(
      'query($f: Date!, $to: Date!) { chatSatisfaction(from: $f, to: $to) { rated average } }',
      { f: today, to: today },
      await t.login(DepartmentCode.SINGLE_PARENT),
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.chatSatisfaction).toEqual({ rated: 1, average: 5 });
    expect(problems).toEqual([]);
  }, 90_000);

  it('treats a danger message as urgent (alert with the DV line first, 110 reachable) and sends the call-back request to the real requestConsultation', async () => {
    await openChat(page, `${origin}/chat-test`);
    await ask(page, '夫に殴られて怖いです', 1);
    // The box lists the numbers in the API's order for violence by a partner: DV相談＋, #8008, then 110.
    const links = await page.evaluate(() =>
      [...document.querySelector('yorisoi-chat')!.shadowRoot!.querySelectorAll('.log [role=alert] a')].map((a) => a.getAttribute('href')),
    );
    expect(links).toEqual(['tel:0120279889', 'tel:%238008', 'tel:110']);
    // The API's safety message in the bubble names the line for violence by a partner first (DV相談＋),
    // and 110 once, as the fallback (issue 13: the right number first for the category).
    const bubble = await chatText(page, '.log .bot [part=bubble]');
    expect(bubble.indexOf('0120-279-889')).toBe(bubble.indexOf('DV相談＋') + 'DV相談＋ '.length);
    expect(bubble.indexOf('0120-279-889')).toBeLessThan(bubble.indexOf('110'));
    expect(bubble.match(/110/g)).toHaveLength(1);
    expect(await programmes(page)).toContain('DV相談');
    // STAFF hand-off: the call-back form, with the municipality's privacy notice from intakeSettings.
    await waitInChat(page, '[part~=callback]');
    await page.waitForFunction(() => !!document.querySelector('yorisoi-chat')?.shadowRoot?.querySelector('#agree'));
    await page.waitForFunction(
      () => !document.querySelector('yorisoi-chat')!.shadowRoot!.querySelector('[part~=notice]')!.textContent!.includes('読み込んでいます'),
    );
    expect(await chatText(page, '[part~=notice]')).toContain('ひとり親家庭への支援のためにだけ使います');

    // The call-back request, by keyboard, to the real requestConsultation.
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
    await waitInChat(page, '[part~=reference]');
    const ref = await chatText(page, '[part~=reference]');
    expect(ref).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    const res = await t.gql(
      '{ inbox(first: 5) { edges { node { referenceNumber kind urgent preferredTime } } } }',
      {},
      await t.login(DepartmentCode.SINGLE_PARENT),
    );
    expect(res.body.errors).toBeUndefined();
    const item = res.body.data!.inbox.edges.map((e: { node: unknown }) => e.node).find((n: { referenceNumber: string }) => n.referenceNumber === ref);
    // The session was urgent, so the caseworker sees the request flagged.
    expect(item).toEqual({ referenceNumber: ref, kind: 'CHAT_REQUEST', urgent: true, preferredTime: '平日の夜' });
    expect(problems).toEqual([]);
  }, 60_000);

  it('speaks English with lang="en"', async () => {
    await openChat(page, `${origin}/chat-test?lang=en`);
    await ask(page, 'How much is the child-rearing allowance?', 1);
    expect(await programmes(page)).toContain('Child-rearing allowance');
    expect(await chatText(page, '.log .bot [part=bubble]')).toMatch(/[a-z]{3,}/);
    expect(await chatText(page, '.log .bot [part=bubble]')).not.toMatch(/[\u3040-\u30ff]/);
  }, 60_000);
});
