/**
 * `npm run municipality:create -- --code <6 digits> --name <name> [--departments …]`: a municipality
 * goes live without SQL. Migrates the configured database (DATABASE_URL, else embedded PGlite in
 * DATA_DIR), creates the municipality and its departments, and prints the first administrator's
 * one-time sign-up link. Exit codes: 0 created, 1 failed, 2 bad arguments or input, 3 the code exists
 * (nothing changed: running the command twice is safe).
 */
import 'reflect-metadata';
import type { EntityManager } from '@mikro-orm/postgresql';
import { loadConfig } from './config';
import { migrate, openOrm } from '../db/orm';
import { linkUrl } from '../accounts';
import { PostalDirectory } from '../postal';
import { createMunicipality, MunicipalityExistsError, OnboardingInputError, parseCreateArgs, USAGE } from '../onboarding';

async function main(): Promise<number> {
  const args = parseCreateArgs(process.argv.slice(2));
  if ('error' in args) {
    console.error(`${args.error}\n\n${USAGE}`);
    return 2;
  }
  const config = loadConfig();
  const publicUrl = args.publicUrl ?? config.publicUrl;
  const handle = await openOrm(config.database, { encryptionKey: config.encryptionKey ?? undefined });
  try {
    await migrate(handle.orm);
    const postal = PostalDirectory.shared();
    const created = await createMunicipality(
      handle.orm.em.fork() as EntityManager,
      { code: args.code, name: args.name, departments: args.departments, requireTwoFactor: !args.optionalTwoFactor },
      (c) => postal.municipality(c),
    );
    const place = postal.municipality(created.municipality.code);
    console.log(
      `Created ${created.municipality.code} ${created.municipality.name}${place ? ` (${place.prefecture}${place.city})` : ''} with ${created.departments.length} departments:`,
    );
    for (const d of created.departments) console.log(`  ${d.code}: ${d.name}`);
    console.log(`Two-factor sign-in: ${created.municipality.requireTwoFactor ? 'required' : 'optional'}.`);
    console.log(
      `\nThe first administrator signs up with this one-time link (valid until ${created.expiresAt.toISOString()}); hand it over privately:\n\n  ${linkUrl(publicUrl, created.token)}\n`,
    );
    return 0;
  } catch (e) {
    if (e instanceof MunicipalityExistsError) {
      console.error(`${e.messages.ja}\n${e.messages.en}`);
      return 3;
    }
    if (e instanceof OnboardingInputError) {
      for (const p of e.problems) console.error(`${p.field}: ${p.messages.ja}\n${' '.repeat(p.field.length + 2)}${p.messages.en}`);
      return 2;
    }
    throw e;
  } finally {
    await handle.close();
  }
}

// Run only as the command (tests import every module of api/, e.g. test/limits/regex-linear).
if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (e: Error) => {
      console.error(`municipality:create failed: ${e.message}`);
      process.exit(1);
    },
  );
}
