import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { sealBatch } from './audit-seal';

/** The canonical lines of a request's entries per municipality, in the order of its JSON elements. */
export type CanonicalLines = Map<string, string[]>;

/** Seals for one call: municipality code → seal of that municipality's batch (audit-seal.ts). */
export type Sealer = (lines: CanonicalLines) => Record<string, string>;

interface Waiting {
  /** The request's entries as JSON array elements, without the brackets. */
  json: string;
  /** How many record references they hold (what a call's size grows with). */
  count: number;
  lines: CanonicalLines | undefined;
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
 * municipality; the chain and audit_verify are as before, and each batch carries the seal of its
 * entries (audit-seal.ts), computed here for the call's merged entries.
 */
export class AuditAppender {
  private queue: Waiting[] = [];
  private running = false;

  constructor(
    private readonly call: (entriesJson: string, sealsJson: string | null) => Promise<unknown>,
    private readonly sealer?: Sealer,
  ) {}

  /** `lines`: the entries' canonical text per municipality, for the seal (audit-collector.ts). */
  append(json: string, count: number, lines?: CanonicalLines): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ json, count, lines, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private take(): Waiting[] {
    let n = 0;
    let entries = 0;
    while (n < this.queue.length && (n === 0 || entries + this.queue[n]!.count <= MAX_RECORDS_PER_CALL)) entries += this.queue[n++]!.count;
    return this.queue.splice(0, n);
  }

  /** One call's entries and seals: audit_append makes one batch per municipality of the call, entries in array order. */
  private send(group: Waiting[]): Promise<unknown> {
    const json = `[${group.map((w) => w.json).join(',')}]`;
    if (!this.sealer) return this.call(json, null);
    const merged: CanonicalLines = new Map();
    for (const w of group) {
      for (const [code, lines] of w.lines ?? []) {
        const into = merged.get(code);
        if (into) into.push(...lines);
        else merged.set(code, [...lines]);
      }
    }
    return this.call(json, JSON.stringify(this.sealer(merged)));
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.queue.length > 0) {
        const group = this.take();
        try {
          await this.send(group);
          for (const w of group) w.resolve();
        } catch (e) {
          if (group.length === 1) {
            group[0]!.reject(e);
            continue;
          }
          for (const w of group) {
            try {
              await this.send([w]);
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
const keys = new WeakMap<object, string>();

/** The key the appender seals batches with, for this database (createApp; the key never goes to the database). */
export function useAuditKey(orm: MikroORM, key: string): void {
  const knex = (orm.em as unknown as EntityManager).getKnex();
  if (keys.has(knex) && keys.get(knex) !== key) throw new Error('The audit key of a database cannot change while it is open.');
  keys.set(knex, key);
}

export function auditAppenderFor(em: EntityManager): AuditAppender {
  const knex = em.getKnex();
  let appender = appenders.get(knex);
  if (!appender) {
    const key = keys.get(knex);
    // Unsealed batches read as forged (audit-verifier.ts): refuse rather than write them.
    if (!key) throw new Error('No audit key for this database (createApp sets it).');
    const sealer: Sealer = (lines) => Object.fromEntries([...lines].map(([code, l]) => [code, sealBatch(key, code, l)]));
    // Bound parameters (not inlined into the SQL text); autocommit, so resolved means committed.
    appender = new AuditAppender((json, seals) => knex.raw('select audit_append(?::jsonb, ?::jsonb) as n', [json, seals]), sealer);
    appenders.set(knex, appender);
  }
  return appender;
}
