import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { randomBytes } from 'node:crypto';
import { ROOT_DIR } from '../../api/core/paths';
import { openOrm, type Database, type OrmHandle } from '../../api/db/orm';
import { testDatabaseUrl, withDatabase } from '../support/pg-url';

export const CLI = join(ROOT_DIR, 'dist', 'api', 'server', 'municipality-create.js');
export const ENCRYPTION_KEY = 'a'.repeat(64);
export const AUTH_SECRET = 'onboarding-test-secret-onboarding-test-secret';

/** An EMPTY database of the test's own (no migrations, nothing seeded): PostgreSQL when configured, else a PGlite folder. */
export interface EmptyDatabase {
  env: Record<string, string>;
  database: Database;
  open(): Promise<OrmHandle>;
  drop(): Promise<void>;
}

export async function emptyDatabase(): Promise<EmptyDatabase> {
  const url = testDatabaseUrl();
  if (url) {
    const name = `yorisoi_empty_${randomBytes(6).toString('hex')}`;
    const admin = new Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const dbUrl = withDatabase(url, name);
    return {
      env: { DATABASE_URL: dbUrl, AUTH_SECRET, ENCRYPTION_KEY },
      database: { kind: 'postgresql', url: dbUrl },
      open: () => openOrm({ kind: 'postgresql', url: dbUrl }, { encryptionKey: ENCRYPTION_KEY }),
      drop: async () => {
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'yorisoi-onboarding-'));
  return {
    env: { DATA_DIR: dataDir, ENCRYPTION_KEY },
    database: { kind: 'pglite', dataDir },
    open: () => openOrm({ kind: 'pglite', dataDir }, { encryptionKey: ENCRYPTION_KEY }),
    drop: async () => {},
  };
}

/** Runs `npm run municipality:create -- …` (the built command) with the database's environment. */
export function runCreate(env: Record<string, string>, args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, [CLI, ...args], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, TZ: 'Asia/Tokyo', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
    proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
    proc.once('exit', (code) => resolve({ code, out, err }));
  });
}

/** The token of the link the command printed. */
export function linkToken(out: string): string {
  const m = /\/staff\/#link=([A-Za-z0-9_-]+)/.exec(out);
  if (!m) throw new Error(`no link in: ${out}`);
  return m[1]!;
}
