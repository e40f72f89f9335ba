import 'reflect-metadata';
import type { EntityManager } from '@mikro-orm/postgresql';
import { loadConfig } from './config';
import { migrate, openOrm } from '../db/orm';
import { seedDemo } from './seed/demo-seed';
import { seedDemoActivity } from './seed/demo-activity';
import { createApp } from './app';

/** `npm run seed:demo`: adds デモ市, its fictional records and their work in progress to the configured database. */
async function main(): Promise<void> {
  const config = loadConfig();
  const handle = await openOrm(config.database, { encryptionKey: config.encryptionKey ?? undefined });
  try {
    await migrate(handle.orm);
    const seeded = await seedDemo(handle.orm.em.fork() as EntityManager, config.demoStaffPassword);
    console.log(seeded ? 'Seeded the demo municipality 999999 (デモ市).' : 'The demo municipality 999999 already exists.');
    // Its applications, outreach candidates and call tasks come from the app's own services (each part once).
    const app = await createApp(handle.orm, config);
    try {
      const made = await seedDemoActivity(handle.orm.em.fork() as EntityManager, app.services);
      console.log(
        `Demo activity: ${made.applications} online applications, ${made.candidates} outreach candidates, ${made.phoneTasks} call tasks, ${made.intakes} new intakes added.`,
      );
    } finally {
      await app.stop();
    }
  } finally {
    await handle.close();
  }
}

main().catch((e: Error) => {
  console.error(`seed:demo failed: ${e.message}`);
  process.exit(1);
});
