import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInJapan } from '../../api/core/dates';
import { expectAxeClean } from './support/axe';
import { launchChromium } from './support/browser';
import { DepartmentCode, deepFocus, signIn, startStaffServer, waitForHeadingFocus, type StaffServer } from './support/staff';

// The hand-entered figures screen in Chromium against the real API, by keyboard only: a supervisor
// picks last month, types the figures (a wrong one is caught at its field), saves; who and when show
// beside each field; the report preview marks the line as entered by staff. axe-core clean in
// Japanese and English; a caseworker has no link and is refused.

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
const lastMonth = () => {
  const d = new Date(`${todayInJapan().slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 10);
};

describe('staff console: figures entered by hand', () => {
  it('a supervisor enters last month’s figures by keyboard; a wrong value is caught; who/when and the preview show them', async () => {
    const { context, page } = await newPage();
    await signIn(page, s.origin, DepartmentCode.SINGLE_PARENT, 'supervisor');
    await waitForHeadingFocus(page, '今日の仕事');
    await tabUntil(page, 'the figures link', (f) => f.tag === 'a' && f.text === '手入力の実績');
    await page.keyboard.press('Enter');
    await waitForHeadingFocus(page, '手入力の実績');
    expect(await page.title()).toContain('手入力の実績');
    const view = page.locator('staff-figure-input');
    await view.locator('form').waitFor();
    const month = lastMonth();
    expect(await view.locator('#month').inputValue()).toBe(month);
    await expect.poll(() => view.locator('table.preview').count()).toBe(1);
    await expectAxeClean(page, 'figures, empty');

    // Keyboard: to the first field, type, Tab on; one value is wrong (letters), one full-width.
    await tabUntil(page, 'the phone field', (f) => f.id === 'f-phoneConsultations');
    await page.keyboard.type('１２');
    await page.keyboard.press('Tab');
    await page.keyboard.type('3');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.type('2');
    await page.keyboard.press('Tab');
    await page.keyboard.type('31人');
    await page.keyboard.press('Enter');
    await expect.poll(() => deepFocus(page).then((f) => f.id)).toBe('f-eventParticipants');
    expect(await view.locator('#f-eventParticipants').getAttribute('aria-invalid')).toBe('true');
    expect(await view.locator('#f-eventParticipants-error').innerText()).toContain('整数');
    await expect.poll(() => page.locator('yorisoi-staff [role=alert]').first().innerText()).toContain('誤りが1件');
    await expectAxeClean(page, 'figures, one field wrong');
    // Nothing was saved.
    const supervisor = await s.t.login(DepartmentCode.SINGLE_PARENT, 'supervisor');
    const saved = async () =>
      (
        await s.t.gql(
          'query($p: ReportPeriodInput!) { manualFigures(period: $p) { entries { month figure value enteredBy } } }',
          { p: { from: month, to: month } },
          supervisor,
        )
      ).body.data!.manualFigures.entries as { month: string; figure: string; value: number; enteredBy: string }[];
    expect(await saved()).toEqual([]);

    await page.keyboard.press('Backspace');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('yorisoi-staff [role=status]').first().innerText()).toContain('保存しました');
    const rows = await saved();
    expect(rows.map((r) => [r.figure, r.value])).toEqual([
      ['manual.eventParticipants', 31],
      ['manual.events', 2],
      ['manual.phoneConsultations', 12],
      ['manual.visitConsultations', 3],
    ]);
    // Who and when beside the field; the year's table and the preview show the value, marked as entered.
    expect(await view.locator('#f-phoneConsultations-who').innerText()).toContain(`入力：${rows[0]!.enteredBy}`);
    expect(await view.locator('#f-walkInConsultations-who').innerText()).toBe('未入力');
    const line = view.locator('table.preview tbody tr', { hasText: '電話相談（個人票に記録していないもの）' });
    await expect.poll(() => line.innerText()).toContain('職員入力');
    // The preview is read again after 「保存しました」 is announced: wait for it rather than read the old one.
    await expect.poll(async () => (await line.locator('td').first().innerText()).replace(/,/g, '')).toBe('12');
    expect(await view.locator('table.preview tbody tr', { hasText: '電子個人票の作成件数' }).first().innerText()).toContain('システム集計');
    await expectAxeClean(page, 'figures, saved');

    // English.
    await page.locator('yorisoi-staff header button', { hasText: 'English' }).click();
    await expect.poll(() => view.locator('h1').innerText()).toBe('Figures entered by hand');
    expect(await view.locator('table.preview').innerText()).toContain('Entered by staff');
    await expectAxeClean(page, 'figures, English');
    await context.close();
  });

  it('a department caseworker has no link and is refused the page', async () => {
    const { context, page } = await newPage();
    await signIn(page, s.origin, DepartmentCode.SINGLE_PARENT);
    expect(await page.locator('yorisoi-staff nav a', { hasText: '手入力の実績' }).count()).toBe(0);
    await page.evaluate(() => (location.hash = '#/dashboard/figures'));
    await expect.poll(() => page.locator('staff-figure-input [role=alert]').innerText()).toContain('監督者と管理者だけ');
    expect(await page.locator('staff-figure-input form').count()).toBe(0);
    await expectAxeClean(page, 'figures, refused');
    await context.close();
  });
});
