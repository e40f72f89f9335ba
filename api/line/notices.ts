import type { Locale } from '../core';
import { fill } from '../chat';
import { LineClient } from './client';
import type { LineSettings } from './config';
import type { LineLinks } from './link';
import { textMessage } from './render';
import { LT } from './texts';

/**
 * A notice for one family, as the outreach queue hands it to a channel (docs/design.md: notice kinds
 * and statuses). It carries no text: what a notice says stays on the authenticated page.
 */
export interface LineNotice {
  /** The notice's id, a UUID: also the X-Line-Retry-Key, so a repeat is never sent twice. */
  id: string;
  municipalityCode: string;
  recordId: string;
  /** The outreach notice kind (api/outreach NoticeKind); LINE says the same sentence for every kind, so any is accepted. */
  kind: string;
  locale?: Locale;
}

export type LineNoticeStatus = 'DELIVERED' | 'TEMPORARY_FAILURE' | 'PERMANENT_FAILURE' | 'OPTED_OUT';

export interface LineNoticeResult {
  status: LineNoticeStatus;
  /** For TEMPORARY_FAILURE after LINE's 429: when to try again. */
  retryAfterSeconds?: number;
  /** Why, in a word (never a value of the record): not-linked, notices-off, blocked, no-channel, http-<status>. */
  reason?: string;
}

/** The channel adapter the outreach queue calls (its sender for channel LINE). */
export interface LineNoticeChannel {
  sendLine(notice: LineNotice): Promise<LineNoticeResult>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Push over LINE. Only to a family that linked its account, opted in to notices and has not blocked
 * the account (OPTED_OUT otherwise, nothing sent). Every kind says the same discreet sentence with
 * the link to the family's page: no programme name, amount or date, whatever the family's wording
 * choice — someone reading over a shoulder learns only that the municipality wrote.
 * 409 on a repeat of the retry key means LINE took the first one: DELIVERED.
 */
export class LineNoticeSender implements LineNoticeChannel {
  constructor(
    private readonly settings: LineSettings,
    private readonly links: LineLinks,
  ) {}

  /** The message for a notice: the same for every kind (texts.ts LT.notice). */
  message(notice: Pick<LineNotice, 'municipalityCode' | 'locale'>): string | null {
    const channel = this.settings.channels.get(notice.municipalityCode);
    return channel ? fill(LT.notice[notice.locale ?? 'ja'], { url: channel.familyPageUrl }) : null;
  }

  async sendLine(notice: LineNotice): Promise<LineNoticeResult> {
    if (!UUID.test(notice.id)) throw new Error('a LINE notice id must be a UUID (it is the X-Line-Retry-Key)');
    const channel = this.settings.channels.get(notice.municipalityCode);
    if (!channel) return { status: 'OPTED_OUT', reason: 'no-channel' };
    const link = await this.links.activeForRecord(notice.municipalityCode, notice.recordId);
    if (!link) return { status: 'OPTED_OUT', reason: 'not-linked' };
    if (!link.notices) return { status: 'OPTED_OUT', reason: 'notices-off' };
    if (link.blocked) return { status: 'OPTED_OUT', reason: 'blocked' };
    const result = await new LineClient(this.settings.apiBase, channel.accessToken).push(
      link.userId,
      [textMessage(this.message(notice)!)],
      notice.id.toLowerCase(),
    );
    if (result.ok) return { status: 'DELIVERED', ...(result.alreadySent ? { reason: 'already-sent' } : {}) };
    return result.temporary
      ? { status: 'TEMPORARY_FAILURE', reason: `http-${result.status}`, ...(result.retryAfterSeconds ? { retryAfterSeconds: result.retryAfterSeconds } : {}) }
      : { status: 'PERMANENT_FAILURE', reason: `http-${result.status}` };
  }
}
