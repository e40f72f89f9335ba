import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AXE_PATH, launchChromium } from './support/browser';
import { DepartmentCode, signIn, startStaffServer, waitForHeadingFocus, type StaffServer } from './support/staff';

// Issue 18 in a real browser: from the possible-duplicates panel the owning department opens the merge
// preview (keyboard only), reads field by field what the merged record will hold, confirms and merges;
// the record that stays then holds what only the other had. axe-core clean on the merge screen. The
// worklist shows push-type support's approvals waiting, with a link to the outreach screen.

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
interface Violation {
  id: string;
  help: string;
  nodes: { target: unknown[] }[];
}

let s: StaffServer;
let browser: Browser;
let stays: { id: string; ref: string };
let other: { id: string; ref: string };

async function axe(page: Page, where: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_PATH });
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Violation[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  }, TAGS);
  expect(violations, `${where}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

beforeAll(async () => {
  s = await startStaffServer();
  browser = await launchChromium();
  const owner = await s.t.login(DepartmentCode.SINGLE_PARENT);
  const create = async (familyName: string, more: Record<string, unknown>) => {
    const res = await s.t.gql(
      `mutation($i: CreateRecordInput!) { createRecord(input: $i) { id referenceNumber } }`,
      {
        i: {
          identity: { familyName, givenName: '澄', familyNameKana: 'ミナセ', givenNameKana: 'スミ', birthDate: '1985-10-10' },
          consent: { sharedWith: ['LIVELIHOOD_SUPPORT'], shareWithPartners: false, privacyNoticeVersion: 'v1' },
          ...more,
        },
      },
      owner,
    );
    if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
    return { id: res.body.data!.createRecord.id as string, ref: res.body.data!.createRecord.referenceNumber as string };
  };
  stays = await create('水瀬', { contact: { phone: '090-5555-0101', contactAllowed: true } });
  other = await create('水無瀬', { contact: { email: 'sumi@example.jp', contactAllowed: true } });
  // A notice candidate waiting for approval: the worklist's push-type support group counts it.
  await s.t
    .em()
    .getConnection()
    .execute(
      `insert into outreach_notice (id, municipality_code, record_id, department, kind, trigger, programme_id, period, channel, approval, status, attempts, handoffs, due_at, message_id, locale, facts, created_at, status_at)
     values (gen_random_uuid(), '999999', ?, 'single-parent', 'programme-fits', 'browser-test', 'child-rearing-allowance', '2026-12', 'PHONE', 'PENDING', 'CREATED', 0, 0, now(), 'browser-test', 'ja', '{}', now(), now())`,
      [stays.id],
    );
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await s?.close();
});

describe('merging duplicates in the console', () => {
  it('previews field by field, then merges after confirmation, by keyboard', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true, locale: 'ja-JP' });
    const page = await context.newPage();
    await signIn(page, s.origin, DepartmentCode.SINGLE_PARENT);
    await waitForHeadingFocus(page, '今日の仕事');
    const approvals = page.locator('staff-worklist #wl-approvals');
    await approvals.waitFor({ timeout: 60_000 });
    expect(await approvals.innerText()).toMatch(/承認待ちの通知候補\s*1/);
    expect(await approvals.locator('a[href="#/outreach"]').count()).toBe(1);
    await axe(page, 'worklist with push-type support');
    await page.evaluate((id) => (location.hash = `#/records/${id}`), stays.id);
    const item = page.locator(`staff-duplicates li[data-ref="${other.ref}"]`);
    await item.waitFor({ timeout: 60_000 });
    await item.locator('a', { hasText: '統合をプレビュー' }).focus();
    await page.keyboard.press('Enter');

    const merge = page.locator('staff-merge');
    const email = merge.locator('tr[data-field="CONTACT.email"]');
    await email.waitFor({ timeout: 60_000 });
    expect(await email.getAttribute('data-source')).toBe('OTHER');
    expect(await email.innerText()).toContain('sumi@example.jp');
    expect(await merge.locator('tr[data-field="IDENTITY.familyName"]').innerText()).toMatch(/水瀬\s+水無瀬\s+水瀬\s+統合先/);
    expect(await merge.locator('#merge-consent').innerText()).toContain('生活困窮担当課');
    expect(await merge.locator('tr[data-table="consent_event"]').count()).toBe(1);
    // Nothing happens before the confirmation.
    expect(await merge.locator('#merge-go').isDisabled()).toBe(true);
    await axe(page, 'merge preview');

    await merge.locator('#merge-confirm').focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    expect(await merge.locator('#merge-go').evaluate((b) => b === (b.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    const done = merge.locator('#merge-done a');
    await done.waitFor({ timeout: 60_000 });
    expect(await done.innerText()).toContain(stays.ref);
    await axe(page, 'merge done');
    await page.keyboard.press('Enter');
    // The record that stays holds the e-mail only the other record had.
    await expect.poll(() => page.evaluate(() => location.hash), { timeout: 60_000 }).toBe(`#/records/${stays.id}`);
    await page.locator('staff-record-view').getByText('sumi@example.jp').first().waitFor({ timeout: 60_000 });
    const left = await s.t.gql(`query($id: ID!) { record(id: $id) { id } }`, { id: other.id }, await s.t.login(DepartmentCode.SINGLE_PARENT));
    expect(left.body.data!.record).toBeNull();
    await context.close();
  }, 240_000);
});
