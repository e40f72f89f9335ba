import type { EntityManager } from '@mikro-orm/postgresql';
import { OWNER_DEPARTMENT, todayInJapan } from '../core';
import { rawQuery } from '../db';

/** A message to one member of staff; the transport is push-type support's (Outreach.sendStaffMail). */
export interface StaffMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
}
/** What the transport said: delivered, or anything else (then the reminder is tried again on the next run); null: no transport. */
export type StaffMailer = (mail: StaffMail) => Promise<{ kind: string } | null>;

interface Due {
  id: string;
  email: string;
  due: number;
  overdue: number;
}

/** The reminder's text: counts and the console's address only — never a family's name, number or anything about it. */
export function reminderMail(to: string, staffId: string, day: string, due: number, overdue: number, consoleUrl: string): StaffMail {
  const subject = `【Yorisoi】本日の連絡予定 ${due} 件・期限切れ ${overdue} 件 / ${due} due today, ${overdue} overdue`;
  const text = [
    `本日（${day}）の連絡予定が ${due} 件、次回連絡日を過ぎたものが ${overdue} 件あります。`,
    `職員コンソールの「今日の仕事」で確認してください: ${consoleUrl}`,
    '',
    `You have ${due} follow-up(s) due today (${day}) and ${overdue} overdue. Open “Your day” in the staff console: ${consoleUrl}`,
    '',
    'このメールは毎日1回、連絡予定があるときだけ送られます。受け取らない設定は職員コンソールから（setReminderEmails）できます。',
  ].join('\n');
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const html = `<p>本日（${esc(day)}）の連絡予定が ${due} 件、次回連絡日を過ぎたものが ${overdue} 件あります。</p><p><a href="${esc(consoleUrl)}">職員コンソールの「今日の仕事」を開く</a></p><p lang="en">You have ${due} follow-up(s) due today and ${overdue} overdue. <a href="${esc(consoleUrl)}">Open your day in the staff console</a>.</p>`;
  return { to, subject, text, html, messageId: `<reminder-${staffId}-${day}@staff.yorisoi>` };
}

/**
 * The daily reminder to each member of staff with follow-ups due today or overdue (open cases assigned to
 * them whose next contact date is today or past, Japan time; a family counted for another department
 * only while it consents to share with it; merged-away records never). Once per member and day: a row in
 * staff_reminder_sent is claimed before sending (a second run, or a second process, finds it and sends
 * nothing) and given back when the transport did not deliver, so the next run tries again. Members who
 * turned reminders off, disabled accounts and members with nothing due get nothing.
 */
export async function sendStaffReminders(em: EntityManager, send: StaffMailer, now: Date, consoleUrl: string): Promise<{ sent: number; failed: number }> {
  const day = todayInJapan(now);
  const rows = await rawQuery<Due>(
    em,
    `select s.id, s.email, (count(*) filter (where c.next_contact_date = ?::date))::int as due, (count(*) filter (where c.next_contact_date < ?::date))::int as overdue
       from case_file c
       join staff_member s on s.id = c.assignee_id
       join personal_record r on r.id = c.record_id and r.merged_into_id is null
      where c.status <> 'closed' and c.next_contact_date <= ?::date and s.disabled = false and s.reminder_emails
        and (c.department::text = ? or r.shared_with @> array[c.department::text])
        and not exists (select 1 from staff_reminder_sent x where x.staff_id = s.id and x.day = ?::date)
      group by s.id, s.email
      order by s.id`,
    [day, day, day, OWNER_DEPARTMENT, day],
  );
  let sent = 0;
  let failed = 0;
  for (const row of rows) {
    const claimed = await rawQuery(
      em,
      `insert into staff_reminder_sent (staff_id, day, sent_at) values (?, ?::date, ?) on conflict do nothing returning staff_id`,
      [row.id, day, now],
    );
    if (claimed.length === 0) continue;
    const outcome = await send(reminderMail(row.email, row.id, day, row.due, row.overdue, consoleUrl)).catch(() => null);
    if (outcome?.kind === 'delivered') sent++;
    else {
      failed++;
      await rawQuery(em, `delete from staff_reminder_sent where staff_id = ? and day = ?::date`, [row.id, day]);
    }
  }
  return { sent, failed };
}
