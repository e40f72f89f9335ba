import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import PgBoss from 'pg-boss';
import { todayInJapan } from '../core';
import { rawQuery } from '../db';
import type { Catalogue } from '../programme';
import type { ApprovalPolicy } from './notices';
import type { NoticeQueue } from './queue';
import { rescreenForOutreach, type RescreenSummary } from './rescreen-trigger';

/** The queue the nightly re-screening's jobs go through (created by Migration20261206200000_OutreachCampaigns). */
export const OUTREACH_RESCREEN_QUEUE = 'outreach-rescreen';
export const NIGHTLY_TIMEZONE = 'Asia/Tokyo';

/** pg-boss's cron for "every day at `hour`:00" (read in NIGHTLY_TIMEZONE). */
export function nightlyCron(hour: number): string {
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new Error('OUTREACH_NIGHTLY_HOUR is a whole hour 0–23 (Japan time), or "off"');
  return `0 ${hour} * * *`;
}

export interface NightlyDeps {
  orm: MikroORM;
  queue: NoticeQueue;
  catalogue: () => Catalogue;
  approval: ApprovalPolicy;
  now?: () => Date;
}

export interface NightlyRun {
  municipalityCode: string;
  day: string;
  /** False when this municipality's run of the day had already happened (or is under way elsewhere). */
  ran: boolean;
  summary: RescreenSummary | null;
}

/**
 * The nightly re-screening (issue 16: life events — a child reaching an age, the 現況届 window, the
 * 15-day rule — change what fits without anyone editing the record): every municipality's records,
 * once per Japan day. The day's row in outreach_rescreen_run is taken first, so a second firing the same
 * day (another worker, a retried job, a second schedule) does nothing; a run that died without finishing
 * may be taken again after two hours. Findings become candidates as after a parameter change
 * (rescreen-trigger.ts: only changes, each once per record, trigger, programme and fiscal year).
 */
export async function runNightly(deps: NightlyDeps): Promise<NightlyRun[]> {
  const em = deps.orm.em.fork() as EntityManager;
  const now = deps.now?.() ?? new Date();
  const day = todayInJapan(now);
  const out: NightlyRun[] = [];
  for (const { code } of await rawQuery<{ code: string }>(em, `select code from municipality order by code`, [])) {
    const [taken] = await rawQuery<{ day: string }>(
      em,
      `insert into outreach_rescreen_run (municipality_code, day, started_at) values (?, ?::date, ?)
       on conflict (municipality_code, day) do update set started_at = excluded.started_at
         where outreach_rescreen_run.finished_at is null and outreach_rescreen_run.started_at < ?
       returning day`,
      [code, day, now, new Date(now.getTime() - 2 * 3_600_000)],
    );
    if (!taken) {
      out.push({ municipalityCode: code, day, ran: false, summary: null });
      continue;
    }
    const summary = await rescreenForOutreach(em, deps.queue, {
      municipalityCode: code,
      trigger: 'nightly',
      asOf: day,
      catalogue: deps.catalogue(),
      approval: deps.approval,
    });
    await rawQuery(em, `update outreach_rescreen_run set finished_at = ?, summary = ?::jsonb where municipality_code = ? and day = ?::date`, [
      new Date(),
      JSON.stringify(summary),
      code,
      day,
    ]);
    out.push({ municipalityCode: code, day, ran: true, summary });
  }
  return out;
}

/**
 * The schedule in pg-boss (its cron, kept in pgboss.schedule, read in Japan time) and a worker for the
 * jobs it sends. pg-boss's timekeeper runs in every worker process but sends each due schedule once
 * (it takes pgboss.version.cron_on first, and the job has a one-minute singleton key); runNightly makes
 * a repeat harmless anyway. A pg-boss instance of its own, so that API processes (which only enqueue)
 * run no timekeeper.
 */
export class NightlySchedule {
  private readonly boss: PgBoss;
  private started = false;

  constructor(
    boss: PgBoss,
    private readonly deps: NightlyDeps,
  ) {
    this.boss = boss;
    boss.on('error', (e) => console.error(`outreach nightly: ${(e as Error).message}`));
  }

  /** Starts the timekeeper, (re)writes the schedule at `cron` (nightlyCron(hour)) and works its jobs. */
  async start(cron: string): Promise<void> {
    await this.boss.start();
    this.started = true;
    await this.boss.schedule(OUTREACH_RESCREEN_QUEUE, cron, {}, { tz: NIGHTLY_TIMEZONE });
    await this.boss.work(OUTREACH_RESCREEN_QUEUE, { pollingIntervalSeconds: 2 }, async () => {
      const runs = await runNightly(this.deps);
      const ran = runs.filter((r) => r.ran);
      if (ran.length)
        console.log(`outreach nightly: re-screened ${ran.length} municipalities, ${ran.reduce((n, r) => n + (r.summary?.created ?? 0), 0)} candidates`);
    });
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }
}
