import { Migration } from '@mikro-orm/migrations';

/**
 * Access policy in the console (issue 21): a municipality's policy document (the YAML of seeds/policy),
 * one versioned row per municipality, in force over its policy file.
 */
export class Migration20261208400000_AccessPolicySettings extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "access_policy_settings" ("municipality_code" varchar(6) not null, "document" text not null, "version" int not null, "updated_at" timestamptz not null, "updated_by" varchar(255) not null, constraint "access_policy_settings_pkey" primary key ("municipality_code"));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "access_policy_settings" cascade;`);
  }
}
