import type { EntityManager } from '@mikro-orm/postgresql';
import type { ChangeFeed } from '../db';

/**
 * The set of signed-out token ids, kept in memory so that checking a token costs no query.
 * A logout in this process takes effect at once; in the other API processes as soon as the change
 * feed delivers it (milliseconds), and in any case within a second: the table is re-read lazily, at
 * most once a second, for rows signed out since the last read — by the database's clock, so replicas
 * whose clocks differ miss nothing.
 */
export class RevocationList {
  private readonly revoked = new Map<string, number>();
  private refreshedAt = 0;
  /** The database's time of the last read, less a second of overlap; null before the first read. */
  private since: Date | null = null;
  private pending: Promise<void> | null = null;

  constructor(
    private readonly refreshMs = 1000,
    private readonly feed: ChangeFeed | null = null,
  ) {
    feed?.on('revoked-token', (p) => {
      if (typeof p.jti === 'string' && typeof p.exp === 'number') this.revoked.set(p.jti, p.exp);
    });
    // Announcements may have been lost: read the whole table again on the next check.
    feed?.onResync(() => {
      this.refreshedAt = 0;
      this.since = null;
    });
  }

  /** After the revocation is committed: here at once, and announced to the other processes. */
  add(jti: string, expiresAt: Date): void {
    this.revoked.set(jti, expiresAt.getTime());
    void this.feed?.publish('revoked-token', { jti, exp: expiresAt.getTime() });
  }

  async isRevoked(em: EntityManager, jti: string): Promise<boolean> {
    if (Date.now() - this.refreshedAt >= this.refreshMs) await this.refresh(em);
    return this.revoked.has(jti);
  }

  private refresh(em: EntityManager): Promise<void> {
    this.pending ??= (async () => {
      // One statement gives the rows and the database's clock (also when there are no rows).
      const rows = await em
        .getConnection()
        .execute<{ db_now: Date | string; jti: string | null; expires_at: Date | string | null }[]>(
          `select now() as db_now, t.jti, t.expires_at from (select 1) as one left join revoked_token t on t.revoked_at >= ?`,
          [this.since ?? new Date(0)],
        );
      for (const row of rows) if (row.jti && row.expires_at) this.revoked.set(row.jti, new Date(row.expires_at).getTime());
      const now = Date.now();
      for (const [jti, exp] of this.revoked) if (exp < now) this.revoked.delete(jti);
      // Overlap by a second so a row committed while we read (revoked_at is its transaction's start) is not missed.
      this.since = new Date(new Date(rows[0]!.db_now).getTime() - 1000);
      this.refreshedAt = now;
    })().finally(() => {
      this.pending = null;
    });
    return this.pending;
  }
}
