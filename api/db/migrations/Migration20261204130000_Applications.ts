import { Migration } from '@mikro-orm/migrations';

/**
 * Online applications (issue 17): the family's one-time sign-ins and sessions, the applications (answers
 * sealed at rest by their column type) and their append-only status events.
 */
export class Migration20261204130000_Applications extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "family_sign_in" ("id" uuid not null, "municipality_code" varchar(6) not null, "record_id" uuid not null, "code_hash" varchar(64) not null, "link_hash" varchar(64) not null, "attempts" smallint not null default 0, "created_at" timestamptz not null, "expires_at" timestamptz not null, "used_at" timestamptz null, constraint "family_sign_in_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "family_sign_in" add constraint "family_sign_in_link_hash_unique" unique ("link_hash");`);
    this.addSql(`create index "family_sign_in_record_id_created_at_index" on "family_sign_in" ("record_id", "created_at");`);
    this.addSql(
      `create table "family_session" ("id" uuid not null, "municipality_code" varchar(6) not null, "record_id" uuid not null, "token_hash" varchar(64) not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "revoked_at" timestamptz null, constraint "family_session_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "family_session" add constraint "family_session_token_hash_unique" unique ("token_hash");`);
    this.addSql(
      `create table "application" ("id" uuid not null, "municipality_code" varchar(6) not null, "record_id" uuid not null, "procedure_id" varchar(60) not null, "status" text check ("status" in ('DRAFT', 'SUBMITTED', 'IN_REVIEW', 'INFO_REQUESTED', 'ACCEPTED', 'NOT_ACCEPTED', 'WITHDRAWN')) not null default 'DRAFT', "answers" text not null, "prefilled" text[] not null default '{}', "channel" varchar(20) not null default 'online', "receipt_number" varchar(9) null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "submitted_at" timestamptz null, "decided_at" timestamptz null, constraint "application_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "application_record_id_created_at_index" on "application" ("record_id", "created_at");`);
    this.addSql(
      `create index "application_municipality_code_status_procedure_id__d781e_index" on "application" ("municipality_code", "status", "procedure_id", "submitted_at");`,
    );
    this.addSql(
      `alter table "application" add constraint "application_municipality_code_receipt_number_unique" unique ("municipality_code", "receipt_number");`,
    );
    this.addSql(
      `create table "application_event" ("id" uuid not null, "municipality_code" varchar(6) not null, "application_id" uuid not null, "from_status" text check ("from_status" in ('DRAFT', 'SUBMITTED', 'IN_REVIEW', 'INFO_REQUESTED', 'ACCEPTED', 'NOT_ACCEPTED', 'WITHDRAWN')) null, "to_status" text check ("to_status" in ('DRAFT', 'SUBMITTED', 'IN_REVIEW', 'INFO_REQUESTED', 'ACCEPTED', 'NOT_ACCEPTED', 'WITHDRAWN')) not null, "actor" text check ("actor" in ('family', 'staff')) not null, "staff_id" uuid null, "at" timestamptz not null, "message" text null, constraint "application_event_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "application_event_application_id_at_index" on "application_event" ("application_id", "at");`);
    this.addSql(
      `alter table "family_sign_in" add constraint "family_sign_in_municipality_code_foreign" foreign key ("municipality_code") references "municipality" ("code") on update cascade;`,
    );
    this.addSql(
      `alter table "family_sign_in" add constraint "family_sign_in_record_id_foreign" foreign key ("record_id") references "personal_record" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "family_session" add constraint "family_session_municipality_code_foreign" foreign key ("municipality_code") references "municipality" ("code") on update cascade;`,
    );
    this.addSql(
      `alter table "family_session" add constraint "family_session_record_id_foreign" foreign key ("record_id") references "personal_record" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "application" add constraint "application_municipality_code_foreign" foreign key ("municipality_code") references "municipality" ("code") on update cascade;`,
    );
    this.addSql(
      `alter table "application" add constraint "application_record_id_foreign" foreign key ("record_id") references "personal_record" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "application_event" add constraint "application_event_municipality_code_foreign" foreign key ("municipality_code") references "municipality" ("code") on update cascade;`,
    );
    this.addSql(
      `alter table "application_event" add constraint "application_event_application_id_foreign" foreign key ("application_id") references "application" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "application_event" cascade;`);
    this.addSql(`drop table if exists "application" cascade;`);
    this.addSql(`drop table if exists "family_session" cascade;`);
    this.addSql(`drop table if exists "family_sign_in" cascade;`);
  }
}
