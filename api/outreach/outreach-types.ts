import { registerEnumType } from 'type-graphql';

/** How a notice reaches the family (docs/design.md "Names for what comes next"); LINE through api/line (issue 20). */
export enum OutreachChannel {
  EMAIL = 'EMAIL',
  SMS = 'SMS',
  PHONE = 'PHONE',
  LINE = 'LINE',
}
registerEnumType(OutreachChannel, { name: 'OutreachChannel' });

export const OUTREACH_CHANNELS: readonly OutreachChannel[] = Object.values(OutreachChannel);

/** GOV.UK Notify's statuses, plus OPTED_OUT for a notice whose family withdrew before it was sent. */
export enum NoticeStatus {
  CREATED = 'CREATED',
  SENDING = 'SENDING',
  DELIVERED = 'DELIVERED',
  TEMPORARY_FAILURE = 'TEMPORARY_FAILURE',
  PERMANENT_FAILURE = 'PERMANENT_FAILURE',
  OPTED_OUT = 'OPTED_OUT',
}
registerEnumType(NoticeStatus, { name: 'NoticeStatus' });

export enum NoticeKind {
  PROGRAMME_FITS = 'programme-fits',
  AMOUNT_CHANGED = 'amount-changed',
  PROGRAMME_LAPSES = 'programme-lapses',
  DEADLINE = 'deadline',
  CAMPAIGN = 'campaign',
  REMINDER = 'reminder',
  /** An application the family filed changed (issue 17): transactional, see TRANSACTIONAL_KINDS. */
  APPLICATION_UPDATE = 'application-update',
}
export const NOTICE_KINDS: readonly NoticeKind[] = Object.values(NoticeKind);

/**
 * Notices about something the family itself started (an application it filed): they need no opt-in
 * to notices — the family gave its contact for this — but go only to a contact it gave with
 * contact allowed, never on a channel it withdrew, and under the same DV rules (consent.ts).
 */
export const TRANSACTIONAL_KINDS: ReadonlySet<string> = new Set([NoticeKind.APPLICATION_UPDATE]);

export enum NoticeApproval {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  AUTOMATIC = 'AUTOMATIC',
}
registerEnumType(NoticeApproval, { name: 'NoticeApproval' });

/** How a consent change was given: recorded in the history beside who and when. */
export enum ConsentMethod {
  INTAKE = 'intake',
  STAFF = 'staff',
  FAMILY_PAGE = 'family-page',
  ONE_CLICK = 'one-click',
  /** The family replied to an SMS with a stop word (sms-inbound.ts). */
  SMS_REPLY = 'sms-reply',
}
