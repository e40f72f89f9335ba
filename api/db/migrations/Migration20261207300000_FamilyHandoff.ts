import { Migration } from '@mikro-orm/migrations';

/**
 * One-time hand-offs from the intake receipt to the family page (FamilyHandoff): a keyed hash of the
 * token, minutes-long and used once; they go with the record (erasure, merge) like sign-ins do.
 */
export class Migration20261207300000_FamilyHandoff extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "family_handoff" ("id" uuid not null, "municipality_code" varchar(6) not null, "record_id" uuid not null, "token_hash" varchar(64) not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "used_at" timestamptz null, constraint "family_handoff_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "family_handoff" add constraint "family_handoff_token_hash_unique" unique ("token_hash");`);
    this.addSql(
      `alter table "family_handoff" add constraint "family_handoff_municipality_code_foreign" foreign key ("municipality_code") references "municipality" ("code") on update cascade;`,
    );
    this.addSql(
      `alter table "family_handoff" add constraint "family_handoff_record_id_foreign" foreign key ("record_id") references "personal_record" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "family_handoff" cascade;`);
  }
}
