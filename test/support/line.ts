import type { EntityManager } from '@mikro-orm/postgresql';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApp, type App } from '../../api/server/app';
import { lineSettingsFromEnv, type LineSettings } from '../../api/line';
import { seedDemo } from '../../api/server/seed/demo-seed';
import { TEST_LIMITS, TEST_PASSWORD, TEST_SECRET } from './app';
import { openTestDatabase, type TestDatabase } from './db';
import { FakeLine, type WebhookTarget } from './fake-line';

export const LINE_CODE = '999999';
export const CHANNEL_SECRET = 'test-channel-secret-0123456789abcdef';
export const FORWARDER_SECRET = 'test-forwarder-secret-fedcba9876543210';
export const ACCESS_TOKEN = 'test-access-token-line';

/** The LINE part of the environment the test app was configured with (for a worker process's loadConfig). */
export function lineEnv(t: LineTestApp): Record<string, string> {
  return { ...t.env, PUBLIC_URL: t.base };
}

export interface LineTestApp {
  env: Record<string, string>;
  db: TestDatabase;
  app: App;
  fake: FakeLine;
  base: string;
  /** The webhook as LINE calls it (signed with the channel secret). */
  target: WebhookTarget;
  settings: LineSettings;
  em(): EntityManager;
  close(): Promise<void>;
}

/** The app on a real port with the demo municipality's LINE channel pointed at a local fake platform. */
export async function startLineApp(options: { records?: number; worker?: 'separate' } = {}): Promise<LineTestApp> {
  const fake = await FakeLine.start([ACCESS_TOKEN]);
  const db = await openTestDatabase();
  await seedDemo(db.orm.em.fork() as EntityManager, TEST_PASSWORD, options.records ?? 2);
  // PUBLIC_URL is known only once the port is: a placeholder first, replaced below.
  const env = {
    LINE_CHANNELS: LINE_CODE,
    [`LINE_${LINE_CODE}_CHANNEL_SECRET`]: CHANNEL_SECRET,
    [`LINE_${LINE_CODE}_ACCESS_TOKEN`]: ACCESS_TOKEN,
    [`LINE_${LINE_CODE}_FORWARDER_SECRET`]: FORWARDER_SECRET,
    [`LINE_${LINE_CODE}_BASIC_ID`]: '@yorisoi-demo',
    [`LINE_${LINE_CODE}_INTAKE_URL`]: 'https://www.city.demo.example.jp/kosodate/intake',
    [`LINE_${LINE_CODE}_CALLBACK_URL`]: 'https://www.city.demo.example.jp/kosodate/callback',
    LINE_API_BASE: fake.url,
    LINE_ACCESS_BASE: fake.url,
    ...(options.worker ? { LINE_WORKER: options.worker } : {}),
  };
  const settings = lineSettingsFromEnv(env);
  const app = await createApp(
    db.orm,
    { authSecret: TEST_SECRET, accessTokenTtlSeconds: 900, corsOrigins: ['http://cms.example.jp'], line: settings },
    { limits: TEST_LIMITS },
  );
  const server: Server = await new Promise((resolve) => {
    const s = app.express.listen(0, '127.0.0.1', () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  (settings as { publicUrl: string }).publicUrl = base;
  const target = { url: `${base}/line/${LINE_CODE}`, secret: CHANNEL_SECRET };
  fake.webhook = target;
  return {
    env,
    db,
    app,
    fake,
    base,
    target,
    settings,
    em: () => db.orm.em.fork() as EntityManager,
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await app.stop();
      await db.close();
      await fake.close();
    },
  };
}
