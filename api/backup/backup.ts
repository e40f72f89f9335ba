import { PGlite } from '@electric-sql/pglite';
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { EMBEDDED_KEY_FILE } from '../crypto';
import { lockDataDir } from '../db';
import type { Database } from '../db/orm';

const run = promisify(execFile);

/**
 * Backups of either database, as a folder `yorisoi-<kind>-<time>/` with a manifest:
 * - embedded (PGlite): `pgdata.tar.gz`, PGlite's own dump of its data folder (dumpDataDir), taken with
 *   the DATA_DIR lock held — so the API must be stopped: a copy of files being written is no backup —
 *   plus the folder's generated secrets (`auth-secret`, `audit-key`, `encryption-key`), without which
 *   restored tokens and audit seals would not verify and encrypted fields would not open;
 * - PostgreSQL: `database.dump`, pg_dump's custom format (a consistent snapshot while the API runs),
 *   without owners and grants (the restoring server's roles may differ: npm run db:app-role again).
 *   AUTH_SECRET, AUDIT_KEY and ENCRYPTION_KEY are configuration, kept apart from the database and its
 *   backups; the restored data keys open only with the same ENCRYPTION_KEY.
 * Restoring refuses to overwrite a database that holds data unless told to (`force`).
 */
export interface Manifest {
  format: 'yorisoi-backup';
  version: 1;
  kind: Database['kind'];
  createdAt: string;
  files: string[];
}

/** Files of the embedded data folder a backup carries besides the database (server/config.ts and the keyring make them). */
const EMBEDDED_SECRETS = ['auth-secret', 'audit-key', EMBEDDED_KEY_FILE];
/** Where orm.ts keeps PGlite's files inside DATA_DIR. */
const PGDATA = 'pgdata';

function stamp(): string {
  return new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

export async function backup(database: Database, outDir: string): Promise<string> {
  const dir = resolve(outDir, `yorisoi-${database.kind}-${stamp()}`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const files: string[] = [];
  if (database.kind === 'pglite') {
    if (!database.dataDir) throw new Error('an in-memory database has nothing to back up');
    const dataDir = database.dataDir;
    if (!existsSync(join(dataDir, PGDATA))) throw new Error(`no embedded database in ${dataDir}`);
    const lock = await lockDataDir(dataDir);
    try {
      const pg = new PGlite(join(dataDir, PGDATA));
      try {
        await pg.waitReady;
        const dump = await pg.dumpDataDir('gzip');
        writeFileSync(join(dir, 'pgdata.tar.gz'), Buffer.from(await dump.arrayBuffer()), { mode: 0o600 });
        files.push('pgdata.tar.gz');
      } finally {
        await pg.close();
      }
      for (const secret of EMBEDDED_SECRETS) {
        if (!existsSync(join(dataDir, secret))) continue;
        copyFileSync(join(dataDir, secret), join(dir, secret));
        files.push(secret);
      }
    } finally {
      await lock.release();
    }
  } else {
    await run('pg_dump', ['--format=custom', '--no-owner', '--no-acl', `--file=${join(dir, 'database.dump')}`, `--dbname=${database.url}`]);
    files.push('database.dump');
  }
  const manifest: Manifest = { format: 'yorisoi-backup', version: 1, kind: database.kind, createdAt: new Date().toISOString(), files };
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  return dir;
}

export function readManifest(backupDir: string): Manifest {
  const file = join(backupDir, 'manifest.json');
  if (!existsSync(file)) throw new Error(`${backupDir} is not a Yorisoi backup (no manifest.json)`);
  const m = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  if (m.format !== 'yorisoi-backup' || m.version !== 1) throw new Error(`${backupDir}: unknown backup format`);
  for (const f of m.files) if (!existsSync(join(backupDir, f))) throw new Error(`${backupDir}: ${f} is missing`);
  return m;
}

async function hasTables(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query(`select count(*)::int as n from information_schema.tables where table_schema = 'public'`);
    return (r.rows[0] as { n: number }).n > 0;
  } finally {
    await client.end();
  }
}

/**
 * Restores into the configured database. `force`: an embedded database already there is moved aside
 * (`pgdata.before-restore-<time>`, never deleted); on PostgreSQL, its objects are dropped first.
 */
export async function restore(database: Database, backupDir: string, options: { force?: boolean } = {}): Promise<void> {
  const manifest = readManifest(backupDir);
  if (manifest.kind !== database.kind) throw new Error(`this backup is of ${manifest.kind}, the configured database is ${database.kind}`);
  if (database.kind === 'pglite') {
    if (!database.dataDir) throw new Error('cannot restore into an in-memory database');
    const dataDir = database.dataDir;
    const lock = await lockDataDir(dataDir);
    try {
      const target = join(dataDir, PGDATA);
      if (existsSync(target) && readdirSync(target).length > 0) {
        if (!options.force) throw new Error(`${dataDir} already holds a database; pass --force to move it aside and restore`);
        renameSync(target, join(dataDir, `${PGDATA}.before-restore-${stamp()}`));
      }
      const tar = readFileSync(join(backupDir, 'pgdata.tar.gz'));
      const pg = new PGlite(target, { loadDataDir: new Blob([tar]) });
      await pg.waitReady;
      await pg.query('select 1');
      await pg.close();
      for (const secret of EMBEDDED_SECRETS) {
        if (manifest.files.includes(secret)) copyFileSync(join(backupDir, secret), join(dataDir, secret));
      }
    } finally {
      await lock.release();
    }
    return;
  }
  if ((await hasTables(database.url)) && !options.force) throw new Error('the database already holds tables; pass --force to drop them and restore');
  if (!options.force) {
    await run('pg_restore', [
      '--no-owner',
      '--no-acl',
      '--single-transaction',
      '--exit-on-error',
      `--dbname=${database.url}`,
      join(backupDir, 'database.dump'),
    ]);
    return;
  }
  // pg_restore --clean cannot drop the constraints of partitioned tables (pg-boss's job partitions), so the
  // schemas the dump holds are dropped instead — in the same transaction as the restore, so a failed
  // restore leaves the old database as it was.
  const script = join(backupDir, `.restore-${stamp()}.sql`);
  await run('pg_restore', ['--no-owner', '--no-acl', `--file=${script}`, join(backupDir, 'database.dump')]);
  try {
    const sql = readFileSync(script, 'utf8');
    const schemas = new Set(['public', ...[...sql.matchAll(/^CREATE SCHEMA ([a-z_][a-z0-9_]*);$/gm)].map((m) => m[1] as string)]);
    const drop = [...schemas].map((s) => `DROP SCHEMA IF EXISTS ${s} CASCADE;`).join('\n');
    writeFileSync(script, `${drop}\nCREATE SCHEMA IF NOT EXISTS public;\n${sql.replace(/^CREATE SCHEMA public;$/m, '')}`);
    await run('psql', ['--single-transaction', '--set=ON_ERROR_STOP=1', '--quiet', `--dbname=${database.url}`, `--file=${script}`]);
  } finally {
    rmSync(script, { force: true });
  }
}
