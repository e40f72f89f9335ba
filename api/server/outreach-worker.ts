import 'reflect-metadata';
import { startStaffReminders } from './staff-reminders-timer';
import { join } from 'node:path';
import { loadConfig } from './config';
import { SEEDS_DIR } from '../core';
import { migrate, openOrm } from '../db/orm';
import { loadCatalogue } from '../programme';
import type { EntityManager } from '@mikro-orm/postgresql';
import { LineLinks, LineNoticeSender } from '../line';
import { Outreach } from '../outreach';

/**
 * `npm run worker`: a sender process on PostgreSQL (DATABASE_URL). Run any number of them: each takes
 * jobs with pg-boss's SKIP LOCKED fetch, and a notice is claimed by one of them at a time. Embedded,
 * `npm start` runs the senders itself (one process owns the data folder).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  if (config.database.kind !== 'postgresql') throw new Error('npm run worker needs DATABASE_URL (embedded, npm start sends notices itself).');
  const handle = await openOrm(config.database, { encryptionKey: config.encryptionKey ?? undefined });
  if (!config.migrationDatabaseUrl) await migrate(handle.orm);
  const catalogue = loadCatalogue(join(SEEDS_DIR, 'programmes'));
  const outreach = new Outreach({ orm: handle.orm, authSecret: config.authSecret, catalogue: () => catalogue, pageLimit: { take: async () => true } });
  // LINE notices from this process too (the same adapter the API process wires; api/line).
  outreach.line = new LineNoticeSender(config.line, new LineLinks(() => handle.orm.em.fork() as EntityManager, config.authSecret));
  if (!outreach.env.smtpUrl) console.log('Outreach worker: no SMTP_URL, e-mail notices wait (temporary failure) until one is set.');
  await outreach.startWorkers();
  // The staff's daily reminder e-mails go from the process that sends notices (once a day per member).
  startStaffReminders(handle.orm, outreach);
  if (outreach.env.nightlyHour !== null) await outreach.startNightly();
  console.log(
    `Outreach worker: ${outreach.env.workers} senders running${outreach.env.nightlyHour !== null ? `, nightly re-screening at ${outreach.env.nightlyHour}:00 Japan time` : ''}.`,
  );
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping the outreach worker (finishing the messages in hand)…`);
    try {
      await outreach.stop();
      await handle.close();
      process.exit(0);
    } catch (e) {
      console.error(`Outreach worker did not stop cleanly: ${(e as Error).message}`);
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((e: Error) => {
  console.error(`Outreach worker failed to start: ${e.message}`);
  process.exit(1);
});
