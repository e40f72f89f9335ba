/**
 * A municipality's settings as a YAML file (issue 21), for the operator and for version control:
 *   npm run settings:export -- --code <6 digits> [--out <file>]
 *   npm run settings:import -- --file <file> [--code <6 digits>] [--apply]
 * Import is a dry run unless --apply: it prints each difference and changes nothing. Opens the configured
 * database (DATABASE_URL, else embedded PGlite in DATA_DIR), as municipality:create does. Exit codes:
 * 0 done (or nothing to change), 1 failed, 2 bad arguments or a file refused (each problem printed).
 */
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { loadConfig } from './config';
import { openOrm } from '../db/orm';
import { OPERATOR, exportSettingsYaml, importSettings, SettingsInputError } from '../accounts';
import { Municipality } from '../municipality';
import { SEEDS_DIR } from '../core';
import { loadCatalogue } from '../programme';
import { PolicyBook } from '../access';

/** municipality.code of a settings file, if it can be read (importSettings checks the file fully). */
function codeInFile(text: string): string {
  try {
    const code: unknown = (parse(text, { maxAliasCount: 0 }) as { municipality?: { code?: unknown } } | null)?.municipality?.code;
    return typeof code === 'string' ? code : '';
  } catch {
    return '';
  }
}

const USAGE = `Usage:
  npm run settings:export -- --code <6 digits> [--out <file>]
  npm run settings:import -- --file <file> [--code <6 digits>] [--apply]   (a dry run without --apply)`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  let values: { code?: string; out?: string; file?: string; apply?: boolean };
  try {
    ({ values } = parseArgs({
      args: rest,
      options: { code: { type: 'string' }, out: { type: 'string' }, file: { type: 'string' }, apply: { type: 'boolean' } },
      strict: true,
    }));
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (command !== 'export' && command !== 'import') {
    console.error(USAGE);
    return 2;
  }
  let text = '';
  if (command === 'import') {
    if (!values.file) {
      console.error(`--file is needed.\n\n${USAGE}`);
      return 2;
    }
    text = readFileSync(values.file, 'utf8');
  }
  // The code: given, or (import) the one the file names — checked against the file again on import.
  const code = values.code ?? codeInFile(text);
  if (!/^\d{6}$/.test(code)) {
    console.error(`--code <6 digits> is needed.\n\n${USAGE}`);
    return 2;
  }
  const config = loadConfig();
  const handle = await openOrm(config.database, { encryptionKey: config.encryptionKey ?? undefined });
  try {
    const em = handle.orm.em.fork() as EntityManager;
    if (!(await em.count(Municipality, { code }))) {
      console.error(`No municipality ${code} in this database (npm run municipality:create creates one).`);
      return 2;
    }
    if (command === 'export') {
      const yaml = await exportSettingsYaml(em, code);
      if (values.out) writeFileSync(values.out, yaml);
      else process.stdout.write(yaml);
      return 0;
    }
    // The command line has no change feed: programme changes reach running API processes at their next start.
    const catalogue = loadCatalogue(join(SEEDS_DIR, 'programmes'));
    const policies = PolicyBook.load(join(SEEDS_DIR, 'policy'));
    const { changes, applied } = await importSettings(em, code, text, { apply: values.apply === true, actor: OPERATOR, catalogue, policies });
    if (changes.length === 0) console.log('No differences: the file matches the settings in force.');
    for (const c of changes)
      console.log(
        `${c.before === null ? '+' : c.after === null ? '-' : '~'} ${c.path}: ${c.before ?? ''}${c.before !== null && c.after !== null ? ' -> ' : ''}${c.after ?? ''}`,
      );
    if (changes.length > 0)
      console.log(
        applied
          ? `Applied ${changes.length} change(s); each is in the administration trail.`
          : `Dry run: nothing changed. Run again with --apply to make these ${changes.length} change(s).`,
      );
    return 0;
  } catch (e) {
    if (e instanceof SettingsInputError) {
      for (const p of e.problems) console.error(`${p.messages.ja}\n  ${p.messages.en}`);
      return 2;
    }
    throw e;
  } finally {
    await handle.close();
  }
}

// Run only as the command (tests import every module of api/, e.g. test/limits/regex-linear).
if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: Error) => {
      console.error(`settings command failed: ${e.message}`);
      process.exit(1);
    },
  );
}
