import { Migration } from '@mikro-orm/migrations';

/**
 * Rate-limit counters shared by every API process (issue 14: limits that all replicas see). One row
 * per (limit, client) and fixed window; the key is an HMAC of the client address or account, so no
 * address is stored. UNLOGGED: counters are not worth a WAL write, and losing them in a crash only
 * resets the windows. Rows past their window are deleted by the API now and then (api/limits/rate-limits.ts).
 */
export class Migration20261203110000_RateLimitCounter extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create unlogged table "rate_limit_counter" ("key" varchar(64) not null, "window_start" bigint not null, "expires_at" bigint not null, "count" integer not null, constraint "rate_limit_counter_pkey" primary key ("key"));`,
    );
    this.addSql(`create index "rate_limit_counter_expires_at_index" on "rate_limit_counter" ("expires_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "rate_limit_counter";`);
  }
}
