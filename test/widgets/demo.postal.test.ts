// The demo had no postal code that fills an address (デモ市 999999 is fictional, Japan Post has none): in demo
// mode the fictional codes 999-9901…9905 (seeds/demo/postal-codes.tsv) answer デモ県デモ市 and the demo page
// says so; on any other server they are unknown like any code Japan Post does not have.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostalDirectory } from '../../api/postal';
import { startTestApp } from '../support/app';
import { expectAxeClean } from './support/axe';
import { ensureBundle, openWidget, shadowText, tabTo } from './support/browser';
import { startRealApiPage, type RealApiPage } from './support/real-api';

const Q = `query($c: String!) { postalAddress(postalCode: $c) { postalCode prefecture city municipalityCode town } }`;

describe('fictional postal codes of デモ市', () => {
  let s: RealApiPage;
  beforeAll(async () => {
    ensureBundle();
    s = await startRealApiPage('/unused', () => '', { demo: true });
  }, 120_000);
  afterAll(() => s?.close());

  it('are no Japan Post code', () => {
    for (const code of ['9999900', '9999901', '9999905', '9999999']) expect(PostalDirectory.shared().lookup(code)).toEqual([]);
  });

  it('answer デモ県デモ市 in demo mode; a real code still answers as Japan Post says', async () => {
    const r = await s.t.gql(Q, { c: '999-9901' });
    expect(r.body.data!.postalAddress).toEqual({ postalCode: '999-9901', prefecture: 'デモ県', city: 'デモ市', municipalityCode: '999999', town: 'デモ町' });
    expect((await s.t.gql(Q, { c: '999-9906' })).body.data!.postalAddress).toBeNull();
    expect((await s.t.gql(Q, { c: '100-0001' })).body.data!.postalAddress.city).toBe('千代田区');
  });

  it('are unknown when the server is not the demo', async () => {
    const t = await startTestApp({ records: 0 });
    try {
      const r = await t.gql(Q, { c: '999-9901' });
      expect(r.body.errors).toBeUndefined();
      expect(r.body.data!.postalAddress).toBeNull();
    } finally {
      await t.close();
    }
  }, 60_000);

  it('the demo page shows the hint, and typing one in the intake fills the address (no "another municipality")', async () => {
    // bypassCSP only so that axe-core can be injected into the demo page's policy.
    const context = await s.browser.newContext({ viewport: { width: 1024, height: 800 }, bypassCSP: true });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await openWidget(page, `${s.origin}/`);
    await page.locator('.demo-hints').waitFor();
    expect(await page.locator('.demo-hints').innerText()).toContain('999-9901');
    await tabTo(page, '#postal');
    await page.keyboard.type('999-9903');
    await page.waitForFunction(
      () => {
        const root = document.querySelector('yorisoi-intake')?.shadowRoot;
        return (
          (root?.querySelector('#pref') as HTMLInputElement | null)?.value === 'デモ県' &&
          (root?.querySelector('#city') as HTMLInputElement | null)?.value === 'デモ市'
        );
      },
      undefined,
      { timeout: 10_000 },
    );
    expect(await shadowText(page, '[role=status]')).toBe('〒999-9903 デモ県デモ市 を入力しました。');
    expect(await page.evaluate(() => !!document.querySelector('yorisoi-intake')?.shadowRoot?.querySelector('#note-postal'))).toBe(false);
    await expectAxeClean(page, 'demo page with the hint');
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);
});
