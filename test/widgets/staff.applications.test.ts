import type { Browser, BrowserContext, Page } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationServices, type FamilyNotice } from '../../api/application';
import { DiskDocumentStore } from '../../api/application/documents';
import { InterviewBooking } from '../../api/application/interviews';
import { addDays, todayInJapan } from '../../api/core/dates';
import { hashPassword } from '../../api/staff/password';
import { Department } from '../../api/municipality/department.entity';
import { demoStaffEmail } from '../../api/server/seed/demo-seed';
import { StaffMember } from '../../api/staff/staff-member.entity';
import { StaffRole } from '../../api/core/roles';
import { TEST_PASSWORD } from '../support/app';
import { captureNotices, familyFromIntake } from '../application/support-api';
import { AXE_PATH, launchChromium } from './support/browser';
import { DepartmentCode, signIn, startStaffServer, waitForHeadingFocus, type StaffServer } from './support/staff';

// Issue 17, the staff side in a real browser against the real API: the department's applications queue
// (oldest first, overdue marked, filters in the address), one application — answers from the record vs
// what the family changed, a photo shown inline, a return for correction with its reason (the family is
// told), an interview marked kept — all with the keyboard alone; a viewer is offered no action;
// axe-core clean in Japanese and English.

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
interface Violation {
  id: string;
  help: string;
  nodes: { target: unknown[] }[];
}

let s: StaffServer;
let browser: Browser;
let notices: FamilyNotice[];
let dir: string;
let fresh: { id: string; receipt: string };
let old: { id: string; receipt: string };
let bookingId: string;

async function axe(page: Page, where: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_PATH });
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Violation[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  }, TAGS);
  expect(violations, `${where}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true, locale: 'ja-JP' });
  return { context, page: await context.newPage() };
}

function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return `${el?.tagName}|${el?.getAttribute('aria-label') ?? ''}|${el?.getAttribute('value') ?? ''}|${el?.id ?? ''}|${el?.textContent?.trim() ?? ''}`;
  });
}

/** Presses Tab until the focused element (a link, button, input or textarea; not a scrolling region) is described by `text`. */
async function tabTo(page: Page, text: string, max = 200): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (/^(A|BUTTON|INPUT|TEXTAREA|SELECT)\|/.test(f) && f.includes(text)) return;
  }
  throw new Error(`Tab never reached ${text}; last: ${await focused(page)}`);
}

/** A submitted 現況届 with the income changed by the family and a photo attached; `daysAgo` back-dates it. */
async function submitted(daysAgo: number, withPhoto: boolean): Promise<{ id: string; receipt: string; session: string }> {
  const t = s.t;
  const { session } = await familyFromIntake(t);
  const a = (
    await t.gql(`mutation($i: StartApplicationInput!) { startApplication(input: $i) { id version } }`, { i: { session, procedureId: 'cra-status-report' } })
  ).body.data!.startApplication;
  const saved = await t.gql(`mutation($i: SaveApplicationInput!) { saveApplication(input: $i) { version } }`, {
    i: {
      session,
      id: a.id,
      version: a.version,
      answers: [
        { question: 'livingWithChildren', value: 'true' },
        { question: 'publicPension', value: 'false' },
        { question: 'fullySuspended', value: 'false' },
        { question: 'employmentIncome', value: '2100000' },
      ],
    },
  });
  expect(saved.body.errors).toBeUndefined();
  if (withPhoto) {
    const photo = await sharp({ create: { width: 160, height: 100, channels: 3, background: '#c63' } })
      .png()
      .toBuffer();
    const up = await t.http
      .post(`/applications/${a.id}/documents/child-support-declaration`)
      .set('authorization', `Bearer ${session}`)
      .set('content-type', 'application/octet-stream')
      .send(photo);
    expect(up.status).toBe(201);
  }
  const r = await t.gql(`mutation($i: SubmitApplicationInput!) { submitApplication(input: $i) { receiptNumber } }`, {
    i: { session, id: a.id, version: saved.body.data!.saveApplication.version },
  });
  expect(r.body.errors).toBeUndefined();
  if (daysAgo)
    await t.em().getConnection().execute(`update application set submitted_at = submitted_at - (? * interval '1 day') where id = ?`, [daysAgo, a.id]);
  return { id: a.id, receipt: r.body.data!.submitApplication.receiptNumber, session };
}

beforeAll(async () => {
  s = await startStaffServer();
  browser = await launchChromium();
  notices = captureNotices(s.t);
  dir = mkdtempSync(path.join(os.tmpdir(), 'yorisoi-console-docs-'));
  applicationServices(s.t.app.services).documents = new DiskDocumentStore(dir);
  old = await submitted(60, false);
  const f = await submitted(0, true);
  fresh = f;
  const slots = (await s.t.gql(`query($s: String!, $a: ID!) { interviewSlots(session: $s, applicationId: $a) { id } }`, { s: f.session, a: f.id })).body.data!
    .interviewSlots;
  bookingId = (
    await s.t.gql(`mutation($i: BookInterviewInput!) { bookInterview(input: $i) { id } }`, {
      i: { session: f.session, applicationId: f.id, slotId: slots[0].id },
    })
  ).body.data!.bookInterview.id;
  // The interview was this morning (yesterday's date when run before 09:00 would not matter: any past time).
  const b = await s.t.em().findOneOrFail(InterviewBooking, { id: bookingId }, { populate: ['slot'] });
  const y = addDays(todayInJapan(), -1);
  await s.t
    .em()
    .getConnection()
    .execute(`update interview_slot set starts_at = ?, ends_at = ? where id = ?`, [
      new Date(`${y}T10:00:00+09:00`),
      new Date(`${y}T10:30:00+09:00`),
      b.slot.id,
    ]);
  const em = s.t.em();
  const department = await em.findOneOrFail(Department, { municipality: '999999', code: DepartmentCode.SINGLE_PARENT });
  em.create(StaffMember, {
    municipality: '999999',
    department,
    name: '閲覧 二郎',
    email: demoStaffEmail(DepartmentCode.SINGLE_PARENT, 'viewer'),
    role: StaffRole.VIEWER,
    passwordHash: await hashPassword(TEST_PASSWORD),
  } as never);
  await em.flush();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await s?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('online applications in the console', () => {
  it('works the queue with the keyboard: overdue first, the family’s changes, a photo inline, a return for correction, an interview kept', async () => {
    const { context, page } = await newPage();
    await signIn(page, s.origin, DepartmentCode.SINGLE_PARENT);
    await waitForHeadingFocus(page, '今日の仕事');

    await tabTo(page, 'オンライン申請');
    await page.keyboard.press('Enter');
    await waitForHeadingFocus(page, 'オンライン申請');
    const rows = page.locator('staff-applications tbody tr[data-id]');
    await rows.first().waitFor();
    const order = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
    expect(order.indexOf(old.id)).toBeLessThan(order.indexOf(fresh.id));
    expect(await page.locator(`staff-applications tr[data-id="${old.id}"]`).innerText()).toContain('目標超過');
    expect(await page.locator(`staff-applications tr[data-id="${fresh.id}"]`).innerText()).not.toContain('目標超過');
    expect(await page.locator(`staff-applications tr[data-interview="${bookingId}"]`).innerText()).toContain('予約済み');
    await axe(page, 'queue');

    // The interview of yesterday: marked kept from its row.
    await tabTo(page, `${fresh.receipt} の面談を「来た」と記録`);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator(`staff-applications tr[data-interview="${bookingId}"]`).innerText()).toContain('来た');
    // The row holds the 「来た」 button from the start: the mark itself is read from the database.
    await expect.poll(async () => (await s.t.em().findOneOrFail(InterviewBooking, { id: bookingId })).status).toBe('KEPT');

    // Filter by status (kept in the address): only the open ones of 現況届, then all statuses.
    await page.locator('staff-applications #q-status').selectOption('ACCEPTED');
    await page.locator('staff-applications form button[type=submit]').click();
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('status=ACCEPTED');
    await page.locator('staff-applications h2#q-h').waitFor();
    await expect.poll(() => page.locator(`staff-applications tr[data-id]`).count()).toBe(0);
    await page.goBack();
    await page.locator(`staff-applications tr[data-id="${fresh.id}"]`).waitFor();

    // Open the fresh one with the keyboard.
    await page.locator('staff-applications h1').focus();
    await tabTo(page, fresh.receipt);
    await page.keyboard.press('Enter');
    await waitForHeadingFocus(page, fresh.receipt);
    const detail = page.locator('staff-application');
    await detail.locator('tr[data-question="familyName"]').waitFor();
    expect(await detail.locator('tr[data-question="familyName"]').getAttribute('data-prefilled')).toBe('yes');
    expect(await detail.locator('tr[data-question="familyName"]').innerText()).toContain('個人票から（変更なし）');
    expect(await detail.locator('tr[data-question="employmentIncome"]').innerText()).toContain('家族が入力・変更');
    const change = await detail.locator('tr[data-change="employmentIncome"]').innerText();
    // Written as every other amount of the console (yenAmount: 「1,800,000 円」, in English ¥1,800,000).
    expect(change).toContain('1,800,000 円');
    expect(change).toContain('2,100,000 円');
    expect(change).toContain('反映する');

    await tabTo(page, '養育費等に関する申告書を表示');
    await page.keyboard.press('Enter');
    const img = detail.locator('img.document');
    await img.waitFor();
    await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(160);
    expect(await img.getAttribute('alt')).toContain('養育費等に関する申告書');
    expect(await img.getAttribute('src')).toMatch(/^blob:/);
    await axe(page, 'application with its document shown');

    // Return for correction: the reason is required, then the family is told (without the reason).
    // A radio group: Tab enters it on the first choice, the arrow keys choose.
    await tabTo(page, 'IN_REVIEW');
    await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toContain('INFO_REQUESTED');
    await tabTo(page, 'd-reason');
    await tabTo(page, '確定する');
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toContain('d-reason');
    expect(await detail.locator('#d-reason-err').innerText()).toContain('理由を書いてください');
    await axe(page, 'decision form with an error');
    const before = notices.length;
    await page.keyboard.type('源泉徴収票の写真をもう一度、全体が写るように送ってください。');
    await tabTo(page, '確定する');
    await page.keyboard.press('Enter');
    await expect.poll(() => detail.locator('#status-now').innerText()).toBe('追加・修正の依頼中');
    await expect.poll(() => notices.length).toBe(before + 1);
    expect(JSON.stringify(notices.at(-1))).not.toContain('源泉徴収票');
    expect(await detail.locator('ol').innerText()).toContain('源泉徴収票の写真をもう一度');
    // From here staff may only decide "not accepted" until the family answers.
    expect(await detail.locator('input[name="action"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual(['NOT_ACCEPTED']);

    // English: the same screen, axe-clean.
    await page.locator('header button', { hasText: 'English' }).click();
    await expect.poll(() => detail.locator('#status-now').innerText()).toBe('Information requested');
    await axe(page, 'application in English');
    await page.evaluate(() => (location.hash = '#/applications'));
    await page.locator('staff-applications h2#q-h').waitFor();
    await axe(page, 'queue in English');
    await context.close();
  });

  it('a viewer reads the queue and an application but is offered no action; another department sees no applications', async () => {
    const { context, page } = await newPage();
    await signIn(page, s.origin, DepartmentCode.SINGLE_PARENT, 'viewer');
    await page.evaluate((id) => (location.hash = `#/applications/${id}`), old.id);
    const detail = page.locator('staff-application');
    await detail.locator('#status-now').waitFor();
    expect(await detail.locator('form').count()).toBe(0);
    expect(await detail.locator('section[aria-labelledby="dec-h"]').innerText()).toContain('閲覧のみ');
    await page.evaluate(() => (location.hash = '#/applications'));
    await page.locator(`staff-applications tr[data-interview="${bookingId}"]`).waitFor();
    expect(await page.locator(`staff-applications tr[data-interview="${bookingId}"] button`).count()).toBe(0);
    await context.close();

    const other = await newPage();
    await signIn(other.page, s.origin, DepartmentCode.PUBLIC_HOUSING);
    await other.page.evaluate(() => (location.hash = '#/applications'));
    await other.page.locator('staff-applications h2#q-h').waitFor();
    expect(await other.page.locator('staff-applications tr[data-id]').count()).toBe(0);
    await other.page.evaluate((id) => (location.hash = `#/applications/${id}`), old.id);
    await expect.poll(() => other.page.locator('staff-application p.error').innerText()).toContain('見つかりません');
    await other.context.close();
  });
});
