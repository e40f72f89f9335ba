// Found trying the family page as a parent in やさしい日本語 at 320 px: the application list and the
// booked interviews showed the procedure's name with its furigana markup as typed in the seed —
// 「児童扶養手当{じどうふようてあて}の 現況届{げんきょうとどけ}」 — where every other text of the page shows
// furigana above the kanji. Names now go through the same ruby rendering as the rest of the page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { familyFromIntake } from '../application/support-api';
import { ensureBundle } from './support/browser';
import { startRealApiPage, type RealApiPage } from './support/real-api';

let s: RealApiPage;

const html = `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>デモ市 マイページ</title>
<script type="module" src="/widgets/mypage.js"></script></head>
<body><main><h1>デモ市</h1><yorisoi-mypage api="/graphql" municipality="999999" lang="ja-easy"></yorisoi-mypage></main></body></html>`;

beforeAll(async () => {
  ensureBundle();
  s = await startRealApiPage('/mypage-easy', () => html);
});
afterAll(() => s?.close());

describe('<yorisoi-mypage> in やさしい日本語', () => {
  it('shows the names of the family’s applications with furigana, never the {} markup', async () => {
    const { session } = await familyFromIntake(s.t);
    const started = await s.t.gql(`mutation($i: StartApplicationInput!) { startApplication(input: $i) { id } }`, {
      i: { session, procedureId: 'cra-status-report' },
    });
    expect(started.body.errors).toBeUndefined();

    const { page, problems } = await s.newPage();
    await page.setViewportSize({ width: 320, height: 740 });
    await page.addInitScript((token) => sessionStorage.setItem('yorisoi-mypage:999999', token), session);
    await page.goto(`${s.origin}/mypage-easy`);
    const card = page.locator('yorisoi-mypage [part=application]').first();
    await card.waitFor({ timeout: 60_000 });
    const text = await card.innerText();
    expect(text).toContain('児童扶養手当');
    expect(text).not.toMatch(/[{}]/);
    expect(await card.locator('ruby rt').allInnerTexts()).toContain('じどうふようてあて');
    // With nothing booked, the interviews heading says so instead of standing empty (found in the same trial).
    const shown = await page.evaluate(() => (document.querySelector('yorisoi-mypage')!.shadowRoot!.textContent ?? '').replace(/\s+/g, ' '));
    expect(shown).toMatch(/よやくした 面談(\(めんだん\))?は ありません。/);
    expect(problems).toEqual([]);
  }, 120_000);
});
