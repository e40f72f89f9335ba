import { Migration } from '@mikro-orm/migrations';

/**
 * The family's path (issue 12): facts that decide eligibility and safe contact, kept on the record.
 * Existing records get NULL everywhere: unknown stays unknown (the engine asks rather than guesses).
 *   household_marital_status  婚姻・事実婚 (MARRIED / DE_FACTO / NOT_MARRIED in GraphQL)
 *   income_dependents_count   扶養親族等の数 where it differs from the children
 *   contact_safe_times, contact_voicemail_safe, contact_sms_safe   DV-safe call-backs
 */
export class Migration20261203100000_FamilyPath extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "personal_record" add column "contact_safe_times" text null, add column "contact_voicemail_safe" boolean null, add column "contact_sms_safe" boolean null, add column "household_marital_status" text check ("household_marital_status" in ('married', 'de-facto', 'not-married')) null, add column "income_dependents_count" smallint null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "personal_record" drop column "contact_safe_times", drop column "contact_voicemail_safe", drop column "contact_sms_safe", drop column "household_marital_status", drop column "income_dependents_count";`,
    );
  }
}
