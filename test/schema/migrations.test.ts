import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../support/db';

describe('migrations', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(() => db.close());

  it('leave nothing for the entities to add: the committed migrations are the whole schema', async () => {
    expect(await db.orm.getMigrator().checkMigrationNeeded()).toBe(false);
  });
});
