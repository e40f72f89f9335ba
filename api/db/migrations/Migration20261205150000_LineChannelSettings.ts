import { Migration } from '@mikro-orm/migrations';

/**
 * LINE channel settings from the staff console (issue 20): one row per municipality, made by an
 * admin. The channel secret and the access token are sealed at rest (EncryptedText, line.entity.ts) and
 * never leave the API again; a null secret means "the deployment's LINE_<code>_… value". The last
 * connection test is kept so the console can show when the channel last answered.
 */
export class Migration20261205150000_LineChannelSettings extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "line_channel_setting" ("municipality_code" varchar(6) not null, "channel_id" varchar(20) null, "channel_secret" text null, "access_token" text null, "basic_id" varchar(32) null, "updated_at" timestamptz not null, "updated_by_name" varchar(200) not null, "tested_at" timestamptz null, "test_ok" boolean null, "test_problem" varchar(32) null, "bot_name" varchar(100) null, constraint "line_channel_setting_pkey" primary key ("municipality_code"), constraint "line_channel_setting_municipality_code_foreign" foreign key ("municipality_code") references "municipality" ("code"));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "line_channel_setting";`);
  }
}
