import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDS_DIR } from '../../api/core';
import { expectAxeClean } from './support/axe';
import { launchChromium } from './support/browser';
import { DepartmentCode, deepFocus, signIn, startStaffServer, waitForHeadingFocus, wholeInView, type StaffServer } from './support/staff';

// 「アクセス方針」 (issue 21) by keyboard, against the real API: an admin opens the screen (the table, the
// rules), puts a changed policy in the text area, validates it (a weakened law rule is named by its key
// first), checks the changes (a gain marked as widening access), applies them; the trail has the apply;
// then goes back to the policy file the same way (check, then apply).

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

const DEFAULT = readFileSync(join(SEEDS_DIR, 'policy', 'default.yaml'), 'utf8');
const INCOME_ROW = "income:           { single-parent: rw, livelihood-support: r,  family-register: '-',";
const SWAPPED = DEFAULT.replace(INCOME_ROW, "income:           { single-parent: rw, livelihood-support: '-',  family-register: r,");

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
const trail = async () =>
  Number((await s.t.em().getConnection().execute<{ n: string }[]>(`select count(*) as n from admin_event where action = 'access-policy.changed'`))[0]!.n);

describe('staff console: access policy', () => {
  it('an admin validates, checks and applies a policy — by keyboard, axe-clean', async () => {
    const { context, page } = await newPage();
    await signIn(page, s.origin, DepartmentCode.SINGLE_PARENT, 'admin');
    await waitForHeadingFocus(page, '今日の仕事');
    await page.locator('nav').getByRole('link', { name: 'アクセス方針' }).focus();
    await page.keyboard.press('Enter');
    await waitForHeadingFocus(page, 'アクセス方針');
    const screen = page.locator('staff-access-policy');
    await screen.locator('table').waitFor({ timeout: 60_000 });
    expect(await screen.locator('tbody tr').count()).toBe(11);
    expect(await screen.locator('tbody tr', { hasText: '収入' }).innerText()).toContain('閲覧');
    expect(await screen.locator('p.muted').first().innerText()).toContain('既定の方針ファイル');
    // Row names keep a readable width beside the departments' (nowrap) headers: not one character a line.
    expect(
      await screen.locator('tbody th', { hasText: '母子・父子自立支援プログラム' }).evaluate((e) => e.getBoundingClientRect().width),
    ).toBeGreaterThanOrEqual(100);
    await expectAxeClean(page, 'access policy');

    // A policy that moves the owner is refused at validation, by its key.
    await tabUntil(page, 'the policy text', (f) => f.id === 'policy-yaml');
    await screen.locator('#policy-yaml').fill(DEFAULT.replace('owner: single-parent', 'owner: livelihood-support'));
    await tabUntil(page, 'the validate button', (f) => f.tag === 'button' && f.text === '検証');
    await page.keyboard.press('Enter');
    await waitForHeadingFocus(page, '検証の結果：問題があります');
    expect(await screen.locator('section.card li').innerText()).toContain('rules.owner');
    await expectAxeClean(page, 'access policy, a problem');

    // The income row swapped: valid; the check lists a loss and a gain, the gain marked as widening.
    await screen.locator('#policy-yaml').focus();
    await screen.locator('#policy-yaml').fill(SWAPPED);
    await tabUntil(page, 'the validate button', (f) => f.tag === 'button' && f.text === '検証');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await deepFocus(page)).id, { timeout: 30_000 }).toBe('result');
    expect(await screen.locator('#result').innerText()).toContain('問題はありません');
    await tabUntil(page, 'the check button', (f) => f.tag === 'button' && f.text === '変更内容を確認');
    await page.keyboard.press('Enter');
    await waitForHeadingFocus(page, '確認：変わる内容');
    expect(await wholeInView(page, screen.getByRole('button', { name: '適用', exact: true }))).toBe(true);
    const preview = await screen.locator('section.card').innerText();
    expect(preview).toContain('「収入」を閲覧できなくなります');
    expect(preview).toContain('「収入」を閲覧できるようになります');
    expect(await screen.locator('section.card strong').innerText()).toContain('閲覧できるようになります');
    expect(preview).toContain('個人情報を見られる範囲が広がります');
    expect(await trail()).toBe(0);
    await expectAxeClean(page, 'access policy, preview');

    await tabUntil(page, 'the apply button', (f) => f.tag === 'button' && f.text === '適用');
    await page.keyboard.press('Enter');
    await expect.poll(() => trail(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => screen.locator('p.muted').first().innerText()).toContain('この画面で適用した方針（版 1');
    // Said where it is seen, under the heading, and focused.
    await expect.poll(async () => (await deepFocus(page)).id).toBe('done');
    expect(await screen.locator('#done').innerText()).toBe('適用しました（版 1）。');
    expect(await wholeInView(page, screen.locator('#done'))).toBe(true);
    const policy = await s.t.gql('{ accessPolicySettings { version source } }', {}, await s.t.login(DepartmentCode.SINGLE_PARENT, 'admin'));
    expect(policy.body.data!.accessPolicySettings).toEqual({ version: 1, source: 'console' });
    await expectAxeClean(page, 'access policy, applied');

    // And back to the policy file: offered now that the console's policy is in force; checked, then applied.
    await tabUntil(page, 'the go-back check button', (f) => f.tag === 'button' && f.text === 'ファイルに戻すと変わる内容を確認');
    await page.keyboard.press('Enter');
    await waitForHeadingFocus(page, '確認：変わる内容');
    const back = await screen.locator('section.card').innerText();
    expect(back).toContain('「収入」を閲覧できるようになります');
    expect(back).toContain('「収入」を閲覧できなくなります');
    expect(await trail()).toBe(1);
    await expectAxeClean(page, 'access policy, going back');
    await tabUntil(page, 'the go-back apply button', (f) => f.tag === 'button' && f.text === 'ファイルの方針に戻す');
    await page.keyboard.press('Enter');
    await expect.poll(() => trail(), { timeout: 30_000 }).toBe(2);
    await expect.poll(async () => (await deepFocus(page)).id).toBe('done');
    expect(await screen.locator('#done').innerText()).toBe('方針ファイルに戻しました（版 2）。');
    await expect.poll(() => screen.locator('p.muted').first().innerText()).toContain('既定の方針ファイル');
    expect(await screen.getByRole('button', { name: 'ファイルに戻すと変わる内容を確認' }).count()).toBe(0);
    const after = await s.t.gql('{ accessPolicySettings { version source } }', {}, await s.t.login(DepartmentCode.SINGLE_PARENT, 'admin'));
    expect(after.body.data!.accessPolicySettings).toEqual({ version: 2, source: 'default' });
    await context.close();
  }, 180_000);

  it('is not offered to a caseworker', async () => {
    const { context, page } = await newPage();
    await signIn(page, s.origin, DepartmentCode.SINGLE_PARENT);
    await waitForHeadingFocus(page, '今日の仕事');
    expect(await page.locator('nav').getByRole('link', { name: 'アクセス方針' }).count()).toBe(0);
    await context.close();
  }, 90_000);
});
