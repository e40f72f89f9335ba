import { Migration } from '@mikro-orm/migrations';

/**
 * Intake forms started, per municipality and Japan day (issue 19): the intake widget says once that a
 * family got past the first page. A bare count — no address, no cookie, nothing of the visitor.
 */
export class Migration20261205140100_IntakeStart extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "intake_start" ("municipality_code" varchar(6) not null, "day" date not null, "count" int not null, constraint "intake_start_pkey" primary key ("municipality_code", "day"));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "intake_start";`);
  }
}
