import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { inject } from 'vitest';
import { migrate, openOrm, type OrmHandle } from '../../api/db/orm';
import { testDatabaseUrl, withDatabase } from './pg-url';

export interface TestDatabase extends OrmHandle {
  /** SQL statements run since the last reset (values are never recorded). */
  statements: string[];
  kind: 'postgresql' | 'pglite';
}

/** A database of this test file's own: a copy of the migrated template on PostgreSQL, or a fresh PGlite. */
export async function openTestDatabase(): Promise<TestDatabase> {
  const statements: string[] = [];
  const onQuery = (sql: string) => {
    statements.push(sql);
  };
  const url = testDatabaseUrl();
  const template = inject('templateDatabase');
  if (url && template) {
    const name = `yorisoi_t_${randomBytes(6).toString('hex')}`;
    const admin = new Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name} template ${template}`);
    const handle = await openOrm({ kind: 'postgresql', url: withDatabase(url, name) }, { onQuery });
    return {
      ...handle,
      statements,
      kind: 'postgresql',
      close: async () => {
        await handle.close();
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  }
  const handle = await openOrm({ kind: 'pglite', dataDir: null }, { onQuery });
  await migrate(handle.orm);
  statements.length = 0;
  return { ...handle, statements, kind: 'pglite' };
}
