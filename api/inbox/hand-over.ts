import type { EntityManager } from '@mikro-orm/postgresql';
import { isDepartmentCode, OWNER_DEPARTMENT } from '../core';
import type { PersonalRecord } from '../record';
import { InboxItem } from './inbox-item.entity';
import { InboxItemKind } from './inbox-item-kind';

/**
 * The one-stop hand-over (record/'s CONSENT_GRANTED): a department the family newly consents to share
 * with gets an item in its inbox, read under its own policy like everything else. Not for partners
 * (referrals are theirs) or the owner; not twice while an earlier hand-over to that department is still
 * untaken.
 */
export async function handOver(em: EntityManager, record: PersonalRecord, granted: string[], at: Date, creating: boolean): Promise<void> {
  for (const target of granted) {
    if (!isDepartmentCode(target) || target === OWNER_DEPARTMENT) continue;
    const waiting = !creating && (await em.count(InboxItem, { record: record.id, department: target, kind: InboxItemKind.SHARED, takenAt: null }));
    if (waiting) continue;
    em.persist(
      em.create(InboxItem, {
        municipality: record.municipality,
        department: target,
        kind: InboxItemKind.SHARED,
        record,
        referenceNumber: record.referenceNumber,
        receivedAt: at,
        urgent: false,
      } as never),
    );
  }
}
