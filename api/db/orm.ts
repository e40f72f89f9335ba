import { join } from 'node:path';
import { MikroORM, type Options } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { PGlite } from '@electric-sql/pglite';
import { lockDataDir } from './data-dir-lock';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

// mikro-orm-pglite publishes ESM type declarations only; its CommonJS build works, so require it.
const { PGliteDriver } = require('mikro-orm-pglite') as typeof import('mikro-orm-pglite', { with: { 'resolution-mode': 'import' } });

export type Database = { kind: 'postgresql'; url: string } | { kind: 'pglite'; dataDir: string | null };

export interface OrmHandle {
  orm: MikroORM;
  database: Database;
  close(): Promise<void>;
}

export interface OrmOptions {
  /**
   * Called with the SQL text of every statement sent, whichever way it was sent (unit of work,
   * QueryBuilder, or bound-parameter queries through knex): tests and benchmarks count statements
   * with it. Values are not passed.
   */
  onQuery?: (sql: string) => void;
}

/** Every statement goes through knex, so its 'query' event sees all of them. */
function watchQueries(orm: MikroORM, onQuery: OrmOptions['onQuery']): void {
  if (!onQuery) return;
  const knex = (orm.em as unknown as { getKnex(): { on(event: 'query', fn: (q: { sql: string }) => void): void } }).getKnex();
  knex.on('query', (q) => onQuery(q.sql));
}

function baseOptions(): Partial<Options> {
  return {
    entities: ENTITIES,
    discovery: { disableDynamicFileAccess: true, requireEntitiesArray: true },
    extensions: [Migrator],
    migrations: { migrationsList: MIGRATIONS, transactional: true, allOrNothing: true, snapshot: false },
    // Batch References and Collections across a request (STACK.md): nested reads never go N+1.
    dataloader: true,
    forceUtcTimezone: true,
    debug: false,
    logger: () => undefined,
    highlighter: undefined,
    colors: false,
    allowGlobalContext: false,
    serialization: { forceObject: true },
  };
}

/** Opens the database: PostgreSQL with a URL, otherwise PGlite in `dataDir` (in memory when null). */
export async function openOrm(database: Database, opts: OrmOptions = {}): Promise<OrmHandle> {
  if (database.kind === 'postgresql') {
    const orm = await MikroORM.init({
      ...baseOptions(),
      driver: PostgreSqlDriver,
      clientUrl: database.url,
      pool: { min: 0, max: 10 },
    } as Options);
    watchQueries(orm, opts.onQuery);
    return { orm, database, close: () => orm.close(true) };
  }
  // mikro-orm-pglite with dbName alone is in memory; pass our own instance for a data folder (STACK.md).
  // The data folder also holds the signing secret; PostgreSQL's files live in a folder of their own.
  // DATE columns stay 'YYYY-MM-DD' strings, as they do on the PostgreSQL driver (no time zone shifts).
  const options = { parsers: { 1082: (value: string) => value } };
  // One process per data folder (data-dir-lock.ts): taken before PGlite touches the files.
  const lock = database.dataDir ? await lockDataDir(database.dataDir) : null;
  if (lock?.tookOverFrom) console.log(`DATA_DIR: process ${lock.tookOverFrom} ended without closing the database; PGlite recovers from its write-ahead log.`);
  let pg: PGlite | null = null;
  try {
    pg = database.dataDir ? new PGlite(join(database.dataDir, 'pgdata'), options) : new PGlite(options);
    await pg.waitReady;
    const ready = pg;
    const orm = await MikroORM.init({
      ...baseOptions(),
      driver: PGliteDriver,
      dbName: 'postgres',
      driverOptions: { connection: { pglite: () => ready } },
    } as Options);
    watchQueries(orm, opts.onQuery);
    return {
      orm,
      database,
      close: async () => {
        try {
          await orm.close(true);
          if (!ready.closed) await ready.close();
        } finally {
          await lock?.release();
        }
      },
    };
  } catch (e) {
    if (pg && !pg.closed) await pg.close().catch(() => undefined);
    await lock?.release();
    throw e;
  }
}

export async function migrate(orm: MikroORM): Promise<void> {
  await orm.getMigrator().up();
}
