import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Consultation } from '../consultation/consultation.entity';
import { BenefitInUse } from './benefit-in-use.entity';
import { Child } from './child.entity';
import { ConsentEvent } from './consent-event.entity';

/** Groups rows by record id in the order of the requested ids (DataLoader's contract). */
function byRecord<T extends { record: { id: string } }>(ids: readonly string[], rows: T[]): T[][] {
  const groups = new Map<string, T[]>(ids.map((id) => [id, []]));
  for (const row of rows) groups.get(row.record.id)?.push(row);
  return ids.map((id) => groups.get(id)!);
}

/**
 * Per-request loaders for a record's child rows: one statement per kind for a whole page of
 * records, however many records the page has (test/record/statement-count.test.ts).
 */
export function createRecordLoaders(em: EntityManager) {
  return {
    children: new DataLoader<string, Child[]>(async (ids) =>
      byRecord(ids, await em.find(Child, { record: { $in: [...ids] } }, { orderBy: { record: 'asc', position: 'asc' } })),
    ),
    benefits: new DataLoader<string, BenefitInUse[]>(async (ids) =>
      byRecord(ids, await em.find(BenefitInUse, { record: { $in: [...ids] } }, { orderBy: { record: 'asc', programmeId: 'asc' } })),
    ),
    consultations: new DataLoader<string, Consultation[]>(async (ids) =>
      byRecord(
        ids,
        await em.find(Consultation, { record: { $in: [...ids] } }, { populate: ['department', 'staffMember'], orderBy: { date: 'desc', createdAt: 'desc' } }),
      ),
    ),
    consentHistory: new DataLoader<string, ConsentEvent[]>(async (ids) =>
      byRecord(ids, await em.find(ConsentEvent, { record: { $in: [...ids] } }, { orderBy: { at: 'desc' } })),
    ),
  };
}

export type RecordLoaders = ReturnType<typeof createRecordLoaders>;
