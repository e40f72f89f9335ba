import { Migration } from '@mikro-orm/migrations';

/** Inbox items of kind `shared`: a family consented to share their record with a department (issue 18). */
export class Migration20261204140100_SharedInboxItems extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "inbox_item" drop constraint if exists "inbox_item_kind_check";`);
    this.addSql(`alter table "inbox_item" add constraint "inbox_item_kind_check" check ("kind" in ('intake', 'chat-request', 'shared'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`delete from "inbox_item" where "kind" = 'shared';`);
    this.addSql(`alter table "inbox_item" drop constraint if exists "inbox_item_kind_check";`);
    this.addSql(`alter table "inbox_item" add constraint "inbox_item_kind_check" check ("kind" in ('intake', 'chat-request'));`);
  }
}
