import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

/** What changed; each topic's payload is small JSON (PostgreSQL's NOTIFY payload limit is 8000 bytes). */
export type ChangeTopic = 'revoked-token' | 'municipality' | 'programme-settings' | 'access-policy';
type Handler = (payload: Record<string, unknown>) => void;

const CHANNEL = 'yorisoi_change';
const RECONNECT_MS = 1000;

/**
 * The change feed that keeps what API processes hold in memory — signed-out tokens, the municipalities'
 * allowed origins — the same across replicas (README: Scaling). A change is applied in this process at
 * once and announced to the others through PostgreSQL's LISTEN/NOTIFY on one connection per process.
 *
 * Delivery is fast (milliseconds) but not guaranteed: a replica whose listening connection dropped
 * misses what was sent meanwhile. So every cache also keeps its own bound — revocations re-read the
 * table every second, origins every minute — and on reconnecting the feed tells every cache to
 * forget (`onResync`). Embedded (PGlite) there is one process: the feed is local only.
 */
export class ChangeFeed {
  private readonly handlers = new Map<string, Set<Handler>>();
  private readonly resync = new Set<() => void>();
  /** This process: its own announcements come back through LISTEN and are skipped. */
  readonly origin = randomUUID();
  private client: Client | null = null;
  private closed = false;
  private connecting: Promise<void> | null = null;

  private constructor(private readonly url: string | null) {}

  /** Local only (embedded, tests of one process). */
  static local(): ChangeFeed {
    return new ChangeFeed(null);
  }

  /** Shared through the PostgreSQL server at `url`; resolves once listening. */
  static async shared(url: string): Promise<ChangeFeed> {
    const feed = new ChangeFeed(url);
    await feed.connect();
    return feed;
  }

  get isShared(): boolean {
    return this.url !== null;
  }

  on(topic: ChangeTopic, handler: Handler): void {
    let set = this.handlers.get(topic);
    if (!set) this.handlers.set(topic, (set = new Set()));
    set.add(handler);
  }

  /** Called when announcements may have been missed (the listening connection was re-established). */
  onResync(handler: () => void): void {
    this.resync.add(handler);
  }

  /** Applies the change here now, then tells the other processes (never throws: their own bounds cover a lost message). */
  async publish(topic: ChangeTopic, payload: Record<string, unknown> = {}): Promise<void> {
    this.deliver(topic, payload);
    if (!this.client) return;
    try {
      await this.client.query('select pg_notify($1, $2)', [CHANNEL, JSON.stringify({ o: this.origin, t: topic, p: payload })]);
    } catch {
      // The connection is down; it reconnects and the others fall back on their refresh bounds.
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const c = this.client;
    this.client = null;
    await c?.end().catch(() => undefined);
  }

  private deliver(topic: string, payload: Record<string, unknown>): void {
    for (const h of this.handlers.get(topic) ?? []) {
      try {
        h(payload);
      } catch {
        // One cache's failure must not stop the others.
      }
    }
  }

  private connect(): Promise<void> {
    this.connecting ??= (async () => {
      const client = new Client({ connectionString: this.url!, application_name: 'yorisoi-change-feed' });
      client.on('notification', (msg) => {
        if (msg.channel !== CHANNEL || !msg.payload) return;
        try {
          const m = JSON.parse(msg.payload) as { o: string; t: string; p: Record<string, unknown> };
          if (m.o !== this.origin) this.deliver(m.t, m.p ?? {});
        } catch {
          // Not ours.
        }
      });
      client.on('error', () => this.reconnectLater(client));
      client.on('end', () => this.reconnectLater(client));
      await client.connect();
      await client.query(`listen ${CHANNEL}`);
      if (this.closed) {
        await client.end();
        return;
      }
      this.client = client;
    })().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private reconnectLater(dead: Client): void {
    if (this.closed || this.client !== dead) return;
    this.client = null;
    const attempt = () => {
      if (this.closed) return;
      this.connect().then(
        () => this.resync.forEach((h) => h()),
        () => setTimeout(attempt, RECONNECT_MS).unref(),
      );
    };
    setTimeout(attempt, RECONNECT_MS).unref();
  }
}
