import { Migration } from '@mikro-orm/migrations';

/**
 * Passkeys (WebAuthn) as a second factor for staff sign-in (issue 21): the credentials a staff member
 * registered, and the one-time challenges of registration and sign-in (single use, expiring).
 */
export class Migration20261207100000_Passkeys extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "staff_passkey" ("id" uuid not null, "staff_id" uuid not null, "municipality_code" varchar(6) not null, "credential_id" text not null, "public_key" text not null, "counter" bigint not null default 0, "transports" text[] not null default '{}', "name" varchar(100) not null, "created_at" timestamptz not null, "last_used_at" timestamptz null, constraint "staff_passkey_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "staff_passkey_staff_id_index" on "staff_passkey" ("staff_id");`);
    this.addSql(`alter table "staff_passkey" add constraint "staff_passkey_credential_id_unique" unique ("credential_id");`);
    this.addSql(
      `create table "passkey_challenge" ("ticket_hash" varchar(64) not null, "staff_id" uuid not null, "purpose" varchar(10) not null, "challenge" varchar(100) not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "used_at" timestamptz null, constraint "passkey_challenge_pkey" primary key ("ticket_hash"));`,
    );
    this.addSql(`create index "passkey_challenge_staff_id_index" on "passkey_challenge" ("staff_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "passkey_challenge" cascade;`);
    this.addSql(`drop table if exists "staff_passkey" cascade;`);
  }
}
