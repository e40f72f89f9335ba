import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { isDvProtected } from '../access';
import type { Locale } from '../core';
import { rawQuery } from '../db';
import { PersonalRecord } from '../record';
import { transactionalChannel, withdrawnChannels } from './consent';
import { bump } from './figures';
import { NoticeApproval, NoticeStatus, TRANSACTIONAL_KINDS, type NoticeKind, type OutreachChannel } from './outreach-types';
import type { NoticeQueue } from './queue';

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
    contactAllowed: c.contactAllowed, preferredChannel: c.preferredChannel ?? null, email: c.email ?? null, phone: c.phone ?? null, smsSafe: c.smsSafe ?? null, voicemailSafe: c.voicemailSafe ?? null, dvProtected: isDvProtected(record),
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
    [id, n.municipalityCode, n.recordId, n.department, n.kind, n.trigger, n.period, channel, NoticeApproval.AUTOMATIC, NoticeStatus.CREATED, now, `<${id}@notice.yorisoi>`, n.locale ?? 'ja', JSON.stringify({ link: n.link }), now, now],
  );
  if (inserted.length === 0) return null;
  await bump(em, n.municipalityCode, now, n.kind, channel, 'created');
  if (queue) await queue.enqueue([id]);
  return id;
}
