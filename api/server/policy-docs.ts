import 'reflect-metadata';
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parsePolicy, renderPolicyDocs } from '../access';
import { ROOT_DIR, SEEDS_DIR } from '../core';

/** `npm run policy:docs` writes docs/access-policy.md from seeds/policy; `-- --check` fails when the file is stale. */
function main(): void {
  const dir = join(SEEDS_DIR, 'policy');
  const policy = parsePolicy(readFileSync(join(dir, 'default.yaml'), 'utf8'), 'seeds/policy/default.yaml');
  const overrides = readdirSync(dir)
    .filter((f) => f !== 'default.yaml')
    .sort();
  const printed = renderPolicyDocs(policy, 'seeds/policy/default.yaml', overrides);
  const target = join(ROOT_DIR, 'docs', 'access-policy.md');
  if (process.argv.includes('--check')) {
    const committed = existsSync(target) ? readFileSync(target, 'utf8') : '';
    if (committed !== printed) {
      console.error('docs/access-policy.md is out of date: run `npm run policy:docs` and commit it.');
      process.exit(1);
    }
    console.log('docs/access-policy.md is up to date.');
  } else {
    writeFileSync(target, printed);
    console.log(`wrote ${target}`);
  }
}

// Run only as a command: importing the module (tests, tools that scan api/) must not write anything.
if (require.main === module) main();
