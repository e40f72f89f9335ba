import { Migration } from '@mikro-orm/migrations';

/**
 * LINE (issue 20). `line_event`: the webhook's queue — events acknowledged at once and handled after,
 * one row per webhookEventId (the unique key answers redeliveries once); the payload is sealed and
 * erased when handled. `line_chat_session`: a LINE user's current chat session, by a keyed hash of the
 * user id (never the id). `line_link` and `line_link_request`: accounts linked to a 電子個人票 — the
 * user id sealed (needed to push notices), codes and nonces only as hashes.
 */
export class Migration20261204150000_LineChannel extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "line_event" ("id" bigserial primary key, "municipality_code" varchar(6) not null, "webhook_event_id" varchar(64) not null, "payload" text not null, "status" varchar(8) not null default 'queued', "attempts" int not null default 0, "received_at" timestamptz not null default now(), "available_at" timestamptz not null default now(), "done_at" timestamptz null, constraint "line_event_municipality_code_webhook_event_id_unique" unique ("municipality_code", "webhook_event_id"));`,
    );
    this.addSql(`create index "line_event_due_index" on "line_event" ("available_at") where "status" = 'queued';`);
    this.addSql(`create index "line_event_done_at_index" on "line_event" ("done_at");`);
    this.addSql(
      `create table "line_chat_session" ("municipality_code" varchar(6) not null, "user_key" varchar(64) not null, "session_id" uuid not null, "updated_at" timestamptz not null, constraint "line_chat_session_pkey" primary key ("municipality_code", "user_key"));`,
    );
    this.addSql(
      `create table "line_link" ("id" uuid not null, "municipality_code" varchar(6) not null, "record_id" uuid not null, "user_key" varchar(64) not null, "user_id" text not null, "linked_at" timestamptz not null, "revoked_at" timestamptz null, "revoked_by" varchar(16) null, "notices" boolean not null default false, "notices_changed_at" timestamptz null, "blocked" boolean not null default false, constraint "line_link_pkey" primary key ("id"), constraint "line_link_municipality_code_foreign" foreign key ("municipality_code") references "municipality" ("code"), constraint "line_link_record_id_foreign" foreign key ("record_id") references "personal_record" ("id") on delete cascade);`,
    );
    this.addSql(`create unique index "line_link_active_user_unique" on "line_link" ("municipality_code", "user_key") where "revoked_at" is null;`);
    this.addSql(`create unique index "line_link_active_record_unique" on "line_link" ("record_id") where "revoked_at" is null;`);
    this.addSql(
      `create table "line_link_request" ("id" uuid not null, "municipality_code" varchar(6) not null, "record_id" uuid not null, "code_hash" varchar(64) not null, "user_key" varchar(64) null, "nonce_hash" varchar(64) null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "used_at" timestamptz null, constraint "line_link_request_pkey" primary key ("id"), constraint "line_link_request_record_id_foreign" foreign key ("record_id") references "personal_record" ("id") on delete cascade, constraint "line_link_request_code_hash_unique" unique ("code_hash"), constraint "line_link_request_nonce_hash_unique" unique ("nonce_hash"));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "line_link_request";`);
    this.addSql(`drop table if exists "line_link";`);
    this.addSql(`drop table if exists "line_chat_session";`);
    this.addSql(`drop table if exists "line_event";`);
  }
}
