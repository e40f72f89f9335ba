import { createHmac } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { rawQuery } from '../db';

/** One limit, as the services use it: true when the call is allowed (and counted). */
export interface RateLimit {
  take(subject: string): Promise<boolean>;
}

/** How often (at most) a process deletes counters whose window has passed. */
const SWEEP_EVERY_MS = 60_000;

const TAKE = `insert into rate_limit_counter as r (key, window_start, expires_at, count) values (?, ?, ?, 1)
  on conflict (key) do update set
    count = case when r.window_start = excluded.window_start then r.count + 1 else 1 end,
    window_start = excluded.window_start, expires_at = excluded.expires_at
  returning count`;

/**
 * Fixed-window counters in the database (the UNLOGGED table rate_limit_counter), so every API
 * process behind a load balancer counts the same client together: one round trip per counted call,
 * an upsert on the primary key. The client address (or account) is never stored: the key is an
 * HMAC with a key derived from AUTH_SECRET, which every replica shares and the database does not hold.
 */
export class SharedRateLimits {
  private readonly hmacKey: Buffer;
  private lastSweep = 0;

  constructor(
    private readonly orm: MikroORM,
    secret: string,
    private readonly now: () => number = Date.now,
  ) {
    this.hmacKey = createHmac('sha256', secret).update('yorisoi rate-limit keys').digest();
  }

  /** A limit of `limit` calls per `windowMs` per subject, under its own name. */
  limit(name: string, limit: number, windowMs = 60_000): RateLimit {
    return { take: (subject) => this.take(name, subject, limit, windowMs) };
  }

  async take(name: string, subject: string, limit: number, windowMs: number): Promise<boolean> {
    const now = this.now();
    const start = Math.floor(now / windowMs) * windowMs;
    const key = createHmac('sha256', this.hmacKey).update(`${name}\n${subject}`).digest('base64url');
    const em = this.orm.em.fork() as EntityManager;
    const [row] = await rawQuery<{ count: number }>(em, TAKE, [key, start, start + windowMs]);
    if (now - this.lastSweep > SWEEP_EVERY_MS) {
      this.lastSweep = now;
      // Not awaited: the caller's answer does not wait for housekeeping.
      void rawQuery(em, 'delete from rate_limit_counter where expires_at < ?', [now]).catch(() => undefined);
    }
    return Number(row?.count ?? 1) <= limit;
  }
}
