import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeLine } from '../support/fake-line';
import { ACCESS_TOKEN, LINE_CODE, type LineTestApp, startLineApp } from '../support/line';
import { expectAxeClean } from './support/axe';
import { launchChromium } from './support/browser';
import { DepartmentCode, deepFocus, deepHtml, ensureStaffBundle, signIn, storageHolds, waitForHeadingFocus } from './support/staff';

// The staff console's LINE screen (admins), by keyboard only, against the real API and the local fake
// of the LINE platform: the webhook URL is shown, a bad secret is refused at its field, a saved secret
// is never shown again (not in the page, not in storage), and the connection test names what is wrong
// and then passes. axe-core is clean in Japanese and English; other staff do not get the screen.

const REAL_SECRET = '00112233445566778899aabbccddeeff';
const NEW_TOKEN = 'console-entered-token-0123456789';

let t: LineTestApp;
let browser: Browser;

beforeAll(async () => {
  ensureStaffBundle();
  t = await startLineApp();
  t.fake.webhook!.secret = REAL_SECRET;
  t.fake.accessTokens.add(NEW_TOKEN);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
  // bypassCSP only so that axe can be injected into the console.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true, locale: 'ja-JP' });
  return { context, page: await context.newPage() };
}
async function tabUntil(page: Page, what: string, test: (f: { tag: string; id: string; text: string }) => boolean, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (test(await deepFocus(page))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${what} (focus: ${JSON.stringify(await deepFocus(page))})`);
}
const status = (page: Page) => page.locator('yorisoi-staff [role=status]').first().innerText();
const alert = (page: Page) => page.locator('yorisoi-staff [role=alert]').first().innerText();

describe('staff console: LINE settings', () => {
  it('an admin connects the channel by keyboard; secrets are write-only; the test says what is wrong; axe-clean in ja and en', async () => {
    const { context, page } = await newPage();
    await signIn(page, t.base, DepartmentCode.SINGLE_PARENT, 'admin');
    await waitForHeadingFocus(page, '今日の仕事');
    await tabUntil(page, 'the nav link', (f) => f.tag === 'a' && f.text === 'LINE連携');
    await page.keyboard.press('Enter');
    await waitForHeadingFocus(page, 'LINE公式アカウントの設定');
    await page.locator('#line-channelSecret').waitFor();
    expect(await page.title()).toContain('LINE連携');
    expect(await page.locator('#line-webhook').inputValue()).toBe(`${t.base}/line/${LINE_CODE}`);
    expect(await page.locator('#line-connected').innerText()).toContain('接続中');
    expect(await page.locator('#line-channelSecret-hint').innerText()).toContain('設定済み');
    expect(await page.locator('#line-channelSecret').getAttribute('type')).toBe('password');
    await expectAxeClean(page, 'line settings, from the environment');

    // A secret that is not LINE's shape: the API's message at the field, which gets focus.
    await tabUntil(page, 'the secret field', (f) => f.id === 'line-channelSecret');
    await page.keyboard.type('this-is-not-a-channel-secret');
    await page.keyboard.press('Enter');
    await page.locator('#line-channelSecret-error').waitFor();
    expect(await page.locator('#line-channelSecret-error').innerText()).toContain('32文字');
    expect(await page.locator('#line-channelSecret').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#line-channelSecret').getAttribute('aria-describedby')).toBe('line-channelSecret-hint line-channelSecret-error');
    expect((await deepFocus(page)).id).toBe('line-channelSecret');
    await expect.poll(() => alert(page)).toContain('32文字');
    await expectAxeClean(page, 'line settings, with an error');

    // The real secret and a new token: saved, the inputs emptied, never shown again.
    await page.keyboard.press('Control+A');
    await page.keyboard.type(REAL_SECRET);
    await page.keyboard.press('Tab');
    await tabUntil(page, 'the token field', (f) => f.id === 'line-accessToken');
    await page.keyboard.type(NEW_TOKEN);
    await page.keyboard.press('Enter');
    await expect.poll(() => status(page)).toContain('保存しました');
    expect(await page.locator('#line-channelSecret').inputValue()).toBe('');
    expect(await page.locator('#line-accessToken').inputValue()).toBe('');
    expect(await page.locator('staff-line section.card').first().innerText()).toContain('設定元: この画面');
    const dom = await deepHtml(page);
    for (const secret of [REAL_SECRET, NEW_TOKEN, ACCESS_TOKEN]) {
      expect(dom).not.toContain(secret);
      expect(await storageHolds(page, secret)).toBe(false);
    }

    // The test: LINE accepts the token and its test call to the webhook is answered.
    await tabUntil(page, 'the test button', (f) => f.tag === 'button' && f.text === '接続をテストする');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#line-test-result').innerText()).toContain('成功');
    expect(await page.locator('#line-test-result').innerText()).toContain('デモ市ひとり親相談');
    await expectAxeClean(page, 'line settings, tested');

    // LINE's secret changes in LINE Developers (reissued) but not here: the test names the secret.
    t.fake.webhook!.secret = 'ffeeddccbbaa99887766554433221100';
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#line-test-result').innerText()).toContain('チャネルシークレットが正しいか');
    await expect.poll(() => alert(page)).toContain('チャネルシークレット');
    t.fake.webhook!.secret = REAL_SECRET;

    // In English too.
    await page.locator('header button', { hasText: 'English' }).press('Enter');
    await page.locator('staff-line h1', { hasText: 'LINE official account' }).waitFor();
    await expectAxeClean(page, 'line settings, English');
    // The bot answers LINE with the console's token now.
    const user = FakeLine.newUserId();
    expect((await t.fake.deliver(t.fake.webhook!, [t.fake.messageEvent(user, '児童手当')])).status).toBe(200);
    await t.fake.waitFor(user, 1);
    await context.close();
  }, 120_000);

  it('is not offered to other staff, and refuses them if they go there', async () => {
    const { context, page } = await newPage();
    await signIn(page, t.base, DepartmentCode.SINGLE_PARENT, 'supervisor');
    await waitForHeadingFocus(page, '今日の仕事');
    expect(await page.locator('nav a[href="#/settings/line"]').count()).toBe(0);
    await page.evaluate(() => (location.hash = '#/settings/line'));
    await page.locator('staff-line [role=alert]').waitFor();
    expect(await page.locator('staff-line [role=alert]').innerText()).toContain('管理者だけ');
    expect(await page.locator('#line-channelSecret').count()).toBe(0);
    await context.close();
  }, 60_000);
});
