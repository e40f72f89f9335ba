import type { LineEventQueue, QueuedLineEvent } from './event-queue';

/** The longest an event waits for acknowledgements under way before it is handled anyway. */
export const MAX_YIELD_MS = 200;

export interface LineWorkerOptions {
  /** How often the queue is looked at when nothing woke the worker (events of another process, retries). */
  pollMs?: number;
  batch?: number;
  /**
   * Users handled side by side (default 4). Bounded so the worker never holds more than a few of the
   * process's 10 database connections: the webhook's acknowledgement needs one at once, whatever the backlog.
   */
  concurrency?: number;
  /** An event that speaks of danger (LineBot.isUrgent): its user's events are handled first, without yielding. */
  urgent?: (event: QueuedLineEvent) => boolean;
}

/**
 * Drains the event queue in this process: woken by the webhook right after it answers, and polling
 * for what other processes left or what is due again. Events of one LINE user are handled in order,
 * different users side by side (a conversation's steps must not overtake each other).
 */
export class LineWorker {
  private running: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  /** Webhook calls being answered now (webhook.ts): the bot's work waits for them. */
  private acknowledging = 0;
  private ackWaiters: (() => void)[] = [];

  constructor(
    private readonly queue: LineEventQueue,
    private readonly handle: (event: QueuedLineEvent) => Promise<void>,
    private readonly options: LineWorkerOptions = {},
  ) {}

  start(): this {
    this.timer = setInterval(() => this.wake(), this.options.pollMs ?? 2_000);
    this.timer.unref();
    return this;
  }

  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
  }

  /**
   * The webhook marks each call it is answering. The acknowledgement has priority over the bot's work:
   * on a busy machine, handling queued events (the chat engine's CPU, database connections) must not
   * delay the 200 LINE waits for — the events are safe in the queue and handled a moment later.
   */
  acknowledgementStarted(): void {
    this.acknowledging += 1;
  }

  acknowledgementDone(): void {
    this.acknowledging = Math.max(0, this.acknowledging - 1);
    if (this.acknowledging === 0) for (const w of this.ackWaiters.splice(0)) w();
  }

  /** Waits while acknowledgements are under way, at most MAX_YIELD_MS (the queue must still move under steady traffic). */
  private yieldToAcknowledgements(): Promise<void> {
    if (this.acknowledging === 0) return new Promise((r) => setImmediate(r));
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, MAX_YIELD_MS);
      this.ackWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Resolves when nothing is being handled (tests; stopping). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.idle();
  }

  private async drain(): Promise<void> {
    try {
      for (;;) {
        const batch = await this.queue.claim(this.options.batch ?? 20);
        if (batch.length === 0) return;
        const byUser = new Map<string, QueuedLineEvent[]>();
        for (const e of batch) {
          const key = `${e.municipalityCode}:${e.event.source?.userId ?? e.id}`;
          byUser.set(key, [...(byUser.get(key) ?? []), e]);
        }
        // Danger first: users with a danger message jump a backlog (their own events stay in order), so
        // the safety reply goes out while the reply token is still good (bot.ts, REPLY_WINDOW_MS).
        const urgent = this.options.urgent ?? (() => false);
        const all = [...byUser.values()];
        const groups = [...all.filter((g) => g.some(urgent)), ...all.filter((g) => !g.some(urgent))];
        const lanes = Math.min(this.options.concurrency ?? 4, groups.length);
        await Promise.all(
          Array.from({ length: lanes }, async () => {
            for (let g = groups.shift(); g; g = groups.shift()) await this.inOrder(g);
          }),
        );
        if (this.stopped) return;
      }
    } catch (e) {
      // The queue itself failed (database away): the next poll tries again. Nothing of an event is logged.
      console.error(`[yorisoi] line: the event queue could not be read (${(e as Error).constructor.name})`);
    }
  }

  private async inOrder(events: QueuedLineEvent[]): Promise<void> {
    const urgent = events.some((e) => this.options.urgent?.(e) === true);
    for (const e of events) {
      if (!urgent) await this.yieldToAcknowledgements();
      try {
        await this.handle(e);
        await this.queue.done(e.id);
      } catch (err) {
        console.error(`[yorisoi] line: an event could not be handled, attempt ${e.attempts} (${(err as Error).constructor.name})`);
        await this.queue.retry(e.id, e.attempts).catch(() => undefined);
      }
    }
  }
}
