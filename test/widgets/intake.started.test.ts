import type { Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRealApiPage, type RealApiPage } from './support/real-api';
import { ensureBundle, openWidget, tabTo, waitForStep } from './support/browser';
import { next } from './support/flow';

// <yorisoi-intake> says "started" once, when the family gets past the first page: one anonymous POST
// carrying the municipality's code only — no answers, no cookie — counted by the real API.

let s: RealApiPage;

const html = (lang: string) => `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><title>デモ市</title>
<script type="module" src="/widgets/intake.js"></script></head>
<body><main><h1>デモ市</h1><yorisoi-intake api="/graphql" municipality="999999" lang="${lang}"></yorisoi-intake></main></body></html>`;

beforeAll(async () => {
  ensureBundle();
  s = await startRealApiPage('/intake-started', html);
});
afterAll(() => s?.close());

describe('<yorisoi-intake>: the started ping', () => {
  it('is sent once, past the first page, with the code only and no cookie; going back and on sends nothing more', async () => {
    const { page, problems } = await s.newPage();
    await page.context().addCookies([{ name: 'cms-session', value: 'secret-of-the-cms', url: s.origin }]);
    const pings: Request[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && (r.postData() ?? '').includes('IntakeStarted')) pings.push(r);
    });
    await openWidget(page, `${s.origin}/intake-started`);
    // The first page filled in but not left: nothing sent yet.
    await tabTo(page, '#postal');
    await page.keyboard.type('123-4567');
    await page.waitForTimeout(300);
    expect(pings).toHaveLength(0);
    await page.keyboard.press('Enter');
    await waitForStep(page, 'お困りのこと');
    await expect.poll(() => pings.length).toBe(1);
    const body = JSON.parse(pings[0]!.postData()!);
    expect(body).toEqual({
      query: expect.stringContaining('intakeStarted'),
      operationName: 'IntakeStarted',
      variables: { input: { municipalityCode: '999999' } },
    });
    expect(await pings[0]!.allHeaders()).not.toHaveProperty('cookie');
    expect(JSON.stringify(body)).not.toContain('123');
    // Back to the first page and on again: still one.
    await tabTo(page, 'button[part~="button-back"]');
    await page.keyboard.press('Enter');
    await waitForStep(page, 'お住まい');
    await next(page);
    await waitForStep(page, 'お困りのこと');
    await expect
      .poll(
        async () =>
          (await s.t.em().getConnection().execute<{ count: number }[]>(`select count from intake_start where municipality_code = '999999'`))[0]?.count,
      )
      .toBe(1);
    expect(pings).toHaveLength(1);
    expect(problems).toEqual([]);
  });
});
