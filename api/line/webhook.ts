import express, { type RequestHandler } from 'express';
import type { LineSettings } from './config';
import type { LineEventQueue } from './event-queue';
import { readPayload } from './events';
import { verifyLineSignature } from './signature';

/** LINE's webhook bodies are a few kilobytes; this leaves room for 100 events and refuses the rest. */
export const WEBHOOK_BODY_LIMIT = 256 * 1024;

export interface WebhookDeps {
  settings: LineSettings;
  queue: LineEventQueue;
  /** Called after the answer is sent: the worker handles what was queued. */
  queued(): void;
  /** Marks a call being answered (the worker gives way to it; worker.ts). */
  answering?: { started(): void; done(): void };
}

/**
 * POST /line/:municipalityCode — LINE's webhook, as the official account's own webhook URL or behind a
 * forwarding platform that passes LINE's body on (signed with the channel secret, or with the
 * platform's own secret where one is configured). The signature is checked over the raw bytes; the
 * events are queued (one insert, duplicates by webhookEventId dropped) and 200 is answered at once:
 * the bot's work happens after the answer, so LINE never waits for it (its timeout is about 1 s).
 * When queuing fails the answer is 500 and LINE delivers the events again.
 */
export function webhookHandlers(deps: WebhookDeps): RequestHandler[] {
  const raw = express.raw({ type: () => true, limit: WEBHOOK_BODY_LIMIT });
  const mark: RequestHandler = (_req, res, next) => {
    deps.answering?.started();
    res.once('close', () => deps.answering?.done());
    next();
  };
  const handle: RequestHandler = (req, res) => {
    const code = String(req.params.municipalityCode ?? '');
    const channel = deps.settings.channels.get(code);
    if (!channel) return void res.status(404).json({ error: 'no LINE channel for this municipality' });
    const body: unknown = req.body;
    if (!Buffer.isBuffer(body) || !verifyLineSignature([channel.channelSecret, ...channel.forwarderSecrets], body, req.headers['x-line-signature'])) {
      return void res.status(401).json({ error: 'invalid signature' });
    }
    let payload;
    try {
      payload = readPayload(JSON.parse(body.toString('utf8')));
    } catch {
      payload = null;
    }
    if (!payload) return void res.status(400).json({ error: 'not a LINE webhook payload' });
    // The console's "Verify" sends no events: answered like any other call.
    deps.queue.enqueue(code, payload.events).then(
      (added) => {
        res.status(200).json({});
        if (added > 0) deps.queued();
      },
      (e: unknown) => {
        console.error(`[yorisoi] line webhook: events could not be queued (${(e as Error).constructor.name})`);
        res.status(500).json({ error: 'not queued; deliver again' });
      },
    );
  };
  return [mark, raw, handle];
}
