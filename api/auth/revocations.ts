import type { EntityManager } from '@mikro-orm/postgresql';
import { RevokedToken } from './revoked-token.entity';

/**
 * The set of signed-out token ids, kept in memory so that checking a token costs no query.
 * A logout in this process takes effect at once; one in another process is picked up by a lazy
 * refresh, at most once a second (documented: up to a second of delay across processes).
 */
export class RevocationList {
  private readonly revoked = new Map<string, number>();
  private refreshedAt = 0;
  private since = new Date(0);
  private pending: Promise<void> | null = null;

  constructor(private readonly refreshMs = 1000) {}

  add(jti: string, expiresAt: Date): void {
    this.revoked.set(jti, expiresAt.getTime());
  }

  async isRevoked(em: EntityManager, jti: string): Promise<boolean> {
    if (Date.now() - this.refreshedAt >= this.refreshMs) await this.refresh(em);
    return this.revoked.has(jti);
  }

  private refresh(em: EntityManager): Promise<void> {
    this.pending ??= (async () => {
      const started = new Date();
      const rows = await em.find(RevokedToken, { revokedAt: { $gte: this.since } }, { fields: ['jti', 'expiresAt'] });
      for (const row of rows) this.revoked.set(row.jti, row.expiresAt.getTime());
      const now = Date.now();
      for (const [jti, exp] of this.revoked) if (exp < now) this.revoked.delete(jti);
      // Overlap by a second so a row committed while we read is not missed.
      this.since = new Date(started.getTime() - 1000);
      this.refreshedAt = now;
    })().finally(() => {
      this.pending = null;
    });
    return this.pending;
  }
}
