import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ChangeFeed } from '../../api/db/change-feed';
import { testDatabaseUrl } from '../support/pg-url';

/** The change feed between API processes (PostgreSQL LISTEN/NOTIFY): two feeds stand for two processes. */
describe('change feed (PostgreSQL)', () => {
  const url = testDatabaseUrl()!;
  let a: ChangeFeed;
  let b: ChangeFeed;
  let admin: Client;
  beforeAll(async () => {
    [a, b] = await Promise.all([ChangeFeed.shared(url), ChangeFeed.shared(url)]);
    admin = new Client({ connectionString: url });
    await admin.connect();
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await admin?.end();
  });

  it('applies a change in the publishing process at once, delivers it to the other, and not twice to the publisher', async () => {
    const seenA: unknown[] = [];
    const seenB: unknown[] = [];
    a.on('revoked-token', (p) => seenA.push(p));
    b.on('revoked-token', (p) => seenB.push(p));
    await a.publish('revoked-token', { jti: 'one', exp: 1 });
    expect(seenA).toEqual([{ jti: 'one', exp: 1 }]);
    await vi.waitFor(() => expect(seenB).toEqual([{ jti: 'one', exp: 1 }]), { timeout: 5000, interval: 20 });
    // A later change from b proves a's own message has come back through LISTEN by now, and was skipped.
    await b.publish('revoked-token', { jti: 'two', exp: 2 });
    await vi.waitFor(
      () =>
        expect(seenA).toEqual([
          { jti: 'one', exp: 1 },
          { jti: 'two', exp: 2 },
        ]),
      { timeout: 5000, interval: 20 },
    );
  });

  it('after its connection is cut, reconnects and tells every cache to start afresh (messages may have been missed)', async () => {
    let resyncs = 0;
    b.onResync(() => resyncs++);
    const seen: unknown[] = [];
    b.on('municipality', (p) => seen.push(p));
    await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'yorisoi-change-feed' and datname = current_database()`);
    await vi.waitFor(() => expect(resyncs).toBeGreaterThan(0), { timeout: 10_000, interval: 50 });
    // Both were cut (same database): once a has reconnected too, its messages reach b again.
    await vi.waitFor(
      async () => {
        await a.publish('municipality', { n: 1 });
        expect(seen.length).toBeGreaterThan(0);
      },
      { timeout: 10_000, interval: 200 },
    );
  });
});
