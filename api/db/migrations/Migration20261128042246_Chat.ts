import { Migration } from '@mikro-orm/migrations';

/** Chatbot sessions and their (masked) messages. */
export class Migration20261128042246_Chat extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "chat_session" ("id" uuid not null, "municipality_code" varchar(6) null, "locale" varchar(8) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "scenario" jsonb null, "satisfaction" smallint null, constraint "chat_session_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "chat_session_municipality_code_created_at_index" on "chat_session" ("municipality_code", "created_at");`);
    this.addSql(
      `create table "chat_message" ("id" uuid not null, "session_id" uuid not null, "role" text check ("role" in ('user', 'bot')) not null, "text" text not null, "at" timestamptz not null, "urgent" boolean not null default false, constraint "chat_message_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "chat_message_session_id_at_index" on "chat_message" ("session_id", "at");`);
    this.addSql(
      `alter table "chat_session" add constraint "chat_session_municipality_code_foreign" foreign key ("municipality_code") references "municipality" ("code") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "chat_message" add constraint "chat_message_session_id_foreign" foreign key ("session_id") references "chat_session" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "chat_message" cascade;`);
    this.addSql(`drop table if exists "chat_session" cascade;`);
  }
}
