/**
 * Family notices delivered by push-type support (api/outreach): a change of an application becomes a
 * transactional notice on the outreach queue — no opt-in needed, only the contact the family gave, no
 * channel it withdrew, the DV rules — sent by the outreach workers over the same SMTP, with the
 * template that says only "there is an update, sign in" (seeds/notices: application-update). The
 * wording FamilyNotice carries is not used: nothing of the application leaves in the message.
 *
 * A sign-in code the family asked for is not queued (it is useless once it waits behind quiet hours):
 * push-type support sends it at once on the contact the family named, under the same withdrawn-channel
 * and DV rules, and stores nothing of it (api/outreach/transactional.ts sendRequestedNow).
 */
import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { createTransactionalNotice, NoticeKind, OutreachChannel, type NoticeQueue, type RequestedMessage } from '../outreach';
import type { FamilyNotice, NoticeSender } from './notice-sender';

export interface OutreachDeliveryDeps {
  orm: MikroORM;
  queue: NoticeQueue | null;
  /** Where the family of a municipality signs in (its page with the family widget). */
  familyPageUrl: (municipalityCode: string) => string;
  /** Sends a message the family asked for now (Outreach.sendRequested); null: sign-in codes go to the fallback. */
  requested: ((m: RequestedMessage) => Promise<boolean>) | null;
  /** Anything else this delivery does not handle. */
  fallback: NoticeSender;
}

/** A period of at most 24 characters that is new for each change: the status and the time in base 36. */
export function changePeriod(status: string, at: Date): string {
  return `${status.slice(0, 14)}:${at.getTime().toString(36)}`;
}

export function outreachDelivery(deps: OutreachDeliveryDeps): NoticeSender {
  return {
    async send(notice: FamilyNotice): Promise<boolean> {
      if (notice.kind === 'sign-in' && deps.requested) {
        const locale = notice.locale ?? 'ja';
        return deps.requested({
          municipalityCode: notice.municipalityCode,
          recordId: notice.recordId,
          channel: notice.channel === 'EMAIL' ? OutreachChannel.EMAIL : OutreachChannel.SMS,
          subject: notice.subject[locale],
          text: notice.body[locale],
          key: notice.key ?? randomUUID(),
        });
      }
      if (notice.kind !== 'application-status' || !notice.applicationId || !notice.status) return deps.fallback.send(notice);
      const em = deps.orm.em.fork() as EntityManager;
      const id = await createTransactionalNotice(em, deps.queue, {
        municipalityCode: notice.municipalityCode,
        recordId: notice.recordId,
        department: notice.department ?? 'single-parent',
        kind: NoticeKind.APPLICATION_UPDATE,
        trigger: `application:${notice.applicationId}`,
        period: changePeriod(notice.status, new Date()),
        link: deps.familyPageUrl(notice.municipalityCode),
      });
      return id !== null;
    },
  };
}
