import type { EntityManager } from '@mikro-orm/postgresql';
import { keyringOf } from '../crypto';
import { decrypt } from '../crypto';
import { maskPersonalData } from '../chat';
import type { LineEvent } from './events';

/** One webhook event waiting to be handled. */
export interface QueuedLineEvent {
  id: string;
  municipalityCode: string;
  event: LineEvent;
  attempts: number;
}

/**
 * Where acknowledged webhook events wait for the bot. An interface so that the outreach lane's general
 * queue can take this job later; the table below is the minimal durable version (api/line only).
 */
export interface LineEventQueue {
  /** Stores the events not seen before (by webhookEventId, per municipality); returns how many were new. */
  enqueue(municipalityCode: string, events: readonly LineEvent[]): Promise<number>;
  /** Takes up to `n` events due now, leased for LEASE_SECONDS (a process that dies leaves them to another). */
  claim(n: number): Promise<QueuedLineEvent[]>;
  /** Handled: the content is erased, the id stays (for deduplication) until pruned. */
  done(id: string): Promise<void>;
  /** Not handled: tried again later, at most MAX_ATTEMPTS times. */
  retry(id: string, attempts: number): Promise<void>;
}

export const LEASE_SECONDS = 60;
export const MAX_ATTEMPTS = 5;
/** Handled events' ids are kept this long: LINE redelivers within a day, so a week is ample. */
export const KEEP_IDS_DAYS = 7;

/**
 * What is kept of an event while it waits: only the fields the bot reads, the text masked as the web
 * chat masks it (api/chat/masking.ts) and the whole sealed with the data key (api/crypto). Images,
 * stickers and any other content are never fetched or kept.
 */
function kept(event: LineEvent): LineEvent {
  const text = event.message?.type === 'text' && typeof event.message.text === 'string' ? maskPersonalData(event.message.text.slice(0, 2_000)) : undefined;
  return {
    type: event.type,
    mode: event.mode,
    timestamp: event.timestamp,
    source: event.source ? { type: event.source.type, userId: event.source.userId } : undefined,
    webhookEventId: event.webhookEventId,
    deliveryContext: { isRedelivery: event.deliveryContext?.isRedelivery === true },
    replyToken: event.replyToken,
    message: event.message ? { type: event.message.type, text } : undefined,
    postback: event.postback ? { data: typeof event.postback.data === 'string' ? event.postback.data.slice(0, 300) : undefined } : undefined,
    link: event.link ? { result: event.link.result, nonce: event.link.nonce } : undefined,
  };
}

/** The queue as a table (line_event, migration LineChannel). */
/** The channel a separate worker process listens on (server/line-worker.ts). */
export const LINE_NOTIFY_CHANNEL = 'yorisoi_line_event';

export class TableLineEventQueue implements LineEventQueue {
  constructor(private readonly em: () => EntityManager) {}

  async enqueue(municipalityCode: string, events: readonly LineEvent[]): Promise<number> {
    if (events.length === 0) return 0;
    const em = this.em();
    const keyring = keyringOf(em.getPlatform());
    const values = events.map(() => '(?, ?, ?)').join(', ');
    const params = events.flatMap((e) => [municipalityCode, e.webhookEventId, keyring.encrypt(JSON.stringify(kept(e)))]);
    // One statement for the whole call; a redelivered event already here adds nothing.
    // No NOTIFY in this statement: PostgreSQL serialises the commits of transactions that notify (a
    // global lock held through the WAL flush); a separate worker is woken after the answer (index.ts).
    const rows = await em.execute<{ id: string }[]>(
      `insert into line_event (municipality_code, webhook_event_id, payload) values ${values} on conflict (municipality_code, webhook_event_id) do nothing returning id`,
      params,
    );
    return rows.length;
  }

  async claim(n: number): Promise<QueuedLineEvent[]> {
    const rows = await this.em().execute<{ id: string | number; municipality_code: string; payload: string; attempts: number }[]>(
      `update line_event set attempts = attempts + 1, available_at = now() + interval '${LEASE_SECONDS} seconds'
        where id in (select id from line_event where status = 'queued' and available_at <= now() order by id limit ? for update skip locked)
        returning id, municipality_code, payload, attempts`,
      [n],
    );
    return rows
      .map((r) => ({ id: String(r.id), municipalityCode: r.municipality_code, event: JSON.parse(decrypt(r.payload)) as LineEvent, attempts: r.attempts }))
      .sort((a, b) => Number(a.id) - Number(b.id));
  }

  async done(id: string): Promise<void> {
    await this.em().execute(`update line_event set status = 'done', payload = '', done_at = now() where id = ?`, [id], 'run');
  }

  async retry(id: string, attempts: number): Promise<void> {
    if (attempts >= MAX_ATTEMPTS) {
      await this.em().execute(`update line_event set status = 'failed', payload = '', done_at = now() where id = ?`, [id], 'run');
      return;
    }
    // Backing off: 2, 4, 8, 16 seconds.
    await this.em().execute(`update line_event set available_at = now() + (? * interval '1 second') where id = ?`, [2 ** attempts, id], 'run');
  }

  /** Forgets handled events older than KEEP_IDS_DAYS. */
  async prune(): Promise<number> {
    const rows = await this.em().execute<{ id: string }[]>(
      `delete from line_event where status <> 'queued' and done_at < now() - interval '${KEEP_IDS_DAYS} days' returning id`,
    );
    return rows.length;
  }
}
