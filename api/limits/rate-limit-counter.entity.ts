import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A rate-limit window (api/limits/rate-limits.ts writes it with one upsert, not through the ORM; the
 * entity keeps the schema check honest). The table is UNLOGGED (migration Migration20261203110000).
 */
@Entity({ tableName: 'rate_limit_counter' })
export class RateLimitCounter {
  /** HMAC of the limit's name and the client address or account: never the address itself. */
  @PrimaryKey({ type: 'string', length: 64 })
  key!: string;

  /** Window start, milliseconds since the epoch. */
  @Property({ type: 'bigint' })
  windowStart!: string;

  @Property({ type: 'bigint', index: true })
  expiresAt!: string;

  @Property({ type: 'integer' })
  count!: number;
}
