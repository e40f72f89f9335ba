import type { EntityManager } from '@mikro-orm/postgresql';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EMBEDDED_KEY_FILE, newMasterKeyText } from '../../api/crypto';
import { forgetOpenKeysForTests } from '../../api/crypto/keyring';
import { rotateMasterKey } from '../../api/server/key-rotation';
import { type Database, migrate, openOrm } from '../../api/db/orm';
import { PersonalRecord } from '../../api/record/personal-record.entity';
import { seedDemo } from '../../api/server/seed/demo-seed';

/** What a fresh process reads: the stored (sealed) phone numbers and what they open to. */
async function phones(database: Database, key: string | undefined): Promise<{ sealed: string[]; plain: string[] }> {
  forgetOpenKeysForTests();
  const handle = await openOrm(database, { encryptionKey: key });
  try {
    const rows = await handle.orm.em.fork().getConnection().execute(`select contact_phone from personal_record order by id`);
    const records = await handle.orm.em.fork().find(PersonalRecord, {}, { orderBy: { id: 'asc' } });
    return { sealed: rows.map((r: Record<string, unknown>) => r.contact_phone as string), plain: records.map((r) => r.contact.phone!) };
  } finally {
    await handle.close();
  }
}

async function seeded(database: Database, key: string | undefined): Promise<void> {
  const handle = await openOrm(database, { encryptionKey: key });
  await migrate(handle.orm);
  await seedDemo(handle.orm.em.fork() as EntityManager, 'rotation-test-password', 3);
  await handle.close();
}

describe('npm run keys:rotate (master key rotation)', () => {
  const dirs: string[] = [];
  const dataDir = () => {
    const d = mkdtempSync(join(tmpdir(), 'yorisoi-rotate-'));
    dirs.push(d);
    return d;
  };
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('rewraps the data keys: the new key opens every value as before, the old key no longer opens the database', { timeout: 180_000 }, async () => {
    const database: Database = { kind: 'pglite', dataDir: dataDir() };
    const oldKey = newMasterKeyText();
    const newKey = newMasterKeyText();
    await seeded(database, oldKey);
    const before = await phones(database, oldKey);
    expect(before.plain).toHaveLength(3);
    expect(before.plain.every((p) => /^0000-00-\d{4}$/.test(p))).toBe(true);

    const result = await rotateMasterKey(database, oldKey, newKey);
    expect(result).toEqual({ rewrapped: 2, keyFile: null });

    const after = await phones(database, newKey);
    expect(after.plain).toEqual(before.plain);
    // The values themselves were not rewritten: only the data keys' wrapping changed.
    expect(after.sealed).toEqual(before.sealed);
    forgetOpenKeysForTests();
    await expect(openOrm(database, { encryptionKey: oldKey })).rejects.toThrow(/not the key the data keys were wrapped with/);
    await expect(rotateMasterKey(database, newKey, newKey)).rejects.toThrow(/is the key in use/);
  });

  it('embedded without ENCRYPTION_KEY: rotates the key file in DATA_DIR and leaves no half-written key behind', { timeout: 180_000 }, async () => {
    const saved = process.env.ENCRYPTION_KEY;
    delete process.env.ENCRYPTION_KEY;
    try {
      const dir = dataDir();
      const database: Database = { kind: 'pglite', dataDir: dir };
      await seeded(database, undefined);
      const file = join(dir, EMBEDDED_KEY_FILE);
      const first = readFileSync(file, 'utf8');
      const before = await phones(database, undefined);
      const result = await rotateMasterKey(database, null, null);
      expect(result.keyFile).toBe(file);
      expect(readFileSync(file, 'utf8')).not.toBe(first);
      expect(existsSync(`${file}.next`)).toBe(false);
      expect((await phones(database, undefined)).plain).toEqual(before.plain);
      forgetOpenKeysForTests();
      await expect(openOrm(database, { encryptionKey: first })).rejects.toThrow(/not the key/);
    } finally {
      if (saved !== undefined) process.env.ENCRYPTION_KEY = saved;
    }
  });
});
