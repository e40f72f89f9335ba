import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../api/staff/password';
import { StaffRole } from '../../api/core';
import { rawQuery } from '../../api/db/raw-query';
import { ConsentMethod, createNotices, NoticeKind, OutreachChannel, recordConsent } from '../../api/outreach';
import { Department } from '../../api/municipality/department.entity';
import { StaffMember } from '../../api/staff/staff-member.entity';
import { expectAxeClean } from './support/axe';
import { launchChromium } from './support/browser';
import {
  DepartmentCode,
  deepFocus,
  deepHtml,
  signIn,
  staffEmail,
  startStaffServer,
  TEST_PASSWORD,
  waitForHeadingFocus,
  type StaffServer,
} from './support/staff';

// The outreach screen of the staff console (issue 16), in Chromium against the real API: a caseworker
// of the owning department reaches it by keyboard alone, sees what made each candidate fit, approves
// one and declines another (the database says so), reads the sending status of decided notices and
// filters them; axe-core clean in Japanese and English; a viewer sees the lists without controls.

let s: StaffServer;
let browser: Browser;
let refs: string[];
let candidateIds: string[];

beforeAll(async () => {
  s = await startStaffServer();
  const em = s.t.em();
  const records = await rawQuery<{ id: string; reference_number: string }>(
    em,
    `select id, reference_number from personal_record where municipality_code = '999999' and not ('dv' = any(concerns_categories)) and not coalesce(protection_support_measure, false) and contact_email_hash is not null order by reference_number limit 5`,
    [],
  );
  expect(records.length).toBe(5);
  for (const r of records)
    await recordConsent(em, '999999', r.id, [
      { channel: OutreachChannel.EMAIL, granted: true, method: ConsentMethod.INTAKE, recordedBy: null, purposeVersion: 'test' },
    ]);
  refs = records.map((r) => r.reference_number);
  const candidate = (recordId: string, i: number) => ({
    municipalityCode: '999999',
    recordId,
    department: DepartmentCode.SINGLE_PARENT,
    kind: i === 1 ? NoticeKind.AMOUNT_CHANGED : NoticeKind.PROGRAMME_FITS,
    trigger: 'browser-test',
    programmeId: 'child-rearing-allowance',
    period: 'FY2026',
    facts: { programmeIds: ['child-rearing-allowance'], before: i === 1 ? 30000 : null, after: 46690, asOf: '2026-12-01' },
  });
  const created = (
    await createNotices(
      em,
      null,
      records.map((r, i) => candidate(r.id, i)),
    )
  ).created;
  expect(created.length).toBe(5);
  // Two of them already decided and sent: one delivered and opened, one refused by the receiving server.
  const [c0, c1, c2, c3, c4] = created as [string, string, string, string, string];
  await rawQuery(
    em,
    `update outreach_notice set approval = 'APPROVED', status = 'DELIVERED', delivered_at = now(), opened_at = now(), attempts = 1 where id = ?`,
    [c3],
  );
  await rawQuery(em, `update outreach_notice set approval = 'APPROVED', status = 'PERMANENT_FAILURE', last_error = 'smtp-550', attempts = 2 where id = ?`, [
    c4,
  ]);
  candidateIds = [c0, c1, c2];
  const department = await em.findOneOrFail(Department, { municipality: '999999', code: DepartmentCode.SINGLE_PARENT });
  em.create(StaffMember, {
    municipality: '999999',
    department,
    name: '閲覧 一郎',
    email: staffEmail(DepartmentCode.SINGLE_PARENT, 'viewer'),
    role: StaffRole.VIEWER,
    passwordHash: await hashPassword(TEST_PASSWORD),
  } as never);
  await em.flush();
  browser = await launchChromium();
}, 300_000);
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
const approvals = async () =>
  Object.fromEntries(
    (await rawQuery<{ id: string; approval: string }>(s.t.em(), `select id, approval from outreach_notice where id = any(?::uuid[])`, [candidateIds])).map(
      (r) => [r.id, r.approval],
    ),
  );

describe('staff console: outreach', () => {
  it('a caseworker approves one candidate and declines another by keyboard, and reads the sending status', async () => {
    const { context, page } = await newPage();
    await signIn(page, s.origin, DepartmentCode.SINGLE_PARENT);
    await waitForHeadingFocus(page, '今日の仕事');
    await tabUntil(page, 'the outreach link', (f) => f.tag === 'a' && f.text === 'プッシュ型支援');
    await page.keyboard.press('Enter');
    await waitForHeadingFocus(page, 'プッシュ型支援');
    expect(await page.title()).toContain('プッシュ型支援');
    await expect.poll(() => page.locator('yorisoi-staff [role=status]').first().innerText()).toContain('承認待ちの候補が 3 件');

    // What made each fit: the programme by name, why, the amounts (the owner may read income), the date.
    const rows = page.locator('staff-outreach section').first().locator('tbody tr');
    expect(await rows.count()).toBe(3);
    const changed = rows.filter({ hasText: refs[1]! });
    expect(await changed.innerText()).toMatch(/児童扶養手当[\s\S]*金額の変更[\s\S]*30,000 円 → 46,690 円[\s\S]*2026-12-01[\s\S]*メール/);
    expect(await rows.filter({ hasText: refs[0]! }).innerText()).toContain('新たに対象');
    await expectAxeClean(page, 'outreach, candidates');

    // Keyboard only: check the first candidate, approve; then the (new) first, decline.
    await tabUntil(page, 'the first candidate’s checkbox', (f) => f.id === `sel-${candidateIds[0]}`);
    await page.keyboard.press('Space');
    await tabUntil(page, 'the approve button', (f) => f.id === 'approve');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('yorisoi-staff [role=status]').first().innerText()).toContain('1 件を承認しました');
    await waitForHeadingFocus(page, '承認待ちの候補');
    expect(await approvals()).toEqual({ [candidateIds[0]!]: 'APPROVED', [candidateIds[1]!]: 'PENDING', [candidateIds[2]!]: 'PENDING' });

    await tabUntil(page, 'the second candidate’s checkbox', (f) => f.id === `sel-${candidateIds[1]}`);
    await page.keyboard.press('Space');
    await tabUntil(page, 'the decline button', (f) => f.id === 'decline');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('yorisoi-staff [role=status]').first().innerText()).toContain('1 件を見送りました');
    expect(await approvals()).toEqual({ [candidateIds[0]!]: 'APPROVED', [candidateIds[1]!]: 'REJECTED', [candidateIds[2]!]: 'PENDING' });
    expect(await rows.count()).toBe(1);

    // Sending status: the approved one waits (or is sending), one delivered and opened, one failed for good.
    const notices = page.locator('staff-outreach section').nth(1).locator('tbody tr');
    await expect.poll(() => notices.count()).toBe(3);
    expect(await notices.filter({ hasText: refs[3]! }).innerText()).toMatch(/送信済み[\s\S]*\d{4}\/\d{2}\/\d{2}/);
    expect(await notices.filter({ hasText: refs[4]! }).innerText()).toMatch(/送信失敗[\s\S]*smtp-550/);
    expect(await notices.filter({ hasText: refs[4]! }).innerText()).toContain('未開封');

    // Filter by status from the keyboard: only the failed one.
    await tabUntil(page, 'the status filter', (f) => f.id === 'out-status');
    await page.locator('staff-outreach #out-status').selectOption('PERMANENT_FAILURE');
    await expect.poll(() => notices.count()).toBe(1);
    expect(await notices.first().getAttribute('data-status')).toBe('PERMANENT_FAILURE');
    await expectAxeClean(page, 'outreach, after decisions');

    await page.locator('yorisoi-staff header button', { hasText: 'English' }).click();
    await expect.poll(() => page.locator('staff-outreach h1').innerText()).toBe('Outreach (push-type support)');
    expect(await rows.first().innerText()).toContain('Newly fits');
    await expectAxeClean(page, 'outreach, English');
    await context.close();
  });

  it('a viewer sees the candidates without checkboxes or buttons; another department sees none of them', async () => {
    const { context, page } = await newPage();
    await signIn(page, s.origin, DepartmentCode.SINGLE_PARENT, 'viewer');
    await page.evaluate(() => (location.hash = '#/outreach'));
    await waitForHeadingFocus(page, 'プッシュ型支援');
    await expect.poll(() => page.locator('staff-outreach section').first().locator('tbody tr').count()).toBe(1);
    expect(await page.locator('staff-outreach input[type=checkbox]').count()).toBe(0);
    expect(await page.locator('staff-outreach #approve').count()).toBe(0);
    await expectAxeClean(page, 'outreach, viewer');
    await context.close();

    const other = await newPage();
    await signIn(other.page, s.origin, DepartmentCode.PUBLIC_HOUSING);
    await other.page.evaluate(() => (location.hash = '#/outreach'));
    await waitForHeadingFocus(other.page, 'プッシュ型支援');
    await expect.poll(() => other.page.locator('staff-outreach section').first().innerText()).toContain('承認待ちの候補はありません');
    expect(await other.page.locator('staff-outreach tbody tr').count()).toBe(0);
    const shown = await deepHtml(other.page);
    for (const ref of refs) expect(shown).not.toContain(ref);
    await other.context.close();
  });
});
