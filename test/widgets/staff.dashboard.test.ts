import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInJapan } from '../../api/core/dates';
import { seedUsageEvents } from '../reporting/seed-usage';
import { expectAxeClean } from './support/axe';
import { launchChromium } from './support/browser';
import { DepartmentCode, deepFocus, signIn, startStaffServer, waitForHeadingFocus, type StaffServer } from './support/staff';

// The usage dashboard of the staff console (supervisors and admins of the owning department), in
// Chromium against the real API: period by keyboard, charts with table equivalents holding the
// API's numbers, axe-core clean in Japanese and English, the 別紙2 download, a caseworker refused.

// Each test signs in and draws a page in Chromium: generous on a CI machine loaded by every lane.
const PAGE_TIMEOUT = 180_000;
const ARTIFACTS = join(__dirname, '..', 'artifacts', 'reporting');
let s: StaffServer;
let browser: Browser;

beforeAll(async () => {
  s = await startStaffServer();
  await seedUsageEvents(s.t.em());
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await s?.close();
});

async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true, locale: 'ja-JP', acceptDownloads: true });
  return { context, page: await context.newPage() };
}
async function tabUntil(page: Page, what: string, test: (f: { tag: string; id: string; text: string }) => boolean, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (test(await deepFocus(page))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${what} (focus: ${JSON.stringify(await deepFocus(page))})`);
}

describe('staff console: usage dashboard', () => {
  it(
    'a supervisor picks last fiscal year by keyboard; each chart has a table with the API’s numbers; axe-clean; 別紙2 downloads',
    async () => {
      const { context, page } = await newPage();
      await signIn(page, s.origin, DepartmentCode.SINGLE_PARENT, 'supervisor');
      // The day starts on the worklist (issue 18); this test starts from the inbox as before.
      await waitForHeadingFocus(page, '今日の仕事');
      await page.evaluate(() => (location.hash = '#/inbox'));
      await waitForHeadingFocus(page, '受付一覧');
      await tabUntil(page, 'the dashboard link', (f) => f.tag === 'a' && f.text === '利用実績');
      await page.keyboard.press('Enter');
      await waitForHeadingFocus(page, '利用実績');
      expect(await page.title()).toContain('利用実績');
      await page.locator('staff-dashboard .cards').waitFor();

      // The last twelve months by keyboard (the demo's events lie in them), then 前年度 by its button.
      const today = todayInJapan();
      const period = { from: addDays(today, -365), to: today };
      await tabUntil(page, 'the start date', (f) => f.id === 'from');
      await page.locator('staff-dashboard #from').fill(period.from);
      await page.locator('staff-dashboard #to').fill(period.to);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('yorisoi-staff [role=status]').first().innerText()).toContain(`${period.from}～${period.to}`);

      const supervisor = await s.t.login(DepartmentCode.SINGLE_PARENT, 'supervisor');
      const api = (
        await s.t.gql(
          'query($p: ReportPeriodInput!) { usageFigures(period: $p, municipalityCode: "999999") { figures { name label key keyLabel total previousTotal points { start value } } } }',
          { p: period },
          supervisor,
        )
      ).body.data!.usageFigures.figures as {
        name: string;
        label: string;
        key: string | null;
        keyLabel: string | null;
        total: number;
        previousTotal: number;
        points: { value: number }[];
      }[];
      const sessions = api.find((f) => f.name === 'chat.sessions' && f.key === null)!;
      expect(sessions.total).toBeGreaterThan(100);
      expect(await page.locator('staff-dashboard .cards li').first().innerText()).toContain(sessions.total.toLocaleString('ja-JP'));
      // The period the figures are for, and the one they are compared with, in words (the date fields may have been changed since).
      const ja = (iso: string) => `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
      const prev = { from: addDays(period.from, -366), to: addDays(period.from, -1) };
      expect(await page.locator('staff-dashboard .shown-period').innerText()).toBe(
        `${ja(period.from)}～${ja(period.to)}の実績です。前期は${ja(prev.from)}～${ja(prev.to)}です。`,
      );

      // Every chart is an image with a name and has a table of the same numbers.
      const figures = page.locator('staff-dashboard figure');
      const n = await figures.count();
      expect(n).toBeGreaterThanOrEqual(7);
      for (let i = 0; i < n; i++) {
        const fig = figures.nth(i);
        if ((await fig.locator('svg').count()) === 0) continue;
        expect(await fig.locator('svg').getAttribute('role')).toBe('img');
        expect((await fig.locator('svg').getAttribute('aria-label'))!.length).toBeGreaterThan(5);
        await fig.locator('summary').click();
        await expect.poll(() => fig.locator('table').isVisible()).toBe(true);
      }
      const monthly = figures.filter({ hasText: sessions.label }).first();
      const cells = (await monthly.locator('tbody td').allInnerTexts()).map((c) => Number(c.replace(/,/g, '')));
      expect(cells).toEqual(sessions.points.map((p) => p.value));
      const channels = api.filter((f) => f.name === 'consultation.byChannel' && f.key !== null);
      const channelRows = await figures.filter({ hasText: '相談対応（方法別）' }).locator('tbody tr').allInnerTexts();
      expect(channelRows.map((r) => r.split('\t')[0])).toEqual(channels.map((c) => c.keyLabel));
      await expectAxeClean(page, 'dashboard, tables open');
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'dashboard-1280.png'), fullPage: true });

      // 別紙2 for the period, downloaded through the signed link.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '別紙2 実施状況報告書（Word）' }).click()]);
      expect(download.suggestedFilename()).toMatch(/^jisshi-jokyo-hokokusho-999999-.*\.docx$/);

      // 前年度 and English.
      await page.getByRole('button', { name: '前年度' }).click();
      // The fiscal year before the one today is in (4/1–3/31).
      const fy = Number(today.slice(0, 4)) - (today.slice(5, 7) < '04' ? 1 : 0) - 1;
      const last = { from: `${fy}-04-01` };
      await expect.poll(() => page.locator('staff-dashboard #from').inputValue()).toBe(last.from);
      await page.locator('yorisoi-staff header button', { hasText: 'English' }).click();
      await expect.poll(() => page.locator('staff-dashboard h1').innerText()).toBe('Usage figures');
      await expectAxeClean(page, 'dashboard, English');
      await context.close();
    },
    PAGE_TIMEOUT,
  );

  it(
    'on a 390 px phone (a section head’s own, in a meeting): the period, the cards, the charts and their tables fit the width; axe-clean',
    async () => {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, bypassCSP: true, locale: 'ja-JP' });
      const page = await context.newPage();
      await signIn(page, s.origin, DepartmentCode.SINGLE_PARENT, 'supervisor');
      await page.evaluate(() => (location.hash = '#/dashboard'));
      await waitForHeadingFocus(page, '利用実績');
      await page.locator('staff-dashboard .cards li').first().waitFor({ timeout: 60_000 });
      const figures = page.locator('staff-dashboard figure');
      for (let i = 0; i < (await figures.count()); i++)
        if ((await figures.nth(i).locator('summary').count()) > 0) await figures.nth(i).locator('summary').click();
      // Nothing wider than the screen: the page does not scroll sideways, and no chart, table or button sticks out.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      const wide = await page.evaluate(() => {
        const root = document.querySelector('yorisoi-staff')!.shadowRoot!.querySelector('staff-dashboard')!.shadowRoot!;
        return [...root.querySelectorAll('figure, table, svg, button, input, .card')]
          .filter((e) => e.getBoundingClientRect().right > 390 + 0.5)
          .map((e) => e.tagName.toLowerCase() + (e.className ? `.${String(e.className)}` : ''));
      });
      expect(wide).toEqual([]);
      // Touch targets of the period picker are at least 44 px high.
      for (const b of await page.locator('staff-dashboard form button, staff-dashboard form input').all())
        expect((await b.boundingBox())!.height).toBeGreaterThanOrEqual(44);
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'dashboard-390.png'), fullPage: true });
      await expectAxeClean(page, 'dashboard, 390 px');
      await context.close();
    },
    PAGE_TIMEOUT,
  );

  it(
    'a department caseworker has no link and is refused the page',
    async () => {
      const { context, page } = await newPage();
      await signIn(page, s.origin, DepartmentCode.SINGLE_PARENT);
      expect(await page.locator('yorisoi-staff nav a', { hasText: '利用実績' }).count()).toBe(0);
      await page.evaluate(() => (location.hash = '#/dashboard'));
      await expect.poll(() => page.locator('staff-dashboard [role=alert]').innerText()).toContain('監督者と管理者だけ');
      expect(await page.locator('staff-dashboard figure').count()).toBe(0);
      // Once, and without a period form that could only be refused again (trial T14).
      expect(await page.locator('staff-dashboard').getByText('監督者と管理者だけ').count()).toBe(1);
      expect(await page.locator('staff-dashboard #from').count()).toBe(0);
      await expectAxeClean(page, 'dashboard, refused');
      await context.close();
    },
    PAGE_TIMEOUT,
  );
});
