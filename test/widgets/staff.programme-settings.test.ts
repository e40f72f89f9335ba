import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAxeClean } from './support/axe';
import { launchChromium } from './support/browser';
import { DepartmentCode, deepFocus, signIn, startStaffServer, waitForHeadingFocus, wholeInView, type StaffServer } from './support/staff';

// 「支援制度の設定」 (issue 21) by keyboard only, against the real API: an admin opens a programme,
// changes its contact, checks the changes (a bad やさしい日本語 text is refused at its field first),
// applies them; the public catalogue shows the new contact at once and the trail has the save.

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

async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
  // bypassCSP only so that axe can be injected into the console.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true, locale: 'ja-JP' });
  return { context, page: await context.newPage() };
}
async function tabUntil(page: Page, what: string, test: (f: { tag: string; id: string; text: string }) => boolean, max = 200): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (test(await deepFocus(page))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${what} (focus: ${JSON.stringify(await deepFocus(page))})`);
}
async function replace(page: Page, text: string): Promise<void> {
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
}
const trail = async () =>
  Number((await s.t.em().getConnection().execute<{ n: string }[]>(`select count(*) as n from admin_event where action = 'programme-settings.changed'`))[0]!.n);
const NEW_DESK = 'デモ市こども家庭課 手当係（電話 0000-22-3333）';

describe('staff console: programme settings', () => {
  it('an admin changes a contact, checks the changes and applies them — by keyboard, axe-clean', async () => {
    const { context, page } = await newPage();
    await signIn(page, s.origin, DepartmentCode.SINGLE_PARENT, 'admin');
    await waitForHeadingFocus(page, '今日の仕事');
    await page.locator('nav').getByRole('link', { name: '支援制度の設定' }).focus();
    await page.keyboard.press('Enter');
    await waitForHeadingFocus(page, '支援制度の設定');
    await page.locator('staff-programme-settings details').first().waitFor({ timeout: 60_000 });
    await expectAxeClean(page, 'programme settings');

    // Open 児童扶養手当 and change its contact (Japanese), and break its やさしい日本語 text.
    await tabUntil(page, 'the child-rearing allowance', (f) => f.tag === 'summary' && f.text.startsWith('児童扶養手当'));
    await page.keyboard.press('Enter');
    await tabUntil(page, 'its Japanese contact', (f) => f.id === 'c-child-rearing-allowance-ja');
    await replace(page, NEW_DESK);
    await page.keyboard.press('Tab');
    await tabUntil(page, 'its easy-Japanese contact', (f) => f.id === 'c-child-rearing-allowance-jaEasy');
    await replace(page, 'まどぐち{');
    await page.keyboard.press('Tab');
    await expectAxeClean(page, 'programme settings, one open');
    await tabUntil(page, 'the check button', (f) => f.tag === 'button' && f.text === '変更を確認');
    await page.keyboard.press('Enter');
    await page.locator('#c-child-rearing-allowance-jaEasy-error').waitFor({ timeout: 30_000 });
    await expect.poll(async () => (await deepFocus(page)).id).toBe('c-child-rearing-allowance-jaEasy');
    expect(await page.locator('#c-child-rearing-allowance-jaEasy').getAttribute('aria-invalid')).toBe('true');
    await expectAxeClean(page, 'programme settings, with an error');

    // Fix it, check again: the differences are listed and focused; apply.
    await replace(page, 'デモ市{し}の 窓口{まどぐち}');
    await page.keyboard.press('Tab');
    await tabUntil(page, 'the check button', (f) => f.tag === 'button' && f.text === '変更を確認');
    await page.keyboard.press('Enter');
    await waitForHeadingFocus(page, '確認：変わる内容');
    // The whole preview is brought into view, its apply button too (not only the heading at the bottom).
    expect(await wholeInView(page, page.locator('staff-programme-settings button', { hasText: '適用する' }))).toBe(true);
    const preview = await page.locator('staff-programme-settings section').innerText();
    expect(preview).toContain(NEW_DESK);
    expect(preview).toContain('児童扶養手当');
    expect(await trail()).toBe(0);
    await expectAxeClean(page, 'programme settings, preview');
    await tabUntil(page, 'the apply button', (f) => f.tag === 'button' && f.text === '適用する');
    await page.keyboard.press('Enter');
    await expect.poll(() => trail(), { timeout: 30_000 }).toBe(1);
    // Said where it is seen: under the heading, focused (the pressed button went with the preview).
    await expect.poll(async () => (await deepFocus(page)).id).toBe('done');
    expect(await page.locator('staff-programme-settings #done').innerText()).toContain('適用しました（版 1）');
    expect(await wholeInView(page, page.locator('staff-programme-settings #done'))).toBe(true);
    const list = await s.t.gql('{ programmes(municipalityCode: "999999") { id contact } }');
    expect((list.body.data!.programmes as { id: string; contact: string }[]).find((p) => p.id === 'child-rearing-allowance')!.contact).toBe(NEW_DESK);
    await expect.poll(() => page.locator('staff-programme-settings p.muted', { hasText: '設定の版' }).innerText()).toBe('設定の版：1');
    await expectAxeClean(page, 'programme settings, applied');
    await context.close();
  }, 180_000);

  it('is not offered to a caseworker', async () => {
    const { context, page } = await newPage();
    await signIn(page, s.origin, DepartmentCode.SINGLE_PARENT);
    await waitForHeadingFocus(page, '今日の仕事');
    expect(await page.locator('nav').getByRole('link', { name: '支援制度の設定' }).count()).toBe(0);
    await context.close();
  }, 90_000);
});
