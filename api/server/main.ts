import 'reflect-metadata';
import { startStaffReminders } from './staff-reminders-timer';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createApp } from './app';
import { loadConfig } from './config';
import { migrate, openOrm } from '../db/orm';
import { PostalDirectory } from '../postal';
import { seedDemo } from './seed/demo-seed';
import { seedDemoActivity } from './seed/demo-activity';
import { runRetentionEverywhere } from '../rights';

/** `npm start`: migrate, seed the demo on an empty embedded database, serve. */
async function main(): Promise<void> {
  const config = loadConfig();
  const where = config.database.kind === 'postgresql' ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.database.dataDir}`;
  const encryptionKey = config.encryptionKey ?? undefined;
  // With MIGRATION_DATABASE_URL, migrations run as the database owner and the API as its limited role.
  if (config.migrationDatabaseUrl) {
    const owner = await openOrm({ kind: 'postgresql', url: config.migrationDatabaseUrl }, { encryptionKey });
    try {
      await migrate(owner.orm);
    } finally {
      await owner.close();
    }
  }
  const handle = await openOrm(config.database, { encryptionKey });
  // After the owner's migration, openOrm has loaded the data keys of the migrated database already.
  if (!config.migrationDatabaseUrl) await migrate(handle.orm);
  if (config.seedDemo && (await seedDemo(handle.orm.em.fork() as EntityManager, config.demoStaffPassword))) {
    console.log('Seeded the demo municipality 999999 (デモ市) with fictional records.');
  }
  const app = await createApp(handle.orm, config, {
    // One JSON object per line on stdout, with the request id (README: Running in production). LOG_REQUESTS=false turns it off.
    ...(process.env.LOG_REQUESTS === 'false' ? {} : { requestLog: (entry: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(entry)}\n`) }),
  });
  // The demo's work in progress (applications, outreach candidates, call tasks), made by the app's own services; once.
  if (config.seedDemo) {
    const made = await seedDemoActivity(handle.orm.em.fork() as EntityManager, app.services);
    if (made.applications + made.candidates + made.phoneTasks + made.intakes > 0)
      console.log(
        `Demo: ${made.applications} online applications, ${made.candidates} outreach candidates, ${made.phoneTasks} call tasks, ${made.intakes} new intakes.`,
      );
  }
  // Notices are sent inside this process on the embedded default (one process owns the data folder);
  // with PostgreSQL by `npm run worker` processes, unless OUTREACH_IN_PROCESS=1.
  const outreach = app.services.outreach!;
  if (config.database.kind === 'pglite' || process.env.OUTREACH_IN_PROCESS === '1') {
    await outreach.startWorkers();
    startStaffReminders(handle.orm, outreach);
    if (outreach.env.nightlyHour !== null) await outreach.startNightly();
    if (outreach.catcher) console.log(`Outreach: e-mail goes to the built-in mail catcher (${outreach.catcher.url}); set SMTP_URL for a real server.`);
  }
  // Erasure when retention periods end (seeds/retention `periods`): daily, a minute after the start, in
  // this process (one advisory lock per municipality, so several API processes do not collide);
  // RETENTION_IN_PROCESS=0 leaves it to `npm run retention:run` from a scheduler.
  const retention =
    process.env.RETENTION_IN_PROCESS === '0'
      ? null
      : setInterval(
          () => void runRetentionEverywhere(handle.orm.em.fork() as EntityManager).catch((e: Error) => console.error(`Retention run failed: ${e.message}`)),
          86_400_000,
        );
  retention?.unref();
  if (retention)
    setTimeout(
      () => void runRetentionEverywhere(handle.orm.em.fork() as EntityManager).catch((e: Error) => console.error(`Retention run failed: ${e.message}`)),
      60_000,
    ).unref();
  const server = app.express.listen(config.port, () => {
    console.log(`Yorisoi is running on ${where}: http://localhost:${config.port}/graphql`);
    // Load the postal directory now (~0.3 s), not on the first family's look-up.
    setImmediate(() => PostalDirectory.shared());
  });
  // Graceful stop: no new requests, the ones under way finish, then the database is closed cleanly
  // (PGlite writes its files and the DATA_DIR lock is released) before the process exits.
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    if (retention) clearInterval(retention);
    console.log(`${signal}: stopping (finishing requests, closing the database)…`);
    setTimeout(() => {
      console.error('Yorisoi did not stop within 15 s; exiting.');
      process.exit(1);
    }, 15_000).unref();
    server.close();
    server.closeIdleConnections();
    try {
      await app.stop();
      await handle.close();
      process.exit(0);
    } catch (e) {
      console.error(`Yorisoi did not stop cleanly: ${(e as Error).message}`);
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((e: Error) => {
  console.error(`Yorisoi failed to start: ${e.message}`);
  process.exit(1);
});
