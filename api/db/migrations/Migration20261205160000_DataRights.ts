import { Migration } from '@mikro-orm/migrations';

/**
 * The family's erasure requests (api/rights): who asked when, who decided, and what the retention rules
 * kept. One open request per record.
 */
export class Migration20261205160000_DataRights extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "erasure_request" ("id" uuid not null, "municipality_code" varchar(6) not null, "record_id" uuid not null, "status" varchar(16) not null default 'requested', "requested_at" timestamptz not null, "decided_at" timestamptz null, "decided_by" uuid null, "decided_by_name" varchar(255) null, "reason" text null, "retained" jsonb null, constraint "erasure_request_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "erasure_request_municipality_code_status_requested_at_index" on "erasure_request" ("municipality_code", "status", "requested_at");`,
    );
    this.addSql(`create unique index "erasure_request_open_unique" on "erasure_request" ("record_id") where "status" = 'requested';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "erasure_request" cascade;`);
  }
}
