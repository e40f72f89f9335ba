import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser';
import { DepartmentCode, signIn, startStaffServer, waitForHeadingFocus, type StaffServer } from './support/staff';

// The staff console (/staff) edits the facts issue 12 added to the 電子個人票 — marital status,
// 扶養親族等の数 and the safe-contact answers — and desk eligibility decides 児童扶養手当 from them.

let s: StaffServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];
let recordId: string;

const CREATE = `mutation($input: CreateRecordInput!) { createRecord(input: $input) { id } }`;
const section = (p: Page, name: string) => p.locator(`section[data-section=${name}]`);

beforeAll(async () => {
  s = await startStaffServer();
  browser = await launchChromium();
  const owner = await s.t.login(DepartmentCode.SINGLE_PARENT);
  // Marital status not yet known (an older record): the allowance cannot be decided yet.
  const thisYear = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date()).slice(0, 4));
  const res = await s.t.gql(
    CREATE,
    {
      input: {
        identity: { familyName: '家族', givenName: '試験' },
        contact: { contactAllowed: true, phone: '090-1111-2222', preferredChannel: 'PHONE' },
        household: { children: [{ birthDate: `${thisYear - 6}-06-01` }, { birthDate: `${thisYear - 10}-06-01` }], otherMembers: [] },
        income: { annualEmploymentIncome: 2_000_000, childSupportReceivedYearly: 0 },
        consent: { sharedWith: [], shareWithPartners: false, privacyNoticeVersion: '2026-04' },
      },
    },
    owner,
  );
  expect(res.body.errors).toBeUndefined();
  recordId = res.body.data!.createRecord.id;
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await s?.close();
});
beforeEach(async () => {
  await context?.close();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ja-JP' });
  page = await context.newPage();
  problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
});

describe('/staff: the family’s facts', () => {
  it('the owner records marital status and safe contact; desk eligibility then decides 児童扶養手当 with an amount', async () => {
    await signIn(page, s.origin, DepartmentCode.SINGLE_PARENT);
    await page.evaluate((h) => (location.hash = h), `#/records/${recordId}`);
    await section(page, 'IDENTITY').waitFor();

    await page.locator('a', { hasText: '制度の判定' }).click();
    await waitForHeadingFocus(page, '制度の判定');
    await page.locator('tr[data-programme=child-rearing-allowance]').waitFor();
    expect(await page.locator('tr[data-programme=child-rearing-allowance]').getAttribute('data-status')).toBe('NEEDS_MORE_INFO');

    await page.locator('a', { hasText: '内容' }).first().click();
    await section(page, 'HOUSEHOLD').locator('button.edit').click();
    await page.locator('#household-maritalStatus').selectOption('NOT_MARRIED');
    await section(page, 'HOUSEHOLD').locator('button[type=submit]').click();
    await expect.poll(() => section(page, 'HOUSEHOLD').innerText()).toContain('婚姻・事実婚なし');

    await section(page, 'CONTACT').locator('button.edit').click();
    await page.locator('#contact-safeTimes').fill('平日10時〜15時');
    await page.locator('#contact-voicemailSafe').selectOption('NO');
    await section(page, 'CONTACT').locator('button[type=submit]').click();
    await expect.poll(() => section(page, 'CONTACT').innerText()).toContain('平日10時〜15時');

    await section(page, 'INCOME').locator('button.edit').click();
    await page.locator('#income-dependentsCount').fill('2');
    await section(page, 'INCOME').locator('button[type=submit]').click();
    await expect.poll(() => section(page, 'INCOME').locator('button.edit').count()).toBe(1);

    const owner = await s.t.login(DepartmentCode.SINGLE_PARENT);
    const stored = await s.t.gql(
      'query($id: ID!) { record(id: $id) { household { maritalStatus children { birthDate } } contact { phone safeTimes voicemailSafe smsSafe } income { dependentsCount } } }',
      { id: recordId },
      owner,
    );
    expect(stored.body.data!.record).toMatchObject({
      household: { maritalStatus: 'NOT_MARRIED', children: [{}, {}] },
      contact: { phone: '090-1111-2222', safeTimes: '平日10時〜15時', voicemailSafe: false, smsSafe: null },
      income: { dependentsCount: 2 },
    });

    await page.locator('a', { hasText: '制度の判定' }).click();
    await waitForHeadingFocus(page, '制度の判定');
    const row = page.locator('tr[data-programme=child-rearing-allowance]');
    await expect.poll(() => row.getAttribute('data-status')).toBe('ELIGIBLE');
    expect(await row.innerText()).toMatch(/59,400/);
    expect(await page.locator('[data-income-assessment]').innerText()).toContain('所得額は 114万円です');
    expect(problems).toEqual([]);
  }, 120_000);
});
