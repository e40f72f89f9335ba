import { Migration } from '@mikro-orm/migrations';

/** Chat messages remember whether the municipality's AI endpoint wrote them (chatbot AI mode). */
export class Migration20261128062128_ChatGenerated extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "chat_message" add column "generated" boolean not null default false;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "chat_message" drop column "generated";`);
  }
}
