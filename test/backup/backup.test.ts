import type { EntityManager } from '@mikro-orm/postgresql';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { backup, readManifest, restore } from '../../api/backup/backup';
import { migrate, openOrm, type Database } from '../../api/db/orm';
import { seedDemo } from '../../api/server/seed/demo-seed';
import { testDatabaseUrl, withDatabase } from '../support/pg-url';

/**
 * npm run backup / restore on the database the suite runs on (PostgreSQL with TEST_DATABASE_URL,
 * otherwise embedded PGlite in a data folder): write, back up, wipe, restore, and the data are there.
 */
describe(`backup and restore (${testDatabaseUrl() ? 'PostgreSQL' : 'embedded PGlite'})`, () => {
  const work = mkdtempSync(join(tmpdir(), 'yorisoi-backup-'));
  const url = testDatabaseUrl();
  const dbName = `yorisoi_b_${randomBytes(5).toString('hex')}`;
  const admin = url ? new Client({ connectionString: url }) : null;
  const database: Database = url ? { kind: 'postgresql', url: withDatabase(url, dbName) } : { kind: 'pglite', dataDir: join(work, 'data') };
  afterAll(async () => {
    if (admin) {
      await admin.query(`drop database if exists ${dbName} with (force)`);
      await admin.end();
    }
    rmSync(work, { recursive: true, force: true });
  });

  const recordCount = async () => {
    const handle = await openOrm(database);
    try {
      const [row] = await handle.orm.em
        .fork()
        .getConnection()
        .execute<{ n: number; marker: number }[]>(
          `select count(*)::int as n, count(*) filter (where reference_number = 'BKUP-0001')::int as marker from personal_record`,
        );
      return row!;
    } finally {
      await handle.close();
    }
  };

  it('round trip: write, back up, wipe, restore — the records are back, and restore never overwrites silently', async () => {
    if (admin) {
      await admin.connect();
      await admin.query(`create database ${dbName}`);
    }
    const handle = await openOrm(database);
    await migrate(handle.orm);
    await seedDemo(handle.orm.em.fork() as EntityManager, 'backup-test-password', 5);
    await handle.orm.em
      .fork()
      .getConnection()
      .execute(`update personal_record set reference_number = 'BKUP-0001' where id = (select id from personal_record order by id limit 1)`);
    await handle.close();
    const before = await recordCount();
    expect(before.marker).toBe(1);
    if (database.kind === 'pglite') writeFileSync(join(database.dataDir!, 'audit-key'), 'k'.repeat(64));

    const dir = await backup(database, join(work, 'backups'));
    const manifest = readManifest(dir);
    expect(manifest.kind).toBe(database.kind);
    expect(manifest.files).toEqual(database.kind === 'pglite' ? ['pgdata.tar.gz', 'audit-key'] : ['database.dump']);

    // Wipe.
    if (database.kind === 'pglite') {
      rmSync(database.dataDir!, { recursive: true, force: true });
    } else {
      await admin!.query(`drop database ${dbName} with (force)`);
      await admin!.query(`create database ${dbName}`);
    }

    await restore(database, dir);
    expect(await recordCount()).toEqual(before);
    if (database.kind === 'pglite') expect(readFileSync(join(database.dataDir!, 'audit-key'), 'utf8')).toBe('k'.repeat(64));

    // The restored database is whole: migrations have nothing left to do, and it takes writes.
    const again = await openOrm(database);
    expect(await again.orm.getMigrator().getPendingMigrations()).toEqual([]);
    await again.orm.em.fork().getConnection().execute(`update personal_record set reference_number = 'BKUP-0002' where reference_number = 'BKUP-0001'`);
    await again.close();

    // Restoring over a database that holds data needs --force, and then puts the backup's data back.
    await expect(restore(database, dir)).rejects.toThrow(/--force/);
    expect((await recordCount()).marker).toBe(0);
    await restore(database, dir, { force: true });
    expect(await recordCount()).toEqual(before);
    if (database.kind === 'pglite') expect(readdirSync(database.dataDir!).some((f) => f.startsWith('pgdata.before-restore-'))).toBe(true);
  }, 180_000);
});
