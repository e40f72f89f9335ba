import { Migration } from '@mikro-orm/migrations';

/** pg-boss's schema (Migration20261204120000_Outreach) and the queues added here (api/outreach/queue.ts, nightly.ts). */
const PGBOSS_SCHEMA = 'pgboss';
export const OUTREACH_RESCREEN_QUEUE = 'outreach-rescreen';
/** pg-boss's own queue for cron: its timekeeper sends each due schedule through it. */
export const PGBOSS_CRON_QUEUE = '__pgboss__send-it';

/**
 * Push-type support, the rest of issue 16:
 * - campaigns by staff (api/outreach/campaigns.ts): who, when, the segment's criteria, the template or
 *   programme, when it goes, and the counts; the notices are ordinary outreach_notice rows whose trigger
 *   is `campaign:<id>`;
 * - phone tasks with outcomes: how many calls were tried and when the last outcome was recorded;
 * - the nightly re-screening: one row per municipality and Japan day, so a second run that day is a no-op;
 *   its queue and pg-boss's cron queue (the API's role may not create them at start: DDL).
 */
export class Migration20261206200000_OutreachCampaigns extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "outreach_campaign" ("id" uuid not null, "municipality_code" varchar(255) not null, "department" varchar(32) not null, "template" varchar(24) not null, "programme_id" varchar(64) not null, "criteria" jsonb not null, "status" varchar(12) not null, "send_at" timestamptz not null, "created_by" uuid not null, "created_at" timestamptz not null, "matched" integer not null, "created" integer not null, "unreachable" integer not null, "cancelled_at" timestamptz null, "cancelled_by" uuid null, constraint "outreach_campaign_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "outreach_campaign_department_index" on "outreach_campaign" ("municipality_code", "department", "created_at");`);
    // The campaign's notices are found by their trigger.
    this.addSql(`create index "outreach_notice_trigger_index" on "outreach_notice" ("trigger");`);
    this.addSql(`alter table "outreach_phone_task" add column "attempts" integer not null default 0, add column "outcome_at" timestamptz null;`);
    this.addSql(
      `create table "outreach_rescreen_run" ("municipality_code" varchar(255) not null, "day" date not null, "started_at" timestamptz not null, "finished_at" timestamptz null, "summary" jsonb null, constraint "outreach_rescreen_run_pkey" primary key ("municipality_code", "day"));`,
    );
    this.addSql(
      `select ${PGBOSS_SCHEMA}.create_queue('${OUTREACH_RESCREEN_QUEUE}', '{"policy":"standard","retryLimit":3,"retryDelay":300,"expireInSeconds":7200,"retentionMinutes":20160}'::json) where not exists (select 1 from ${PGBOSS_SCHEMA}.queue where name = '${OUTREACH_RESCREEN_QUEUE}');`,
    );
    this.addSql(
      `select ${PGBOSS_SCHEMA}.create_queue('${PGBOSS_CRON_QUEUE}', '{"policy":"standard"}'::json) where not exists (select 1 from ${PGBOSS_SCHEMA}.queue where name = '${PGBOSS_CRON_QUEUE}');`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`delete from ${PGBOSS_SCHEMA}.schedule where name = '${OUTREACH_RESCREEN_QUEUE}';`);
    this.addSql(`select ${PGBOSS_SCHEMA}.delete_queue('${OUTREACH_RESCREEN_QUEUE}');`);
    this.addSql(`drop table if exists "outreach_rescreen_run" cascade;`);
    this.addSql(`alter table "outreach_phone_task" drop column "attempts", drop column "outcome_at";`);
    this.addSql(`drop index if exists "outreach_notice_trigger_index";`);
    this.addSql(`drop table if exists "outreach_campaign" cascade;`);
  }
}
