import 'reflect-metadata';
import type { EntityManager } from '@mikro-orm/postgresql';
import { join } from 'node:path';
import { Client } from 'pg';
import { useAuditKey } from '../audit';
import { loadChatServices } from '../chat';
import { SEEDS_DIR } from '../core';
import { openOrm } from '../db/orm';
import { MunicipalOrigins } from '../intake';
import { resolveLimits, SharedRateLimits } from '../limits';
import { loadCatalogue } from '../programme';
import { type Config, loadConfig } from './config';
import { LINE_NOTIFY_CHANNEL, LineBot, LineChannelStore, LineLinks, LineWorker, TableLineEventQueue, tidy } from '../line';

/**
 * The LINE bot in a process of its own (LINE_WORKER=separate, PostgreSQL): the API processes only
 * verify, queue and acknowledge; this process handles the queue — woken by NOTIFY from the webhook's
 * insert, and polling every second in case a notification was missed. Several may run: events are
 * claimed with SKIP LOCKED. Also callable from a general worker entry (`npm run worker`).
 */
export async function runLineWorker(config: Config): Promise<{ stop(): Promise<void> }> {
  if (config.database.kind !== 'postgresql')
    throw new Error('LINE_WORKER=separate needs PostgreSQL (DATABASE_URL): the embedded database belongs to the API process.');
  const handle = await openOrm(config.database, { encryptionKey: config.encryptionKey ?? undefined });
  const orm = handle.orm;
  // Linking writes audit entries: sealed with the same key as the API's.
  useAuditKey(orm, config.auditKey);
  const limits = resolveLimits({ rates: { chatPerMinute: config.chatRatePerMinute } }, config.limits);
  const rates = new SharedRateLimits(orm, config.authSecret);
  const catalogue = loadCatalogue(join(SEEDS_DIR, 'programmes'));
  const chat = loadChatServices(join(SEEDS_DIR, 'chatbot'), catalogue, { rateLimit: rates.limit('chat', limits.rates.chatPerMinute) });
  const em = () => orm.em.fork() as EntityManager;
  // Channels entered in the staff console too, read again every minute (channel-settings.ts).
  const store = new LineChannelStore(config.line, em);
  await store.reload();
  store.start(() => undefined);
  const links = new LineLinks(em, config.authSecret);
  const bot = new LineBot({
    settings: config.line,
    em,
    links,
    chat: { knowledge: chat.knowledge, rateLimit: chat.rateLimit, catalogue, municipalities: new MunicipalOrigins(orm, 60_000, null) },
  });
  const worker = new LineWorker(new TableLineEventQueue(em), (e) => bot.handle(e), { pollMs: 1_000, urgent: (e) => bot.isUrgent(e) }).start();
  const listener = new Client({ connectionString: config.database.url });
  // A dropped listener is not fatal: the poll still finds every event within a second.
  listener.on('error', () => undefined);
  await listener.connect();
  await listener.query(`listen ${LINE_NOTIFY_CHANNEL}`);
  listener.on('notification', () => worker.wake());
  worker.wake();
  const housekeeping = setInterval(() => void tidy(em).catch(() => undefined), 3_600_000);
  housekeeping.unref();
  return {
    async stop() {
      clearInterval(housekeeping);
      store.stop();
      await worker.stop();
      await listener.end().catch(() => undefined);
      await handle.close();
    },
  };
}

if (require.main === module) {
  runLineWorker(loadConfig())
    .then((w) => {
      console.log('Yorisoi LINE worker is running.');
      const stop = () =>
        void w.stop().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    })
    .catch((e: Error) => {
      console.error(`Yorisoi LINE worker failed to start: ${e.message}`);
      process.exit(1);
    });
}
