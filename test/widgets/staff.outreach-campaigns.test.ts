import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawQuery } from '../../api/db/raw-query';
import { ConsentMethod, OutreachChannel, recordConsent } from '../../api/outreach';
import { expectAxeClean } from './support/axe';
import { launchChromium } from './support/browser';
import { DepartmentCode, signIn, startStaffServer, waitForHeadingFocus, type StaffServer } from './support/staff';

// A campaign from the outreach screen (issue 16), in Chromium against the real API with the senders
// running: a caseworker describes a segment, checks the count (the same as SQL says) and a sample, sends,
// and sees the campaign's notices delivered; a department that may not read concerns is refused that
// criterion with a message; axe-core clean.

let s: StaffServer;
let browser: Browser;
let reachable: number;
let matched: number;

beforeAll(async () => {
  s = await startStaffServer();
  const em = s.t.em();
  const ids = await rawQuery<{ id: string }>(
    em,
    `select id from personal_record where municipality_code = '999999' and contact_email_hash is not null and not ('dv' = any(concerns_categories)) and not coalesce(protection_support_measure, false)`,
    [],
  );
  for (const r of ids)
    await recordConsent(em, '999999', r.id, [
      { channel: OutreachChannel.EMAIL, granted: true, method: ConsentMethod.INTAKE, recordedBy: null, purposeVersion: 'test' },
    ]);
  const segment = `from personal_record r where municipality_code = '999999' and exists (select 1 from child c where c.record_id = r.id and c.birth_date <= (current_date - interval '6 years') and c.birth_date > (current_date - interval '16 years'))`;
  matched = Number((await rawQuery<{ n: string }>(em, `select count(*) as n ${segment}`, []))[0]!.n);
  reachable = Number((await rawQuery<{ n: string }>(em, `select count(*) as n ${segment} and r.id = any(?::uuid[])`, [ids.map((r) => r.id)]))[0]!.n);
  expect(reachable).toBeGreaterThan(0);
  // The senders, without quiet hours (the test may run at night in Japan), to the built-in mail catcher.
  const outreach = s.t.app.services.outreach!;
  (outreach.env as { quietHours: { start: number; end: number } }).quietHours = { start: 0, end: 0 };
  await outreach.startWorkers(1);
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
const status = (page: Page) => page.locator('yorisoi-staff [role=status]').first().innerText();

describe('staff console: outreach campaigns', () => {
  it('a caseworker checks the count and a sample, sends, and sees the notices delivered', async () => {
    const { context, page } = await newPage();
    await signIn(page, s.origin, DepartmentCode.SINGLE_PARENT);
    await waitForHeadingFocus(page, '今日の仕事');
    await page.evaluate(() => (location.hash = '#/outreach'));
    await waitForHeadingFocus(page, 'プッシュ型支援');
    const form = page.locator('staff-outreach-campaigns');
    await form.locator('#cmp-programme option[value="school-expense-aid"]').waitFor({ state: 'attached', timeout: 60_000 });
    await form.locator('#cmp-template').selectOption('NEWS');
    await form.locator('#cmp-programme').selectOption('school-expense-aid');
    await form.locator('#cmp-age-from').fill('6');
    await form.locator('#cmp-age-to').fill('15');
    expect(await form.locator('#cmp-send').isDisabled()).toBe(true);
    await form.locator('#cmp-check').click();
    await expect
      .poll(() => form.locator('#cmp-preview').innerText(), { timeout: 60_000 })
      .toContain(`条件に合う家庭は ${matched} 件です。そのうちお知らせが届けられるのは ${reachable} 件です。`);
    expect(await form.locator('#cmp-preview li').count()).toBe(Math.min(5, matched));
    await expectAxeClean(page, 'outreach campaigns, preview');

    // A change after the count asks for a new count.
    await form.locator('#cmp-age-to').fill('14');
    await expect.poll(() => form.locator('#cmp-send').isDisabled()).toBe(true);
    await form.locator('#cmp-age-to').fill('15');
    await form.locator('#cmp-check').click();
    await expect.poll(() => form.locator('#cmp-send').isDisabled(), { timeout: 60_000 }).toBe(false);
    await form.locator('#cmp-send').click();
    await expect.poll(() => status(page), { timeout: 60_000 }).toContain(`${reachable} 件のお知らせを送信の順番に入れました。`);
    const row = form.locator('tbody tr').first();
    expect(await row.getAttribute('data-status')).toBe('SENT');
    expect(await row.innerText()).toMatch(/制度のご案内[\s\S]*就学援助[\s\S]*送信済み/);

    // The senders deliver them; the list read again shows it.
    await expect
      .poll(
        async () =>
          Number(
            (
              await rawQuery<{ n: string }>(s.t.em(), `select count(*) as n from outreach_notice where trigger like 'campaign:%' and status = 'DELIVERED'`, [])
            )[0]!.n,
          ),
        { timeout: 60_000 },
      )
      .toBe(reachable);
    // Leave the screen and come back: it reads the list again.
    await page.evaluate(() => (location.hash = '#/worklist'));
    await waitForHeadingFocus(page, '今日の仕事');
    await page.evaluate(() => (location.hash = '#/outreach'));
    await waitForHeadingFocus(page, 'プッシュ型支援');
    const cells = page.locator('staff-outreach-campaigns tbody tr').first().locator('td');
    await expect.poll(() => cells.nth(6).innerText(), { timeout: 60_000 }).toBe(String(reachable)); // delivered
    expect(await cells.nth(3).innerText()).toBe(String(matched));
    expect(await cells.nth(5).innerText()).toBe('0'); // waiting
    await expectAxeClean(page, 'outreach campaigns, after sending');
    await context.close();
  }, 240_000);

  it('a department that may not read concerns is refused that criterion, with a message', async () => {
    const { context, page } = await newPage();
    await signIn(page, s.origin, DepartmentCode.PUBLIC_HOUSING);
    await page.evaluate(() => (location.hash = '#/outreach'));
    await waitForHeadingFocus(page, 'プッシュ型支援');
    const form = page.locator('staff-outreach-campaigns');
    await form.locator('#cmp-concern').waitFor({ timeout: 60_000 });
    await form.locator('#cmp-concern').selectOption('WORK');
    await form.locator('#cmp-check').click();
    await expect.poll(() => form.locator('[role=alert]').innerText(), { timeout: 60_000 }).toContain('この項目を見る権限がありません');
    expect(await form.locator('#cmp-preview').count()).toBe(0);
    await context.close();
  }, 120_000);
});
