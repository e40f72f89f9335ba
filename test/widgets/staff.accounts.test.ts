import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentTotp } from '../../api/accounts';
import { StaffMember } from '../../api/staff/staff-member.entity';
import { expectAxeClean } from './support/axe';
import { launchChromium } from './support/browser';
import { DepartmentCode, deepFocus, signIn, staffEmail, startStaffServer, TEST_PASSWORD, waitForHeadingFocus, type StaffServer } from './support/staff';

// The account screens of the staff console against the real API, by keyboard only, axe-core on every
// step: an admin invites, changes a role, disables an account and ends a member's session (staff and
// roles); a caseworker sets up two-factor sign-in from the QR code's key, sees the recovery codes once,
// then signs in with a code and ends another of their sessions (my account); an admin changes the
// municipality's two-factor setting. Other staff are not offered the admin screens.

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
const status = (page: Page) => page.locator('yorisoi-staff > [role=status], yorisoi-staff [role=status]').last().innerText();
const works = async (token: string) => (await s.t.gql('{ me { id } }', {}, token)).body.errors === undefined;

describe('staff console: accounts', () => {
  it('an admin invites, changes a role, ends a session and disables an account — by keyboard, axe-clean', async () => {
    const { context, page } = await newPage();
    await signIn(page, s.origin, DepartmentCode.SINGLE_PARENT, 'admin');
    await waitForHeadingFocus(page, '今日の仕事');
    await tabUntil(page, 'the staff link', (f) => f.tag === 'a' && f.text === '職員と権限');
    await page.keyboard.press('Enter');
    await waitForHeadingFocus(page, '職員と権限');
    await page.locator('staff-accounts tbody tr').first().waitFor();
    expect(await page.title()).toContain('職員と権限');
    await expectAxeClean(page, 'staff list');

    // Inviting: an empty name is refused at the field; then the link is shown once and the person is pending.
    await tabUntil(page, 'the invite name', (f) => f.id === 'inv-name');
    await page.keyboard.press('Enter');
    await page.locator('#inv-name-error').waitFor();
    expect((await deepFocus(page)).id).toBe('inv-name');
    await page.keyboard.type('試験 招子');
    await page.keyboard.press('Tab');
    await page.keyboard.type('shoko.test@demo.yorisoi.example');
    await page.keyboard.press('Tab'); // department: ひとり親支援担当課 (first)
    await page.keyboard.press('Tab'); // role: 相談員 (first)
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await deepFocus(page)).id).toBe('issued-link');
    const url = await page.locator('#issued-link').inputValue();
    // The invite form is cleared: pressing again would only meet 「すでに使われています」.
    expect([await page.locator('#inv-name').inputValue(), await page.locator('#inv-email').inputValue()]).toEqual(['', '']);
    expect(url).toMatch(/\/staff\/#link=/);
    expect(await page.locator('staff-accounts ul.pending').innerText()).toContain('試験 招子');
    const invited = await s.t.em().findOneOrFail(StaffMember, { email: 'shoko.test@demo.yorisoi.example' });
    expect(invited.passwordHash ?? null).toBeNull();
    await expectAxeClean(page, 'invited, link shown');

    // A caseworker of another department with a live session: the admin ends it, then changes the role.
    const email = staffEmail(DepartmentCode.LIVELIHOOD_SUPPORT);
    const member = await s.t.em().findOneOrFail(StaffMember, { email });
    const token = await s.t.login(DepartmentCode.LIVELIHOOD_SUPPORT);
    await page.locator(`staff-accounts button[data-id="${member.id}"]`).focus();
    await page.keyboard.press('Enter');
    await waitForHeadingFocus(page, member.name);
    await page.locator('staff-accounts .sessions button').first().waitFor();
    await expectAxeClean(page, 'member chosen');
    await tabUntil(page, 'the end-session button', (f) => f.tag === 'button' && f.text === '終了');
    await page.keyboard.press('Enter');
    await expect.poll(() => works(token)).toBe(false);
    await expect.poll(() => status(page)).toContain('セッションを終了しました');

    const second = await s.t.login(DepartmentCode.LIVELIHOOD_SUPPORT);
    await page.locator('#m-role').focus();
    await page.keyboard.press('ArrowDown'); // 係長
    await page.keyboard.press('ArrowDown'); // 閲覧のみ
    expect(await page.locator('#m-role').inputValue()).toBe('VIEWER');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await s.t.em().fork().findOneOrFail(StaffMember, { email })).role).toBe('viewer');
    expect(await works(second)).toBe(false); // a role change ends every session
    await expect.poll(() => status(page)).toContain('部署と役割を変更しました');

    // Disabling: immediate; the button turns into "enable" and keeps focus.
    const third = await s.t.login(DepartmentCode.LIVELIHOOD_SUPPORT);
    await tabUntil(page, 'the disable button', (f) => f.id === 'toggle');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await deepFocus(page)).text).toBe('アカウントを再開');
    expect(await works(third)).toBe(false);
    expect(
      (await s.t.gql('mutation($e:String!,$p:String!){ login(email:$e, password:$p) { token } }', { e: email, p: TEST_PASSWORD })).body.errors,
    ).toBeDefined();
    await expectAxeClean(page, 'member disabled');

    // A reset link for the member (never a password): shown once, focused.
    await page.keyboard.press('Enter'); // enable again
    await expect.poll(async () => (await deepFocus(page)).text).toBe('アカウントを停止');
    await tabUntil(page, 'the reset button', (f) => f.tag === 'button' && f.text === 'パスワード再設定リンクを発行');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await deepFocus(page)).id).toBe('issued-link');
    expect(await page.locator('#issued-link').inputValue()).toMatch(/#link=/);

    // English.
    await page.locator('header button', { hasText: 'English' }).press('Enter');
    await page.locator('staff-accounts h1', { hasText: 'Staff and roles' }).waitFor();
    await expectAxeClean(page, 'staff, English');
    const events = await s.t.gql('{ adminEvents(limit: 20) { action } }', {}, await s.t.login(DepartmentCode.SINGLE_PARENT, 'admin'));
    const actions = (events.body.data!.adminEvents as { action: string }[]).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['staff.invited', 'session.revoked', 'staff.updated', 'staff.disabled', 'staff.enabled', 'staff.reset-link-issued']),
    );
    await context.close();
  }, 120_000);

  it('a caseworker sets up two-factor sign-in from the QR code, keeps the recovery codes, signs in with a code and ends another session', async () => {
    const { context, page } = await newPage();
    const email = staffEmail(DepartmentCode.PUBLIC_HOUSING);
    const other = await s.t.login(DepartmentCode.PUBLIC_HOUSING);
    await signIn(page, s.origin, DepartmentCode.PUBLIC_HOUSING);
    await waitForHeadingFocus(page, '今日の仕事');
    expect(await page.locator('nav a[href="#/settings/staff"]').count()).toBe(0);
    await tabUntil(page, 'my account', (f) => f.tag === 'a' && f.text === '自分のアカウント');
    await page.keyboard.press('Enter');
    await waitForHeadingFocus(page, '自分のアカウント');
    await page.locator('#tf-email').waitFor();
    await expectAxeClean(page, 'my account');

    await tabUntil(page, 'the e-mail field', (f) => f.id === 'tf-email');
    await page.keyboard.type(email);
    await page.keyboard.press('Tab');
    await page.keyboard.type('wrong-password-123');
    await page.keyboard.press('Enter');
    await page.locator('#tf-password-error').waitFor();
    expect((await deepFocus(page)).id).toBe('tf-password');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(TEST_PASSWORD);
    await page.keyboard.press('Enter');
    await waitForHeadingFocus(page, 'QRコード');
    // The QR code is an image with a name; the key beside it is what a person types (or the test reads).
    expect(await page.locator('staff-my-account svg.qr path').getAttribute('d')).toMatch(/^M\d+ \d+h1v1h-1z/);
    expect(await page.locator('staff-my-account svg.qr').getAttribute('aria-label')).toContain('otpauth://totp/');
    const secret = (await page.locator('staff-my-account .ref').first().innerText()).replace(/\s/g, '');
    await expectAxeClean(page, 'QR code');
    await tabUntil(page, 'the code field', (f) => f.id === 'tf-code');
    await page.keyboard.type('000000');
    await page.keyboard.press('Enter');
    await page.locator('#tf-code-error').waitFor();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(currentTotp(secret));
    await page.keyboard.press('Enter');
    await waitForHeadingFocus(page, '回復コード');
    const codes = await page.locator('staff-my-account ul.codes li').allInnerTexts();
    expect(codes).toHaveLength(10);
    await expectAxeClean(page, 'recovery codes');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // 保管しました
    await waitForHeadingFocus(page, '2段階認証');
    expect(await page.locator('staff-my-account ul.codes').count()).toBe(0);
    expect(await page.locator('staff-my-account .ok').innerText()).toContain('設定済み');

    // Ending the other two sessions (the password-only sign-in of this page before enrolment, and one
    // made elsewhere): focus moves on to the next button; both tokens are refused, this one goes on.
    expect(await page.locator('staff-my-account .sessions li').count()).toBe(3);
    await tabUntil(page, 'the end-session button', (f) => f.tag === 'button' && f.text === '終了');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('staff-my-account .sessions li').count()).toBe(2);
    await expect.poll(async () => (await deepFocus(page)).text).toBe('終了');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('staff-my-account .sessions li').count()).toBe(1);
    await expect.poll(() => works(other)).toBe(false);
    expect(await page.locator('staff-my-account .sessions li').innerText()).toContain('2段階認証あり');

    // Signing in again now asks for a code; a recovery code works once.
    await page.locator('header button', { hasText: 'サインアウト' }).press('Enter');
    await page.locator('#email').fill(email);
    await page.locator('#password').fill(TEST_PASSWORD);
    await page.locator('#password').press('Enter');
    // The password check takes a while on a busy machine: wait for the answer (as staff.passkeys.test.ts does).
    await expect.poll(async () => (await deepFocus(page)).id, { timeout: 15_000 }).toBe('one-time-code');
    await expectAxeClean(page, 'sign-in asks for a code');
    await page.keyboard.type(codes[0]!);
    await page.keyboard.press('Enter');
    await page.locator('#who').waitFor();
    const left = await s.t.gql(
      '{ myTwoFactor { enabled recoveryCodesLeft } }',
      {},
      await page.evaluate(() => JSON.parse(sessionStorage.getItem('yorisoi-staff:session')!).token as string),
    );
    expect(left.body.data!.myTwoFactor).toEqual({ enabled: true, recoveryCodesLeft: 9 });
    await context.close();
  }, 120_000);

  it('an admin changes the two-factor requirement; the trail shows it; other staff are refused', async () => {
    const { context, page } = await newPage();
    await signIn(page, s.origin, DepartmentCode.SINGLE_PARENT, 'admin');
    await waitForHeadingFocus(page, '今日の仕事');
    await tabUntil(page, 'the settings link', (f) => f.tag === 'a' && f.text === '自治体の設定');
    await page.keyboard.press('Enter');
    await waitForHeadingFocus(page, '自治体の設定');
    await page.locator('#require-2fa').waitFor();
    await expectAxeClean(page, 'municipality settings');
    // The response target (issue 18) sits in the same form, labelled, starting at the receipt's 3 open days.
    expect(await page.getByLabel('対応目標（開庁日）').inputValue()).toBe('3');
    const before = await page.locator('#require-2fa').isChecked();
    await tabUntil(page, 'the checkbox', (f) => f.id === 'require-2fa');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => status(page)).toContain('保存しました');
    // Read with the page's own session: with two factors required, a fresh password-only sign-in is refused.
    const admin = await page.evaluate(() => (JSON.parse(sessionStorage.getItem('yorisoi-staff:session')!) as { token: string }).token);
    expect((await s.t.gql('{ municipalitySettings { requireTwoFactor } }', {}, admin)).body.data!.municipalitySettings.requireTwoFactor).toBe(!before);
    await expect.poll(() => page.locator('staff-municipality tbody').innerText()).toContain('自治体の設定の変更');
    await page.locator('header button', { hasText: 'English' }).press('Enter');
    await page.locator('staff-municipality h1', { hasText: 'Municipality settings' }).waitFor();
    await expectAxeClean(page, 'municipality settings, English');
    await context.close();
    expect(
      (await s.t.gql('mutation { updateMunicipalitySettings(input: { requireTwoFactor: false }) { requireTwoFactor } }', {}, admin)).body.errors,
    ).toBeUndefined();

    const other = await newPage();
    await signIn(other.page, s.origin, DepartmentCode.SINGLE_PARENT, 'supervisor');
    await waitForHeadingFocus(other.page, '今日の仕事');
    expect(await other.page.locator('nav a[href="#/settings/municipality"]').count()).toBe(0);
    await other.page.evaluate(() => (location.hash = '#/settings/staff'));
    await other.page.locator('staff-accounts [role=alert]').waitFor();
    expect(await other.page.locator('staff-accounts [role=alert]').innerText()).toContain('管理者だけ');
    await other.context.close();
  }, 90_000);
});
