/**
 * How this module tells a family something (a sign-in code, a status change). Delivery belongs to the
 * push-type support lane (api/outreach: consent per channel, queue, SMTP, SMS); this module only says
 * what to send and to which contact of the record. The lead wires an implementation into
 * `services.applications.notices`; without one, nothing is sent and sign-in by code is unavailable
 * (sign-in from the intake receipt still works).
 */
import type { Locale, LocalizedText } from '../core';

export type NoticeChannel = 'EMAIL' | 'SMS';

export interface FamilyNotice {
  municipalityCode: string;
  recordId: string;
  /** `sign-in` (a one-time code and link) or `application-status` (a change the family must hear of). */
  kind: 'sign-in' | 'application-status';
  channel: NoticeChannel;
  /** The address or number, from the record (never typed by the caller). */
  to: string;
  subject: LocalizedText;
  body: LocalizedText;
  /** application-status: which application and the status it moved to (for a delivery that makes its own message). */
  applicationId?: string;
  status?: string;
  /** The department handling it (whose figures and whose inbox the notice belongs to). */
  department?: string;
  /** sign-in: the language the family asked in, and the sign-in row's id (a provider's de-duplication key). */
  locale?: Locale;
  key?: string;
}

export interface NoticeSender {
  /** Resolves true when the notice was accepted for delivery. Must not throw for a bad address. */
  send(notice: FamilyNotice): Promise<boolean>;
}

/** The default until the outreach lane's delivery is wired: nothing is sent. */
export const NO_DELIVERY: NoticeSender = { send: async () => false };
