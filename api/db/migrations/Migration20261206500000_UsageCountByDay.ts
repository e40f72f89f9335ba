import { Migration } from '@mikro-orm/migrations';

/**
 * The dashboard's read of stored usage figures (api/reporting/figure-store.ts read()): every figure of
 * one municipality over a range of days. The primary key leads with the figure, so the read scanned the
 * municipality's rows by day and filtered by figure (test/bench/RESULTS.md, #19); this index answers it
 * by (municipality, day, figure) alone, key and value included, without visiting the table.
 */
export class Migration20261206500000_UsageCountByDay extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "usage_count_day_index" on "usage_count" ("municipality_code", "day", "figure") include ("key", "value");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "usage_count_day_index";`);
  }
}
