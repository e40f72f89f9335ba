import { Migration } from '@mikro-orm/migrations';

/** Interview booking (issue 17): slots per department with capacity, and at most one live booking per application. */
export class Migration20261204130200_InterviewBooking extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "interview_slot" ("id" uuid not null, "municipality_code" varchar(6) not null, "department" "department_code" not null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "capacity" smallint not null, "booked" smallint not null default 0, constraint "interview_slot_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "interview_slot" add constraint "interview_slot_municipality_code_department_starts_at_unique" unique ("municipality_code", "department", "starts_at");`,
    );
    this.addSql(
      `create table "interview_booking" ("id" uuid not null, "municipality_code" varchar(6) not null, "slot_id" uuid not null, "record_id" uuid not null, "application_id" uuid not null, "status" text check ("status" in ('BOOKED', 'CANCELLED', 'KEPT', 'MISSED')) not null default 'BOOKED', "created_at" timestamptz not null, "cancelled_at" timestamptz null, constraint "interview_booking_pkey" primary key ("id"));`,
    );
    this.addSql(`create unique index "interview_booking_one_per_application" on "interview_booking" ("application_id") where "status" = 'BOOKED';`);
    this.addSql(`create index "interview_booking_record_id_status_index" on "interview_booking" ("record_id", "status");`);
    this.addSql(
      `alter table "interview_slot" add constraint "interview_slot_municipality_code_foreign" foreign key ("municipality_code") references "municipality" ("code") on update cascade;`,
    );
    this.addSql(
      `alter table "interview_booking" add constraint "interview_booking_municipality_code_foreign" foreign key ("municipality_code") references "municipality" ("code") on update cascade;`,
    );
    this.addSql(
      `alter table "interview_booking" add constraint "interview_booking_slot_id_foreign" foreign key ("slot_id") references "interview_slot" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "interview_booking" add constraint "interview_booking_record_id_foreign" foreign key ("record_id") references "personal_record" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "interview_booking" add constraint "interview_booking_application_id_foreign" foreign key ("application_id") references "application" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "interview_booking" cascade;`);
    this.addSql(`drop table if exists "interview_slot" cascade;`);
  }
}
