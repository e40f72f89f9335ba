/** LINE official accounts (issue 20): webhook, chatbot, account linking, notices. README: Connecting a LINE official account. */
import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Router } from 'express';
import express from 'express';
import { bodyErrors } from '../limits';
import { LineBot, type LineBotDeps, SESSION_HOURS } from './bot';
import { LineChannelStore } from './channel-settings';
import type { LineSettings } from './config';
import type { LineAdminDeps } from './line-settings.service';
import { LINE_NOTIFY_CHANNEL, type LineEventQueue, TableLineEventQueue } from './event-queue';
import { LineLinks } from './link';
import { linkPageRoutes } from './link-page';
import { type LineNoticeChannel, LineNoticeSender } from './notices';
import { webhookHandlers } from './webhook';
import { LineWorker } from './worker';

export { type LineChannel, type LineSettings, lineSettingsFromEnv } from './config';
export { LineChannelStore } from './channel-settings';
export { type LineAdminDeps } from './line-settings.service';
export { LineSettingsResolver } from './line-settings.resolver';
export { LineLinksResolver } from './line-links.resolver';
export { LINE_NOTIFY_CHANNEL, type LineEventQueue, TableLineEventQueue } from './event-queue';
export { LineLinks } from './link';
export { type LineNotice, type LineNoticeChannel, type LineNoticeResult, type LineNoticeStatus, LineNoticeSender } from './notices';
export { lineSignature, verifyLineSignature } from './signature';

/** How often, at most, API processes wake a separate worker (LINE_WORKER=separate). */
export const WAKE_MS = 50;

export interface LineService {
  router: Router;
  links: LineLinks;
  /** The signed link that starts account linking (intake receipt, family page); null without a channel. */
  linkStartUrl(municipalityCode: string, recordId: string): string | null;
  /** The channel adapter for push-type support (the outreach queue's sender for LINE). */
  notices: LineNoticeChannel;
  worker: LineWorker;
  queue: LineEventQueue;
  /** The console's settings screen (line-settings.service.ts). */
  admin: LineAdminDeps;
  /** Reads the console's settings (app.ts awaits it once before serving). */
  ready: Promise<void>;
  stop(): Promise<void>;
}

/** Everything LINE needs in one process: the routes under /line, the queue's worker, the links. */
export function createLineService(
  orm: MikroORM,
  settings: LineSettings,
  secret: string,
  chat: LineBotDeps['chat'],
  options: { pollMs?: number } = {},
): LineService {
  const em = () => orm.em.fork() as EntityManager;
  const separate = settings.worker === 'separate';
  const queue = new TableLineEventQueue(em);
  // A separate worker is woken by NOTIFY, sent after the answer and at most every WAKE_MS (see event-queue.ts: never in the acknowledgement's transaction).
  let wakePending = false;
  const wakeSeparate = () => {
    if (wakePending) return;
    wakePending = true;
    setTimeout(() => {
      wakePending = false;
      void em()
        .execute(`select pg_notify('${LINE_NOTIFY_CHANNEL}', '')`)
        .catch(() => undefined);
    }, WAKE_MS).unref();
  };
  const links = new LineLinks(em, secret);
  const bot = new LineBot({ settings, em, links, chat });
  const worker = new LineWorker(queue, (e) => bot.handle(e), { pollMs: options.pollMs, urgent: (e) => bot.isUrgent(e) });
  // Housekeeping once an hour: handled events' ids after KEEP_IDS_DAYS, chat sessions past their day,
  // link codes and nonces past their time. Nothing of LINE is kept longer than it serves.
  let housekeeping: NodeJS.Timeout | null = null;
  // The worker runs here once there is a channel: from the environment now, or from the console later.
  const startIfChannels = () => {
    if (housekeeping || separate || settings.channels.size === 0) return;
    worker.start();
    housekeeping = setInterval(() => void tidy(em).catch(() => undefined), 3_600_000);
    housekeeping.unref();
  };
  const store = new LineChannelStore(settings, em);
  startIfChannels();
  const ready = store
    .reload()
    .then(startIfChannels, (e: unknown) =>
      console.error(`[yorisoi] line: the console's channel settings could not be read (${(e as Error).constructor.name})`),
    );
  store.start(startIfChannels);
  const router = express.Router();
  router.post(
    '/:municipalityCode',
    ...webhookHandlers({
      settings,
      queue,
      queued: () => (separate ? wakeSeparate() : worker.wake()),
      answering: { started: () => worker.acknowledgementStarted(), done: () => worker.acknowledgementDone() },
    }),
  );
  router.use(linkPageRoutes(settings, links));
  router.use(bodyErrors);
  return {
    router,
    links,
    linkStartUrl: (code, recordId) => (settings.channels.has(code) ? links.startUrl(settings.publicUrl, code, recordId) : null),
    notices: new LineNoticeSender(settings, links),
    worker,
    queue,
    admin: { store, links, changed: startIfChannels },
    ready,
    stop: async () => {
      store.stop();
      if (housekeeping) clearInterval(housekeeping);
      await worker.stop();
    },
  };
}

/** Deletes what has served its purpose (see createLineService). */
export async function tidy(em: () => EntityManager): Promise<void> {
  await new TableLineEventQueue(em).prune();
  await em().execute(`delete from line_chat_session where updated_at < now() - interval '${SESSION_HOURS} hours'`, [], 'run');
  await em().execute(`delete from line_link_request where expires_at < now() - interval '1 day'`, [], 'run');
}
export * from './line.entity';
export { LineBot } from './bot';
export { LineWorker } from './worker';
