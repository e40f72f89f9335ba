import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { isDvProtected } from '../access';
import type { Locale } from '../core';
import { rawQuery } from '../db';
import { PersonalRecord } from '../record';
import { transactionalChannel, withdrawnChannels } from './consent';
import { bump } from './figures';
import type { Mailer } from './mailer';
import { NoticeApproval, NoticeStatus, OutreachChannel, TRANSACTIONAL_KINDS, type NoticeKind } from './outreach-types';
import type { NoticeQueue } from './queue';
import type { SmsSender } from './sms';

export interface TransactionalNotice {
  municipalityCode: string;
  recordId: string;
  department: string;
  kind: NoticeKind;
  /** What it is about, e.g. `application:<id>`; with `period`, the notice is made once. */
  trigger: string;
  /** The change it reports, e.g. `INFO_REQUESTED@2026-12-03T10:00:00.000Z`. */
  period: string;
  /** Where the family signs in to see the change (the municipality's page with its family page). */
  link: string;
  locale?: Locale;
}

/** The channel a transactional notice would use for this record now, or null (withdrawn, not allowed, no address, DV). */
export async function transactionalChannelFor(em: EntityManager, recordId: string): Promise<OutreachChannel | null> {
  const record = await em.findOne(PersonalRecord, { id: recordId });
  if (!record) return null;
  const c = record.contact;
  return transactionalChannel(await withdrawnChannels(em, recordId), {
    contactAllowed: c.contactAllowed,
    preferredChannel: c.preferredChannel ?? null,
    email: c.email ?? null,
    phone: c.phone ?? null,
    smsSafe: c.smsSafe ?? null,
    voicemailSafe: c.voicemailSafe ?? null,
    dvProtected: isDvProtected(record),
  });
}

/**
 * Creates and enqueues a transactional notice (TRANSACTIONAL_KINDS): no approval, no opt-in, on the
 * channel transactionalChannel() gives; the message is the kind's template (seeds/notices), which says
 * only that something changed and where to sign in. Returns the notice id, or null when nothing may
 * be sent or the same change was already notified.
 */
export async function createTransactionalNotice(em: EntityManager, queue: NoticeQueue | null, n: TransactionalNotice): Promise<string | null> {
  if (!TRANSACTIONAL_KINDS.has(n.kind)) throw new Error(`${n.kind} is not a transactional notice kind`);
  if (n.trigger.length > 48 || n.period.length > 24) throw new Error('trigger is at most 48 characters, period at most 24');
  const channel = await transactionalChannelFor(em, n.recordId);
  if (!channel) return null;
  const id = randomUUID();
  const now = new Date();
  const inserted = await rawQuery<{ id: string }>(
    em,
    `insert into outreach_notice (id, municipality_code, record_id, department, kind, trigger, programme_id, period, channel, approval, status, attempts, handoffs, due_at, message_id, locale, facts, created_at, status_at)
     values (?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, 0, 0, ?, ?, ?, ?::jsonb, ?, ?) on conflict ("record_id", "trigger", "programme_id", "period") do nothing returning id`,
    [
      id,
      n.municipalityCode,
      n.recordId,
      n.department,
      n.kind,
      n.trigger,
      n.period,
      channel,
      NoticeApproval.AUTOMATIC,
      NoticeStatus.CREATED,
      now,
      `<${id}@notice.yorisoi>`,
      n.locale ?? 'ja',
      JSON.stringify({ link: n.link }),
      now,
      now,
    ],
  );
  if (inserted.length === 0) return null;
  await bump(em, n.municipalityCode, now, n.kind, channel, 'created');
  if (queue) await queue.enqueue([id]);
  return id;
}

/** A message the family asked for this moment (a sign-in code), on the contact it named. */
export interface RequestedMessage {
  municipalityCode: string;
  recordId: string;
  channel: OutreachChannel.EMAIL | OutreachChannel.SMS;
  subject: string;
  text: string;
  /** Stable per request (the sign-in row's id): a provider that de-duplicates sends it once. */
  key: string;
}

export interface RequestedTransport {
  email: Mailer | null;
  sms: SmsSender | null;
  from: string;
}

/**
 * Whether a requested message may go on `channel` now: the record's address on it, not a channel the
 * family withdrew, and for a DV-protected record never e-mail and SMS only where it said an SMS is
 * safe (a stranger who knows the number and the contact must not reach a hidden family). Unlike a
 * notice it needs neither "contact allowed" nor the preferred channel: the family itself asked for it
 * on this contact a moment ago.
 */
export async function requestedChannelAllowed(em: EntityManager, recordId: string, channel: OutreachChannel): Promise<{ to: string } | null> {
  const record = await em.findOne(PersonalRecord, { id: recordId });
  if (!record) return null;
  const c = record.contact;
  if ((await withdrawnChannels(em, recordId)).has(channel)) return null;
  const dv = isDvProtected(record);
  if (channel === OutreachChannel.EMAIL) return c.email && !dv ? { to: c.email } : null;
  if (channel === OutreachChannel.SMS) return c.phone && (!dv || c.smsSafe === true) ? { to: c.phone } : null;
  return null;
}

/**
 * Sends a requested message at once on the sender's own transports: not queued, no quiet hours (a
 * sign-in code is useless once it waits), nothing stored (the message holds a secret; the figures
 * count it). False when it may not or could not be sent — the caller answers the same either way.
 */
export async function sendRequestedNow(em: EntityManager, transport: RequestedTransport, m: RequestedMessage): Promise<boolean> {
  const allowed = await requestedChannelAllowed(em, m.recordId, m.channel);
  if (!allowed) return false;
  const outcome =
    m.channel === OutreachChannel.EMAIL
      ? transport.email
        ? await transport.email.send({
            to: allowed.to,
            from: transport.from,
            subject: m.subject,
            text: m.text,
            html: requestedHtml(m.text),
            messageId: `<${m.key}@sign-in.yorisoi>`,
          })
        : null
      : transport.sms
        ? await transport.sms.send({ to: allowed.to, text: m.text, idempotencyKey: m.key })
        : null;
  const delivered = outcome?.kind === 'delivered';
  await bump(em, m.municipalityCode, new Date(), REQUESTED_KIND, m.channel, delivered ? 'delivered' : 'temporary-failure');
  return delivered;
}

/** The kind the figures count requested messages under. */
export const REQUESTED_KIND = 'sign-in-code';

/** The HTML part of a requested message: its lines kept, and a link (a sign-in link on its own line) made a real link. */
function requestedHtml(text: string): string {
  const line = (l: string) => (/^https?:\/\/\S+$/.test(l) ? `<a href="${escapeHtml(l)}">${escapeHtml(l)}</a>` : escapeHtml(l));
  return `<p>${text.split('\n').map(line).join('<br>')}</p>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
