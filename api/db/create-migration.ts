/**
 * Writes a new migration with the difference between the entities and the schema the existing
 * migrations produce. Run `npm run migration:create` after changing an entity, then add the new
 * class to migrations/index.ts and review the SQL (custom SQL — triggers, functions — goes there too).
 */
import 'reflect-metadata';
import { join } from 'node:path';
import { ROOT_DIR } from '../core';
import { migrate, openOrm } from './orm';

async function main(): Promise<void> {
  const handle = await openOrm({ kind: 'pglite', dataDir: null });
  try {
    await migrate(handle.orm);
    const migrator = handle.orm.getMigrator();
    // Write TypeScript into the source folder, not into dist/.
    (handle.orm.config.get('migrations') as { path?: string; emit?: string }).path = join(ROOT_DIR, 'api/db/migrations');
    (handle.orm.config.get('migrations') as { emit?: string }).emit = 'ts';
    const result = await migrator.createMigration(undefined, false, false, process.argv[2]);
    console.log(result.fileName ? `wrote ${result.fileName}` : 'no changes');
  } finally {
    await handle.close();
  }
}

void main();
