import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAxeClean } from './support/axe';
import { launchChromium } from './support/browser';
import { DepartmentCode, deepFocus, signIn, startStaffServer, waitForHeadingFocus, type StaffServer } from './support/staff';

// The staff console's screen for allowed origins (admins), by keyboard only, against the real API:
// an invalid origin is refused at its field, a valid one is listed normalised with who added it,
// removing it works; axe-core is clean in Japanese and English; other staff do not get the screen.

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
/** Presses Tab until the deeply focused element satisfies `test` (described for the error). */
async function tabUntil(page: Page, what: string, test: (f: { tag: string; id: string; text: string }) => boolean, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (test(await deepFocus(page))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${what} (focus: ${JSON.stringify(await deepFocus(page))})`);
}
const listed = (page: Page) => page.locator('staff-origins ul.origins .ref').allInnerTexts();

describe('staff console: allowed origins', () => {
  it('an admin adds and removes an origin by keyboard; errors at the field; axe-clean in ja and en', async () => {
    const { context, page } = await newPage();
    await signIn(page, s.origin, DepartmentCode.SINGLE_PARENT, 'admin');
    await waitForHeadingFocus(page, '今日の仕事');
    await tabUntil(page, 'the nav link', (f) => f.tag === 'a' && f.text === '埋め込みの許可');
    await page.keyboard.press('Enter');
    await waitForHeadingFocus(page, 'ウィジェットを埋め込めるサイト');
    await page.locator('#origin').waitFor();
    expect(await page.title()).toContain('埋め込みの許可');
    expect(await page.locator('staff-origins li.ref').allInnerTexts()).toContain('http://cms.example.jp'); // CORS_ORIGINS of the test app, read-only
    await expectAxeClean(page, 'origins, empty');

    // A page address is not an origin: the API's message shows at the field, which keeps focus.
    await tabUntil(page, 'the origin field', (f) => f.id === 'origin');
    await page.keyboard.type('https://www.city.example.lg.jp/kosodate/');
    await page.keyboard.press('Enter');
    await page.locator('#origin-error').waitFor();
    expect(await page.locator('#origin-error').innerText()).toContain('パス');
    expect(await page.locator('#origin').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#origin').getAttribute('aria-describedby')).toBe('origin-hint origin-error');
    expect((await deepFocus(page)).id).toBe('origin');
    await expect.poll(() => page.locator('yorisoi-staff [role=alert]').first().innerText()).toContain('パス');
    await expectAxeClean(page, 'origins, with an error');

    // The origin itself, typed carelessly: stored normalised, listed, recorded with the admin's name.
    await page.keyboard.press('Control+A');
    await page.keyboard.type('HTTPS://WWW.City.Example.LG.JP/');
    await page.keyboard.press('Enter');
    await expect.poll(() => listed(page)).toEqual(['https://www.city.example.lg.jp']);
    expect(await page.locator('#origin').inputValue()).toBe('');
    expect(await page.locator('#origin-error').count()).toBe(0);
    await expect.poll(() => page.locator('yorisoi-staff [role=status]').first().innerText()).toContain('https://www.city.example.lg.jp を許可しました。');
    const row = await page.locator('staff-origins tbody tr').first().innerText();
    expect(row).toContain('追加');
    expect(row).toContain('https://www.city.example.lg.jp');
    const admin = await s.t.login(DepartmentCode.SINGLE_PARENT, 'admin');
    const api = await s.t.gql('{ allowedOrigins { origins changes { actorName } } }', {}, admin);
    expect(api.body.data!.allowedOrigins.origins).toEqual(['https://www.city.example.lg.jp']);
    expect(row).toContain(api.body.data!.allowedOrigins.changes[0].actorName);
    await expectAxeClean(page, 'origins, one listed');

    // In English too.
    await page.locator('header button', { hasText: 'English' }).press('Enter');
    await page.locator('staff-origins h1', { hasText: 'Sites that may embed the widgets' }).waitFor();
    await expectAxeClean(page, 'origins, English');

    // Removing by keyboard: the list is empty, focus lands on its heading, both changes are recorded.
    await tabUntil(page, 'the remove button', (f) => f.tag === 'button' && f.text === 'Remove');
    await page.keyboard.press('Enter');
    await expect.poll(() => listed(page)).toEqual([]);
    await expect.poll(async () => (await deepFocus(page)).id).toBe('origins-h');
    expect(await page.locator('staff-origins tbody tr').count()).toBe(2);
    await expectAxeClean(page, 'origins, after removing');
    await context.close();
  }, 90_000);

  it('is not offered to other staff, and refuses them if they go there', async () => {
    const { context, page } = await newPage();
    await signIn(page, s.origin, DepartmentCode.SINGLE_PARENT, 'supervisor');
    await waitForHeadingFocus(page, '今日の仕事');
    expect(await page.locator('nav a[href="#/settings/origins"]').count()).toBe(0);
    await page.evaluate(() => (location.hash = '#/settings/origins'));
    await page.locator('staff-origins [role=alert]').waitFor();
    expect(await page.locator('staff-origins [role=alert]').innerText()).toContain('管理者だけ');
    expect(await page.locator('#origin').count()).toBe(0);
    await context.close();
  }, 60_000);
});
