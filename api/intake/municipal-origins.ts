import type { MikroORM } from '@mikro-orm/core';
import type { ChangeFeed } from '../db';
import { Municipality } from '../municipality';

type MunicipalityFacts = Pick<Municipality, 'code' | 'name' | 'allowedOrigins' | 'privacyNotice'>;

/**
 * Municipalities as the public widget API needs them — code, name and the CMS origins they allow
 * (CORS, and the origin check of submitIntake) — read from the database at most once a minute per
 * process, so anonymous traffic costs no look-up per request. A change made through this process
 * (addAllowedOrigin, removeAllowedOrigin) calls `invalidate`, so it holds from the next request on;
 * other processes forget theirs when the change feed tells them (milliseconds), and within a minute
 * in any case.
 */
export class MunicipalOrigins {
  private byCode = new Map<string, MunicipalityFacts>();
  private origins = new Set<string>();
  private loadedAt = 0;
  private pending: Promise<void> | null = null;
  /** Bumped by invalidate(): a read that started before a change must not be taken for fresh. */
  private generation = 0;

  constructor(
    private readonly orm: MikroORM,
    private readonly ttlMs = 60_000,
    private readonly feed: ChangeFeed | null = null,
  ) {
    feed?.on('municipality', () => this.forget());
    feed?.onResync(() => this.forget());
  }

  private async fresh(): Promise<void> {
    if (Date.now() - this.loadedAt <= this.ttlMs) return;
    const generation = this.generation;
    const read = (this.pending ??= this.orm.em
      .fork()
      .find(Municipality, {}, { fields: ['code', 'name', 'allowedOrigins', 'privacyNotice'] })
      .then((rows) => {
        if (generation !== this.generation) return;
        this.byCode = new Map(
          rows.map((m) => [m.code, { code: m.code, name: m.name, allowedOrigins: m.allowedOrigins, privacyNotice: m.privacyNotice ?? null }]),
        );
        this.origins = new Set(rows.flatMap((m) => m.allowedOrigins));
        this.loadedAt = Date.now();
      })
      .finally(() => {
        if (this.pending === read) this.pending = null;
      }));
    await read;
    // Invalidated while reading: read again (what was read may predate the change).
    if (generation !== this.generation) await this.fresh();
  }

  /** Forget what was read (after a municipality's settings change in this process), here and in the other processes. */
  invalidate(): void {
    this.forget();
    void this.feed?.publish('municipality');
  }

  /** Forget what was read, in this process only. */
  forget(): void {
    this.generation++;
    this.loadedAt = 0;
    this.pending = null;
  }

  async has(origin: string): Promise<boolean> {
    await this.fresh();
    return this.origins.has(origin);
  }

  async get(code: string): Promise<MunicipalityFacts | null> {
    await this.fresh();
    if (!this.byCode.has(code) && Date.now() - this.loadedAt > 5_000) {
      // A municipality added since the last read: look once more (at most every 5 s) before saying no.
      this.invalidate();
      await this.fresh();
    }
    return this.byCode.get(code) ?? null;
  }
}
