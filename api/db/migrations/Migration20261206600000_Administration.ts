import { Migration } from '@mikro-orm/migrations';

/**
 * Administration in the console (issue 21): a partner organisation's contact (who to call there), and
 * the municipality's privacy notice as versions an admin publishes — the versions append-only like the
 * audit log (the same trigger function refuses UPDATE, DELETE and TRUNCATE), the one in force copied
 * onto the municipality row so the public intake reads it with the municipality (no extra look-up).
 */
export class Migration20261206600000_Administration extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "partner_organization" add column "contact" text null;`);
    this.addSql(`alter table "municipality" add column "privacy_notice" jsonb null;`);
    this.addSql(
      `create table "privacy_notice_version" ("id" bigserial primary key, "municipality_code" varchar(6) not null, "version" varchar(50) not null, "text" jsonb not null, "published_at" timestamptz not null, "actor_id" uuid not null, "actor_name" varchar(255) not null);`,
    );
    this.addSql(`create unique index "privacy_notice_version_municipality_code_version_unique" on "privacy_notice_version" ("municipality_code", "version");`);
    this.addSql(`create index "privacy_notice_version_municipality_code_id_index" on "privacy_notice_version" ("municipality_code", "id");`);
    this.addSql(
      `create trigger privacy_notice_version_no_update before update or delete on privacy_notice_version for each row execute function audit_refuse_change();`,
    );
    this.addSql(
      `create trigger privacy_notice_version_no_truncate before truncate on privacy_notice_version for each statement execute function audit_refuse_change();`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "privacy_notice_version" cascade;`);
    this.addSql(`alter table "municipality" drop column if exists "privacy_notice";`);
    this.addSql(`alter table "partner_organization" drop column if exists "contact";`);
  }
}
