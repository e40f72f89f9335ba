import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import PgBoss from 'pg-boss';
import type { Database } from '../db/orm';

// The queue and schema Migration20261204120000_Outreach creates (a module does not import db's migrations;
// test/outreach checks the two agree).
export const OUTREACH_SEND_QUEUE = 'outreach-send';
export const PGBOSS_SCHEMA = 'pgboss';

/**
 * The durable hand-off between "a notice exists" and "a worker sends it" (issue 16).
 *
 * Chosen by test (test/outreach/queue.test.ts and the evaluation in test/bench/RESULTS.md): pg-boss 10
 * runs on PostgreSQL and, through its documented `db` option (an object with executeSql), on the
 * embedded PGlite too; graphile-worker 0.16 runs on PostgreSQL but not on PGlite — it needs a
 * node-postgres Pool speaking the wire protocol, and a Pool look-alike over PGlite fails at once
 * ("cannot insert multiple commands into a prepared statement"). So one library, one interface.
 *
 * The queue carries only notice ids. The notice row (outreach_notice) is the truth: a worker claims it
 * with a conditional UPDATE, so a job delivered twice (pg-boss is at-least-once) finds nothing to do,
 * and a notice whose job was lost (a crash between the notice's commit and the send) is re-enqueued by
 * the sweep in sender.ts. pg-boss's tables are created by the Outreach migration, not at start.
 */
export interface NoticeQueue {
  /** Hands notices to the workers, to run at or after `at` (now when omitted). Never inside a transaction. */
  enqueue(noticeIds: readonly string[], at?: Date): Promise<void>;
  /** Starts `concurrency` polling workers in this process, each taking up to `batchSize` jobs at a time. */
  work(handler: (noticeId: string) => Promise<void>, options?: WorkOptions): Promise<void>;
  /** As work(), but the handler takes each fetched batch whole (NoticeSender.sendMany claims it in one statement). */
  workBatches(handler: (noticeIds: string[]) => Promise<void>, options?: WorkOptions): Promise<void>;
  stop(): Promise<void>;
}

export interface WorkOptions {
  concurrency?: number;
  batchSize?: number;
  pollSeconds?: number;
}

const COMMON: PgBoss.ConstructorOptions = {
  schema: PGBOSS_SCHEMA,
  // The Outreach migration installed the schema; the API's role may not run DDL.
  migrate: false,
  // No cron here; maintenance (expiring stuck jobs, archiving) stays on: it takes an advisory lock, so
  // one of any number of workers does it at a time.
  schedule: false,
  supervise: true,
  maintenanceIntervalSeconds: 60,
};

/**
 * pg-boss over the ORM's PGlite: statements go through the knex pool, whose single slot MikroORM's
 * transactions also hold, so a poll never lands inside someone else's open transaction. The price:
 * enqueue() inside a transaction on PGlite would wait for itself — callers enqueue after commit.
 */
function pgliteDb(em: EntityManager): PgBoss.Db {
  const client = (em.getKnex() as unknown as { client: { acquireConnection(): Promise<PGliteLike>; releaseConnection(c: PGliteLike): Promise<void> } }).client;
  return {
    async executeSql(text: string, values: unknown[]) {
      const conn = await client.acquireConnection();
      try {
        if (values && values.length) return await conn.query(text, values);
        // Without values pg-boss may send several statements at once: PGlite's exec runs them all.
        const results = await conn.exec(text);
        return results[results.length - 1] ?? { rows: [] };
      } finally {
        await client.releaseConnection(conn);
      }
    },
  };
}

interface PGliteLike {
  query(text: string, values: unknown[]): Promise<{ rows: any[] }>;
  exec(text: string): Promise<Array<{ rows: any[] }>>;
}

/**
 * A pg-boss instance with its timekeeper on (cron schedules, nightly.ts), for worker processes only.
 * `fast` checks schedules every second instead of every 30 (tests).
 */
export function schedulingBoss(orm: MikroORM, database: Database, options: { fast?: boolean } = {}): PgBoss {
  const timing: PgBoss.ConstructorOptions = options.fast ? { cronMonitorIntervalSeconds: 1, cronWorkerIntervalSeconds: 1 } : {};
  const common: PgBoss.ConstructorOptions = { ...COMMON, schedule: true, supervise: false, ...timing };
  if (database.kind === 'postgresql') return new PgBoss({ ...common, connectionString: database.url, max: 2, application_name: 'yorisoi-outreach-cron' });
  return new PgBoss({ ...common, db: pgliteDb(orm.em.fork() as EntityManager) });
}

export class PgBossQueue implements NoticeQueue {
  private started: Promise<PgBoss> | null = null;
  private readonly workerIds: string[] = [];

  private constructor(private readonly boss: PgBoss) {
    // pg-boss reports polling errors as events; a lost connection is retried by its next poll. The
    // message may carry SQL but never a person's data (jobs hold notice ids only).
    boss.on('error', (e) => console.error(`outreach queue: ${(e as Error).message}`));
  }

  static for(orm: MikroORM, database: Database, options: { poolSize?: number } = {}): PgBossQueue {
    if (database.kind === 'postgresql')
      return new PgBossQueue(new PgBoss({ ...COMMON, connectionString: database.url, max: options.poolSize ?? 4, application_name: 'yorisoi-outreach' }));
    return new PgBossQueue(new PgBoss({ ...COMMON, db: pgliteDb(orm.em.fork() as EntityManager) }));
  }

  private start(): Promise<PgBoss> {
    return (this.started ??= this.boss.start());
  }

  async enqueue(noticeIds: readonly string[], at?: Date): Promise<void> {
    if (noticeIds.length === 0) return;
    const boss = await this.start();
    const startAfter = at && at.getTime() > Date.now() ? at : undefined;
    // insert() is one statement for many jobs (the re-screening queues thousands at a time).
    for (let i = 0; i < noticeIds.length; i += 1000) {
      await boss.insert(
        noticeIds.slice(i, i + 1000).map((id) => ({ name: OUTREACH_SEND_QUEUE, data: { noticeId: id }, ...(startAfter ? { startAfter } : {}) })),
      );
    }
    // Wake this process's workers now rather than at their next poll.
    if (!startAfter) for (const id of this.workerIds) boss.notifyWorker(id);
  }

  async work(handler: (noticeId: string) => Promise<void>, options: WorkOptions = {}): Promise<void> {
    await this.workBatches(async (ids) => {
      // One job's failure must not fail the others of its batch (they would be sent again).
      const results = await Promise.allSettled(ids.map((id) => handler(id)));
      const failed = results.find((r) => r.status === 'rejected');
      if (failed) throw (failed as PromiseRejectedResult).reason;
    }, options);
  }

  async workBatches(handler: (noticeIds: string[]) => Promise<void>, options: WorkOptions = {}): Promise<void> {
    const boss = await this.start();
    for (let i = 0; i < (options.concurrency ?? 1); i++) {
      // A thrown handler fails the whole batch's jobs; pg-boss retries them, and the notices already
      // finished are not claimable again (sender.ts), so only the unfinished ones are sent again.
      const id = await boss.work<{ noticeId: string }>(
        OUTREACH_SEND_QUEUE,
        { batchSize: options.batchSize ?? 10, pollingIntervalSeconds: options.pollSeconds ?? 2 },
        async (jobs) => handler(jobs.map((job) => job.data.noticeId)),
      );
      this.workerIds.push(id);
    }
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    const boss = await this.started;
    await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    this.started = null;
  }
}
