import { Migration } from '@mikro-orm/migrations';

/** Intake submissions: one row per idempotency key, pointing at the record it created. */
export class Migration20261128035318_Intake extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "intake_submission" ("id" uuid not null, "municipality_code" varchar(6) not null, "idempotency_key" varchar(64) not null, "input_hash" varchar(64) not null, "record_id" uuid not null, "reference_number" varchar(255) not null, "received_at" timestamptz not null, constraint "intake_submission_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "intake_submission" add constraint "intake_submission_municipality_code_idempotency_key_unique" unique ("municipality_code", "idempotency_key");`,
    );
    this.addSql(
      `alter table "intake_submission" add constraint "intake_submission_municipality_code_foreign" foreign key ("municipality_code") references "municipality" ("code") on update cascade;`,
    );
    this.addSql(
      `alter table "intake_submission" add constraint "intake_submission_record_id_foreign" foreign key ("record_id") references "personal_record" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "intake_submission" cascade;`);
  }
}
