import { Migration } from '@mikro-orm/migrations';

/**
 * What each record's last re-screening found (issue 16: only changes produce candidates): per record,
 * the programmes it fitted and their monthly/yearly amount, as JSON { programmeId: amount }. Compared
 * with the next run's results; the first run of a record sets its baseline and notifies nothing.
 */
export class Migration20261204120100_OutreachScreening extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "outreach_screening_state" ("record_id" uuid not null, "municipality_code" varchar(255) not null, "state" jsonb not null, "screened_at" timestamptz not null, constraint "outreach_screening_state_pkey" primary key ("record_id"));`,
    );
    this.addSql(
      `alter table "outreach_screening_state" add constraint "outreach_screening_state_record_id_foreign" foreign key ("record_id") references "personal_record" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "outreach_screening_state" cascade;`);
  }
}
