import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StaffPasskey, StaffSession } from '../../api/accounts';
import { StaffMember } from '../../api/staff/staff-member.entity';
import { expectAxeClean } from './support/axe';
import { launchChromium } from './support/browser';
import { DepartmentCode, deepFocus, signIn, staffEmail, startStaffServer, TEST_PASSWORD, waitForHeadingFocus, type StaffServer } from './support/staff';

// Passkeys in a real browser (issue 21): Chromium's virtual authenticator (CDP WebAuthn domain) stands in
// for the fingerprint reader. A caseworker registers a passkey in my account by keyboard, signs out,
// and signs in with the password and then 「パスキーで確認」; axe-core is clean on both screens.
// WebAuthn needs a secure context and a domain as RP ID: http://localhost is both (127.0.0.1 is not a
// valid RP ID), so the console is opened at localhost and PUBLIC_URL says the same.

let s: StaffServer;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  s = await startStaffServer();
  origin = s.origin.replace('127.0.0.1', 'localhost');
  (s.t.app.services.intake.globalOrigins as Set<string>).add(origin);
  s.t.app.services.auth.publicUrl = origin;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await s?.close();
});

async function tabUntil(page: import('playwright-core').Page, what: string, test: (f: { tag: string; id: string; text: string }) => boolean, max = 80) {
  for (let i = 0; i < max; i++) {
    if (test(await deepFocus(page))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${what} (focus: ${JSON.stringify(await deepFocus(page))})`);
}

describe('staff console: passkeys', () => {
  it('registers a passkey in my account, then signs in with password and passkey — by keyboard, axe-clean', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true, locale: 'ja-JP' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });
    const email = staffEmail(DepartmentCode.SINGLE_PARENT);
    const member = await s.t.em().findOneOrFail(StaffMember, { email });

    await signIn(page, origin, DepartmentCode.SINGLE_PARENT);
    await waitForHeadingFocus(page, '今日の仕事');
    await tabUntil(page, 'my account', (f) => f.tag === 'a' && f.text === '自分のアカウント');
    await page.keyboard.press('Enter');
    await waitForHeadingFocus(page, '自分のアカウント');
    await page.locator('#pk-name').waitFor();
    await expect.poll(() => page.locator('staff-passkeys section').innerText()).toContain('登録されたパスキーはありません');

    // An empty name is refused at the field; then the browser's (virtual) authenticator makes the passkey.
    await tabUntil(page, 'the passkey name', (f) => f.id === 'pk-name');
    await page.keyboard.press('Enter');
    await page.locator('#pk-error').waitFor();
    expect((await deepFocus(page)).id).toBe('pk-name');
    await page.keyboard.type('事務室のPC');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('staff-passkeys .passkeys li').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.locator('staff-passkeys .passkeys li').innerText()).toContain('事務室のPC');
    expect(await s.t.em().count(StaffPasskey, { staffId: member.id })).toBe(1);
    const made = (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials;
    expect(made).toHaveLength(1);
    await expectAxeClean(page, 'my account with a passkey');

    // Signing in again: the password, then the passkey (no code: this account has no authenticator app).
    await page.locator('header button', { hasText: 'サインアウト' }).press('Enter');
    await page.locator('#email').fill(email);
    await page.locator('#password').fill(TEST_PASSWORD);
    await page.locator('#password').press('Enter');
    // The password check takes a while on a busy machine: wait for the answer, not a fixed time.
    await expect.poll(async () => (await deepFocus(page)).id, { timeout: 15_000 }).toBe('use-passkey');
    expect((await deepFocus(page)).text).toBe('パスキーで確認');
    expect(await page.locator('#login-error').innerText()).toContain('パスキー');
    await expectAxeClean(page, 'sign-in offers a passkey');
    await page.keyboard.press('Enter');
    await page.locator('#who').waitFor();
    const sessions = await s.t.em().find(StaffSession, { staffId: member.id }, { orderBy: { createdAt: 'desc' } });
    expect(sessions[0]!.twoFactor).toBe(true);
    expect((await s.t.em().findOneOrFail(StaffPasskey, { staffId: member.id })).lastUsedAt).not.toBeNull();
    await context.close();
  }, 120_000);
});
