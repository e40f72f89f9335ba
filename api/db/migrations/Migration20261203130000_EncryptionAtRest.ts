import { Migration } from '@mikro-orm/migrations';
import { ENCRYPTED_COLUMNS } from '../../crypto';
import { keyringOf } from '../../crypto';
import { sealExistingValues } from '../../crypto';

/**
 * Encryption at rest (api/crypto): the wrapped data keys, the listed columns as text (a sealed value
 * is longer than the plaintext), the contact search hashes, and every value already stored sealed.
 * Runs in the migrations' transaction: if sealing fails, nothing is changed. The first data keys are
 * created here, wrapped with ENCRYPTION_KEY (openOrm attaches the keyring before migrating).
 *
 * Also: revoked_token.revoked_at takes the database's clock (two replicas, one clock).
 */
export class Migration20261203130000_EncryptionAtRest extends Migration {
  override async up(): Promise<void> {
    const run = (sql: string, params?: unknown[]) => this.execute(sql, params) as Promise<Record<string, any>[]>;
    await run(
      `create table "data_key" ("id" uuid not null, "purpose" text check ("purpose" in ('data', 'search')) not null, "wrapped" text not null, "master_key_id" varchar(16) not null, "active" boolean not null default false, "created_at" timestamptz not null, constraint "data_key_pkey" primary key ("id"));`,
    );
    // Only the columns that exist at this point: later ones (staff_member's TOTP secrets, the Accounts migration) are text from the start.
    const columns = ENCRYPTED_COLUMNS.filter((c) => c.table !== 'staff_member');
    for (const c of columns) await run(`alter table "${c.table}" alter column "${c.column}" type text using "${c.column}"::text;`);
    await run(`alter table "personal_record" add column "contact_phone_hash" varchar(64) null, add column "contact_email_hash" varchar(64) null;`);
    await run(`create index "personal_record_contact_phone_hash_index" on "personal_record" ("municipality_code", "contact_phone_hash");`);
    await run(`create index "personal_record_contact_email_hash_index" on "personal_record" ("municipality_code", "contact_email_hash");`);
    await run(`alter table "revoked_token" alter column "revoked_at" set default now();`);
    const keyring = keyringOf(this.driver.getPlatform());
    await keyring.load(run);
    await sealExistingValues(run, keyring, columns);
  }

  override async down(): Promise<void> {
    // Sealed values cannot be turned back without the key here; going down is not supported.
    throw new Error('Migration20261203130000_EncryptionAtRest cannot be reverted');
  }
}
