import { Migration } from '@mikro-orm/migrations';

/** Department inboxes: intake submissions and chat consultation requests to pick up; records may now come from the chat. */
export class Migration20261128055634_Inbox extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "inbox_item" ("id" uuid not null, "municipality_code" varchar(6) not null, "department" "department_code" not null, "kind" text check ("kind" in ('intake', 'chat-request')) not null, "record_id" uuid not null, "reference_number" varchar(255) not null, "received_at" timestamptz not null, "urgent" boolean not null default false, "preferred_time" varchar(100) null, "chat_session_id" uuid null, "idempotency_key" varchar(64) null, "input_hash" varchar(64) null, "taken_by_id" uuid null, "taken_at" timestamptz null, constraint "inbox_item_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "inbox_item_municipality_code_department_taken_at_r_99405_index" on "inbox_item" ("municipality_code", "department", "taken_at", "received_at");`,
    );
    this.addSql(
      `alter table "inbox_item" add constraint "inbox_item_municipality_code_idempotency_key_unique" unique ("municipality_code", "idempotency_key");`,
    );
    this.addSql(
      `alter table "inbox_item" add constraint "inbox_item_municipality_code_foreign" foreign key ("municipality_code") references "municipality" ("code") on update cascade;`,
    );
    this.addSql(
      `alter table "inbox_item" add constraint "inbox_item_record_id_foreign" foreign key ("record_id") references "personal_record" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "inbox_item" add constraint "inbox_item_taken_by_id_foreign" foreign key ("taken_by_id") references "staff_member" ("id") on update cascade on delete set null;`,
    );
    this.addSql(`alter table "personal_record" drop constraint if exists "personal_record_source_check";`);
    this.addSql(`alter table "personal_record" add constraint "personal_record_source_check" check("source" in ('staff', 'intake', 'chat'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "inbox_item" cascade;`);
    this.addSql(`alter table "personal_record" drop constraint if exists "personal_record_source_check";`);
    this.addSql(`alter table "personal_record" add constraint "personal_record_source_check" check("source" in ('staff', 'intake'));`);
  }
}
