import { Migration } from '@mikro-orm/migrations';

/**
 * Intake submissions keep their idempotency key and input hash on their inbox item (issue #5): the
 * intake_submission table repeated the inbox item's facts and cost one more insert per submission.
 * Existing keys move first, so a retry of a submission made before this migration still gets its first
 * receipt: onto the record's inbox item (the earliest one without a key), or onto a new inbox item for
 * the rare submission that has none. A key already used by another inbox item (a chat request; keys are
 * UUIDs made per submission, so this does not happen in practice) is not copied rather than failing.
 */
export class Migration20261128071500_IntakeIntoInbox extends Migration {
  override async up(): Promise<void> {
    this.addSql(`update "inbox_item" i set "idempotency_key" = s."idempotency_key", "input_hash" = s."input_hash"
      from "intake_submission" s
      where i."id" = (select j."id" from "inbox_item" j where j."record_id" = s."record_id" and j."idempotency_key" is null order by j."received_at", j."id" limit 1)
        and not exists (select 1 from "inbox_item" k where k."municipality_code" = s."municipality_code" and k."idempotency_key" = s."idempotency_key");`);
    this
      .addSql(`insert into "inbox_item" ("id", "municipality_code", "department", "kind", "record_id", "reference_number", "received_at", "urgent", "idempotency_key", "input_hash")
      select gen_random_uuid(), s."municipality_code", r."owner_department", 'intake', s."record_id", s."reference_number", s."received_at",
             ('dv' = any(r."concerns_categories") or (r."protection_support_measure" and (r."protection_expires_on" is null or r."protection_expires_on" >= (now() at time zone 'Asia/Tokyo')::date))),
             s."idempotency_key", s."input_hash"
      from "intake_submission" s join "personal_record" r on r."id" = s."record_id"
      where not exists (select 1 from "inbox_item" i where i."record_id" = s."record_id")
      on conflict ("municipality_code", "idempotency_key") do nothing;`);
    this.addSql(`drop table if exists "intake_submission" cascade;`);
  }

  override async down(): Promise<void> {
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
    this.addSql(`insert into "intake_submission" ("id", "municipality_code", "idempotency_key", "input_hash", "record_id", "reference_number", "received_at")
      select gen_random_uuid(), "municipality_code", "idempotency_key", "input_hash", "record_id", "reference_number", "received_at"
      from "inbox_item" where "kind" = 'intake' and "idempotency_key" is not null;`);
  }
}
