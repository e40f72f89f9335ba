import { Migration } from '@mikro-orm/migrations';

/**
 * Figures staff enter by hand per month (issue 19): counselling by phone or visit that is not recorded
 * against a family, information sessions and their participants. Counts only; api/reporting/manual-figures.ts.
 */
export class Migration20261205140000_ManualFigures extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "manual_figure" ("municipality_code" varchar(6) not null, "month" date not null, "figure" varchar(64) not null, "value" int not null, "entered_by" uuid null, "entered_at" timestamptz not null, constraint "manual_figure_pkey" primary key ("municipality_code", "month", "figure"));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "manual_figure";`);
  }
}
