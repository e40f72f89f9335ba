import { Migration } from '@mikro-orm/migrations';

/**
 * Usage figures (issue 19): counts per municipality, day, figure and breakdown key — no personal data,
 * no reference to the rows they count, so they outlive the retention of those rows. `usage_day` marks
 * which module's days are sealed (counted and stored); api/reporting/figure-store.ts fills both.
 * `report_input` holds what staff enter for 別紙1/別紙2 per period (costs, staff counts, issues).
 */
export class Migration20261204160000_UsageFigures extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "usage_count" ("municipality_code" varchar(6) not null, "day" date not null, "figure" varchar(64) not null, "key" varchar(64) not null default '', "value" bigint not null, constraint "usage_count_pkey" primary key ("municipality_code", "figure", "day", "key"));`,
    );
    this.addSql(
      `create table "usage_day" ("municipality_code" varchar(6) not null, "module" varchar(32) not null, "day" date not null, "sealed_at" timestamptz not null, constraint "usage_day_pkey" primary key ("municipality_code", "module", "day"));`,
    );
    this.addSql(
      `create table "report_input" ("id" uuid not null, "municipality_code" varchar(6) not null, "form" varchar(8) not null, "period_from" date not null, "period_to" date not null, "data" jsonb not null, "updated_at" timestamptz not null, "updated_by" uuid null, constraint "report_input_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "report_input" add constraint "report_input_municipality_code_foreign" foreign key ("municipality_code") references "municipality" ("code") on update cascade;`,
    );
    this.addSql(`alter table "report_input" add constraint "report_input_period_unique" unique ("municipality_code", "form", "period_from", "period_to");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "report_input";`);
    this.addSql(`drop table if exists "usage_day";`);
    this.addSql(`drop table if exists "usage_count";`);
  }
}
