import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveAuditKey } from '../../api/audit/audit-seal';
import { runLineWorker } from '../../api/server/line-worker';
import { loadConfig } from '../../api/server/config';
import { TEST_SECRET } from '../support/app';
import { FakeLine } from '../support/fake-line';
import { TEST_ENCRYPTION_KEY } from '../support/keys';
import { lineEnv, type LineTestApp, startLineApp } from '../support/line';

/**
 * LINE_WORKER=separate (PostgreSQL only): the API process verifies, queues and acknowledges; another
 * process's worker (here: runLineWorker on its own ORM and connections) is woken by NOTIFY and answers.
 */
let t: LineTestApp;
let worker: { stop(): Promise<void> };
beforeAll(async () => {
  t = await startLineApp({ worker: 'separate' });
  const url = t.db.orm.config.get('clientUrl')!;
  worker = await runLineWorker(
    loadConfig({
      ...lineEnv(t),
      DATABASE_URL: url,
      AUTH_SECRET: TEST_SECRET,
      ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
      AUDIT_KEY: deriveAuditKey(TEST_SECRET),
      AUDIT_ANCHOR_DIR: 'off',
    }),
  );
});
afterAll(async () => {
  await worker?.stop();
  await t?.close();
});

describe('the LINE bot in a worker process of its own', () => {
  it('the API process only queues; the worker answers, danger first, each event once', async () => {
    expect(t.settings.worker).toBe('separate');
    const user = FakeLine.newUserId();
    const event = t.fake.messageEvent(user, 'もう死にたい');
    expect((await t.fake.deliver(t.target, [event])).status).toBe(200);
    expect((await t.fake.deliver(t.target, [FakeLine.redelivery(event)])).status).toBe(200);
    const [d] = await t.fake.waitFor(user);
    expect(d!.messages[1]!.text).toContain('すぐにつながる電話');
    await new Promise((r) => setTimeout(r, 1_500));
    expect(t.fake.sentTo(user)).toHaveLength(1);
  });
});
