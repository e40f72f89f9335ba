import { readFileSync } from 'node:fs';
import { buildSchema } from 'graphql';
import { SCHEMA_FILE } from '../../api/core/paths';
import { lintSchema } from './rules';

/**
 * `npm run schema:lint [file]`: the conventions (rules.ts) over schema/schema.graphql, the committed
 * SDL partners code against. Prints one line per finding and exits 1 when there is any.
 */
const file = process.argv[2] ?? SCHEMA_FILE;
const findings = lintSchema(buildSchema(readFileSync(file, 'utf8')));
for (const f of findings) console.log(`${f.coordinate}  [${f.rule}]  ${f.message}`);
const byRule = new Map<string, number>();
for (const f of findings) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
console.log(
  `${findings.length} finding${findings.length === 1 ? '' : 's'}${findings.length ? ` (${[...byRule].map(([r, n]) => `${r}: ${n}`).join(', ')})` : ''} in ${file}`,
);
process.exit(findings.length ? 1 : 0);
