import { Migration } from '@mikro-orm/migrations';
import PgBoss from 'pg-boss';

/** The queue pg-boss keeps the send jobs in (api/outreach/queue.ts). */
export const OUTREACH_SEND_QUEUE = 'outreach-send';
export const PGBOSS_SCHEMA = 'pgboss';

/**
 * Push-type support (issue 16): channel consent with its history, notices (one per record, trigger,
 * programme and period), blocked addresses, phone tasks, daily counts for the cap and per-period figures
 * that outlive the message bodies.
 *
 * pg-boss's own tables are created here, not by pg-boss at start: the API's database role may not run
 * DDL (api/db/app-role.ts), and pg-boss 10 creates a partition per queue — so the queue is created here too.
 * A pg-boss upgrade that changes its schema version needs a migration of its own (PgBoss.getMigrationPlans).
 */
export class Migration20261204120000_Outreach extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "outreach_consent_event" ("id" uuid not null, "municipality_code" varchar(255) not null, "record_id" uuid not null, "channel" varchar(8) not null, "granted" boolean not null, "at" timestamptz not null, "method" varchar(16) not null, "recorded_by" uuid null, "purpose_version" varchar(32) not null, constraint "outreach_consent_event_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "outreach_consent_event" add constraint "outreach_consent_event_record_id_foreign" foreign key ("record_id") references "personal_record" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(`create index "outreach_consent_event_record_channel_at_index" on "outreach_consent_event" ("record_id", "channel", "at");`);

    this.addSql(
      `create table "outreach_notice" ("id" uuid not null, "municipality_code" varchar(255) not null, "record_id" uuid not null, "department" varchar(32) not null, "kind" varchar(24) not null, "trigger" varchar(48) not null, "programme_id" varchar(64) not null, "period" varchar(24) not null, "channel" varchar(8) not null, "approval" varchar(10) not null, "status" varchar(20) not null, "attempts" integer not null default 0, "handoffs" integer not null default 0, "due_at" timestamptz not null, "lease_until" timestamptz null, "message_id" varchar(255) not null, "locale" varchar(8) not null, "facts" jsonb not null, "created_at" timestamptz not null, "status_at" timestamptz not null, "delivered_at" timestamptz null, "opened_at" timestamptz null, "last_error" varchar(32) null, "body" text null, constraint "outreach_notice_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "outreach_notice" add constraint "outreach_notice_record_id_foreign" foreign key ("record_id") references "personal_record" ("id") on update cascade on delete cascade;`,
    );
    // Enqueued exactly once per (record, trigger, programme, period): a second insert is a no-op.
    this.addSql(`alter table "outreach_notice" add constraint "outreach_notice_once_unique" unique ("record_id", "trigger", "programme_id", "period");`);
    this.addSql(`create index "outreach_notice_municipality_status_index" on "outreach_notice" ("municipality_code", "status", "approval", "due_at");`);

    this.addSql(
      `create table "outreach_blocked_address" ("municipality_code" varchar(255) not null, "channel" varchar(8) not null, "address_hash" varchar(64) not null, "at" timestamptz not null, constraint "outreach_blocked_address_pkey" primary key ("municipality_code", "channel", "address_hash"));`,
    );

    this.addSql(
      `create table "outreach_phone_task" ("id" uuid not null, "municipality_code" varchar(255) not null, "record_id" uuid not null, "notice_id" uuid null, "department" varchar(32) not null, "reason" varchar(24) not null, "status" varchar(8) not null, "outcome" varchar(16) null, "created_at" timestamptz not null, "done_at" timestamptz null, "done_by" uuid null, constraint "outreach_phone_task_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "outreach_phone_task" add constraint "outreach_phone_task_record_id_foreign" foreign key ("record_id") references "personal_record" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(`create unique index "outreach_phone_task_notice_unique" on "outreach_phone_task" ("notice_id") where "notice_id" is not null;`);
    this.addSql(`create index "outreach_phone_task_open_index" on "outreach_phone_task" ("municipality_code", "department", "status");`);

    this.addSql(
      `create table "outreach_daily_count" ("municipality_code" varchar(255) not null, "day" date not null, "count" integer not null, constraint "outreach_daily_count_pkey" primary key ("municipality_code", "day"));`,
    );
    // Counts only: no record id, so they survive the deletion of bodies and of the records themselves.
    this.addSql(
      `create table "outreach_figure" ("municipality_code" varchar(255) not null, "period" varchar(7) not null, "kind" varchar(24) not null, "channel" varchar(8) not null, "metric" varchar(24) not null, "count" bigint not null, constraint "outreach_figure_pkey" primary key ("municipality_code", "period", "kind", "channel", "metric"));`,
    );

    // pg-boss 10's schema, without its own BEGIN/COMMIT (this migration is one transaction already).
    const plans = PgBoss.getConstructionPlans(PGBOSS_SCHEMA)
      .replace(/^\s*BEGIN;/, '')
      .replace(/COMMIT;\s*$/, '');
    this.addSql(plans);
    this.addSql(
      `select ${PGBOSS_SCHEMA}.create_queue('${OUTREACH_SEND_QUEUE}', '{"policy":"standard","retryLimit":8,"retryDelay":30,"retryBackoff":true,"expireInSeconds":300,"retentionMinutes":20160}'::json);`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop schema if exists "${PGBOSS_SCHEMA}" cascade;`);
    for (const t of ['outreach_figure', 'outreach_daily_count', 'outreach_phone_task', 'outreach_blocked_address', 'outreach_notice', 'outreach_consent_event'])
      this.addSql(`drop table if exists "${t}" cascade;`);
  }
}
