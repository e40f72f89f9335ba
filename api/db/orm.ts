import { join } from 'node:path';
import { MikroORM, type Options } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { PGlite } from '@electric-sql/pglite';
import { applyEncryptionPolicy, attachKeyring, embeddedMasterKeyText, Keyring, keyringOf, newMasterKeyText, parseMasterKey, type RunSql } from '../crypto';
import { lockDataDir } from './data-dir-lock';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

// mikro-orm-pglite publishes ESM type declarations only; its CommonJS build works, so require it.
const { PGliteDriver } = require('mikro-orm-pglite') as typeof import('mikro-orm-pglite', { with: { 'resolution-mode': 'import' } });

export type Database = { kind: 'postgresql'; url: string } | { kind: 'pglite'; dataDir: string | null };

export interface OrmHandle {
  orm: MikroORM;
  database: Database;
  /** The data keys of this database (api/crypto), loaded once migrations have run. */
  keyring: Keyring;
  close(): Promise<void>;
}

export interface OrmOptions {
  /**
   * Called with the SQL text of every statement sent, whichever way it was sent (unit of work,
   * QueryBuilder, or bound-parameter queries through knex): tests and benchmarks count statements
   * with it. Values are not passed.
   */
  onQuery?: (sql: string) => void;
  /**
   * The master key (ENCRYPTION_KEY, api/crypto/master-key.ts). Without it: the ENCRYPTION_KEY variable;
   * then, embedded, the key file in the data folder (generated once), or a key for this process only
   * when the database is in memory. PostgreSQL without a key refuses to open.
   */
  encryptionKey?: string;
}

function masterKeyFor(database: Database, given: string | undefined): Buffer {
  const text = given?.trim() || process.env.ENCRYPTION_KEY?.trim();
  // Embedded, an explicit key wins; the data folder's key file is for when none is configured.
  if (text) return parseMasterKey(text);
  if (database.kind === 'postgresql') throw new Error('ENCRYPTION_KEY must be set when DATABASE_URL is set (README: Encryption at rest).');
  return parseMasterKey(database.dataDir ? embeddedMasterKeyText(database.dataDir) : newMasterKeyText());
}

/** Statements for the keyring, through the ORM's connection pool. */
function runner(orm: MikroORM): RunSql {
  return (sql, params) => orm.em.getConnection().execute(sql, params as never[]) as Promise<Record<string, any>[]>;
}

/** Loads the data keys if the table exists already (an opened, migrated database); migrate() loads them otherwise. */
async function loadKeysIfMigrated(orm: MikroORM): Promise<void> {
  const [row] = await runner(orm)(`select to_regclass('data_key') is not null as present`);
  if (row?.present) await keyringOf(orm.em.getPlatform()).load(runner(orm));
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
    // The encryption policy (api/crypto/encrypted-columns.ts) gives the listed properties their type.
    discovery: { disableDynamicFileAccess: true, requireEntitiesArray: true, onMetadata: (meta) => applyEncryptionPolicy(meta) },
    extensions: [Migrator],
    migrations: { migrationsList: MIGRATIONS, transactional: true, allOrNothing: true, snapshot: false },
    // Batch References and Collections across a request (docs/design.md, the stack): nested reads never go N+1.
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
  const keyring = new Keyring(masterKeyFor(database, opts.encryptionKey));
  if (database.kind === 'postgresql') {
    const orm = await MikroORM.init({
      ...baseOptions(),
      driver: PostgreSqlDriver,
      clientUrl: database.url,
      pool: { min: 0, max: 10 },
    } as Options);
    watchQueries(orm, opts.onQuery);
    attachKeyring(orm.em.getPlatform(), keyring);
    await loadKeysIfMigrated(orm);
    return { orm, database, keyring, close: () => orm.close(true) };
  }
  // mikro-orm-pglite with dbName alone is in memory; pass our own instance for a data folder.
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
    attachKeyring(orm.em.getPlatform(), keyring);
    await loadKeysIfMigrated(orm);
    return {
      orm,
      database,
      keyring,
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

/** Any number, the same in every process: the advisory lock that lets one process migrate at a time. */
const MIGRATION_LOCK = 7_531_690_214;

/**
 * Applies pending migrations, then loads the data keys. On PostgreSQL under an advisory lock: two
 * replicas starting at once do not both run a migration — the second waits, then finds nothing to do.
 */
export async function migrate(orm: MikroORM): Promise<void> {
  if (orm.config.get('driver') === PostgreSqlDriver) {
    const knex = (orm.em as unknown as { getKnex(): import('knex').Knex }).getKnex();
    const lock = await knex.transaction();
    try {
      await lock.raw('select pg_advisory_xact_lock(?)', [MIGRATION_LOCK]);
      await orm.getMigrator().up();
    } finally {
      await lock.commit();
    }
  } else {
    await orm.getMigrator().up();
  }
  await keyringOf(orm.em.getPlatform()).load(runner(orm));
}
