import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Database, openOrm } from '../db/orm';
import { Keyring, type RunSql } from '../crypto';
import { EMBEDDED_KEY_FILE, newMasterKeyText, parseMasterKey } from '../crypto';

/**
 * Rewraps every data key from the old master key to the new one, in the caller's transaction (rows
 * locked). Field values are not touched: they are sealed by the data keys, which do not change — so a
 * rotation takes a moment whatever the size of the database, and running API processes keep working.
 * Rows already wrapped by the new key are skipped: a second run after a failure finishes the job.
 */
export async function rewrapDataKeys(run: RunSql, oldMaster: Buffer, newMaster: Buffer): Promise<number> {
  const from = new Keyring(oldMaster);
  const to = new Keyring(newMaster);
  if (from.masterId === to.masterId) throw new Error('NEW_ENCRYPTION_KEY is the key in use.');
  const rows = await run('select id, purpose, wrapped, master_key_id from data_key order by created_at for update');
  let rewrapped = 0;
  for (const r of rows) {
    if (r.master_key_id === to.masterId) continue;
    const key = from.unwrap(r.id, r.purpose, r.wrapped, r.master_key_id);
    await run('update data_key set wrapped = ?, master_key_id = ? where id = ?', [to.wrap(r.id, r.purpose, key), to.masterId, r.id]);
    rewrapped++;
  }
  return rewrapped;
}

export interface RotationResult {
  rewrapped: number;
  /** Embedded without ENCRYPTION_KEY: the key file now holding the new key. */
  keyFile: string | null;
}

/**
 * `npm run keys:rotate`. With ENCRYPTION_KEY (the key in use) and NEW_ENCRYPTION_KEY; embedded without
 * ENCRYPTION_KEY, the key file in DATA_DIR is the key in use and is replaced (a new key is generated
 * when NEW_ENCRYPTION_KEY is not given). The new key is written beside the old one first (`.next`),
 * the rewrap committed, then the file replaced: a crash in between leaves both keys on disk.
 */
export async function rotateMasterKey(database: Database, oldKeyText: string | null, newKeyText: string | null): Promise<RotationResult> {
  const keyFile = database.kind === 'pglite' && database.dataDir && !oldKeyText ? join(database.dataDir, EMBEDDED_KEY_FILE) : null;
  const oldText = oldKeyText ?? (keyFile && existsSync(keyFile) ? readFileSync(keyFile, 'utf8').trim() : null);
  if (!oldText)
    throw new Error(
      keyFile
        ? `Neither ENCRYPTION_KEY nor the key file ${keyFile} is there: start the service once first, or set ENCRYPTION_KEY to the key in use.`
        : 'ENCRYPTION_KEY (the key in use) must be set.',
    );
  const newText = newKeyText ?? (keyFile ? newMasterKeyText() : null);
  if (!newText) throw new Error('Set NEW_ENCRYPTION_KEY (32 random bytes as 64 hex digits: openssl rand -hex 32).');
  const oldKey = parseMasterKey(oldText);
  const newKey = parseMasterKey(newText, 'NEW_ENCRYPTION_KEY');
  // Opening checks that the old key opens the data keys (openOrm loads them).
  const handle = await openOrm(database, { encryptionKey: oldText });
  const next = keyFile ? `${keyFile}.next` : null;
  try {
    if (!handle.keyring.loaded) throw new Error('This database has no data keys yet: start the service once (it migrates), then rotate.');
    if (next) writeFileSync(next, newText, { mode: 0o600 });
    const rewrapped = await handle.orm.em
      .fork()
      .transactional((em) =>
        rewrapDataKeys(
          (sql, params) => em.getConnection().execute(sql, (params ?? []) as never[], 'all', em.getTransactionContext()) as Promise<Record<string, any>[]>,
          oldKey,
          newKey,
        ),
      );
    if (next) renameSync(next, keyFile!);
    return { rewrapped, keyFile };
  } catch (e) {
    if (next && existsSync(next)) rmSync(next);
    throw e;
  } finally {
    await handle.close();
  }
}
