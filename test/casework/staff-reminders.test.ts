import type { EntityManager } from '@mikro-orm/postgresql';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendStaffReminders } from '../../api/casework/staff-reminders';
import { DepartmentCode } from '../../api/core/departments';
import { todayInJapan, addDays } from '../../api/core/dates';
import type { MailCatcher } from '../../api/outreach/mail-catcher';
import { demoStaffEmail } from '../../api/server/seed/demo-seed';
import { startTestApp, type TestApp } from '../support/app';

// Issue 18: the daily e-mail reminder to each member of staff with follow-ups due today or overdue, sent
// through push-type support's mail transport to a real SMTP server (the outreach tests' mail catcher):
// counts and the console's address only, once a day, not to those who turned it off.

let t: TestApp;
let catcher: MailCatcher;
let owner: string;
const ids: string[] = [];
const CONSOLE = 'https://yorisoi.example.jp/staff#/worklist';

beforeAll(async () => {
  t = await startTestApp({ records: 0 });
  catcher = await t.app.services.outreach!.useMailCatcher();
  owner = await t.login(DepartmentCode.SINGLE_PARENT);
  for (const familyName of ['朝霧', '夕凪', '宵闇']) {
    const res = await t.gql(
      `mutation($i: CreateRecordInput!) { createRecord(input: $i) { id } }`,
      { i: { identity: { familyName, givenName: '花', birthDate: '1990-04-01' } } },
      owner,
    );
    ids.push(res.body.data!.createRecord.id);
  }
  const me = (await t.gql(`{ me { id } }`, {}, owner)).body.data!.me.id as string;
  const today = todayInJapan();
  // Two due today, one overdue (dates written directly: the API refuses a past next contact date).
  for (const [i, date] of [
    [0, today],
    [1, today],
    [2, addDays(today, -3)],
  ] as const) {
    await t
      .em()
      .getConnection()
      .execute(
        `insert into case_file (id, municipality_code, record_id, department, assignee_id, status, next_contact_date, created_at, updated_at, version) values (gen_random_uuid(), '999999', ?, 'single-parent', ?, 'in-progress', ?::date, now(), now(), 1)`,
        [ids[i], me, date],
      );
  }
}, 120_000);
afterAll(async () => {
  await t?.close();
});

const send = () => sendStaffReminders(t.em().fork() as EntityManager, (mail) => t.app.services.outreach!.sendStaffMail(mail), new Date(), CONSOLE);
const mailsTo = (address: string) => catcher.mails.filter((m) => m.to.includes(address));

describe('staff reminders', () => {
  it('sends counts and the console link only, once a day', async () => {
    const address = demoStaffEmail(DepartmentCode.SINGLE_PARENT);
    expect(await send()).toEqual({ sent: 1, failed: 0 });
    await expect.poll(() => mailsTo(address).length, { timeout: 20_000 }).toBe(1);
    const mail = await simpleParser(mailsTo(address)[0]!.raw);
    expect(mail.subject).toContain('2 due today, 1 overdue');
    expect(mail.text).toContain('本日（');
    expect(mail.text).toContain('2 follow-up(s) due today');
    expect(mail.text).toContain(CONSOLE);
    expect(String(mail.html)).toContain(`href="${CONSOLE}"`);
    // Nothing about a family: no name, no reference number, no record id.
    const all = `${mail.subject}\n${mail.text}\n${String(mail.html)}`;
    for (const name of ['朝霧', '夕凪', '宵闇']) expect(all).not.toContain(name);
    for (const id of ids) expect(all).not.toContain(id);
    const refs = await t.em().getConnection().execute<{ reference_number: string }[]>(`select reference_number from personal_record`);
    for (const r of refs) expect(all).not.toContain(r.reference_number);
    // A second run the same day sends nothing.
    expect(await send()).toEqual({ sent: 0, failed: 0 });
    expect(mailsTo(address)).toHaveLength(1);
  });

  it('sends nothing to a member who turned reminders off, and again once turned on (next day’s claim aside)', async () => {
    const off = await t.gql(`mutation { setReminderEmails(input: { enabled: false }) }`, {}, owner);
    expect(off.body.errors).toBeUndefined();
    expect((await t.gql(`{ reminderEmails }`, {}, owner)).body.data!.reminderEmails).toBe(false);
    await t.em().getConnection().execute(`delete from staff_reminder_sent`);
    expect(await send()).toEqual({ sent: 0, failed: 0 });
    await t.gql(`mutation { setReminderEmails(input: { enabled: true }) }`, {}, owner);
    expect(await send()).toEqual({ sent: 1, failed: 0 });
  });
});
