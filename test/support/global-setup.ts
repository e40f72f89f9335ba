import 'reflect-metadata';
import './keys';
import type { TestProject } from 'vitest/node' with { 'resolution-mode': 'import' };
import { Client } from 'pg';
import { migrate, openOrm } from '../../api/db/orm';
import { ensureChromium } from './chromium';
import { testDatabaseUrl, withDatabase } from './pg-url';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Name of the migrated template database each test file copies (PostgreSQL mode only). */
    templateDatabase: string | null;
  }
}

/**
 * With TEST_DATABASE_URL (or DATABASE_URL) the suite runs on PostgreSQL: migrations are applied
 * once to a template database, and every test file gets its own copy (test/support/db.ts), so
 * files run in parallel. Without it, every file runs on its own in-memory PGlite.
 */
export default async function globalSetup(project: TestProject): Promise<() => Promise<void>> {
  // The widget tests need a browser: find or install one now, or stop the run with one line saying
  // what to install (rather than every browser test file failing on its own).
  ensureChromium();
  const url = testDatabaseUrl();
  if (!url) {
    project.provide('templateDatabase', null);
    return async () => undefined;
  }
  const template = `yorisoi_tpl_${process.pid}`;
  const admin = new Client({ connectionString: url });
  await admin.connect();
  await admin.query(`drop database if exists ${template}`);
  await admin.query(`create database ${template}`);
  const handle = await openOrm({ kind: 'postgresql', url: withDatabase(url, template) });
  await migrate(handle.orm);
  await handle.close();
  project.provide('templateDatabase', template);
  return async () => {
    await admin.query(`drop database if exists ${template} with (force)`);
    await admin.end();
  };
}
