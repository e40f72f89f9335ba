import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawQuery } from '../../api/db/raw-query';
import { ConsentMethod, OutreachChannel, optedInChannels, recordConsent } from '../../api/outreach';
import { PersonalRecord } from '../../api/record/personal-record.entity';
import { expectAxeClean } from './support/axe';
import { launchChromium } from './support/browser';
import { DepartmentCode, signIn, startStaffServer, waitForHeadingFocus, type StaffServer } from './support/staff';

// Call tasks on the outreach screen (issue 16), in Chromium against the real API: the caseworker sees the
// family's number, safe times and the script, records "no answer" (the task stays, one try counted), then
// "asked not to be called" (the task goes and the family's phone opt-in is withdrawn); axe-core clean.

let s: StaffServer;
let browser: Browser;
let recordId: string;
let ref: string;
const taskId = randomUUID();

beforeAll(async () => {
  s = await startStaffServer();
  const em = s.t.em();
  const [r] = await rawQuery<{ id: string; reference_number: string }>(
    em,
    `select id, reference_number from personal_record where municipality_code = '999999' and contact_phone_hash is not null and not ('dv' = any(concerns_categories)) order by id limit 1`,
    [],
  );
  recordId = r!.id;
  ref = r!.reference_number;
  const record = await em.findOneOrFail(PersonalRecord, recordId);
  record.contact.safeTimes = '平日 10時〜12時';
  await em.flush();
  await recordConsent(em, '999999', recordId, [
    { channel: OutreachChannel.PHONE, granted: true, method: ConsentMethod.INTAKE, recordedBy: null, purposeVersion: 'test' },
  ]);
  await rawQuery(
    em,
    `insert into outreach_phone_task (id, municipality_code, record_id, department, reason, status, created_at) values (?, '999999', ?, 'single-parent', 'phone-channel', 'OPEN', now())`,
    [taskId, recordId],
  );
  browser = await launchChromium();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await s?.close();
});

describe('staff console: outreach call tasks', () => {
  it('a caseworker reads the call and records its outcomes', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true, locale: 'ja-JP' });
    const page = await context.newPage();
    await signIn(page, s.origin, DepartmentCode.SINGLE_PARENT);
    await waitForHeadingFocus(page, '今日の仕事');
    await page.evaluate(() => (location.hash = '#/outreach'));
    await waitForHeadingFocus(page, 'プッシュ型支援');
    const row = page.locator(`staff-outreach-calls tr[data-id="${taskId}"]`);
    await row.waitFor({ timeout: 60_000 });
    expect(await row.innerText()).toMatch(new RegExp(`${ref}[\\s\\S]*平日 10時〜12時[\\s\\S]*電話を希望`));
    await row.locator('summary').click();
    expect(await row.locator('.script').innerText()).toContain('ご本人と確認できるまで、用件は伝えません');
    await expectAxeClean(page, 'outreach calls');

    await row.locator(`#call-outcome-${taskId}`).selectOption('NO_ANSWER');
    await row.locator(`#call-record-${taskId}`).click();
    await expect.poll(() => page.locator('yorisoi-staff [role=status]').first().innerText(), { timeout: 60_000 }).toContain('結果を記録しました: 出なかった');
    await expect.poll(() => row.locator('td').nth(4).innerText(), { timeout: 60_000 }).toBe('1');

    await row.locator(`#call-outcome-${taskId}`).selectOption('DO_NOT_CALL');
    await row.locator(`#call-record-${taskId}`).click();
    await expect.poll(() => page.locator('staff-outreach-calls section').innerText(), { timeout: 60_000 }).toContain('電話タスクはありません。');
    expect(await optedInChannels(s.t.em(), recordId)).not.toContain(OutreachChannel.PHONE);
    await expectAxeClean(page, 'outreach calls, done');
    await context.close();
  }, 240_000);
});
