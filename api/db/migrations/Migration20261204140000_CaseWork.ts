import { Migration } from '@mikro-orm/migrations';

/**
 * Case work (issue 18): one case per record and department, with assignee, status and next contact
 * date. The worklist reads open cases only, through partial indexes.
 */
export class Migration20261204140000_CaseWork extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "case_file" ("id" uuid not null, "municipality_code" varchar(6) not null, "record_id" uuid not null, "department" "department_code" not null, "assignee_id" uuid null, "status" text check ("status" in ('new', 'in-progress', 'waiting-for-family', 'closed')) not null default 'new', "closed_reason" text null, "next_contact_date" date null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, constraint "case_file_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "case_file" add constraint "case_file_municipality_code_record_id_department_unique" unique ("municipality_code", "record_id", "department");`,
    );
    this.addSql(
      `create index "case_file_open_next_contact_index" on "case_file" ("municipality_code", "department", "next_contact_date") where "status" <> 'closed';`,
    );
    this.addSql(`create index "case_file_open_assignee_index" on "case_file" ("municipality_code", "department", "assignee_id") where "status" <> 'closed';`);
    this.addSql(
      `alter table "case_file" add constraint "case_file_municipality_code_foreign" foreign key ("municipality_code") references "municipality" ("code") on update cascade;`,
    );
    this.addSql(
      `alter table "case_file" add constraint "case_file_record_id_foreign" foreign key ("record_id") references "personal_record" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "case_file" add constraint "case_file_assignee_id_foreign" foreign key ("assignee_id") references "staff_member" ("id") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "case_file" cascade;`);
  }
}
