/** LINE official accounts (issue 20): webhook, chatbot, account linking, notices. README: Connecting a LINE official account. */
import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Router } from 'express';
import express from 'express';
import { bodyErrors } from '../limits';
import { LineBot, type LineBotDeps } from './bot';
import type { LineSettings } from './config';
import { type LineEventQueue, TableLineEventQueue } from './event-queue';
import { LineLinks } from './link';
import { linkPageRoutes } from './link-page';
import { type LineNoticeChannel, LineNoticeSender } from './notices';
import { webhookHandlers } from './webhook';
import { LineWorker } from './worker';

export { type LineChannel, type LineSettings, lineSettingsFromEnv } from './config';
export { type LineEventQueue, TableLineEventQueue } from './event-queue';
export { LineLinks } from './link';
export { type LineNotice, type LineNoticeChannel, type LineNoticeResult, type LineNoticeStatus, LineNoticeSender } from './notices';
export { lineSignature, verifyLineSignature } from './signature';

export interface LineService {
  router: Router;
  links: LineLinks;
  /** The channel adapter for push-type support (the outreach queue's sender for LINE). */
  notices: LineNoticeChannel;
  worker: LineWorker;
  queue: LineEventQueue;
  stop(): Promise<void>;
}

/** Everything LINE needs in one process: the routes under /line, the queue's worker, the links. */
export function createLineService(orm: MikroORM, settings: LineSettings, secret: string, chat: LineBotDeps['chat'], options: { pollMs?: number } = {}): LineService {
  const em = () => orm.em.fork() as EntityManager;
  const queue = new TableLineEventQueue(em);
  const links = new LineLinks(em, secret);
  const bot = new LineBot({ settings, em, links, chat });
  const worker = new LineWorker(queue, (e) => bot.handle(e), { pollMs: options.pollMs });
  if (settings.channels.size > 0) worker.start();
  const router = express.Router();
  router.post('/:municipalityCode', ...webhookHandlers({ settings, queue, queued: () => worker.wake() }));
  router.use(linkPageRoutes(settings, links));
  router.use(bodyErrors);
  return { router, links, notices: new LineNoticeSender(settings, links), worker, queue, stop: () => worker.stop() };
}
