import { Migration } from '@mikro-orm/migrations';
import { encryptedColumnsOf } from '../../crypto';
import { keyringOf } from '../../crypto';
import { sealExistingValues } from '../../crypto';

/**
 * contact_safe_times (family-path) joins ENCRYPTED_COLUMNS: seal the values a database stored before
 * (where EncryptionAtRest ran before the column was in the list). On a new database there is nothing
 * left to seal. The column is already text.
 */
export class Migration20261203130000_SealSafeTimes extends Migration {
  override async up(): Promise<void> {
    const run = (sql: string, params?: unknown[]) => this.execute(sql, params) as Promise<Record<string, any>[]>;
    const keyring = keyringOf(this.driver.getPlatform());
    if (!keyring.loaded) await keyring.load(run);
    await sealExistingValues(
      run,
      keyring,
      encryptedColumnsOf('personal_record').filter((c) => c.column === 'contact_safe_times'),
    );
  }

  override async down(): Promise<void> {
    throw new Error('Migration20261203130000_SealSafeTimes cannot be reverted');
  }
}
