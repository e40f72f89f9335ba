import type { MikroORM } from '@mikro-orm/core';
import { Municipality } from '../municipality/municipality.entity';

/**
 * The CMS origins municipalities allow (Municipality.allowedOrigins), for CORS on the public
 * widget API. Read from the database at most once a minute per process.
 */
export class MunicipalOrigins {
  private origins = new Set<string>();
  private loadedAt = 0;
  private pending: Promise<void> | null = null;

  constructor(private readonly orm: MikroORM, private readonly ttlMs = 60_000) {}

  async has(origin: string): Promise<boolean> {
    if (Date.now() - this.loadedAt > this.ttlMs) {
      this.pending ??= this.orm.em
        .fork()
        .find(Municipality, {}, { fields: ['allowedOrigins'] })
        .then((rows) => {
          this.origins = new Set(rows.flatMap((m) => m.allowedOrigins));
          this.loadedAt = Date.now();
        })
        .finally(() => {
          this.pending = null;
        });
      await this.pending;
    }
    return this.origins.has(origin);
  }
}
