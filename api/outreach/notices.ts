import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { type Locale, todayInJapan } from '../core';
import { rawQuery } from '../db';
import { usableChannels } from './consent';
import { bump } from './figures';
import { NoticeApproval, NoticeKind, NoticeStatus, OutreachChannel } from './outreach-types';
import type { NoticeQueue } from './queue';

/** A reason to tell one family something: what triggered it and the facts staff see when approving. */
export interface NoticeCandidate {
  municipalityCode: string;
  recordId: string;
  /** The department whose inbox approves it (the owner of the programme; default single-parent). */
  department: string;
  kind: NoticeKind;
  /** What found it, e.g. `rescreen:2026-parameters`, `campaign:<id>`, `reminder:<application id>`. */
  trigger: string;
  /** A programme id from the catalogue, or '' for a notice about no one programme. */
  programmeId: string;
  /** The period the finding belongs to (a fiscal year, a month, a deadline date): the same finding in the same period is one notice. */
  period: string;
  /** Programme ids, old and new results — never the family's details (staff read those in the record). */
  facts: Record<string, unknown>;
  locale?: Locale;
  dueAt?: Date;
}

/**
 * Per municipality: which kinds go out without a caseworker's approval (default: none). `approved`: a
 * caseworker already decided (a campaign they sent): recorded as APPROVED and enqueued at once.
 */
export type ApprovalPolicy = (municipalityCode: string, kind: NoticeKind) => 'automatic' | 'approval' | 'approved';
export const APPROVAL_BY_DEFAULT: ApprovalPolicy = () => 'approval';

interface Reachability {
  id: string;
  has_email: boolean;
  has_phone: boolean;
  sms_safe: boolean | null;
  voicemail_safe: boolean | null;
  has_safe_times: boolean;
  dv: boolean;
  channels: OutreachChannel[] | null;
  line_linked: boolean;
}

/**
 * The channel each record may be reached on now, from SQL alone (no decryption: the hashes and sealed
 * columns say whether an address is there). Null when none: no opt-in, no address, or DV-unsafe — and
 * for a record merged into another (名寄せ): its family is reached through the survivor, never twice.
 */
export async function reachableChannels(em: EntityManager, recordIds: readonly string[]): Promise<Map<string, OutreachChannel | null>> {
  const out = new Map<string, OutreachChannel | null>();
  if (recordIds.length === 0) return out;
  const rows = await rawQuery<Reachability>(
    em,
    `select r.id, r.contact_email_hash is not null as has_email, r.contact_phone_hash is not null as has_phone,
       r.contact_sms_safe as sms_safe, r.contact_voicemail_safe as voicemail_safe, coalesce(r.contact_safe_times, '') <> '' as has_safe_times,
       ('dv' = any(r.concerns_categories) or (r.protection_support_measure and (r.protection_expires_on is null or r.protection_expires_on >= ?::date))) as dv,
       (select array_agg(c.channel) from (select distinct on (channel) channel, granted from outreach_consent_event e where e.record_id = r.id order by channel, at desc, id desc) c where c.granted) as channels,
       exists (select 1 from line_link l where l.municipality_code = r.municipality_code and l.record_id = r.id and l.revoked_at is null and l.notices and not l.blocked) as line_linked
     from personal_record r where r.id = any(?::uuid[]) and r.merged_into_id is null`,
    [todayInJapan(), recordIds as string[]],
  );
  for (const r of rows) {
    const channels = usableChannels(new Set(parseArray(r.channels)), {
      email: r.has_email ? 'x' : null,
      phone: r.has_phone ? 'x' : null,
      smsSafe: r.sms_safe,
      voicemailSafe: r.voicemail_safe,
      safeTimes: r.has_safe_times ? 'x' : null,
      dvProtected: r.dv,
      lineLinked: r.line_linked,
    });
    out.set(r.id, channels[0] ?? null);
  }
  return out;
}

/** array_agg comes back as an array on node-postgres and as '{A,B}' text on some drivers. */
function parseArray(value: unknown): OutreachChannel[] {
  if (Array.isArray(value)) return value as OutreachChannel[];
  if (typeof value === 'string' && value.length > 2) return value.slice(1, -1).split(',') as OutreachChannel[];
  return [];
}

/**
 * Creates the notices for these candidates, each at most once per (record, trigger, programme,
 * period) — the table's unique key; a candidate found again is skipped. A record with no usable
 * channel gets no notice at all (no opt-in, no notice). Automatic kinds are enqueued at once (after
 * this statement commits); the rest wait for approval. Returns the ids created.
 */
export async function createNotices(
  em: EntityManager,
  queue: NoticeQueue | null,
  candidates: readonly NoticeCandidate[],
  approval: ApprovalPolicy = APPROVAL_BY_DEFAULT,
): Promise<{ created: string[]; unreachable: number; duplicates: number }> {
  const reach = await reachableChannels(em, [...new Set(candidates.map((c) => c.recordId))]);
  const created: string[] = [];
  const toSend: Array<{ id: string; due: Date }> = [];
  let unreachable = 0;
  let duplicates = 0;
  const now = new Date();
  for (let i = 0; i < candidates.length; i += 500) {
    const chunk = candidates.slice(i, i + 500);
    const values: unknown[] = [];
    const rows: string[] = [];
    const meta: Array<{ id: string; auto: boolean; due: Date; c: NoticeCandidate; channel: OutreachChannel }> = [];
    for (const c of chunk) {
      const channel = reach.get(c.recordId);
      if (!channel) {
        unreachable++;
        continue;
      }
      const id = randomUUID();
      const decided = approval(c.municipalityCode, c.kind);
      const auto = decided !== 'approval';
      const due = c.dueAt ?? now;
      meta.push({ id, auto, due, c, channel });
      rows.push('(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?, ?::jsonb, ?, ?)');
      values.push(
        id,
        c.municipalityCode,
        c.recordId,
        c.department,
        c.kind,
        c.trigger,
        c.programmeId,
        c.period,
        channel,
        decided === 'automatic' ? NoticeApproval.AUTOMATIC : decided === 'approved' ? NoticeApproval.APPROVED : NoticeApproval.PENDING,
        NoticeStatus.CREATED,
        due,
        `<${id}@notice.yorisoi>`,
        c.locale ?? 'ja',
        JSON.stringify(c.facts),
        now,
        now,
      );
    }
    if (rows.length === 0) continue;
    const inserted = await rawQuery<{ id: string }>(
      em,
      `insert into outreach_notice (id, municipality_code, record_id, department, kind, trigger, programme_id, period, channel, approval, status, attempts, handoffs, due_at, message_id, locale, facts, created_at, status_at)
       values ${rows.join(', ')} on conflict ("record_id", "trigger", "programme_id", "period") do nothing returning id`,
      values,
    );
    const ids = new Set(inserted.map((r) => r.id));
    duplicates += meta.length - ids.size;
    // One figure bump per (municipality, kind, channel) of the chunk, not one per notice.
    const counts = new Map<string, { c: NoticeCandidate; channel: OutreachChannel; n: number }>();
    for (const m of meta) {
      if (!ids.has(m.id)) continue;
      created.push(m.id);
      const key = `${m.c.municipalityCode} ${m.c.kind} ${m.channel}`;
      const count = counts.get(key);
      if (count) count.n++;
      else counts.set(key, { c: m.c, channel: m.channel, n: 1 });
      if (m.auto) toSend.push({ id: m.id, due: m.due });
    }
    for (const { c, channel, n } of counts.values()) await bump(em, c.municipalityCode, now, c.kind, channel, 'created', n);
  }
  if (queue) await enqueueByDue(queue, toSend);
  return { created, unreachable, duplicates };
}

async function enqueueByDue(queue: NoticeQueue, items: Array<{ id: string; due: Date }>): Promise<void> {
  const now = Date.now();
  const nowIds = items.filter((i) => i.due.getTime() <= now).map((i) => i.id);
  await queue.enqueue(nowIds);
  // Later ones grouped by their due time (a scheduled campaign: thousands at one time, one insert).
  const later = new Map<number, string[]>();
  for (const i of items) {
    const at = i.due.getTime();
    if (at <= now) continue;
    const ids = later.get(at);
    if (ids) ids.push(i.id);
    else later.set(at, [i.id]);
  }
  for (const [at, ids] of later) await queue.enqueue(ids, new Date(at));
}

/**
 * A caseworker's decision on waiting candidates (their department's only): approved ones are enqueued,
 * rejected ones never sent. Returns the ids whose approval changed.
 */
export async function decideNotices(
  em: EntityManager,
  queue: NoticeQueue | null,
  municipalityCode: string,
  department: string,
  ids: readonly string[],
  approve: boolean,
): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await rawQuery<{ id: string; due_at: Date | string }>(
    em,
    `update outreach_notice set approval = ?, status_at = now() where municipality_code = ? and department = ? and approval = 'PENDING' and id = any(?::uuid[]) returning id, due_at`,
    [approve ? NoticeApproval.APPROVED : NoticeApproval.REJECTED, municipalityCode, department, ids as string[]],
  );
  if (approve && queue)
    await enqueueByDue(
      queue,
      rows.map((r) => ({ id: r.id, due: new Date(r.due_at) })),
    );
  return rows.map((r) => r.id);
}
