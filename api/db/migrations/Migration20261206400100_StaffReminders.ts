import { Migration } from '@mikro-orm/migrations';

/**
 * Staff e-mail reminders (issue 18): a member of staff may turn the daily reminder off; one row per
 * member and Japan day makes the reminder go once a day however often the job runs, on however many
 * processes.
 */
export class Migration20261206400100_StaffReminders extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "staff_member" add column "reminder_emails" boolean not null default true;`);
    this.addSql(
      `create table "staff_reminder_sent" ("staff_id" uuid not null, "day" date not null, "sent_at" timestamptz not null, constraint "staff_reminder_sent_pkey" primary key ("staff_id", "day"), constraint "staff_reminder_sent_staff_id_foreign" foreign key ("staff_id") references "staff_member" ("id") on delete cascade);`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "staff_reminder_sent";`);
    this.addSql(`alter table "staff_member" drop column "reminder_emails";`);
  }
}
