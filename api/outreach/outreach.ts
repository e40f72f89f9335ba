import type { MikroORM } from '@mikro-orm/core';
import { PostgreSqlDriver, type EntityManager } from '@mikro-orm/postgresql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Router } from 'express';
import { SEEDS_DIR, withoutTrailingSlashes } from '../core';
import type { Database } from '../db/orm';
import type { RateLimit } from '../limits';
import type { Catalogue } from '../programme';
import { familyPageRoutes } from './family-page';
import { NoticeLinks } from './link';
import { MailCatcher } from './mail-catcher';
import { smtpMailer, type DkimOptions, type Mailer, type OutgoingMail, type SendOutcome } from './mailer';
import { APPROVAL_BY_DEFAULT, type ApprovalPolicy } from './notices';
import { PgBossQueue, schedulingBoss, type NoticeQueue } from './queue';
import { DEFAULT_SETTINGS, NoticeSender, type LineNotices, type OutreachSettings } from './sender';
import { httpSmsSender, type SmsSender } from './sms';
import { smsInboundRoutes } from './sms-inbound';
import { NightlySchedule, nightlyCron } from './nightly';
import { loadNoticeTemplates } from './templates';
import { sendRequestedNow, type RequestedMessage } from './transactional';

/** Settings from the environment (README: Push-type support). */
export interface OutreachEnv {
  /** SMTP_URL, e.g. smtp://user:pass@mail.example.jp:587. Without it: the built-in mail catcher when embedded, no e-mail otherwise. */
  smtpUrl: string | null;
  from: string;
  publicBaseUrl: string;
  dkim: DkimOptions | null;
  dailyCap: number;
  quietHours: { start: number; end: number };
  /** Senders started in this process by startWorkers() (OUTREACH_WORKERS, default 2). */
  workers: number;
  bodyRetentionDays: number;
  /** SMS_PROVIDER_URL (a generic HTTP provider, api/outreach/sms.ts), its SMS_PROVIDER_TOKEN and SMS_FROM; without a URL SMS notices wait. */
  sms: { url: string; token: string | null; from: string | null } | null;
  /** SMS_INBOUND_TOKEN: the bearer token the provider's inbound webhook sends (stop-word replies); without it the webhook is off. */
  smsInboundToken: string | null;
  /** OUTREACH_LEASE_SECONDS: a claimed notice whose worker vanished is taken again after this long (default 120). */
  leaseSeconds: number;
  /** OUTREACH_NIGHTLY_HOUR: the Japan-time hour of the nightly re-screening (default 2); null ("off"): none. */
  nightlyHour: number | null;
}

function hours(text: string | undefined): { start: number; end: number } {
  const m = /^(\d{1,2})-(\d{1,2})$/.exec(text?.trim() ?? '');
  if (!m) return DEFAULT_SETTINGS.quietHours;
  const [start, end] = [Number(m[1]), Number(m[2])];
  if (start > 23 || end > 23) throw new Error('OUTREACH_QUIET_HOURS is "start-end" in whole hours, e.g. 21-8');
  return { start, end };
}

function nightlyHour(text: string | undefined): number | null {
  const t = text?.trim();
  if (t === 'off') return null;
  if (!t) return 2;
  const n = Number(t);
  nightlyCron(n); // throws for anything but 0–23
  return n;
}

export function outreachEnv(env: NodeJS.ProcessEnv = process.env, port = 4000): OutreachEnv {
  const key = env.DKIM_PRIVATE_KEY_FILE?.trim() ? readFileSync(env.DKIM_PRIVATE_KEY_FILE.trim(), 'utf8') : env.DKIM_PRIVATE_KEY?.trim();
  const positive = (v: string | undefined, d: number) => {
    const n = v ? Number(v) : d;
    if (!Number.isInteger(n) || n <= 0) throw new Error(`expected a positive integer, got "${v}"`);
    return n;
  };
  return {
    smtpUrl: env.SMTP_URL?.trim() || null,
    from: env.OUTREACH_FROM?.trim() || DEFAULT_SETTINGS.from,
    publicBaseUrl: withoutTrailingSlashes(env.PUBLIC_BASE_URL?.trim() || `http://localhost:${port}`),
    dkim: key && env.DKIM_DOMAIN && env.DKIM_SELECTOR ? { domainName: env.DKIM_DOMAIN.trim(), keySelector: env.DKIM_SELECTOR.trim(), privateKey: key } : null,
    dailyCap: positive(env.OUTREACH_DAILY_CAP, 2000),
    quietHours: hours(env.OUTREACH_QUIET_HOURS),
    workers: positive(env.OUTREACH_WORKERS, 2),
    bodyRetentionDays: positive(env.OUTREACH_BODY_RETENTION_DAYS, 90),
    smsInboundToken: env.SMS_INBOUND_TOKEN?.trim() || null,
    nightlyHour: nightlyHour(env.OUTREACH_NIGHTLY_HOUR),
    leaseSeconds: positive(env.OUTREACH_LEASE_SECONDS, DEFAULT_SETTINGS.leaseSeconds),
    sms: env.SMS_PROVIDER_URL?.trim()
      ? { url: env.SMS_PROVIDER_URL.trim(), token: env.SMS_PROVIDER_TOKEN?.trim() || null, from: env.SMS_FROM?.trim() || null }
      : null,
  };
}

export interface OutreachDeps {
  orm: MikroORM;
  authSecret: string;
  catalogue: () => Catalogue;
  /** Requests per client address per minute to the family's pages. */
  pageLimit: RateLimit;
  env?: OutreachEnv;
  approval?: ApprovalPolicy;
}

/**
 * The outreach module in a process: the queue, the sender, the family's pages. Nothing connects until
 * used: an API process that only serves pages never starts pg-boss; startWorkers() makes it a sender
 * too (inside `npm start` embedded, `npm run worker` with PostgreSQL).
 */
export class Outreach {
  readonly queue: NoticeQueue;
  readonly links: NoticeLinks;
  readonly approval: ApprovalPolicy;
  readonly env: OutreachEnv;
  private mailer: Mailer | null = null;
  catcher: MailCatcher | null = null;
  /** LINE's notice channel, set by the app once api/line is up (null: LINE notices wait). */
  line: LineNotices | null = null;
  private sender: NoticeSender | null = null;
  private sweepTimer: NodeJS.Timeout | null = null;
  private nightly: NightlySchedule | null = null;
  private readonly database: Database;

  constructor(private readonly deps: OutreachDeps) {
    this.env = deps.env ?? outreachEnv();
    const clientUrl = deps.orm.config.get('clientUrl');
    const database: Database =
      deps.orm.config.get('driver') === PostgreSqlDriver && clientUrl ? { kind: 'postgresql', url: clientUrl } : { kind: 'pglite', dataDir: null };
    this.database = database;
    this.queue = PgBossQueue.for(deps.orm, database);
    this.links = new NoticeLinks(deps.authSecret);
    this.approval = deps.approval ?? APPROVAL_BY_DEFAULT;
  }

  get embedded(): boolean {
    return this.deps.orm.config.get('driver') !== PostgreSqlDriver;
  }

  routes(): Router {
    const router = familyPageRoutes({ orm: this.deps.orm, links: this.links, catalogue: this.deps.catalogue, limit: this.deps.pageLimit });
    router.use(smsInboundRoutes(this.deps.orm, this.env.smsInboundToken));
    return router;
  }

  /** The sender (created once); e-mail goes to SMTP_URL, or embedded without one to the mail catcher. */
  async senderFor(): Promise<NoticeSender> {
    if (this.sender) return this.sender;
    // A transport chosen by useMailCatcher() stays; otherwise SMTP_URL, or the catcher when embedded.
    if (!this.mailer && this.env.smtpUrl) this.mailer = smtpMailer(this.env.smtpUrl, { dkim: this.env.dkim });
    else if (!this.mailer && this.embedded) await this.useMailCatcher();
    this.requestedSms = this.env.sms ? httpSmsSender(this.env.sms) : null;
    const settings: OutreachSettings = {
      ...DEFAULT_SETTINGS,
      quietHours: this.env.quietHours,
      dailyCap: () => this.env.dailyCap,
      publicBaseUrl: this.env.publicBaseUrl,
      from: this.env.from,
      bodyRetentionDays: this.env.bodyRetentionDays,
      leaseSeconds: this.env.leaseSeconds,
    };
    this.sender = new NoticeSender({
      orm: this.deps.orm,
      queue: this.queue,
      templates: loadNoticeTemplates(join(SEEDS_DIR, 'notices')),
      links: this.links,
      programmeName: (id, code, l) => this.deps.catalogue().get(id, code)?.name[l] ?? null,
      email: this.mailer,
      sms: this.requestedSms,
      line: { sendLine: (n) => (this.line ? this.line.sendLine(n) : Promise.resolve({ status: 'TEMPORARY_FAILURE' as const, reason: 'no-channel' })) },
      settings,
    });
    return this.sender;
  }

  /**
   * E-mail goes to a built-in mail catcher (a real SMTP server in this process) instead of SMTP_URL: what
   * the embedded demo does without SMTP_URL, and what tests on PostgreSQL ask for. Before the first send.
   */
  async useMailCatcher(): Promise<MailCatcher> {
    if (this.sender) throw new Error('useMailCatcher() must come before the first send');
    this.catcher ??= await MailCatcher.start();
    this.mailer = smtpMailer(this.catcher.url);
    return this.catcher;
  }

  /**
   * The built-in mail catcher when it is where this process's e-mail goes (embedded without SMTP_URL,
   * or a test's useMailCatcher()), for the demo mailbox; null whenever SMTP_URL is set.
   */
  async demoCatcher(): Promise<MailCatcher | null> {
    if (this.env.smtpUrl) return null;
    if (!this.sender && this.embedded) await this.senderFor();
    return this.catcher;
  }

  /**
   * A message the family asked for this moment (a sign-in code): sent now on this process's transports,
   * never queued (transactional.ts sendRequestedNow), on the same e-mail and SMS transports as notices.
   */
  async sendRequested(em: EntityManager, m: RequestedMessage): Promise<boolean> {
    await this.senderFor();
    return sendRequestedNow(em, { email: this.mailer, sms: this.requestedSms, from: this.env.from }, m);
  }

  /**
   * A message to a member of staff (casework's daily reminder) on the same e-mail transport as notices;
   * null when there is none (no SMTP_URL on PostgreSQL).
   */
  async sendStaffMail(mail: Omit<OutgoingMail, 'from'>): Promise<SendOutcome | null> {
    await this.senderFor();
    return this.mailer ? this.mailer.send({ ...mail, from: this.env.from }) : null;
  }

  /** The SMS transport for requested messages (null: a code asked for by SMS is not sent). */
  requestedSms: SmsSender | null = null;

  /**
   * The nightly re-screening on pg-boss's cron at `hour` Japan time (OUTREACH_NIGHTLY_HOUR): started
   * beside the senders by `npm start` (embedded) and every `npm run worker` (a firing runs once per day
   * whatever the number of processes, nightly.ts).
   * `fast`: schedules checked every second (tests); `cron`: another cron than the daily one (tests).
   */
  async startNightly(o: { hour?: number; cron?: string; fast?: boolean } = {}): Promise<NightlySchedule> {
    if (this.nightly) return this.nightly;
    const hour = o.hour ?? this.env.nightlyHour ?? 2;
    this.nightly = new NightlySchedule(schedulingBoss(this.deps.orm, this.database, { fast: o.fast }), {
      orm: this.deps.orm,
      queue: this.queue,
      catalogue: this.deps.catalogue,
      approval: this.approval,
    });
    await this.nightly.start(o.cron ?? nightlyCron(hour));
    return this.nightly;
  }

  /** Starts `count` senders in this process and the minute's sweep (lost jobs, old bodies). */
  async startWorkers(count = this.env.workers): Promise<void> {
    const sender = await this.senderFor();
    await this.queue.workBatches((ids) => sender.sendMany(ids), { concurrency: count, batchSize: 20, pollSeconds: 1 });
    const sweep = () => void sender.sweep().catch((e: Error) => console.error(`outreach sweep: ${e.message}`));
    sweep();
    this.sweepTimer = setInterval(sweep, 60_000);
    this.sweepTimer.unref();
  }

  async stop(): Promise<void> {
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    await this.nightly?.stop();
    await this.queue.stop();
    this.mailer?.close();
    await this.catcher?.close();
  }
}
