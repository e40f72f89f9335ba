import 'reflect-metadata';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createApp } from './app';
import { loadConfig } from './config';
import { migrate, openOrm } from './db/orm';
import { PostalDirectory } from './postal/postal-directory';
import { seedDemo } from './seed/demo-seed';

/** `npm start`: migrate, seed the demo on an empty embedded database, serve. */
async function main(): Promise<void> {
  const config = loadConfig();
  const where = config.database.kind === 'postgresql' ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.database.dataDir}`;
  const handle = await openOrm(config.database, { encryptionKey: config.encryptionKey ?? undefined });
  await migrate(handle.orm);
  if (config.seedDemo && (await seedDemo(handle.orm.em.fork() as EntityManager, config.demoStaffPassword))) {
    console.log('Seeded the demo municipality 999999 (デモ市) with fictional records.');
  }
  const app = await createApp(handle.orm, config);
  const server = app.express.listen(config.port, () => {
    console.log(`Yorisoi is running on ${where}: http://localhost:${config.port}/graphql`);
    // Load the postal directory now (~0.3 s), not on the first family's look-up.
    setImmediate(() => PostalDirectory.shared());
  });
  const shutdown = async () => {
    server.close();
    await app.stop();
    await handle.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

main().catch((e: Error) => {
  console.error(`Yorisoi failed to start: ${e.message}`);
  process.exit(1);
});
