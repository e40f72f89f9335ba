import 'reflect-metadata';
import type { EntityManager } from '@mikro-orm/postgresql';
import { loadConfig } from './config';
import { migrate, openOrm } from '../db/orm';
import { seedDemo } from './seed/demo-seed';

/** `npm run seed:demo`: adds デモ市 and its fictional records to the configured database. */
async function main(): Promise<void> {
  const config = loadConfig();
  const handle = await openOrm(config.database, { encryptionKey: config.encryptionKey ?? undefined });
  try {
    await migrate(handle.orm);
    const seeded = await seedDemo(handle.orm.em.fork() as EntityManager, config.demoStaffPassword);
    console.log(seeded ? 'Seeded the demo municipality 999999 (デモ市).' : 'The demo municipality 999999 already exists; nothing changed.');
  } finally {
    await handle.close();
  }
}

main().catch((e: Error) => {
  console.error(`seed:demo failed: ${e.message}`);
  process.exit(1);
});
