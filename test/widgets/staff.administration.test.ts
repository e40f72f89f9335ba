import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAxeClean } from './support/axe';
import { launchChromium } from './support/browser';
import { DepartmentCode, deepFocus, signIn, startStaffServer, waitForHeadingFocus, type StaffServer } from './support/staff';

// The console's administration screens (issue 21) by keyboard only, against the real API: an admin
// renames a department, registers a partner with its contact and issues and revokes its token,
// publishes a new privacy notice version (a bad version name is refused at its field) — each
// axe-clean; the intake settings then carry the new version; a caseworker is not offered them.

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
async function tabUntil(page: Page, what: string, test: (f: { tag: string; id: string; text: string }) => boolean, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (test(await deepFocus(page))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${what} (focus: ${JSON.stringify(await deepFocus(page))})`);
}
async function openByNav(page: Page, link: string, heading: string): Promise<void> {
  await page.locator('nav').getByRole('link', { name: link }).focus();
  expect((await deepFocus(page)).text).toBe(link);
  await page.keyboard.press('Enter');
  await waitForHeadingFocus(page, heading);
}
const trail = async (action: string) =>
  Number((await s.t.em().getConnection().execute<{ n: string }[]>(`select count(*) as n from admin_event where action = ?`, [action]))[0]!.n);

describe('staff console: administration screens', () => {
  it('an admin renames a department, manages a partner and its token, publishes a privacy notice — by keyboard, axe-clean', async () => {
    const { context, page } = await newPage();
    await signIn(page, s.origin, DepartmentCode.SINGLE_PARENT, 'admin');
    await waitForHeadingFocus(page, '今日の仕事');

    // Departments: the field of 生活困窮担当課, a new name, Enter.
    await openByNav(page, '部署の名前', '部署と名前');
    await page.locator('#dep-LIVELIHOOD_SUPPORT').waitFor({ timeout: 60_000 });
    await expectAxeClean(page, 'departments');
    await tabUntil(page, 'the livelihood field', (f) => f.id === 'dep-LIVELIHOOD_SUPPORT');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Enter');
    await page.locator('#dep-LIVELIHOOD_SUPPORT-error').waitFor();
    expect((await deepFocus(page)).id).toBe('dep-LIVELIHOOD_SUPPORT');
    await page.keyboard.type('福祉総務課');
    await page.keyboard.press('Enter');
    await expect.poll(() => trail('department.renamed'), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => page.locator('yorisoi-staff [role=status]').first().innerText()).toContain('福祉総務課');
    expect(await page.locator('#dep-LIVELIHOOD_SUPPORT').inputValue()).toBe('福祉総務課');
    await expectAxeClean(page, 'departments, renamed');

    // Partners: register one with its contact, issue a token (shown once), revoke it.
    await openByNav(page, '連携団体', '連携団体（委託先・NPO）');
    await page.locator('#p-name').waitFor({ timeout: 60_000 });
    await tabUntil(page, 'the partner name field', (f) => f.id === 'p-name');
    await page.keyboard.type('NPO法人 キーボード応援団');
    await page.keyboard.press('Tab');
    await page.keyboard.type('事務局 03-0000-0000');
    await page.keyboard.press('Enter');
    await waitForHeadingFocus(page, 'NPO法人 キーボード応援団');
    expect(await page.locator('staff-partners ul.partners').innerText()).toContain('事務局 03-0000-0000');
    await expectAxeClean(page, 'partners, one open');
    await tabUntil(page, 'the token label field', (f) => f.id === 't-label');
    await page.keyboard.type('case system');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await deepFocus(page)).id, { timeout: 30_000 }).toBe('t-secret');
    expect(await page.locator('#t-secret').inputValue()).toMatch(/^yp_/);
    await expectAxeClean(page, 'partners, token issued');
    await tabUntil(page, 'the revoke button', (f) => f.tag === 'button' && f.text === '失効させる');
    await page.keyboard.press('Enter');
    // Wait for the button to go: the section's text contains 失効 from the button's own label before the answer.
    await expect.poll(() => page.locator('staff-partners section button', { hasText: '失効させる' }).count(), { timeout: 30_000 }).toBe(0);
    expect(await trail('partner.token-revoked')).toBe(1);

    // Privacy notice: a bad version name is refused at its field; a good one is published.
    await openByNav(page, 'プライバシー通知', 'プライバシーに関するお知らせ');
    await page.locator('#n-version').waitFor({ timeout: 60_000 });
    await expectAxeClean(page, 'privacy notice');
    await tabUntil(page, 'the version field', (f) => f.id === 'n-version');
    await page.keyboard.type('版 一');
    await tabUntil(page, 'the publish button', (f) => f.tag === 'button' && f.text === '公開');
    await page.keyboard.press('Enter');
    await page.locator('#n-version-error').waitFor({ timeout: 30_000 });
    await expect.poll(async () => (await deepFocus(page)).id).toBe('n-version');
    await expectAxeClean(page, 'privacy notice, with an error');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2027-04');
    await page.keyboard.press('Enter');
    await page.locator('staff-privacy-notice ul.versions').waitFor({ timeout: 30_000 });
    expect(await page.locator('staff-privacy-notice #current-h').innerText()).toContain('2027-04');
    const intake = await s.t.gql('{ intakeSettings(municipalityCode: "999999") { privacyNoticeVersion privacyNoticePublishedAt } }');
    expect(intake.body.data!.intakeSettings.privacyNoticeVersion).toBe('2027-04');
    await expectAxeClean(page, 'privacy notice, published');

    // In English too.
    await page.locator('header button', { hasText: 'English' }).press('Enter');
    await page.locator('staff-privacy-notice h1', { hasText: 'Privacy notice' }).waitFor();
    await expectAxeClean(page, 'privacy notice, English');
    await context.close();
  }, 180_000);

  it('is not offered to a caseworker, and the API refuses them if they go there', async () => {
    const { context, page } = await newPage();
    await signIn(page, s.origin, DepartmentCode.SINGLE_PARENT);
    await waitForHeadingFocus(page, '今日の仕事');
    for (const href of ['#/settings/departments', '#/settings/partners', '#/settings/privacy'])
      expect(await page.locator(`nav a[href="${href}"]`).count()).toBe(0);
    await page.evaluate(() => (location.hash = '#/settings/privacy'));
    await page.locator('staff-privacy-notice [role=alert]').waitFor({ timeout: 60_000 });
    expect(await page.locator('staff-privacy-notice [role=alert]').innerText()).toContain('管理者だけ');
    expect(await page.locator('#n-version').count()).toBe(0);
    await context.close();
  }, 90_000);
});
