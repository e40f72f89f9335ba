import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { isDvProtected } from '../access';
import { type Locale, todayInJapan } from '../core';
import { contactHashes, keyringOf } from '../crypto';
import { rawQuery } from '../db';
import { PersonalRecord } from '../record';
import { optedInChannelsOf, usableChannels } from './consent';
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
  sendLine(notice: {
    id: string;
    municipalityCode: string;
    recordId: string;
    kind: NoticeKind;
    locale?: Locale;
  }): Promise<{ status: 'DELIVERED' | 'TEMPORARY_FAILURE' | 'PERMANENT_FAILURE' | 'OPTED_OUT'; reason?: string; retryAfterSeconds?: number }>;
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
    await this.sendMany([noticeId]);
  }

  /**
   * Sends a batch (a worker fetches up to batchSize jobs at once): one statement claims the batch, one
   * read each fetches records, consent, LINE links and blocked addresses, one grants the daily cap per
   * municipality, one marks the hand-offs and one finishes the delivered — per batch rather than per
   * notice (measured in test/bench/outreach.bench.mjs). The rarer outcomes (opted out, later, retry,
   * permanent) are written one by one. The messages go out concurrently; a send that throws leaves its
   * notice SENDING until its lease ends, and is rethrown once the others are finished.
   */
  async sendMany(noticeIds: readonly string[]): Promise<void> {
    const ids = [...new Set(noticeIds)];
    if (ids.length === 0) return;
    const em = this.deps.orm.em.fork() as EntityManager;
    const s = this.deps.settings;
    const now = this.now();
    const claimed = await rawQuery<ClaimedNotice>(
      em,
      `update outreach_notice set status = 'SENDING', attempts = attempts + 1, lease_until = ?, status_at = ?
       where id = any(?::uuid[]) and approval in ('APPROVED', 'AUTOMATIC') and due_at <= ?
         and (status in ('CREATED', 'TEMPORARY_FAILURE') or (status = 'SENDING' and lease_until < ?))
       returning id, municipality_code, record_id, department, kind, channel, programme_id, locale, message_id, attempts, handoffs, facts`,
      [new Date(now.getTime() + s.leaseSeconds * 1000), now, ids, now, now],
    );
    if (claimed.length === 0) return;
    const recordIds = [...new Set(claimed.map((n) => n.record_id))];
    const records = new Map((await em.find(PersonalRecord, { id: { $in: recordIds } }, { populate: ['municipality'] })).map((r) => [r.id, r]));
    // Consent and safety are checked again at send time: an opt-out takes effect for the next send.
    const opted = await optedInChannelsOf(em, recordIds);
    const linked = await lineLinkedNow(
      em,
      claimed.filter((n) => opted.get(n.record_id)?.has(OutreachChannel.LINE)),
    );
    const keyring = keyringOf(em.getPlatform());
    const emailHash = new Map(
      claimed
        .filter((n) => n.channel === OutreachChannel.EMAIL && records.get(n.record_id)?.contact.email)
        .map((n) => [n.id, contactHashes(keyring, { email: records.get(n.record_id)!.contact.email }).emailHash!]),
    );
    const blocked = new Set(
      emailHash.size === 0
        ? []
        : (
            await rawQuery<{ municipality_code: string; address_hash: string }>(
              em,
              `select municipality_code, address_hash from outreach_blocked_address where channel = 'EMAIL' and address_hash = any(?::text[])`,
              [[...new Set(emailHash.values())]],
            )
          ).map((r) => `${r.municipality_code} ${r.address_hash}`),
    );

    const quietUntil = isQuiet(now, s.quietHours) ? nextSendable(now, s.quietHours) : null;
    const ready = new Map<string, Array<{ n: ClaimedNotice; record: PersonalRecord; usable: OutreachChannel[] }>>();
    const quiet: ClaimedNotice[] = [];
    for (const n of claimed) {
      const record = records.get(n.record_id);
      if (!record) continue;
      // Waiting for a record since merged away (名寄せ; the survivor had its like, so it stayed): never sent,
      // the family hears through the survivor's. Counted as the duplicate it would be, not as undelivered
      // (reporting's outreach.failed reads permanent-failure).
      if (record.mergedIntoId) {
        await this.finish(em, n, NoticeStatus.PERMANENT_FAILURE, 'possible-duplicate', 'merged-record');
        continue;
      }
      const contact = record.contact;
      // A transactional notice (an application's change) needs no opt-in, only the contact the family gave (transactional.ts).
      const usable = TRANSACTIONAL_KINDS.has(n.kind)
        ? [await transactionalChannelFor(em, n.record_id)].filter((c): c is OutreachChannel => c !== null)
        : usableChannels(opted.get(n.record_id)!, {
            email: contact.email ?? null,
            phone: contact.phone ?? null,
            smsSafe: contact.smsSafe ?? null,
            voicemailSafe: contact.voicemailSafe ?? null,
            safeTimes: contact.safeTimes ?? null,
            dvProtected: isDvProtected(record),
            lineLinked: linked.has(n.id),
          });
      if (!usable.includes(n.channel)) await this.finish(em, n, NoticeStatus.OPTED_OUT, 'opted-out', null);
      else if (n.channel !== OutreachChannel.PHONE && quietUntil) quiet.push(n);
      else if (emailHash.has(n.id) && blocked.has(`${n.municipality_code} ${emailHash.get(n.id)}`)) await this.permanent(em, n, 'blocked-address', usable);
      else ready.set(n.municipality_code, [...(ready.get(n.municipality_code) ?? []), { n, record, usable }]);
    }
    if (quietUntil) await this.later(em, quiet, quietUntil);

    // The daily cap: each municipality's first `granted` notices go now, the rest tomorrow morning.
    const going: Array<{ n: ClaimedNotice; record: PersonalRecord; usable: OutreachChannel[] }> = [];
    for (const [code, list] of ready) {
      const granted = await this.capSlots(em, code, list.length, now);
      going.push(...list.slice(0, granted));
      await this.later(
        em,
        list.slice(granted).map((x) => x.n),
        tomorrowAt(now, s.quietHours.end),
      );
    }

    const written: Array<{ n: ClaimedNotice; record: PersonalRecord; usable: OutreachChannel[]; subject: string; text: string; html: string; token: string }> =
      [];
    for (const g of going) {
      const { n, record } = g;
      if (n.channel === OutreachChannel.PHONE) {
        await this.phoneTask(em, n, 'phone-channel');
        await this.finish(em, n, NoticeStatus.DELIVERED, 'delivered', null);
        continue;
      }
      const missing =
        n.channel === OutreachChannel.EMAIL
          ? !this.deps.email && 'no-mailer'
          : n.channel === OutreachChannel.SMS
            ? !this.deps.sms && 'no-sms-provider'
            : !this.deps.line && 'no-line-channel';
      if (missing) {
        await this.retry(em, n, missing);
        continue;
      }
      const facts = typeof n.facts === 'string' ? (JSON.parse(n.facts) as Record<string, unknown>) : n.facts;
      const token = this.deps.links.token(n.id, now.getTime());
      const named = n.programme_id && !UNNAMED_PROGRAMMES.has(n.programme_id) ? this.deps.programmeName(n.programme_id, n.municipality_code, n.locale) : null;
      const message = this.deps.templates.render(n.municipality_code, n.kind, n.locale, {
        familyName: record.identity.familyName ?? '',
        programmeName: named ?? GENERIC_PROGRAMME[n.locale],
        deadline: typeof facts.deadline === 'string' ? facts.deadline : '',
        link: TRANSACTIONAL_KINDS.has(n.kind) && typeof facts.link === 'string' ? facts.link : `${s.publicBaseUrl}/outreach/n/${token}`,
        municipalityName: record.municipality.name,
      });
      written.push({ ...g, ...message, token });
    }
    if (written.length === 0) return;

    // The hand-off is recorded before it happens: a crash after it leaves handoffs > 0 (see above).
    await rawQuery(em, `update outreach_notice set handoffs = handoffs + 1 where id = any(?::uuid[])`, [written.map((w) => w.n.id)]);
    await this.bumpAll(
      em,
      written.filter((w) => w.n.handoffs > 0).map((w) => w.n),
      'possible-duplicate',
    );
    const results = await Promise.allSettled(written.map((w) => this.handOver(w)));

    const delivered: Array<{ n: ClaimedNotice; body: string | null }> = [];
    let thrown: unknown = null;
    for (const [i, r] of results.entries()) {
      const { n, usable, record } = written[i]!;
      if (r.status === 'rejected') thrown ??= r.reason;
      else if (r.value.kind === 'delivered') delivered.push({ n, body: r.value.body || null });
      else if (r.value.kind === 'opted-out') await this.finish(em, n, NoticeStatus.OPTED_OUT, 'opted-out', r.value.code);
      else if (r.value.kind === 'permanent') await this.permanent(em, n, r.value.code, usable, record.contact.email ?? null);
      else await this.retry(em, n, r.value.code);
    }
    if (delivered.length) {
      await rawQuery(
        em,
        `update outreach_notice n set status = 'DELIVERED', status_at = ?, lease_until = null, last_error = null, delivered_at = ?, body = coalesce(v.body, n.body)
         from unnest(?::uuid[], ?::text[]) as v(id, body) where n.id = v.id`,
        [now, now, delivered.map((d) => d.n.id), delivered.map((d) => d.body)],
      );
      await this.bumpAll(
        em,
        delivered.map((d) => d.n),
        'delivered',
      );
    }
    if (thrown) throw thrown;
  }

  /** Hands one rendered message to its channel; the body kept is what the family received. */
  private async handOver(w: {
    n: ClaimedNotice;
    record: PersonalRecord;
    subject: string;
    text: string;
    html: string;
    token: string;
  }): Promise<{ kind: 'delivered'; body: string } | { kind: 'opted-out' | 'temporary' | 'permanent'; code: string }> {
    const { n, record } = w;
    const s = this.deps.settings;
    if (n.channel === OutreachChannel.EMAIL) {
      const outcome = await this.deps.email!.send({
        to: record.contact.email!,
        from: s.from,
        subject: w.subject,
        text: w.text,
        html: w.html,
        messageId: n.message_id,
        unsubscribeUrl: `${s.publicBaseUrl}/outreach/unsubscribe/${w.token}`,
      });
      return outcome.kind === 'delivered' ? { kind: 'delivered', body: `${w.subject}\n\n${w.text}` } : outcome;
    }
    if (n.channel === OutreachChannel.SMS) {
      const body = smsText(n.locale, record.municipality.name, `${s.publicBaseUrl}/outreach/n/${w.token}`);
      const outcome = await this.deps.sms!.send({ to: record.contact.phone!, text: body, idempotencyKey: n.id });
      return outcome.kind === 'delivered' ? { kind: 'delivered', body } : outcome;
    }
    // LINE says its own discreet sentence with the family's page (api/line notices.ts): no body of ours.
    const r = await this.deps.line!.sendLine({ id: n.id, municipalityCode: n.municipality_code, recordId: n.record_id, kind: n.kind, locale: n.locale });
    if (r.status === 'DELIVERED') return { kind: 'delivered', body: '' };
    if (r.status === 'OPTED_OUT') return { kind: 'opted-out', code: `line-${r.reason ?? 'off'}`.slice(0, 32) };
    return { kind: r.status === 'TEMPORARY_FAILURE' ? 'temporary' : 'permanent', code: `line-${r.reason ?? 'error'}`.slice(0, 32) };
  }

  /** One figure bump per (municipality, kind, channel) of `notices`. */
  private async bumpAll(em: EntityManager, notices: readonly ClaimedNotice[], metric: FigureMetric): Promise<void> {
    const groups = new Map<string, { n: ClaimedNotice; count: number }>();
    for (const n of notices) {
      const key = `${n.municipality_code} ${n.kind} ${n.channel}`;
      const g = groups.get(key);
      if (g) g.count++;
      else groups.set(key, { n, count: 1 });
    }
    for (const { n, count } of groups.values()) await bump(em, n.municipality_code, this.now(), n.kind, n.channel, metric, count);
  }

  /** Up to `wanted` of the municipality's daily cap, taken in one statement under the row's lock. */
  private async capSlots(em: EntityManager, municipalityCode: string, wanted: number, now: Date): Promise<number> {
    const cap = this.deps.settings.dailyCap(municipalityCode);
    const day = todayInJapan(now);
    await rawQuery(
      em,
      `insert into outreach_daily_count (municipality_code, day, count) values (?, ?::date, 0) on conflict (municipality_code, day) do nothing`,
      [municipalityCode, day],
    );
    // FOR UPDATE makes the sub-select read the newest count (waiting for a concurrent worker's grant).
    const [row] = await rawQuery<{ granted: number | string }>(
      em,
      `update outreach_daily_count d set count = greatest(o.count, least(?, o.count + ?))
       from (select count from outreach_daily_count where municipality_code = ? and day = ?::date for update) o
       where d.municipality_code = ? and d.day = ?::date returning d.count - o.count as granted`,
      [cap, wanted, municipalityCode, day, municipalityCode, day],
    );
    return Number(row?.granted ?? 0);
  }

  private async finish(
    em: EntityManager,
    n: ClaimedNotice,
    status: NoticeStatus,
    metric: FigureMetric,
    error: string | null,
    body: string | null = null,
  ): Promise<void> {
    await rawQuery(
      em,
      `update outreach_notice set status = ?, status_at = ?, lease_until = null, last_error = ?, delivered_at = case when ? then ? else delivered_at end, body = coalesce(?, body) where id = ?`,
      [status, this.now(), error, status === NoticeStatus.DELIVERED, this.now(), body, n.id],
    );
    await bump(em, n.municipality_code, this.now(), n.kind, n.channel, metric);
  }

  /** Not now (quiet hours, daily cap): back to CREATED, due later, this attempt not counted. */
  private async later(em: EntityManager, notices: readonly ClaimedNotice[], at: Date): Promise<void> {
    if (notices.length === 0) return;
    const ids = notices.map((n) => n.id);
    await rawQuery(
      em,
      `update outreach_notice set status = 'CREATED', due_at = ?, lease_until = null, status_at = ?, attempts = attempts - 1 where id = any(?::uuid[])`,
      [at, this.now(), ids],
    );
    await this.deps.queue.enqueue(ids, at);
  }

  private async retry(em: EntityManager, n: ClaimedNotice, code: string): Promise<void> {
    const s = this.deps.settings;
    if (n.attempts >= s.maxAttempts) return this.finish(em, n, NoticeStatus.PERMANENT_FAILURE, 'permanent-failure', `${code}`.slice(0, 32));
    const delay = Math.min(3600, s.backoffSeconds * 2 ** (n.attempts - 1)) * 1000;
    const at = new Date(this.now().getTime() + delay);
    await rawQuery(em, `update outreach_notice set status = 'TEMPORARY_FAILURE', due_at = ?, lease_until = null, status_at = ?, last_error = ? where id = ?`, [
      at,
      this.now(),
      code,
      n.id,
    ]);
    await bump(em, n.municipality_code, this.now(), n.kind, n.channel, 'temporary-failure');
    await this.deps.queue.enqueue([n.id], at);
  }

  /** Never again to this address; a caseworker's call instead when the family opted in to calls. */
  private async permanent(em: EntityManager, n: ClaimedNotice, code: string, usable: OutreachChannel[], email: string | null = null): Promise<void> {
    if (email && n.channel === OutreachChannel.EMAIL) {
      const hash = contactHashes(keyringOf(em.getPlatform()), { email }).emailHash!;
      await rawQuery(
        em,
        `insert into outreach_blocked_address (municipality_code, channel, address_hash, at) values (?, 'EMAIL', ?, ?) on conflict do nothing`,
        [n.municipality_code, hash, this.now()],
      );
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
    await rawQuery(em, `update outreach_notice set body = null where body is not null and created_at < ?`, [
      new Date(this.now().getTime() - this.deps.settings.bodyRetentionDays * 86_400_000),
    ]);
    return rows.length;
  }
}

/** The notices (of those given) whose family's LINE account is linked, not blocked and has notices on (api/line's line_link table). */
async function lineLinkedNow(em: EntityManager, notices: readonly ClaimedNotice[]): Promise<Set<string>> {
  if (notices.length === 0) return new Set();
  const rows = await rawQuery<{ municipality_code: string; record_id: string }>(
    em,
    `select municipality_code, record_id from line_link where record_id = any(?::uuid[]) and revoked_at is null and notices and not blocked`,
    [[...new Set(notices.map((n) => n.record_id))]],
  );
  const links = new Set(rows.map((r) => `${r.municipality_code} ${r.record_id}`));
  return new Set(notices.filter((n) => links.has(`${n.municipality_code} ${n.record_id}`)).map((n) => n.id));
}
