import 'reflect-metadata';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { SCHEMA_FILE } from '../../core';
import { printApiSchema } from './build';

/** `npm run schema:emit` writes schema/schema.graphql; `--check` fails when the committed file differs. */
const printed = printApiSchema();
if (process.argv.includes('--check')) {
  const committed = existsSync(SCHEMA_FILE) ? readFileSync(SCHEMA_FILE, 'utf8') : '';
  if (committed !== printed) {
    console.error('schema/schema.graphql is out of date: run `npm run schema:emit` and commit it.');
    process.exit(1);
  }
  console.log('schema/schema.graphql is up to date.');
} else {
  writeFileSync(SCHEMA_FILE, printed);
  console.log(`wrote ${SCHEMA_FILE}`);
}
