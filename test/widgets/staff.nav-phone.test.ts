// The console on a phone (390 px), found trying it as staff would: the main menu's ~18 links took ~500 px
// before any content. Now they fold behind a 「メニュー」 disclosure button at narrow widths: the first
// screen's content starts within the first viewport, the button opens and closes with the keyboard
// (Enter, Space, Escape back to the button), choosing a link folds it again; axe-clean both ways. At
// 1280 px nothing changes (no button, every link shown). Demo mode: admins find the demo mailbox there.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAxeClean } from './support/axe';
import { launchChromium } from './support/browser';
import { deepFocus, DepartmentCode, signIn, startStaffServer, waitForHeadingFocus, type StaffServer } from './support/staff';

let s: StaffServer;
let browser: Browser;
beforeAll(async () => {
  s = await startStaffServer({ demo: true });
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await s?.close();
});

async function admin(width: number, height: number): Promise<{ page: Page; problems: string[]; close(): Promise<void> }> {
  // bypassCSP only so that axe-core can be injected into the console's policy.
  const context = await browser.newContext({ viewport: { width, height }, bypassCSP: true, locale: 'ja-JP' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await signIn(page, s.origin, DepartmentCode.SINGLE_PARENT, 'admin');
  await waitForHeadingFocus(page, '今日の仕事');
  return { page, problems, close: () => context.close() };
}
const button = (page: Page) => page.locator('yorisoi-staff nav button.menu');
const link = (page: Page, href: string) => page.locator(`yorisoi-staff nav a[href="${href}"]`);

describe('the console’s main menu on a 390 px phone', () => {
  it('is folded: the screen’s heading is within the first viewport; the menu opens and closes by keyboard', async () => {
    const { page, problems, close } = await admin(390, 844);
    expect(await button(page).isVisible()).toBe(true);
    expect(await button(page).getAttribute('aria-expanded')).toBe('false');
    expect(await button(page).innerText()).toContain('メニュー');
    expect(await link(page, '#/inbox').isVisible()).toBe(false);
    const h1 = await page.locator('staff-worklist h1').boundingBox();
    expect(h1!.y + h1!.height).toBeLessThanOrEqual(844);
    expect((await button(page).boundingBox())!.height).toBeGreaterThanOrEqual(44);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAxeClean(page, 'menu folded, 390 px');

    // Keyboard: Tab to the button, Enter opens it (focus stays on the button), Escape closes it.
    await button(page).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => button(page).getAttribute('aria-expanded')).toBe('true');
    expect(await link(page, '#/inbox').isVisible()).toBe(true);
    expect((await deepFocus(page)).tag).toBe('button');
    // The admin of the demo finds the demo mailbox among the links, labelled as such.
    expect(await link(page, '/demo/mailbox?lang=ja').innerText()).toContain('デモ用メールボックス（実際には送信されません）');
    await expectAxeClean(page, 'menu open, 390 px');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    await expect.poll(() => button(page).getAttribute('aria-expanded')).toBe('false');
    expect(await link(page, '#/inbox').isVisible()).toBe(false);
    expect((await deepFocus(page)).text).toContain('メニュー');

    // Space opens it again; choosing a link goes there, folds the menu, and the new screen's heading has focus.
    await page.keyboard.press(' ');
    await expect.poll(() => button(page).getAttribute('aria-expanded')).toBe('true');
    await link(page, '#/inbox').focus();
    await page.keyboard.press('Enter');
    await waitForHeadingFocus(page, '受付一覧');
    expect(await button(page).getAttribute('aria-expanded')).toBe('false');
    expect(await link(page, '#/records').isVisible()).toBe(false);
    const inbox = await page.locator('staff-inbox h1').boundingBox();
    expect(inbox!.y + inbox!.height).toBeLessThanOrEqual(844);
    expect(problems).toEqual([]);
    await close();
  }, 120_000);

  it('at 1280 px is as before: no button, every link in view', async () => {
    const { page, problems, close } = await admin(1280, 900);
    expect(await button(page).isVisible()).toBe(false);
    for (const href of ['#/worklist', '#/inbox', '#/records', '#/settings/staff', '#/settings/line']) expect(await link(page, href).isVisible()).toBe(true);
    // One wrapped row of links, as before: the list is below the header and nothing folded.
    const nav = await page.locator('yorisoi-staff nav').boundingBox();
    expect(nav!.height).toBeLessThan(200);
    await expectAxeClean(page, 'menu, 1280 px');
    expect(problems).toEqual([]);
    await close();
  }, 120_000);
});
