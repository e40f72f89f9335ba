import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser';
import { DepartmentCode, signIn, startStaffServer, waitForHeadingFocus, type StaffServer } from './support/staff';

// Found trying the console as a caseworker: the records screen's main search box (type=search) and
// the admin's origin field (type=url) were left at the browser's default size — about 185 × 20 px
// beside 44 px high, full-width filters — because the console's field style listed the input types
// one by one and missed these two. Every field a person types into must get the same style.

let s: StaffServer;
let browser: Browser;

beforeAll(async () => {
  s = await startStaffServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await s?.close();
});

/** Height and width of every visible text-like field in the console (shadow roots included). */
function fieldSizes(page: Page): Promise<{ id: string; type: string; height: number; width: number }[]> {
  return page.evaluate(() => {
    const out: { id: string; type: string; height: number; width: number }[] = [];
    const walk = (root: Document | ShadowRoot): void => {
      for (const el of root.querySelectorAll('*')) {
        if (el instanceof HTMLInputElement && !['checkbox', 'radio', 'hidden', 'file', 'submit', 'button'].includes(el.type)) {
          const r = el.getBoundingClientRect();
          if (r.width > 0) out.push({ id: el.id, type: el.type, height: Math.round(r.height), width: Math.round(r.width) });
        }
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return out;
  });
}

describe('staff console: fields a person types into', () => {
  it('the records search box and the origin field are as large as every other field (44 px high, full width)', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ja-JP' });
    const page = await context.newPage();
    await signIn(page, s.origin, DepartmentCode.SINGLE_PARENT, 'admin');
    await waitForHeadingFocus(page, '今日の仕事');

    await page.evaluate(() => (location.hash = '#/records'));
    await page.locator('#f-name').waitFor({ timeout: 60_000 });
    const records = await fieldSizes(page);
    const search = records.find((f) => f.id === 'f-name');
    const date = records.find((f) => f.id === 'f-from');
    expect(search?.type).toBe('search');
    expect(search!.height).toBeGreaterThanOrEqual(44);
    expect(search!.width).toBe(date!.width); // the same grid column width as the other filters
    for (const f of records) expect(f.height, f.id).toBeGreaterThanOrEqual(44);

    await page.evaluate(() => (location.hash = '#/settings/origins'));
    await page.locator('#origin').waitFor({ timeout: 60_000 });
    const origin = (await fieldSizes(page)).find((f) => f.id === 'origin');
    expect(origin?.type).toBe('url');
    expect(origin!.height).toBeGreaterThanOrEqual(44);
    expect(origin!.width).toBeGreaterThan(400);
    await context.close();
  }, 180_000);

  it('record values are not broken mid-figure beside long labels (給与収入 1,800,000 円 on one line) at 1280 and 1024 px', async () => {
    const token = await s.t.login(DepartmentCode.SINGLE_PARENT);
    const res = await s.t.gql('{ records(first: 50) { edges { node { id income { annualEmploymentIncome } } } } }', {}, token);
    const target = (res.body.data!.records.edges as { node: { id: string; income: { annualEmploymentIncome: number | null } | null } }[])
      .map((e) => e.node)
      .find((n) => (n.income?.annualEmploymentIncome ?? 0) >= 1_000_000);
    expect(target).toBeDefined();
    for (const width of [1280, 1024]) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'ja-JP' });
      const page = await context.newPage();
      await signIn(page, s.origin, DepartmentCode.SINGLE_PARENT);
      await waitForHeadingFocus(page, '今日の仕事');
      await page.evaluate((id) => (location.hash = `#/records/${id}`), target!.id);
      // Every value cell showing an amount in yen: how many lines its text takes.
      const amounts = async () =>
        page.evaluate(() => {
          const out: { text: string; lines: number; besideLabel: boolean }[] = [];
          const walk = (root: Document | ShadowRoot): void => {
            for (const el of root.querySelectorAll('*')) {
              if (el.tagName === 'DD' && /^[\d,]+ ?円/.test(el.textContent!.trim())) {
                const range = document.createRange();
                range.selectNodeContents(el);
                const dt = el.previousElementSibling;
                out.push({
                  text: el.textContent!.trim(),
                  lines: new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size,
                  besideLabel: !!dt && dt.getBoundingClientRect().right <= el.getBoundingClientRect().left, // label and value side by side
                });
              }
              if (el.shadowRoot) walk(el.shadowRoot);
            }
          };
          walk(document);
          return out;
        });
      await expect.poll(async () => (await amounts()).length, { timeout: 60_000 }).toBeGreaterThan(0);
      for (const a of await amounts()) {
        expect(a.lines, `${a.text} at ${width} px`).toBe(1);
        expect(a.besideLabel, `${a.text} beside its label at ${width} px`).toBe(true);
      }
      await context.close();
    }
  }, 180_000);
});
