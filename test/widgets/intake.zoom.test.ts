import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBundle, launchChromium } from './support/browser';
import { startTestServer, type TestServer } from './support/server';

// Reflow and zoom (WCAG 2.1 1.4.4 Resize text, 1.4.10 Reflow; JIS X 8341-3 AA): every step of
// <yorisoi-intake>, in Japanese, English and やさしい日本語, rendered
//   - at 320 CSS px wide (a small phone, or 1280 px at 400 %), and
//   - at 200 % zoom of a 1280 px window: 640 CSS px at device scale factor 2, as Chrome's zoom does,
// must need no horizontal scrolling, keep every control inside the viewport, and not let text or
// controls overlap. Steps are restored from sessionStorage (as after a reload), answers chosen so
// that the longest content shows: DV box, two children, phone, name and street fields, results.

const KEY = 'yorisoi-intake:999999';
const ANSWERS = {
  postal: '100-0001',
  pref: '東京都',
  city: '千代田区',
  concerns: ['CHILDCARE', 'DV', 'WORK', 'HOUSING'],
  children: [
    { b: '2018-04-01', d: true },
    { b: '2021-10-15', d: false },
  ],
  salary: '1800000',
  other: '0',
  support: '300000',
  benefits: ['child-allowance'],
  want: 'y',
  ch: 'PHONE',
  phone: '090-1234-5678',
  email: '',
  fam: '山田',
  giv: '花子',
  famK: 'やまだ',
  givK: 'はなこ',
  street: '千代田1-1 ひとり親マンション 1203号室',
  share: [],
  partners: false,
  key: '6f1f7f5e-8a0f-4b55-9c1e-0f0e5c0d0a11',
  filled: '100-0001',
};
const VIEWS = [
  { name: '320 CSS px', viewport: { width: 320, height: 640 }, deviceScaleFactor: 1 },
  { name: '1280 px at 200 % zoom', viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 },
] as const;
const LANGS = ['ja', 'en', 'ja-easy'] as const;
/** What each view shows: a restored step, an error state, the receipt after sending. */
const STATES = ['0', '0-error', '1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  ensureBundle();
  server = await startTestServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens the plain CMS page with the widget showing `state`; resolves once that state is rendered. */
async function show(context: BrowserContext, lang: string, state: (typeof STATES)[number]): Promise<Page> {
  const step = state === '9' ? 8 : Number.parseInt(state, 10);
  const a = state === '0-error' ? { ...ANSWERS, postal: '12-34' } : ANSWERS;
  const page = await context.newPage();
  await page.addInitScript(([k, v]) => sessionStorage.setItem(k as string, v as string), [KEY, JSON.stringify({ step, a })]);
  await page.goto(`${server.url}/page?plain&lang=${lang}`);
  const has = (sel: string) => page.waitForFunction((s) => !!document.querySelector('yorisoi-intake')?.shadowRoot?.querySelector(s), sel, { timeout: 10_000 });
  await has('h2');
  const submit = () =>
    page.evaluate(() => (document.querySelector('yorisoi-intake')!.shadowRoot!.querySelector('button[type=submit]') as HTMLButtonElement).click());
  if (state === '0-error') {
    await submit();
    await has('#err-postal');
  }
  if (state === '5') await has('[part=results]');
  if (state === '7') await has('#consent');
  if (state === '8' || state === '9') await has('[part=confirm]');
  if (state === '9') {
    await submit();
    await has('[part=reference]');
  }
  return page;
}

interface Layout {
  scrollWidth: number;
  clientWidth: number;
  innerWidth: number;
  /** visible focusable controls outside the viewport horizontally, or of zero size */
  clipped: string[];
  /** any element of the widget reaching past the viewport's right or left edge */
  outside: string[];
  /** pairs of text or control boxes (neither inside the other) that overlap */
  overlaps: string[];
  controls: number;
}

function measure(page: Page): Promise<Layout> {
  return page.evaluate(() => {
    const root = document.querySelector('yorisoi-intake')!.shadowRoot!;
    const vw = document.documentElement.clientWidth;
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : ''} "${(el.textContent ?? '').trim().slice(0, 24)}"`;
    // Inside a closed <details> (folded results) nothing is shown, only its <summary>.
    const hidden = (el: Element) => !!el.closest('.sr') || !!el.closest('details:not([open]) > :not(summary)') || getComputedStyle(el).visibility === 'hidden';
    const all = [...root.querySelectorAll('*')].filter((el) => !hidden(el) && !['STYLE', 'RP'].includes(el.tagName));
    const focusable = [...root.querySelectorAll<HTMLElement>('input, button, a[href], select, textarea, [tabindex]')].filter(
      (el) => !hidden(el) && el.tabIndex >= 0,
    );
    const EPS = 0.5;
    const clipped = focusable
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width === 0 || r.height === 0 || r.left < -EPS || r.right > vw + EPS;
      })
      .map(describe);
    const outside = all
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && (r.left < -EPS || r.right > vw + EPS);
      })
      .map(describe);
    // What a person sees: the glyph area of every line of every text (a Range's client rects, one
    // per line, without the line's leading) and every control's box. No two may overlap, except
    // a text with the control it is inside (a button's label).
    const ink: { node: Node; r: DOMRect }[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      if (!parent || !n.textContent?.trim() || hidden(parent) || ['STYLE', 'RP'].includes(parent.tagName)) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      for (const r of range.getClientRects()) if (r.width > 0 && r.height > 0) ink.push({ node: n, r });
    }
    for (const el of root.querySelectorAll('input, button, select, textarea')) {
      const r = el.getBoundingClientRect();
      if (!hidden(el) && r.width > 0 && r.height > 0) ink.push({ node: el, r });
    }
    const label = (n: Node) => (n instanceof Element ? describe(n) : `"${(n.textContent ?? '').trim().slice(0, 24)}" in ${describe(n.parentElement!)}`);
    const overlaps: string[] = [];
    for (let i = 0; i < ink.length; i++) {
      for (let j = i + 1; j < ink.length; j++) {
        const a = ink[i]!;
        const b = ink[j]!;
        if (a.node === b.node || a.node.contains(b.node) || b.node.contains(a.node)) continue;
        // Furigana and its base are laid out together by the browser's ruby layout.
        const rubyOf = (n: Node) => (n instanceof Element ? n : n.parentElement)?.closest('ruby');
        if (rubyOf(a.node) && rubyOf(a.node) === rubyOf(b.node)) continue;
        const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
        const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
        // On one line, neighbours may touch by a pixel or two (kerning); more than half a glyph is an overlap.
        // Furigana may overhang the kana next to its base by up to half a furigana character (CSS
        // ruby overhang): only a wider overlap — furigana running into other text — counts.
        const rt = [a, b].find((x) => x.node.parentElement?.tagName === 'RT');
        const sameLine = h >= 0.5 * Math.min(a.r.height, b.r.height);
        const overlapping = rt ? w > 0.5 * rt.r.height && h > 1 : sameLine ? w > 0.5 * Math.min(a.r.width, b.r.width, a.r.height, b.r.height) : w > 1 && h > 1;
        if (overlapping)
          overlaps.push(
            `${label(a.node)} × ${label(b.node)} (${w.toFixed(1)}×${h.toFixed(1)} of ${a.r.width.toFixed(1)}×${a.r.height.toFixed(1)} and ${b.r.width.toFixed(1)}×${b.r.height.toFixed(1)})`,
          );
      }
    }
    const se = document.scrollingElement!;
    return { scrollWidth: se.scrollWidth, clientWidth: se.clientWidth, innerWidth: vw, clipped, outside, overlaps, controls: focusable.length };
  });
}

describe('<yorisoi-intake> reflows at 320 CSS px and at 200 % zoom', () => {
  for (const view of VIEWS) {
    it(`needs no horizontal scrolling and clips or overlaps nothing at ${view.name}, on every step, in ja, en and ja-easy`, async () => {
      const context = await browser.newContext({ viewport: view.viewport, deviceScaleFactor: view.deviceScaleFactor });
      try {
        const failures: string[] = [];
        for (const lang of LANGS) {
          for (const state of STATES) {
            const page = await show(context, lang, state);
            const m = await measure(page);
            expect(m.innerWidth).toBe(view.viewport.width);
            expect(m.controls).toBeGreaterThan(1);
            const where = `${lang} step ${state}`;
            if (m.scrollWidth > m.clientWidth) failures.push(`${where}: page scrolls sideways (${m.scrollWidth} > ${m.clientWidth})`);
            for (const c of m.clipped) failures.push(`${where}: control clipped: ${c}`);
            for (const o of m.outside) failures.push(`${where}: past the viewport: ${o}`);
            for (const o of m.overlaps) failures.push(`${where}: overlap: ${o}`);
            await page.close();
          }
        }
        expect(failures).toEqual([]);
      } finally {
        await context.close();
      }
    }, 240_000);
  }
});
