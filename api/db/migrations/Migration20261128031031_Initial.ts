import { Migration } from '@mikro-orm/migrations';

export class Migration20261128031031_Initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create type "department_code" as enum ('single-parent', 'livelihood-support', 'family-register', 'public-housing', 'long-term-care', 'disability-welfare');`,
    );
    this.addSql(`create type "staff_role" as enum ('caseworker', 'viewer', 'supervisor', 'admin');`);
    this.addSql(
      `create table "audit_entry" ("seq" bigserial primary key, "municipality_code" varchar(6) not null, "at" timestamptz not null, "actor_kind" varchar(255) not null, "actor_id" uuid not null, "actor_name" varchar(255) not null, "actor_department" varchar(255) not null, "record_id" uuid not null, "action" varchar(255) not null, "sections" text[] not null, "operation_name" varchar(255) null, "batch_id" bigint not null);`,
    );
    this.addSql(`create index "audit_entry_record_id_at_index" on "audit_entry" ("record_id", "at");`);

    this.addSql(
      `create table "municipality" ("code" varchar(6) not null, "name" varchar(255) not null, "allowed_origins" text[] not null default '{}', "created_at" timestamptz not null, constraint "municipality_pkey" primary key ("code"));`,
    );

    this.addSql(
      `create table "department" ("id" uuid not null, "municipality_code" varchar(6) not null, "code" "department_code" not null, "name" varchar(255) not null, constraint "department_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "department" add constraint "department_municipality_code_code_unique" unique ("municipality_code", "code");`);

    this.addSql(
      `create table "partner_organization" ("id" uuid not null, "municipality_code" varchar(6) not null, "name" varchar(255) not null, "created_at" timestamptz not null, constraint "partner_organization_pkey" primary key ("id"));`,
    );

    this.addSql(
      `create table "partner_token" ("id" uuid not null, "municipality_code" varchar(6) not null, "partner_id" uuid not null, "token_hash" varchar(255) not null, "label" varchar(255) not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "revoked_at" timestamptz null, constraint "partner_token_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "partner_token" add constraint "partner_token_token_hash_unique" unique ("token_hash");`);

    this.addSql(
      `create table "personal_record" ("id" uuid not null, "municipality_code" varchar(6) not null, "reference_number" varchar(255) not null, "version" int not null default 1, "owner_department" "department_code" not null default 'single-parent', "source" text check ("source" in ('staff', 'intake')) not null default 'staff', "created_at" timestamptz not null, "updated_at" timestamptz not null, "identity_family_name" varchar(255) null, "identity_given_name" varchar(255) null, "identity_family_name_kana" varchar(255) null, "identity_given_name_kana" varchar(255) null, "identity_birth_date" date null, "search_name" text not null default '', "address_postal_code" varchar(255) null, "address_prefecture" varchar(255) null, "address_city" varchar(255) null, "address_street" varchar(255) null, "contact_phone" varchar(255) null, "contact_email" varchar(255) null, "contact_preferred_channel" text check ("contact_preferred_channel" in ('phone', 'email', 'letter')) null, "contact_contact_allowed" boolean not null default false, "household_other_members" jsonb null, "household_note" text null, "income_income_year" int null, "income_annual_employment_income" int null, "income_other_income" int null, "income_child_support_received_yearly" int null, "concerns_categories" text[] not null default '{}', "concerns_note" text null, "plan_goal" text null, "plan_steps" text null, "plan_started_on" date null, "plan_review_on" date null, "protection_support_measure" boolean not null default false, "protection_since" date null, "protection_expires_on" date null, "shared_with" text[] not null default '{}', "privacy_notice_version" varchar(255) null, constraint "personal_record_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "personal_record_municipality_code_created_at_id_index" on "personal_record" ("municipality_code", "created_at", "id");`);
    this.addSql(
      `alter table "personal_record" add constraint "personal_record_municipality_code_reference_number_unique" unique ("municipality_code", "reference_number");`,
    );

    this.addSql(
      `create table "consent_event" ("id" uuid not null, "municipality_code" varchar(6) not null, "record_id" uuid not null, "target" varchar(255) not null, "granted" boolean not null, "at" timestamptz not null, "privacy_notice_version" varchar(255) not null, "recorded_by" uuid null, constraint "consent_event_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "consent_event_record_id_at_index" on "consent_event" ("record_id", "at");`);

    this.addSql(
      `create table "child" ("id" uuid not null, "municipality_code" varchar(6) not null, "record_id" uuid not null, "position" smallint not null, "given_name" varchar(255) null, "birth_date" date not null, "disability" boolean not null default false, constraint "child_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "child_record_id_position_index" on "child" ("record_id", "position");`);

    this.addSql(
      `create table "benefit_in_use" ("id" uuid not null, "municipality_code" varchar(6) not null, "record_id" uuid not null, "programme_id" varchar(255) not null, "since" date null, "note" text null, constraint "benefit_in_use_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "benefit_in_use_record_id_index" on "benefit_in_use" ("record_id");`);

    this.addSql(
      `create table "referral" ("id" uuid not null, "municipality_code" varchar(6) not null, "record_id" uuid not null, "partner_id" uuid not null, "status" text check ("status" in ('requested', 'accepted', 'closed')) not null default 'requested', "reason" text not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "referral_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "referral_partner_id_status_index" on "referral" ("partner_id", "status");`);

    this.addSql(
      `create table "revoked_token" ("jti" varchar(255) not null, "expires_at" timestamptz not null, "revoked_at" timestamptz not null, constraint "revoked_token_pkey" primary key ("jti"));`,
    );
    this.addSql(`create index "revoked_token_expires_at_index" on "revoked_token" ("expires_at");`);

    this.addSql(
      `create table "staff_member" ("id" uuid not null, "municipality_code" varchar(6) not null, "department_id" uuid not null, "name" varchar(255) not null, "email" varchar(255) not null, "role" "staff_role" not null default 'caseworker', "password_hash" varchar(255) null, "failed_logins" int not null default 0, "locked_until" timestamptz null, "disabled" boolean not null default false, constraint "staff_member_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "staff_member" add constraint "staff_member_email_unique" unique ("email");`);

    this.addSql(
      `create table "consultation" ("id" uuid not null, "municipality_code" varchar(6) not null, "record_id" uuid not null, "date" date not null, "department_id" uuid not null, "staff_member_id" uuid null, "channel" text check ("channel" in ('in-person', 'phone', 'email', 'home-visit', 'online', 'chat')) not null, "summary" text not null, "follow_up" text null, "follow_up_due" date null, "created_at" timestamptz not null, constraint "consultation_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "consultation_record_id_date_index" on "consultation" ("record_id", "date");`);

    this.addSql(
      `alter table "department" add constraint "department_municipality_code_foreign" foreign key ("municipality_code") references "municipality" ("code") on update cascade;`,
    );

    this.addSql(
      `alter table "partner_organization" add constraint "partner_organization_municipality_code_foreign" foreign key ("municipality_code") references "municipality" ("code") on update cascade;`,
    );

    this.addSql(
      `alter table "partner_token" add constraint "partner_token_municipality_code_foreign" foreign key ("municipality_code") references "municipality" ("code") on update cascade;`,
    );
    this.addSql(
      `alter table "partner_token" add constraint "partner_token_partner_id_foreign" foreign key ("partner_id") references "partner_organization" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "personal_record" add constraint "personal_record_municipality_code_foreign" foreign key ("municipality_code") references "municipality" ("code") on update cascade;`,
    );

    this.addSql(
      `alter table "consent_event" add constraint "consent_event_municipality_code_foreign" foreign key ("municipality_code") references "municipality" ("code") on update cascade;`,
    );
    this.addSql(
      `alter table "consent_event" add constraint "consent_event_record_id_foreign" foreign key ("record_id") references "personal_record" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "child" add constraint "child_municipality_code_foreign" foreign key ("municipality_code") references "municipality" ("code") on update cascade;`,
    );
    this.addSql(
      `alter table "child" add constraint "child_record_id_foreign" foreign key ("record_id") references "personal_record" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "benefit_in_use" add constraint "benefit_in_use_municipality_code_foreign" foreign key ("municipality_code") references "municipality" ("code") on update cascade;`,
    );
    this.addSql(
      `alter table "benefit_in_use" add constraint "benefit_in_use_record_id_foreign" foreign key ("record_id") references "personal_record" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "referral" add constraint "referral_municipality_code_foreign" foreign key ("municipality_code") references "municipality" ("code") on update cascade;`,
    );
    this.addSql(
      `alter table "referral" add constraint "referral_record_id_foreign" foreign key ("record_id") references "personal_record" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "referral" add constraint "referral_partner_id_foreign" foreign key ("partner_id") references "partner_organization" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "staff_member" add constraint "staff_member_municipality_code_foreign" foreign key ("municipality_code") references "municipality" ("code") on update cascade;`,
    );
    this.addSql(
      `alter table "staff_member" add constraint "staff_member_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "consultation" add constraint "consultation_municipality_code_foreign" foreign key ("municipality_code") references "municipality" ("code") on update cascade;`,
    );
    this.addSql(
      `alter table "consultation" add constraint "consultation_record_id_foreign" foreign key ("record_id") references "personal_record" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "consultation" add constraint "consultation_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "consultation" add constraint "consultation_staff_member_id_foreign" foreign key ("staff_member_id") references "staff_member" ("id") on update cascade on delete set null;`,
    );
    // Records a department may see are filtered by the consent array; keep that a fast index look-up.
    this.addSql(`create index "personal_record_shared_with_gin" on "personal_record" using gin ("shared_with");`);
    this.addSql(`create index "personal_record_concerns_gin" on "personal_record" using gin ("concerns_categories");`);
    // Re-screening pages through a municipality by id (api/programme/rescreen.ts).
    this.addSql(`create index "personal_record_municipality_code_id_index" on "personal_record" ("municipality_code", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "department" drop constraint "department_municipality_code_foreign";`);

    this.addSql(`alter table "partner_organization" drop constraint "partner_organization_municipality_code_foreign";`);

    this.addSql(`alter table "partner_token" drop constraint "partner_token_municipality_code_foreign";`);

    this.addSql(`alter table "personal_record" drop constraint "personal_record_municipality_code_foreign";`);

    this.addSql(`alter table "consent_event" drop constraint "consent_event_municipality_code_foreign";`);

    this.addSql(`alter table "child" drop constraint "child_municipality_code_foreign";`);

    this.addSql(`alter table "benefit_in_use" drop constraint "benefit_in_use_municipality_code_foreign";`);

    this.addSql(`alter table "referral" drop constraint "referral_municipality_code_foreign";`);

    this.addSql(`alter table "staff_member" drop constraint "staff_member_municipality_code_foreign";`);

    this.addSql(`alter table "consultation" drop constraint "consultation_municipality_code_foreign";`);

    this.addSql(`alter table "staff_member" drop constraint "staff_member_department_id_foreign";`);

    this.addSql(`alter table "consultation" drop constraint "consultation_department_id_foreign";`);

    this.addSql(`alter table "partner_token" drop constraint "partner_token_partner_id_foreign";`);

    this.addSql(`alter table "referral" drop constraint "referral_partner_id_foreign";`);

    this.addSql(`alter table "consent_event" drop constraint "consent_event_record_id_foreign";`);

    this.addSql(`alter table "child" drop constraint "child_record_id_foreign";`);

    this.addSql(`alter table "benefit_in_use" drop constraint "benefit_in_use_record_id_foreign";`);

    this.addSql(`alter table "referral" drop constraint "referral_record_id_foreign";`);

    this.addSql(`alter table "consultation" drop constraint "consultation_record_id_foreign";`);

    this.addSql(`alter table "consultation" drop constraint "consultation_staff_member_id_foreign";`);

    this.addSql(`drop table if exists "audit_entry" cascade;`);

    this.addSql(`drop table if exists "municipality" cascade;`);

    this.addSql(`drop table if exists "department" cascade;`);

    this.addSql(`drop table if exists "partner_organization" cascade;`);

    this.addSql(`drop table if exists "partner_token" cascade;`);

    this.addSql(`drop table if exists "personal_record" cascade;`);

    this.addSql(`drop table if exists "consent_event" cascade;`);

    this.addSql(`drop table if exists "child" cascade;`);

    this.addSql(`drop table if exists "benefit_in_use" cascade;`);

    this.addSql(`drop table if exists "referral" cascade;`);

    this.addSql(`drop table if exists "revoked_token" cascade;`);

    this.addSql(`drop table if exists "staff_member" cascade;`);

    this.addSql(`drop table if exists "consultation" cascade;`);

    this.addSql(`drop type "department_code";`);
    this.addSql(`drop type "staff_role";`);
  }
}
