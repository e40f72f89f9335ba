import type { Browser, Page } from 'playwright-core';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StaffPasskey } from '../../api/accounts';
import { Municipality } from '../../api/municipality/municipality.entity';
import { StaffMember } from '../../api/staff/staff-member.entity';
import { expectAxeClean } from './support/axe';
import { launchChromium } from './support/browser';
import { DepartmentCode, deepFocus, signIn, staffEmail, startStaffServer, waitForHeadingFocus, type StaffServer } from './support/staff';

// The admins' staff list names each person's second factors: 認証アプリ, パスキー (n), both, or なし —
// and where the municipality requires a second factor, なし is a warning in words (⚠ …必須), not only
// a colour. The factors are stored directly; the admin signs in before the requirement is switched on.

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

async function tabUntil(page: Page, what: string, test: (f: { tag: string; id: string; text: string }) => boolean, max = 80) {
  for (let i = 0; i < max; i++) {
    if (test(await deepFocus(page))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${what} (focus: ${JSON.stringify(await deepFocus(page))})`);
}

describe('staff console: second factors in the staff list', () => {
  it('shows 認証アプリ, パスキー (n), both or なし per person; なし is a warning in words when two factors are required', async () => {
    const em = s.t.em();
    const member = (role?: string, d = DepartmentCode.SINGLE_PARENT) =>
      em.findOneOrFail(StaffMember, { email: staffEmail(d, role) }, { populate: ['municipality'] });
    const [caseworker, supervisor, viewer] = [await member(), await member('supervisor'), await member(undefined, DepartmentCode.LIVELIHOOD_SUPPORT)];
    const passkey = (m: StaffMember, name: string) =>
      em.create(StaffPasskey, {
        id: randomUUID(),
        staffId: m.id,
        municipalityCode: m.municipality.code,
        credentialId: `cred-${randomUUID()}`,
        publicKey: 'test-key',
        counter: '0',
        transports: ['internal'],
        name,
        createdAt: new Date(),
        lastUsedAt: null,
      });
    passkey(caseworker, '職場のPC');
    passkey(caseworker, 'スマホ');
    passkey(supervisor, '職場のPC');
    supervisor.totpSecret = 'JBSWY3DPEHPK3PXP';
    viewer.totpSecret = 'JBSWY3DPEHPK3PXP';
    await em.flush();

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true, locale: 'ja-JP' });
    const page = await context.newPage();
    await signIn(page, s.origin, DepartmentCode.SINGLE_PARENT, 'admin');
    await em.nativeUpdate(Municipality, { code: '999999' }, { requireTwoFactor: true });
    await waitForHeadingFocus(page, '今日の仕事');
    await tabUntil(page, 'the staff link', (f) => f.tag === 'a' && f.text === '職員と権限');
    await page.keyboard.press('Enter');
    await waitForHeadingFocus(page, '職員と権限');
    await page.locator('staff-accounts tbody tr').first().waitFor();

    const cell = async (m: StaffMember) => {
      const row = page.locator('staff-accounts tbody tr', { has: page.locator('td', { hasText: m.email }) });
      return (await row.locator('td').nth(4).innerText()).trim();
    };
    expect(await cell(caseworker)).toBe('パスキー（2）');
    expect(await cell(supervisor)).toBe('認証アプリ・パスキー（1）');
    expect(await cell(viewer)).toBe('認証アプリ');
    const admin = await member('admin');
    expect(await cell(admin)).toBe('⚠ なし（この自治体では必須です）');
    // Nothing of the keys themselves reaches the page.
    expect(await page.locator('staff-accounts table').innerText()).not.toContain('職場のPC');
    await expectAxeClean(page, 'staff list with second factors');

    await em.nativeUpdate(Municipality, { code: '999999' }, { requireTwoFactor: false });
    await page.reload();
    await page.locator('staff-accounts tbody tr').first().waitFor();
    expect(await cell(admin)).toBe('なし');
    await context.close();
  }, 120_000);
});
