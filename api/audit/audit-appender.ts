import type { EntityManager } from '@mikro-orm/postgresql';

interface Waiting {
  /** The request's entries as JSON array elements, without the brackets. */
  json: string;
  /** How many record references they hold (what a call's size grows with). */
  count: number;
  resolve(): void;
  reject(error: unknown): void;
}

/** Record references in one audit_append call at most (a parameter of about 100 kB). */
const MAX_RECORDS_PER_CALL = 2_000;

/**
 * Group commit for the audit log. audit_append locks the municipality's chain head until its
 * transaction commits, so appends of one municipality run one after another, each waiting for its
 * own WAL flush: alone, that capped every audited operation at ~75 requests/s on the benchmark
 * machine (test/bench/RESULTS.md), whatever the CPU. Here, while one call is in flight, the entries
 * of requests that finish meanwhile wait and go in the next call together — one lock, one commit.
 *
 * Nothing changes for a request: `append` resolves only after the call that carries its entries
 * has committed, and rejects if it did not (the response is then withheld, audit.plugin.ts).
 * If a shared call fails, each request's entries are tried again on their own, so one request's
 * failure never withholds another's response. Entries of one call form one hash-chained batch per
 * municipality; the chain and audit_verify are as before.
 */
export class AuditAppender {
  private queue: Waiting[] = [];
  private running = false;

  constructor(private readonly call: (entriesJson: string) => Promise<unknown>) {}

  append(json: string, count: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ json, count, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private take(): Waiting[] {
    let n = 0;
    let entries = 0;
    while (n < this.queue.length && (n === 0 || entries + this.queue[n]!.count <= MAX_RECORDS_PER_CALL)) entries += this.queue[n++]!.count;
    return this.queue.splice(0, n);
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.queue.length > 0) {
        const group = this.take();
        try {
          await this.call(`[${group.map((w) => w.json).join(',')}]`);
          for (const w of group) w.resolve();
        } catch (e) {
          if (group.length === 1) {
            group[0]!.reject(e);
            continue;
          }
          for (const w of group) {
            try {
              await this.call(`[${w.json}]`);
              w.resolve();
            } catch (alone) {
              w.reject(alone);
            }
          }
        }
      }
    } finally {
      this.running = false;
    }
  }
}

/** One appender per database (all EntityManager forks of an ORM share its knex instance). */
const appenders = new WeakMap<object, AuditAppender>();

export function auditAppenderFor(em: EntityManager): AuditAppender {
  const knex = em.getKnex();
  let appender = appenders.get(knex);
  if (!appender) {
    // Bound parameter (not inlined into the SQL text); autocommit, so resolved means committed.
    appender = new AuditAppender((json) => knex.raw('select audit_append(?::jsonb) as n', [json]));
    appenders.set(knex, appender);
  }
  return appender;
}
