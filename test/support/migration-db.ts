import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { openOrm, type OrmHandle } from '../../api/db/orm';
import { testDatabaseUrl, withDatabase } from './pg-url';

export interface MigrationDb {
  handle: OrmHandle;
  /** Raw SQL with `?` parameters. */
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Applies the remaining migrations. */
  migrateToLatest(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A fresh, empty database migrated up to `migration` (inclusive), for testing the next migration on
 * data in the old shape: its own database on the test PostgreSQL server, or an in-memory PGlite.
 */
export async function databaseAt(migration: string): Promise<MigrationDb> {
  const url = testDatabaseUrl();
  let handle: OrmHandle;
  let close: () => Promise<void>;
  if (url) {
    const name = `yorisoi_m_${randomBytes(6).toString('hex')}`;
    const admin = new Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    handle = await openOrm({ kind: 'postgresql', url: withDatabase(url, name) });
    close = async () => {
      await handle.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  } else {
    handle = await openOrm({ kind: 'pglite', dataDir: null });
    close = () => handle.close();
  }
  await handle.orm.getMigrator().up({ to: migration });
  return {
    handle,
    sql: <T = Record<string, unknown>>(text: string, params: unknown[] = []) => handle.orm.em.fork().getConnection().execute<T[]>(text, params),
    migrateToLatest: async () => {
      await handle.orm.getMigrator().up();
    },
    close,
  };
}
