import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { rawQuery } from '../db';
import { ConsentMethod, OUTREACH_CHANNELS, OutreachChannel } from './outreach-types';

/**
 * Consent to receive notices, per channel (issue 16; 個人情報保護法 61–62: receiving notices is a declared
 * purpose, shown with its own version beside the opt-in question). Every change is a new row — who,
 * when, how and under which purpose text — so the current state is the latest row per channel and the
 * history is never rewritten. It is part of the record's contact section: read under that section's
 * policy (withheld from all but the owner when DV-protected).
 */
export interface ConsentChange {
  channel: OutreachChannel;
  granted: boolean;
  at: Date;
  method: ConsentMethod;
  /** A staff member id; null when the family gave it (intake, family page, one-click). */
  recordedBy: string | null;
  purposeVersion: string;
}

export async function recordConsent(
  em: EntityManager,
  municipalityCode: string,
  recordId: string,
  changes: Array<Omit<ConsentChange, 'at'> & { at?: Date }>,
): Promise<void> {
  for (const c of changes) {
    if (!OUTREACH_CHANNELS.includes(c.channel)) throw new Error(`unknown channel ${c.channel}`);
    await rawQuery(
      em,
      `insert into outreach_consent_event (id, municipality_code, record_id, channel, granted, at, method, recorded_by, purpose_version) values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [randomUUID(), municipalityCode, recordId, c.channel, c.granted, c.at ?? new Date(), c.method, c.recordedBy, c.purposeVersion],
    );
  }
}

/** The channels a record is opted in to now (latest change per channel is a grant). */
export async function optedInChannels(em: EntityManager, recordId: string): Promise<Set<OutreachChannel>> {
  const rows = await rawQuery<{ channel: OutreachChannel; granted: boolean }>(
    em,
    `select distinct on (channel) channel, granted from outreach_consent_event where record_id = ? order by channel, at desc, id desc`,
    [recordId],
  );
  return new Set(rows.filter((r) => r.granted).map((r) => r.channel));
}

/** optedInChannels for many records in one read (the sender's batch). */
export async function optedInChannelsOf(em: EntityManager, recordIds: readonly string[]): Promise<Map<string, Set<OutreachChannel>>> {
  const out = new Map<string, Set<OutreachChannel>>(recordIds.map((id) => [id, new Set()]));
  if (recordIds.length === 0) return out;
  const rows = await rawQuery<{ record_id: string; channel: OutreachChannel; granted: boolean }>(
    em,
    `select distinct on (record_id, channel) record_id, channel, granted from outreach_consent_event where record_id = any(?::uuid[]) order by record_id, channel, at desc, id desc`,
    [[...recordIds]],
  );
  for (const r of rows) if (r.granted) out.get(r.record_id)?.add(r.channel);
  return out;
}

export async function consentHistory(em: EntityManager, recordId: string): Promise<ConsentChange[]> {
  const rows = await rawQuery<{
    channel: OutreachChannel;
    granted: boolean;
    at: Date | string;
    method: ConsentMethod;
    recorded_by: string | null;
    purpose_version: string;
  }>(
    em,
    `select channel, granted, at, method, recorded_by, purpose_version from outreach_consent_event where record_id = ? order by at desc, id desc limit 200`,
    [recordId],
  );
  return rows.map((r) => ({
    channel: r.channel,
    granted: r.granted,
    at: new Date(r.at),
    method: r.method,
    recordedBy: r.recorded_by,
    purposeVersion: r.purpose_version,
  }));
}

/** What the sender needs to know about a record's contact section to choose a channel. */
export interface ContactFacts {
  email: string | null;
  phone: string | null;
  smsSafe: boolean | null;
  voicemailSafe: boolean | null;
  dvProtected: boolean;
  /** A LINE account linked to the record, not blocked, notices on (api/line). */
  lineLinked?: boolean;
}

/**
 * The channels a notice may use now: opted in, with an address, and — for a DV-protected record —
 * only those the family marked safe: SMS when smsSafe is true, a call when the family gave safe
 * times or said a voicemail is safe (the caseworker calls within those times). E-mail has no "safe"
 * answer of its own (a shared or watched mailbox is a known risk), so it is never used for a
 * DV-protected record, nor is LINE. Null ("not asked") is never safe.
 */
export function usableChannels(optedIn: ReadonlySet<OutreachChannel>, contact: ContactFacts & { safeTimes?: string | null }): OutreachChannel[] {
  const out: OutreachChannel[] = [];
  // The order is the preference among the channels the family opted in to: written ones first (the
  // information stays with the family), a caseworker's call last.
  for (const channel of [OutreachChannel.EMAIL, OutreachChannel.LINE, OutreachChannel.SMS, OutreachChannel.PHONE]) {
    if (!optedIn.has(channel)) continue;
    if (channel === OutreachChannel.EMAIL && !contact.email) continue;
    if (channel === OutreachChannel.LINE && !contact.lineLinked) continue;
    if ((channel === OutreachChannel.SMS || channel === OutreachChannel.PHONE) && !contact.phone) continue;
    if (contact.dvProtected) {
      // LINE is never offered to a DV-protected family (api/intake: a phone someone else may see).
      if (channel === OutreachChannel.EMAIL || channel === OutreachChannel.LINE) continue;
      if (channel === OutreachChannel.SMS && contact.smsSafe !== true) continue;
      if (channel === OutreachChannel.PHONE && !(contact.safeTimes?.trim() || contact.voicemailSafe === true)) continue;
    }
    out.push(channel);
  }
  return out;
}

/** The channels the family withdrew (its latest change per channel is a withdrawal). */
export async function withdrawnChannels(em: EntityManager, recordId: string): Promise<Set<OutreachChannel>> {
  const rows = await rawQuery<{ channel: OutreachChannel; granted: boolean }>(
    em,
    `select distinct on (channel) channel, granted from outreach_consent_event where record_id = ? order by channel, at desc, id desc`,
    [recordId],
  );
  return new Set(rows.filter((r) => !r.granted).map((r) => r.channel));
}

/**
 * The channel of a transactional notice (TRANSACTIONAL_KINDS): the contact the family gave, when it
 * allowed contact — e-mail, or an SMS where it said an SMS is safe, in the order of its preferred
 * channel — never one it withdrew, and for a DV-protected record the same limits as usableChannels.
 * No opt-in is needed. Null: nothing may be sent (the family page still shows the change).
 */
export function transactionalChannel(
  withdrawn: ReadonlySet<OutreachChannel>,
  contact: ContactFacts & { contactAllowed: boolean; preferredChannel: string | null },
): OutreachChannel | null {
  if (!contact.contactAllowed) return null;
  const email = contact.email && !contact.dvProtected && !withdrawn.has(OutreachChannel.EMAIL) ? OutreachChannel.EMAIL : null;
  const sms = contact.phone && contact.smsSafe === true && !withdrawn.has(OutreachChannel.SMS) ? OutreachChannel.SMS : null;
  if (contact.preferredChannel === 'LETTER') return null;
  return contact.preferredChannel === 'PHONE' ? (sms ?? email) : (email ?? sms);
}
