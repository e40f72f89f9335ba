// Found trying the family page as a parent: required answers were checked only at 「この内容で送信する」,
// after the confirmation screen (N7), and a mistyped date got the generic 「正しい日付で…」/「日付が まちがって
// います」 (N8). Now 「確認画面へ」 checks first — nothing is sent, focus goes to the first problem, each
// message is tied to its field — and a date says how to write it, in the widget and from the API (with the
// field path), in ja, en and ja-easy.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { familyFromIntake } from '../application/support-api';
import { expectAxeClean } from './support/axe';
import { ensureBundle } from './support/browser';
import { startRealApiPage, type RealApiPage } from './support/real-api';

let s: RealApiPage;

const html = `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>デモ市 マイページ</title>
<script type="module" src="/widgets/mypage.js"></script></head>
<body><main><h1>デモ市</h1><yorisoi-mypage api="/graphql" municipality="999999" lang="ja"></yorisoi-mypage></main></body></html>`;

beforeAll(async () => {
  ensureBundle();
  s = await startRealApiPage('/mypage-check', () => html);
});
afterAll(() => s?.close());

const w = (page: Page, sel: string) => page.locator(`yorisoi-mypage ${sel}`);
const activeId = (page: Page) => page.evaluate(() => document.querySelector('yorisoi-mypage')?.shadowRoot?.activeElement?.id ?? '');
async function tabTo(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 80; i++) {
    if (await page.evaluate((x) => !!document.querySelector('yorisoi-mypage')?.shadowRoot?.activeElement?.matches(x), selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}
const describedText = (page: Page, id: string) =>
  page.evaluate((x) => {
    const root = document.querySelector('yorisoi-mypage')!.shadowRoot!;
    const ids = root.querySelector(`#${x}`)?.getAttribute('aria-describedby')?.split(' ') ?? [];
    return ids.map((i) => root.querySelector(`#${i}`)?.textContent ?? '').join(' ');
  }, id);

describe('the family page checks answers before sending', () => {
  it('「確認画面へ」 with a required answer missing and a mistyped date: nothing sent, focus on the first problem, messages tied to fields', async () => {
    const { session } = await familyFromIntake(s.t);
    const { page, problems } = await s.newPage();
    await page.addInitScript((x) => sessionStorage.setItem('yorisoi-mypage:999999', x), session);
    await page.setViewportSize({ width: 320, height: 740 });
    await page.goto(`${s.origin}/mypage-check`);
    await w(page, 'button[aria-label^="申請する: 児童手当 認定請求"]').click();
    await expect.poll(() => w(page, 'h2').first().textContent()).toContain('児童手当');

    await tabTo(page, '#q-eventDate');
    await page.keyboard.type('2026/13/45');
    const sent: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/graphql')) sent.push(r.postData() ?? '');
    });
    await tabTo(page, 'button[type=submit]');
    expect(await page.evaluate(() => document.querySelector('yorisoi-mypage')!.shadowRoot!.activeElement!.textContent)).toContain('確認画面へ');
    await page.keyboard.press('Enter');

    // The first unanswered required question (きっかけ, before the date) has focus; the page stays.
    await expect.poll(() => activeId(page)).toBe('q-event');
    expect(await w(page, 'h2').first().textContent()).toContain('児童手当');
    expect(await w(page, '#q-event').getAttribute('aria-invalid')).toBe('true');
    expect(await describedText(page, 'q-event')).toContain('に答えてください');
    expect(await w(page, '#q-eventDate').getAttribute('aria-invalid')).toBe('true');
    expect(await describedText(page, 'q-eventDate')).toContain('日付は 2026-12-31 のように入力してください');
    expect(await w(page, '[role=status]').textContent()).toContain('入力されていない項目');
    expect(sent).toEqual([]);
    await expectAxeClean(page, 'apply with problems');

    // A date written another readable way is sent as YYYY-MM-DD (一時保存 checks dates only).
    await w(page, '#q-eventDate').fill('2026/12/1');
    await tabTo(page, 'button[type=button]');
    await page.keyboard.press('Enter');
    await expect.poll(() => sent.length).toBe(1);
    expect(sent[0]).toContain('"2026-12-01"');
    await expect.poll(() => w(page, '[role=status]').textContent()).toContain('保存しました');
    expect(problems).toEqual([]);
  });

  it('the API names the date field and says how to write a date, in ja, en and ja-easy', async () => {
    const { session } = await familyFromIntake(s.t);
    const started = (
      await s.t.gql(`mutation($i: StartApplicationInput!) { startApplication(input: $i) { id version } }`, {
        i: { session, procedureId: 'child-allowance-claim' },
      })
    ).body.data!.startApplication as { id: string; version: number };
    const r = await s.t.gql(`mutation($i: SaveApplicationInput!) { saveApplication(input: $i) { version } }`, {
      i: { session, id: started.id, version: started.version, answers: [{ question: 'eventDate', value: '12月31日' }] },
    });
    const e = r.body.errors![0]!;
    expect(e.extensions!.code).toBe('BAD_USER_INPUT');
    const problem = ((e.extensions!.problems as { field: string; messages: Record<string, string> }[] | undefined) ?? [e.extensions as never])[0]!;
    expect(problem.field).toBe('input.answers.0.value');
    expect(problem.messages.ja).toContain('日付は 2026-12-31 のように入力してください');
    expect(problem.messages.en).toContain('like 2026-12-31');
    expect(problem.messages['ja-easy']).toContain('2026-12-31 の ように');
    expect(JSON.stringify(r.body)).not.toContain('12月31日'); // the value is never echoed
  });
});
