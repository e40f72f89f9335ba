import type { Browser, Page } from 'playwright-core';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminEvent, StaffPasskey } from '../../api/accounts';
import { StaffMember } from '../../api/staff/staff-member.entity';
import { expectAxeClean } from './support/axe';
import { launchChromium } from './support/browser';
import { DepartmentCode, deepFocus, signIn, staffEmail, startStaffServer, waitForHeadingFocus, type StaffServer } from './support/staff';

// Renaming a passkey in my account, keyboard only: 「名前を変更」 opens the name in place, Escape leaves
// it as it was, Enter saves; either way focus returns to the row's button and the polite live region
// says what happened. An empty name is refused at the field. axe-core is clean while editing and after.
// The passkeys are stored directly (after signing in: with a passkey the password alone would not do);
// registering one in Chromium is test/widgets/staff.passkeys.test.ts.

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

const live = async (page: Page) => (await page.locator('yorisoi-staff [role=status][aria-live=polite]').textContent()) ?? '';

async function tabUntil(page: Page, what: string, test: (f: { tag: string; id: string; text: string }) => boolean, max = 80) {
  for (let i = 0; i < max; i++) {
    if (test(await deepFocus(page))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${what} (focus: ${JSON.stringify(await deepFocus(page))})`);
}

describe('staff console: renaming a passkey', () => {
  it('renames in place by keyboard: Escape cancels, Enter saves, focus back on the button, announced politely, axe-clean', async () => {
    const member = await s.t.em().findOneOrFail(StaffMember, { email: staffEmail(DepartmentCode.SINGLE_PARENT) }, { populate: ['municipality'] });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true, locale: 'ja-JP' });
    const page = await context.newPage();
    await signIn(page, s.origin, DepartmentCode.SINGLE_PARENT);
    const em = s.t.em();
    const made = (name: string, i: number) =>
      em.create(StaffPasskey, {
        id: randomUUID(),
        staffId: member.id,
        municipalityCode: member.municipality.code,
        credentialId: `test-credential-${i}`,
        publicKey: 'test-key',
        counter: '0',
        transports: ['internal'],
        name,
        createdAt: new Date(Date.now() - (2 - i) * 60_000),
        lastUsedAt: null,
      });
    const office = made('職場のPC', 0);
    made('スマホ', 1);
    await em.flush();

    await waitForHeadingFocus(page, '今日の仕事');
    await tabUntil(page, 'my account', (f) => f.tag === 'a' && f.text === '自分のアカウント');
    await page.keyboard.press('Enter');
    await waitForHeadingFocus(page, '自分のアカウント');
    await expect.poll(() => page.locator('staff-passkeys .passkeys li').count()).toBe(2);
    const renameButton = page.locator(`staff-passkeys button[data-rename="${office.id}"]`);
    expect(await renameButton.getAttribute('aria-label')).toBe('パスキー「職場のPC」の名前を変更');

    // Escape: nothing changes, focus is back on the same button.
    await tabUntil(page, 'the first rename button', (f) => f.tag === 'button' && f.text === '名前を変更');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await deepFocus(page)).id).toBe('pk-rename');
    expect(await page.locator('#pk-rename').inputValue()).toBe('職場のPC');
    expect(await page.locator('label[for=pk-rename]').innerText()).toContain('「職場のPC」の新しい名前');
    await expectAxeClean(page, 'renaming a passkey');
    await page.keyboard.press('Escape');
    await expect
      .poll(() => renameButton.evaluate((b) => b.getRootNode() instanceof ShadowRoot && (b.getRootNode() as ShadowRoot).activeElement === b))
      .toBe(true);
    expect((await em.fork().findOneOrFail(StaffPasskey, { id: office.id })).name).toBe('職場のPC');

    // An empty name is refused at the field, which keeps focus; then Enter saves the new one.
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await deepFocus(page)).id).toBe('pk-rename');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Enter');
    await page.locator('#pk-rename-error').waitFor();
    expect(await page.locator('#pk-rename').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#pk-rename').getAttribute('aria-describedby')).toBe('pk-rename-error');
    expect((await deepFocus(page)).id).toBe('pk-rename');
    await expectAxeClean(page, 'a passkey name refused');
    await page.keyboard.type(' 窓口のPC ');
    await page.keyboard.press('Enter');
    await expect.poll(() => live(page), { timeout: 15_000 }).toContain('パスキー「職場のPC」の名前を「窓口のPC」に変更しました。');
    await expect.poll(() => renameButton.evaluate((b) => (b.getRootNode() as ShadowRoot).activeElement === b)).toBe(true);
    expect(await renameButton.getAttribute('aria-label')).toBe('パスキー「窓口のPC」の名前を変更');
    expect(await page.locator('staff-passkeys .passkeys li').allInnerTexts()).toEqual([expect.stringContaining('窓口のPC'), expect.stringContaining('スマホ')]);
    expect((await em.fork().findOneOrFail(StaffPasskey, { id: office.id })).name).toBe('窓口のPC');
    expect(await em.fork().count(AdminEvent, { subjectId: member.id, action: 'staff.passkey-renamed' })).toBe(1);
    await expectAxeClean(page, 'my account after renaming');
    await context.close();
  }, 120_000);
});
