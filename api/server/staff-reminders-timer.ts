import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { sendStaffReminders } from '../casework';
import type { Outreach } from '../outreach';

/** The Japan-time hour from which the day's reminders go (STAFF_REMINDER_HOUR, default 8). */
function reminderHour(): number {
  const h = Number(process.env.STAFF_REMINDER_HOUR ?? 8);
  return Number.isInteger(h) && h >= 0 && h <= 23 ? h : 8;
}

/**
 * Runs the staff reminders every ten minutes from STAFF_REMINDER_HOUR (Japan time) on, in the process that
 * sends notices (npm start embedded, npm run worker on PostgreSQL); sendStaffReminders sends each member's
 * reminder once a day however many runs or processes there are. Returns the stop function.
 */
export function startStaffReminders(orm: MikroORM, outreach: Outreach): () => void {
  const consoleUrl = `${outreach.env.publicBaseUrl.replace(/\/$/, '')}/staff#/worklist`;
  const run = () => {
    const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Tokyo', hour: '2-digit', hour12: false }).format(new Date()));
    if (hour < reminderHour()) return;
    void sendStaffReminders(orm.em.fork() as EntityManager, (mail) => outreach.sendStaffMail(mail), new Date(), consoleUrl)
      .then((r) => (r.sent || r.failed ? console.log(`Staff reminders: ${r.sent} sent, ${r.failed} to retry.`) : undefined))
      .catch((e: Error) => console.error(`Staff reminders: ${e.message}`));
  };
  run();
  const timer = setInterval(run, 10 * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
