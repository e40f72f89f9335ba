import { Migration } from '@mikro-orm/migrations';

/**
 * Merging duplicates (名寄せ, issue 18): the merged-away record stays as a tombstone that points to the
 * record it was merged into (no foreign key: the rights module walks personal_record's foreign keys to
 * disclose and erase, and a tombstone must not become a child of its survivor there).
 */
export class Migration20261206400000_RecordMerge extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "personal_record" add column "merged_into_id" uuid null, add column "merged_at" timestamptz null;`);
    this.addSql(
      `create index "personal_record_merged_into_index" on "personal_record" ("municipality_code", "merged_into_id") where "merged_into_id" is not null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "personal_record_merged_into_index";`);
    this.addSql(`alter table "personal_record" drop column "merged_into_id", drop column "merged_at";`);
  }
}
