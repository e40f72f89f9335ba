import { Migration } from '@mikro-orm/migrations';

/**
 * Staff accounts people own (issue 21, api/accounts): one-time links (invitation, reset, first admin,
 * TOTP enrolment) stored as hashes, sign-in sessions, the administration trail (append-only like the
 * audit log), TOTP secrets and recovery codes, and the per-municipality two-factor requirement — on
 * for every municipality but the fictional demo (999999), whose tests and published password sign in
 * with a password alone.
 */
export class Migration20261204110000_Accounts extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "account_link" ("id" uuid not null, "municipality_code" varchar(6) not null, "staff_id" uuid null, "purpose" text check ("purpose" in ('first-admin', 'invitation', 'reset', 'totp-enrolment')) not null, "token_hash" varchar(255) not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "used_at" timestamptz null, "reset_two_factor" boolean not null default false, constraint "account_link_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "account_link" add constraint "account_link_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "account_link_staff_id_index" on "account_link" ("staff_id");`);

    this.addSql(
      `create table "admin_event" ("id" bigserial primary key, "municipality_code" varchar(6) not null, "at" timestamptz not null, "actor_id" uuid null, "actor_name" varchar(255) not null, "action" varchar(255) not null, "subject_id" varchar(255) null, "detail" text null);`,
    );
    this.addSql(`create index "admin_event_municipality_code_id_index" on "admin_event" ("municipality_code", "id");`);
    this.addSql(`create trigger admin_event_no_update before update or delete on admin_event for each row execute function audit_refuse_change();`);
    this.addSql(`create trigger admin_event_no_truncate before truncate on admin_event for each statement execute function audit_refuse_change();`);

    this.addSql(
      `create table "staff_session" ("id" varchar(255) not null, "staff_id" uuid not null, "municipality_code" varchar(6) not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "revoked_at" timestamptz null, "two_factor" boolean not null default false, constraint "staff_session_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "staff_session_staff_id_expires_at_index" on "staff_session" ("staff_id", "expires_at");`);

    this.addSql(`alter table "municipality" add column "require_two_factor" boolean not null default true;`);
    this.addSql(`update "municipality" set "require_two_factor" = false where "code" = '999999';`);

    this.addSql(
      `alter table "staff_member" add column "totp_secret" text null, add column "totp_pending_secret" text null, add column "totp_last_step" bigint null, add column "recovery_code_hashes" text[] not null default '{}', add column "password_changed_at" timestamptz null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "account_link" cascade;`);

    this.addSql(`drop table if exists "admin_event" cascade;`);

    this.addSql(`drop table if exists "staff_session" cascade;`);

    this.addSql(`alter table "municipality" drop column "require_two_factor";`);

    this.addSql(
      `alter table "staff_member" drop column "totp_secret", drop column "totp_pending_secret", drop column "totp_last_step", drop column "recovery_code_hashes", drop column "password_changed_at";`,
    );
  }
}
