import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AXE_PATH, launchChromium } from './support/browser';
import { DepartmentCode, signIn, startStaffServer, waitForHeadingFocus, type StaffServer } from './support/staff';

// Issue 18 in a real browser: the supervisor's audit log screen (filters, CSV export) and the record
// list's CSV export, each saved through the browser's download and read back.

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
interface Violation {
  id: string;
  help: string;
  nodes: { target: unknown[] }[];
}

let s: StaffServer;
let browser: Browser;
let ref: string;

async function axe(page: Page, where: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_PATH });
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Violation[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  }, TAGS);
  expect(violations, `${where}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true, locale: 'ja-JP', acceptDownloads: true });
  return context.newPage();
}

/** Clicks `selector` and returns the text of the file the browser saves. */
async function downloaded(page: Page, selector: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(selector).click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

beforeAll(async () => {
  s = await startStaffServer();
  browser = await launchChromium();
  const owner = await s.t.login(DepartmentCode.SINGLE_PARENT);
  const res = await s.t.gql(
    `mutation($i: CreateRecordInput!) { createRecord(input: $i) { referenceNumber } }`,
    {
      i: {
        identity: { familyName: '@出力', givenName: '太郎', familyNameKana: 'シュツリョク' },
        contact: { phone: '090-5555-6666', contactAllowed: true },
        income: { annualEmploymentIncome: 3_456_789 },
        consent: { sharedWith: ['FAMILY_REGISTER'], shareWithPartners: false, privacyNoticeVersion: 'v1' },
      },
    },
    owner,
  );
  ref = res.body.data!.createRecord.referenceNumber;
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await s?.close();
});

describe('exports from the console', () => {
  it('戸籍担当課 exports its search result as CSV with only its columns', async () => {
    const page = await newPage();
    await signIn(page, s.origin, DepartmentCode.FAMILY_REGISTER);
    await waitForHeadingFocus(page, '今日の仕事');
    await page.evaluate(() => (location.hash = '#/records?name=%E3%82%B7%E3%83%A5%E3%83%84%E3%83%AA%E3%83%A7%E3%82%AF'));
    await page.locator(`staff-records tr[data-ref="${ref}"]`).waitFor();
    await axe(page, 'records with the export button');
    const { name, text } = await downloaded(page, 'staff-records #records-csv');
    expect(name).toMatch(/^records-\d{4}-\d{2}-\d{2}\.csv$/);
    const [header, row] = text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(header).toBe('受付番号,作成日時（日本時間）,姓,名,姓（カナ）,名（カナ）,生年月日,郵便番号,住所');
    expect(row).toContain(`${ref},`);
    expect(row).toContain(",'@出力,太郎,");
    expect(text).not.toContain('090-5555-6666');
    expect(text).not.toContain('3456789');
    await page.context().close();
  });

  it('a supervisor filters the audit log by record, sees the export, and exports the log as CSV', async () => {
    const page = await newPage();
    await signIn(page, s.origin, DepartmentCode.SINGLE_PARENT, 'supervisor');
    await waitForHeadingFocus(page, '今日の仕事');
    await page.locator('nav a[href="#/audit"]').click();
    await waitForHeadingFocus(page, '監査ログ（全体）');
    await page.locator('staff-audit-log #al-count').waitFor();
    await axe(page, 'audit log');
    await page.locator('#al-referenceNumber').fill(ref);
    await page.locator('#al-action').selectOption('export');
    await page.locator('staff-audit-log button[type=submit]').click();
    await expect.poll(() => page.locator('staff-audit-log #al-count').innerText()).toBe('1 件');
    const row = page.locator('staff-audit-log tbody tr');
    expect(await row.innerText()).toContain('個人票一覧のCSV出力');
    expect(await row.innerText()).toContain('戸籍担当課');
    expect(await row.innerText()).toContain('出力');

    await page.locator('#al-action').selectOption('');
    await page.locator('staff-audit-log button[type=submit]').click();
    await expect.poll(async () => Number((await page.locator('staff-audit-log #al-count').innerText()).replace(/\D/g, ''))).toBeGreaterThanOrEqual(3);
    const { name, text } = await downloaded(page, 'staff-audit-log #al-csv');
    expect(name).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(text.startsWith('\uFEFF日時（日本時間）,職員・団体')).toBe(true);
    expect(text).toContain('個人票一覧のCSV出力');
    expect(text).toContain(ref);
    // The export of the log is in the log.
    const supervisor = await s.t.login(DepartmentCode.SINGLE_PARENT, 'supervisor');
    const res = await s.t.gql(
      `query { auditSearch(filter: { operationName: "StaffAuditCsv" }, first: 5) { totalCount entries { actorName sections } } }`,
      {},
      supervisor,
    );
    expect(res.body.data!.auditSearch.totalCount).toBe(1);
    await page.context().close();
  });

  it('a caseworker has no audit log in the menu and the screen says who may use it', async () => {
    const page = await newPage();
    await signIn(page, s.origin, DepartmentCode.SINGLE_PARENT);
    await waitForHeadingFocus(page, '今日の仕事');
    expect(await page.locator('nav a[href="#/audit"]').count()).toBe(0);
    await page.evaluate(() => (location.hash = '#/audit'));
    await page.locator('staff-audit-log .notice').waitFor();
    expect(await page.locator('staff-audit-log form').count()).toBe(0);
    await page.context().close();
  });
});
