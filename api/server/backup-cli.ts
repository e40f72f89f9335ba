import 'reflect-metadata';
import type { EntityManager } from '@mikro-orm/postgresql';
import { anchorChains } from '../audit';
import { sqlFor } from '../audit';
import { loadConfig } from './config';
import { openOrm } from '../db/orm';
import { backup, restore } from '../backup';

/**
 * `npm run backup [-- <folder>]` (default BACKUP_DIR, else ./backups) and
 * `npm run restore -- <backup folder> [--force]`, for the database in DATABASE_URL or DATA_DIR.
 * After a restore the audit anchors get a `restore` line per municipality: the batches appended after
 * the backup was taken are gone by the operator's decision, not by tampering (audit-anchor.ts).
 */
async function main(args: string[]): Promise<void> {
  const [command, ...rest] = args;
  const config = loadConfig();
  if (command === 'backup') {
    const dir = await backup(config.database, rest[0] ?? process.env.BACKUP_DIR ?? './backups');
    console.log(`Backup written to ${dir}`);
    return;
  }
  if (command === 'restore') {
    const from = rest.find((a) => !a.startsWith('--'));
    if (!from) throw new Error('usage: npm run restore -- <backup folder> [--force]');
    await restore(config.database, from, { force: rest.includes('--force') });
    console.log(`Restored ${from}.`);
    if (config.auditAnchorDir) {
      const handle = await openOrm(config.database);
      try {
        for (const r of await anchorChains(sqlFor(handle.orm.em.fork() as EntityManager), config.auditKey, config.auditAnchorDir, 'restore')) {
          const note = r.report.problems.length > 0 ? ` — the restored chain is BROKEN: ${r.report.problems.join('; ')}` : '';
          console.log(`audit ${r.municipalityCode}: anchors start again at batch ${r.written?.batchId ?? '(none)'}${note}`);
        }
      } finally {
        await handle.close();
      }
    }
    return;
  }
  throw new Error('usage: backup-cli backup [folder] | restore <folder> [--force]');
}

// Run only as a command: importing the module (tests, tools that scan api/) must not start it.
if (require.main === module) {
  main(process.argv.slice(2)).catch((e: Error) => {
    console.error(`${process.argv[2] ?? 'backup'} failed: ${e.message}`);
    process.exit(1);
  });
}
