import { Migration } from '@mikro-orm/migrations';

/** Application documents (issue 17): one row per upload; the bytes are in the document store, sealed. */
export class Migration20261204130100_ApplicationDocuments extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "application_document" ("id" uuid not null, "municipality_code" varchar(6) not null, "application_id" uuid not null, "document_id" varchar(60) not null, "content_type" varchar(40) not null, "size" int not null, "sealed_key" text not null, "uploaded_at" timestamptz not null, constraint "application_document_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "application_document_application_id_uploaded_at_index" on "application_document" ("application_id", "uploaded_at");`);
    this.addSql(
      `alter table "application_document" add constraint "application_document_municipality_code_foreign" foreign key ("municipality_code") references "municipality" ("code") on update cascade;`,
    );
    this.addSql(
      `alter table "application_document" add constraint "application_document_application_id_foreign" foreign key ("application_id") references "application" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "application_document" cascade;`);
  }
}
