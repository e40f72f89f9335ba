import { Migration } from '@mikro-orm/migrations';

/**
 * The audit trail of allowed origins (allowedOrigins / addAllowedOrigin / removeAllowedOrigin): one row
 * per change, who and when. Append-only like the audit log: the same trigger function refuses UPDATE,
 * DELETE and TRUNCATE. (Tested in test/municipality/allowed-origins.test.ts.)
 */
export class Migration20261202110000_AllowedOriginChanges extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "allowed_origin_change" ("id" bigserial primary key, "municipality_code" varchar(6) not null, "at" timestamptz not null, "action" text check ("action" in ('added', 'removed')) not null, "origin" text not null, "actor_id" uuid not null, "actor_name" varchar(255) not null);`,
    );
    this.addSql(`create index "allowed_origin_change_municipality_code_id_index" on "allowed_origin_change" ("municipality_code", "id");`);
    this.addSql(
      `create trigger allowed_origin_change_no_update before update or delete on allowed_origin_change for each row execute function audit_refuse_change();`,
    );
    this.addSql(
      `create trigger allowed_origin_change_no_truncate before truncate on allowed_origin_change for each statement execute function audit_refuse_change();`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "allowed_origin_change" cascade;`);
  }
}
