import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT_DIR, SCHEMA_FILE } from '../../api/core/paths';
import { todayInJapan } from '../../api/core/dates';
import { checkBreaking } from './breaking';

/**
 * `npm run schema:breaking [released.graphql]`: schema/schema.graphql against the newest file in
 * schema/released/ (or the one given), under CHANGELOG.md. Exits 1 on a breaking change or a
 * deprecation the changelog does not record; dangerous changes (e.g. a new enum value) are listed.
 */
const releasedDir = join(ROOT_DIR, 'schema', 'released');
const newest = readdirSync(releasedDir)
  .filter((f) => f.endsWith('.graphql'))
  .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
  .pop();
const releasedFile = process.argv[2] ?? join(releasedDir, newest ?? '');
const report = checkBreaking(
  readFileSync(releasedFile, 'utf8'),
  readFileSync(SCHEMA_FILE, 'utf8'),
  readFileSync(join(ROOT_DIR, 'CHANGELOG.md'), 'utf8'),
  todayInJapan(),
);
console.log(`added since the release (list them under "Added" in CHANGELOG.md): ${report.added.join(', ') || 'nothing'}`);
for (const d of report.dangerous) console.log(`dangerous (not breaking): ${d.description}`);
for (const c of report.newlyDeprecated) console.log(`deprecated since the release: ${c}`);
for (const p of report.problems) console.log(`${p.coordinate}: ${p.message}`);
console.log(`${report.breaking.length} breaking change(s), ${report.problems.length} problem(s) against ${releasedFile}`);
process.exit(report.problems.length ? 1 : 0);
