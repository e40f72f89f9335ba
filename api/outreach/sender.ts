import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { isDvProtected } from '../access';
import { type Locale, todayInJapan } from '../core';
import { contactHashes, keyringOf } from '../crypto';
import { rawQuery } from '../db';
import { PersonalRecord } from '../record';
import { optedInChannels, usableChannels } from './consent';
import { bump, type FigureMetric } from './figures';
import type { NoticeLinks } from './link';
import type { Mailer } from './mailer';
import { NoticeStatus, OutreachChannel, TRANSACTIONAL_KINDS, type NoticeKind } from './outreach-types';
import type { NoticeQueue } from './queue';
import { DEFAULT_QUIET_HOURS, isQuiet, nextSendable, tomorrowAt, type QuietHours } from './quiet-hours';
import { smsText, type SmsSender } from './sms';
import type { NoticeTemplates } from './templates';
import { transactionalChannelFor } from './transactional';

export interface OutreachSettings {
  quietHours: QuietHours;
  /** Notices handed over per municipality per Japan-time day; the rest wait for the next morning. */
  dailyCap: (municipalityCode: string) => number;
  maxAttempts: number;
  /** First retry after this many seconds, doubling each time, at most an hour. */
  backoffSeconds: number;
  /** Where the family's page and the unsubscribe link live, e.g. https://yorisoi.city.example.jp. */
  publicBaseUrl: string;
  from: string;
  /** A claimed notice whose worker vanished is taken again after this long. */
  leaseSeconds: number;
  /** Message bodies are deleted this many days after the notice was created (figures stay). */
  bodyRetentionDays: number;
}

export const DEFAULT_SETTINGS: OutreachSettings = {
  quietHours: DEFAULT_QUIET_HOURS,
  dailyCap: () => 2000,
  maxAttempts: 8,
  backoffSeconds: 30,
  publicBaseUrl: 'http://localhost:4000',
  from: 'Yorisoi <no-reply@yorisoi.invalid>',
  leaseSeconds: 120,
  bodyRetentionDays: 90,
};

export interface SenderDeps {
  orm: MikroORM;
  queue: NoticeQueue;
  templates: NoticeTemplates;
  links: NoticeLinks;
  /** Programme names for the {{programmeName}} placeholder (the catalogue). */
  programmeName: (id: string, municipalityCode: string, locale: Locale) => string | null;
  email: Mailer | null;
  sms: SmsSender | null;
  /** api/line's notice channel (LineService.notices), wired by the app: a structural type, as line/ already depends on this module through intake/. */
  line?: LineNotices | null;
  settings: OutreachSettings;
  now?: () => Date;
}

/** What the LINE channel takes and answers (api/line LineNoticeChannel). The notice id is LINE's retry key. */
export interface LineNotices {
  sendLine(notice: { id: string; municipalityCode: string; recordId: string; kind: NoticeKind; locale?: Locale }): Promise<{ status: 'DELIVERED' | 'TEMPORARY_FAILURE' | 'PERMANENT_FAILURE' | 'OPTED_OUT'; reason?: string; retryAfterSeconds?: number }>;
}

interface ClaimedNotice {
  id: string;
  municipality_code: string;
  record_id: string;
  department: string;
  kind: NoticeKind;
  channel: OutreachChannel;
  programme_id: string;
  locale: Locale;
  message_id: string;
  attempts: number;
  handoffs: number;
  facts: Record<string, unknown> | string;
}

/**
 * Programmes whose name alone says something about the family's situation: a message never names
 * them (the family's page does, after the link is opened).
 */
const UNNAMED_PROGRAMMES = new Set(['dv-consultation', 'livelihood-protection', 'needy-self-reliance-support']);
const GENERIC_PROGRAMME: Record<Locale, string> = { ja: '支援制度', en: 'support programmes', 'ja-easy': 'しえん' };

/**
 * Sends one notice (the queue's handler). At-least-once with the notice as its own idempotency key:
 * the claim is a conditional UPDATE, so a second job for a notice already sent finds nothing; a notice
 * claimed by a worker that died is claimed again once its lease ends, and if that worker had already
 * handed the message over (`handoffs` > 0), the re-send is counted as a possible duplicate — the same
 * Message-ID lets the receiving side fold the two.
 */
export class NoticeSender {
  constructor(private readonly deps: SenderDeps) {}

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  async send(noticeId: string): Promise<void> {
    const em = this.deps.orm.em.fork() as EntityManager;
    const s = this.deps.settings;
    const [n] = await rawQuery<ClaimedNotice>(
      em,
      `update outreach_notice set status = 'SENDING', attempts = attempts + 1, lease_until = ?, status_at = ?
       where id = ? and approval in ('APPROVED', 'AUTOMATIC') and due_at <= ?
         and (status in ('CREATED', 'TEMPORARY_FAILURE') or (status = 'SENDING' and lease_until < ?))
       returning id, municipality_code, record_id, department, kind, channel, programme_id, locale, message_id, attempts, handoffs, facts`,
      [new Date(this.now().getTime() + s.leaseSeconds * 1000), this.now(), noticeId, this.now(), this.now()],
    );
    if (!n) return;
    const facts = typeof n.facts === 'string' ? (JSON.parse(n.facts) as Record<string, unknown>) : n.facts;
    const record = await em.findOne(PersonalRecord, { id: n.record_id }, { populate: ['municipality'] });
    if (!record) return;

    // Consent and safety are checked again at send time: an opt-out takes effect for the next send.
    const contact = record.contact;
    // A transactional notice (an application's change) needs no opt-in, only the contact the family gave (transactional.ts).
    const transactional = TRANSACTIONAL_KINDS.has(n.kind);
    let usable: OutreachChannel[];
    if (transactional) {
      usable = [await transactionalChannelFor(em, n.record_id)].filter((c): c is OutreachChannel => c !== null);
    } else {
      const opted = await optedInChannels(em, n.record_id);
      const lineLinked = opted.has(OutreachChannel.LINE) && (await lineLinkedNow(em, n.municipality_code, n.record_id));
      usable = usableChannels(opted, { email: contact.email ?? null, phone: contact.phone ?? null, smsSafe: contact.smsSafe ?? null, voicemailSafe: contact.voicemailSafe ?? null, safeTimes: contact.safeTimes ?? null, dvProtected: isDvProtected(record), lineLinked });
    }
    if (!usable.includes(n.channel)) return this.finish(em, n, NoticeStatus.OPTED_OUT, 'opted-out', null);

    const now = this.now();
    if (n.channel !== OutreachChannel.PHONE && isQuiet(now, s.quietHours)) return this.later(em, n, nextSendable(now, s.quietHours), false);

    if (n.channel === OutreachChannel.EMAIL) {
      const hash = contactHashes(keyringOf(em.getPlatform()), { email: contact.email }).emailHash!;
      const [blocked] = await rawQuery(em, `select 1 from outreach_blocked_address where municipality_code = ? and channel = 'EMAIL' and address_hash = ?`, [n.municipality_code, hash]);
      if (blocked) return this.permanent(em, n, 'blocked-address', usable);
    }

    if (!(await this.withinCap(em, n.municipality_code, now))) return this.later(em, n, tomorrowAt(now, s.quietHours.end), false);

    if (n.channel === OutreachChannel.PHONE) {
      await this.phoneTask(em, n, 'phone-channel');
      return this.finish(em, n, NoticeStatus.DELIVERED, 'delivered', null);
    }

    const locale = n.locale;
    const token = this.deps.links.token(n.id, now.getTime());
    const named = n.programme_id && !UNNAMED_PROGRAMMES.has(n.programme_id) ? this.deps.programmeName(n.programme_id, n.municipality_code, locale) : null;
    const message = this.deps.templates.render(n.municipality_code, n.kind, locale, {
      familyName: record.identity.familyName ?? '',
      programmeName: named ?? GENERIC_PROGRAMME[locale],
      deadline: typeof facts.deadline === 'string' ? facts.deadline : '',
      link: transactional && typeof facts.link === 'string' ? facts.link : `${s.publicBaseUrl}/outreach/n/${token}`,
      municipalityName: record.municipality.name,
    });

    // The hand-off is recorded before it happens: a crash after it leaves handoffs > 0 (see above).
    await rawQuery(em, `update outreach_notice set handoffs = handoffs + 1 where id = ?`, [n.id]);
    if (n.handoffs > 0) await bump(em, n.municipality_code, now, n.kind, n.channel, 'possible-duplicate');
    let outcome;
    let body = `${message.subject}\n\n${message.text}`;
    if (n.channel === OutreachChannel.EMAIL) {
      if (!this.deps.email) return this.retry(em, n, 'no-mailer');
      outcome = await this.deps.email.send({ to: contact.email!, from: s.from, subject: message.subject, text: message.text, html: message.html, messageId: n.message_id, unsubscribeUrl: `${s.publicBaseUrl}/outreach/unsubscribe/${token}` });
    } else if (n.channel === OutreachChannel.SMS) {
      if (!this.deps.sms) return this.retry(em, n, 'no-sms-provider');
      body = smsText(locale, record.municipality.name, `${s.publicBaseUrl}/outreach/n/${token}`);
      outcome = await this.deps.sms.send({ to: contact.phone!, text: body, idempotencyKey: n.id });
    } else {
      if (!this.deps.line) return this.retry(em, n, 'no-line-channel');
      // LINE says its own discreet sentence with the family's page (api/line notices.ts): no body of ours.
      body = '';
      const r = await this.deps.line.sendLine({ id: n.id, municipalityCode: n.municipality_code, recordId: n.record_id, kind: n.kind, locale });
      if (r.status === 'OPTED_OUT') return this.finish(em, n, NoticeStatus.OPTED_OUT, 'opted-out', `line-${r.reason ?? 'off'}`.slice(0, 32));
      outcome = r.status === 'DELIVERED' ? { kind: 'delivered' as const } : { kind: r.status === 'TEMPORARY_FAILURE' ? ('temporary' as const) : ('permanent' as const), code: `line-${r.reason ?? 'error'}`.slice(0, 32) };
    }
    if (outcome.kind === 'delivered') return this.finish(em, n, NoticeStatus.DELIVERED, 'delivered', null, body || null);
    if (outcome.kind === 'permanent') return this.permanent(em, n, outcome.code, usable, contact.email ?? null);
    return this.retry(em, n, outcome.code);
  }

  private async withinCap(em: EntityManager, municipalityCode: string, now: Date): Promise<boolean> {
    const cap = this.deps.settings.dailyCap(municipalityCode);
    const rows = await rawQuery(
      em,
      `insert into outreach_daily_count (municipality_code, day, count) values (?, ?::date, 1)
       on conflict (municipality_code, day) do update set count = outreach_daily_count.count + 1 where outreach_daily_count.count < ? returning count`,
      [municipalityCode, todayInJapan(now), cap],
    );
    return rows.length > 0;
  }

  private async finish(em: EntityManager, n: ClaimedNotice, status: NoticeStatus, metric: FigureMetric, error: string | null, body: string | null = null): Promise<void> {
    await rawQuery(
      em,
      `update outreach_notice set status = ?, status_at = ?, lease_until = null, last_error = ?, delivered_at = case when ? then ? else delivered_at end, body = coalesce(?, body) where id = ?`,
      [status, this.now(), error, status === NoticeStatus.DELIVERED, this.now(), body, n.id],
    );
    await bump(em, n.municipality_code, this.now(), n.kind, n.channel, metric);
  }

  /** Not now (quiet hours, daily cap): back to CREATED, due later, this attempt not counted. */
  private async later(em: EntityManager, n: ClaimedNotice, at: Date, counted: boolean): Promise<void> {
    await rawQuery(em, `update outreach_notice set status = 'CREATED', due_at = ?, lease_until = null, status_at = ?, attempts = attempts - ? where id = ?`, [at, this.now(), counted ? 0 : 1, n.id]);
    await this.deps.queue.enqueue([n.id], at);
  }

  private async retry(em: EntityManager, n: ClaimedNotice, code: string): Promise<void> {
    const s = this.deps.settings;
    if (n.attempts >= s.maxAttempts) return this.finish(em, n, NoticeStatus.PERMANENT_FAILURE, 'permanent-failure', `${code}`.slice(0, 32));
    const delay = Math.min(3600, s.backoffSeconds * 2 ** (n.attempts - 1)) * 1000;
    const at = new Date(this.now().getTime() + delay);
    await rawQuery(em, `update outreach_notice set status = 'TEMPORARY_FAILURE', due_at = ?, lease_until = null, status_at = ?, last_error = ? where id = ?`, [at, this.now(), code, n.id]);
    await bump(em, n.municipality_code, this.now(), n.kind, n.channel, 'temporary-failure');
    await this.deps.queue.enqueue([n.id], at);
  }

  /** Never again to this address; a caseworker's call instead when the family opted in to calls. */
  private async permanent(em: EntityManager, n: ClaimedNotice, code: string, usable: OutreachChannel[], email: string | null = null): Promise<void> {
    if (email && n.channel === OutreachChannel.EMAIL) {
      const hash = contactHashes(keyringOf(em.getPlatform()), { email }).emailHash!;
      await rawQuery(em, `insert into outreach_blocked_address (municipality_code, channel, address_hash, at) values (?, 'EMAIL', ?, ?) on conflict do nothing`, [n.municipality_code, hash, this.now()]);
    }
    await this.finish(em, n, NoticeStatus.PERMANENT_FAILURE, 'permanent-failure', code);
    if (usable.includes(OutreachChannel.PHONE)) await this.phoneTask(em, n, 'permanent-failure');
  }

  private async phoneTask(em: EntityManager, n: ClaimedNotice, reason: string): Promise<void> {
    await rawQuery(
      em,
      `insert into outreach_phone_task (id, municipality_code, record_id, notice_id, department, reason, status, created_at) values (?, ?, ?, ?, ?, ?, 'OPEN', ?) on conflict do nothing`,
      [randomUUID(), n.municipality_code, n.record_id, n.id, n.department, reason, this.now()],
    );
  }

  /**
   * Re-enqueues notices whose job was lost (a crash between a notice's commit and its enqueue, or a
   * worker that died holding it) and deletes message bodies past retention. Run every minute by each
   * worker process; duplicate jobs are harmless (the claim above).
   */
  async sweep(): Promise<number> {
    const em = this.deps.orm.em.fork() as EntityManager;
    const rows = await rawQuery<{ id: string }>(
      em,
      `select n.id from outreach_notice n
       where n.approval in ('APPROVED', 'AUTOMATIC') and n.due_at < ?
         and (n.status in ('CREATED', 'TEMPORARY_FAILURE') or (n.status = 'SENDING' and n.lease_until < ?))
         and not exists (select 1 from pgboss.job j where j.name = 'outreach-send' and j.state < 'completed' and j.data->>'noticeId' = n.id::text)
       limit 5000`,
      [new Date(this.now().getTime() - 60_000), this.now()],
    );
    await this.deps.queue.enqueue(rows.map((r) => r.id));
    await rawQuery(em, `update outreach_notice set body = null where body is not null and created_at < ?`, [new Date(this.now().getTime() - this.deps.settings.bodyRetentionDays * 86_400_000)]);
    return rows.length;
  }
}

/** Whether the family's LINE account is linked, not blocked and has notices on (api/line's line_link table). */
async function lineLinkedNow(em: EntityManager, municipalityCode: string, recordId: string): Promise<boolean> {
  const rows = await rawQuery(em, `select 1 from line_link where municipality_code = ? and record_id = ? and revoked_at is null and notices and not blocked`, [municipalityCode, recordId]);
  return rows.length > 0;
}
