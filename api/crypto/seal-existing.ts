import { ENCRYPTED_COLUMNS, type EncryptedColumn } from './encrypted-columns';
import { decrypt, isSealed, type Keyring, type RunSql } from './keyring';
import { contactHashes } from './search-hash';

const BATCH = 500;

/**
 * Seals the plaintext values still in the given columns (by default every listed one) and fills the
 * contact search hashes — what a migration does when a column joins ENCRYPTED_COLUMNS. Values
 * already sealed are left as they are, so running it twice changes nothing. Every table named has an
 * `id` primary key; rows are walked in id order, BATCH at a time.
 */
export async function sealExistingValues(run: RunSql, keyring: Keyring, columns: readonly EncryptedColumn[] = ENCRYPTED_COLUMNS): Promise<number> {
  const byTable = new Map<string, EncryptedColumn[]>();
  for (const c of columns) byTable.set(c.table, [...(byTable.get(c.table) ?? []), c]);
  let changed = 0;
  for (const [table, cols] of byTable) {
    const names = cols.map((c) => `"${c.column}"`);
    const hashes = table === 'personal_record';
    const select = [...names, ...(hashes ? ['"contact_phone"', '"contact_email"'] : [])];
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = await run(`select id::text as id, ${[...new Set(select)].join(', ')} from "${table}" where id > ? order by id limit ${BATCH}`, [after]);
      if (rows.length === 0) break;
      for (const row of rows) {
        const sets: string[] = [];
        const params: unknown[] = [];
        for (const c of cols) {
          const v = row[c.column];
          if (v == null || isSealed(v)) continue;
          sets.push(`"${c.column}" = ?`);
          params.push(keyring.encrypt(c.kind === 'json' ? JSON.stringify(v) : String(v)));
        }
        if (hashes) {
          const h = contactHashes(keyring, {
            phone: row.contact_phone == null ? null : decrypt(row.contact_phone),
            email: row.contact_email == null ? null : decrypt(row.contact_email),
          });
          sets.push('"contact_phone_hash" = ?', '"contact_email_hash" = ?');
          params.push(h.phoneHash, h.emailHash);
        }
        if (sets.length === 0) continue;
        await run(`update "${table}" set ${sets.join(', ')} where id = ?`, [...params, row.id]);
        changed++;
      }
      after = rows[rows.length - 1]!.id;
    }
  }
  return changed;
}
