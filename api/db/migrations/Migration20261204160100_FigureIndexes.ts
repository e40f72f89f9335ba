import { Migration } from '@mikro-orm/migrations';

/**
 * Indexes for counting usage figures by municipality and time (api/reporting/figure-sources.ts): the
 * last two days are counted live on every dashboard query, and without these each count read whole
 * tables (0.9 s a query at 2 million events, test/bench/RESULTS.md). Declared on the entities too.
 */
export class Migration20261204160100_FigureIndexes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "chat_message_at_index" on "chat_message" ("at");`);
    this.addSql(`create index "consent_event_municipality_code_at_index" on "consent_event" ("municipality_code", "at");`);
    this.addSql(`create index "audit_entry_municipality_code_at_index" on "audit_entry" ("municipality_code", "at");`);
    this.addSql(`create index "inbox_item_municipality_code_kind_received_at_index" on "inbox_item" ("municipality_code", "kind", "received_at");`);
    this.addSql(`create index "personal_record_municipality_code_created_at_index" on "personal_record" ("municipality_code", "created_at");`);
    this.addSql(`create index "referral_municipality_code_created_at_index" on "referral" ("municipality_code", "created_at");`);
    this.addSql(`create index "referral_municipality_code_updated_at_index" on "referral" ("municipality_code", "updated_at");`);
    this.addSql(`create index "consultation_municipality_code_date_index" on "consultation" ("municipality_code", "date");`);
  }

  override async down(): Promise<void> {
    for (const name of [
      'chat_message_at_index',
      'consent_event_municipality_code_at_index',
      'audit_entry_municipality_code_at_index',
      'inbox_item_municipality_code_kind_received_at_index',
      'personal_record_municipality_code_created_at_index',
      'referral_municipality_code_created_at_index',
      'referral_municipality_code_updated_at_index',
      'consultation_municipality_code_date_index',
    ]) {
      this.addSql(`drop index if exists "${name}";`);
    }
  }
}
