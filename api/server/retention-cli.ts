/**
 * `npm run retention:run [-- --code <6 digits>]`: erases the records whose retention period ended
 * (seeds/retention `periods`; api/rights/retention-job.ts), in every municipality or one, and prints the
 * counts (no personal data). Run it daily (cron, a systemd timer, a Kubernetes CronJob); `npm start`
 * also runs it once a day in its own process. Safe to run from several machines at once (one advisory
 * lock per municipality). Exit codes: 0 done, 1 failed, 2 bad arguments.
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import type { EntityManager } from '@mikro-orm/postgresql';
import { loadConfig } from './config';
import { openOrm } from '../db/orm';
import { deriveAuditKey, useAuditKey } from '../audit';
import { runRetention, runRetentionEverywhere } from '../rights';

async function main(argv: string[]): Promise<number> {
  let code: string | undefined;
  try {
    ({
      values: { code },
    } = parseArgs({ args: argv, options: { code: { type: 'string' } }, strict: true }));
  } catch (e) {
    console.error(`${(e as Error).message}\nUsage: npm run retention:run [-- --code <6 digits>]`);
    return 2;
  }
  if (code !== undefined && !/^\d{6}$/.test(code)) {
    console.error('--code is the 6-digit municipality code.');
    return 2;
  }
  const config = loadConfig();
  const handle = await openOrm(config.database, { encryptionKey: config.encryptionKey ?? undefined });
  try {
    useAuditKey(handle.orm, config.auditKey ?? deriveAuditKey(config.authSecret));
    const em = handle.orm.em.fork() as EntityManager;
    const runs = code ? [await runRetention(em, code)] : await runRetentionEverywhere(em);
    for (const r of runs) console.log(JSON.stringify(r));
    return 0;
  } catch (e) {
    console.error(`Retention run failed: ${(e as Error).message}`);
    return 1;
  } finally {
    await handle.close();
  }
}

// Run only as a command: importing the module (the regex-linear test imports every file of api/) must
// not start it — it did, and its exit(1) ended a CI run's test worker.
if (require.main === module) {
  main(process.argv.slice(2)).then(
    (exitCode) => process.exit(exitCode),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
