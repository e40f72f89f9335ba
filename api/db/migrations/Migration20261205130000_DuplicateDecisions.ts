import { Migration } from '@mikro-orm/migrations';

/**
 * Possible duplicates (名寄せ, issue 18): the owning department's decision on a pair of records that look
 * like the same family — linked as the same person, or dismissed as different. Pairs are found on demand.
 */
export class Migration20261205130000_DuplicateDecisions extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "duplicate_decision" ("id" uuid not null, "municipality_code" varchar(6) not null, "record_a_id" uuid not null, "record_b_id" uuid not null, "decision" text check ("decision" in ('same-person', 'different')) not null, "decided_by_id" uuid null, "decided_at" timestamptz not null, constraint "duplicate_decision_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "duplicate_decision_record_b_id_index" on "duplicate_decision" ("record_b_id");`);
    this.addSql(
      `alter table "duplicate_decision" add constraint "duplicate_decision_municipality_code_record_a_id__fa8c1_unique" unique ("municipality_code", "record_a_id", "record_b_id");`,
    );
    this.addSql(
      `alter table "duplicate_decision" add constraint "duplicate_decision_municipality_code_foreign" foreign key ("municipality_code") references "municipality" ("code") on update cascade;`,
    );
    this.addSql(
      `alter table "duplicate_decision" add constraint "duplicate_decision_record_a_id_foreign" foreign key ("record_a_id") references "personal_record" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "duplicate_decision" add constraint "duplicate_decision_record_b_id_foreign" foreign key ("record_b_id") references "personal_record" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "duplicate_decision" add constraint "duplicate_decision_decided_by_id_foreign" foreign key ("decided_by_id") references "staff_member" ("id") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "duplicate_decision" cascade;`);
  }
}
