import 'reflect-metadata';
import type { EntityManager } from '@mikro-orm/postgresql';
import { loadConfig } from './config';
import { openOrm } from '../db/orm';
import { anchorChains } from '../audit';
import { chainMunicipalities, sqlFor, verifyChain } from '../audit';

/**
 * `npm run audit:verify`: checks every municipality's chain — hashes recomputed here, seals with
 * AUDIT_KEY, anchors in AUDIT_ANCHOR_DIR — and exits 1 if any is broken.
 * `npm run audit:anchor`: checks each chain since its last anchor and anchors its head now (for a
 * cron job when the API's own periodic anchoring is not enough, e.g. to a second folder).
 * In embedded mode the API must be stopped first (one process per DATA_DIR).
 */
async function main(command: string | undefined): Promise<number> {
  if (command !== 'verify' && command !== 'anchor') {
    console.error('usage: audit-cli verify | anchor');
    return 2;
  }
  const config = loadConfig();
  const handle = await openOrm(config.database);
  try {
    const sql = sqlFor(handle.orm.em.fork() as EntityManager);
    let broken = 0;
    if (command === 'verify') {
      if (!config.auditAnchorDir) console.log('AUDIT_ANCHOR_DIR=off: checking hashes and seals only.');
      for (const code of await chainMunicipalities(sql)) {
        const r = await verifyChain(sql, config.auditKey, code, config.auditAnchorDir);
        const legacy = r.legacyUnsealed > 0 ? `, ${r.legacyUnsealed} from before sealing` : '';
        if (r.problems.length === 0) console.log(`${code}: intact — ${r.batches} batches${legacy}`);
        else {
          broken++;
          console.log(`${code}: BROKEN — ${r.batches} batches${legacy}\n  ${r.problems.join('\n  ')}`);
        }
      }
    } else {
      if (!config.auditAnchorDir) throw new Error('AUDIT_ANCHOR_DIR is off: nowhere to anchor.');
      for (const r of await anchorChains(sql, config.auditKey, config.auditAnchorDir)) {
        if (r.report.problems.length > 0) {
          broken++;
          console.log(`${r.municipalityCode}: BROKEN, not anchored\n  ${r.report.problems.join('\n  ')}`);
        } else console.log(`${r.municipalityCode}: ${r.written ? `anchored batch ${r.written.batchId}` : 'unchanged since the last anchor'}`);
      }
    }
    return broken > 0 ? 1 : 0;
  } finally {
    await handle.close();
  }
}

// Run only as a command: importing the module (tests, tools that scan api/) must not start it.
if (require.main === module) {
  main(process.argv[2]).then(
    (code) => process.exit(code),
    (e: Error) => {
      console.error(`audit: ${e.message}`);
      process.exit(1);
    },
  );
}
