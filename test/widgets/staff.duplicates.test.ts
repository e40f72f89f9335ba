import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AXE_PATH, launchChromium } from './support/browser';
import { DepartmentCode, signIn, startStaffServer, waitForHeadingFocus, type StaffServer } from './support/staff';

// Issue 18 in a real browser: a record that looks like another shows the possible-duplicate marker to the
// owning department, which links it as the same person; another department sees no such panel.

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
interface Violation {
  id: string;
  help: string;
  nodes: { target: unknown[] }[];
}

let s: StaffServer;
let browser: Browser;
let first: { id: string; ref: string };
let second: { id: string; ref: string };

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
  const create = async (familyName: string) => {
    const res = await s.t.gql(
      `mutation($i: CreateRecordInput!) { createRecord(input: $i) { id referenceNumber } }`,
      {
        i: {
          identity: { familyName, givenName: '澄', familyNameKana: 'ミナセ', givenNameKana: 'スミ', birthDate: '1985-10-10' },
          consent: { sharedWith: ['LIVELIHOOD_SUPPORT'], shareWithPartners: false, privacyNoticeVersion: 'v1' },
        },
      },
      owner,
    );
    return { id: res.body.data!.createRecord.id as string, ref: res.body.data!.createRecord.referenceNumber as string };
  };
  first = await create('水瀬');
  second = await create('水無瀬');
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await s?.close();
});

async function open(department: DepartmentCode, recordId: string, role?: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true, locale: 'ja-JP' });
  const page = await context.newPage();
  await signIn(page, s.origin, department, role);
  await waitForHeadingFocus(page, '今日の仕事');
  await page.evaluate((id) => (location.hash = `#/records/${id}`), recordId);
  await page.locator('staff-case').waitFor();
  return page;
}

describe('possible duplicates in the console', () => {
  it('the owning department sees the marker and links the records as the same person', async () => {
    const page = await open(DepartmentCode.SINGLE_PARENT, second.id);
    const marker = page.locator('staff-duplicates #dup-marker');
    await marker.waitFor();
    expect(await marker.innerText()).toBe('同一人物の可能性 1件（未確認 1件）');
    const item = page.locator(`staff-duplicates li[data-ref="${first.ref}"]`);
    expect(await item.innerText()).toContain('一致: 生年月日・フリガナ');
    await axe(page, 'record with possible duplicates');
    await item.locator('button', { hasText: '同一人物として紐づける' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => item.innerText()).toContain('同一人物として紐づけ済み（相談員 一花');
    expect(await marker.innerText()).toBe('同一人物の可能性 1件（未確認 0件）');
    // The other record shows the same link.
    await page.evaluate((id) => (location.hash = `#/records/${id}`), first.id);
    await expect.poll(() => page.locator(`staff-duplicates li[data-ref="${second.ref}"]`).innerText()).toContain('同一人物として紐づけ済み');
    await page.context().close();
  });

  it('another department sees no duplicates panel', async () => {
    const page = await open(DepartmentCode.LIVELIHOOD_SUPPORT, second.id);
    await page.locator('staff-case #case-now').waitFor();
    expect(await page.locator('staff-duplicates').count()).toBe(0);
    await page.context().close();
  });
});
