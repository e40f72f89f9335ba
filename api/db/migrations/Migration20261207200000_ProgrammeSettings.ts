import { Migration } from '@mikro-orm/migrations';

/**
 * Programme settings in the console (issue 21): a municipality's changes to the catalogue (contact,
 * amounts, on/off by programme), one versioned document per municipality, applied over its overrides file.
 */
export class Migration20261207200000_ProgrammeSettings extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "programme_settings" ("municipality_code" varchar(6) not null, "changes" jsonb not null, "version" int not null, "updated_at" timestamptz not null, "updated_by" varchar(255) not null, constraint "programme_settings_pkey" primary key ("municipality_code"));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "programme_settings" cascade;`);
  }
}
