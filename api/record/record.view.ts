import type { ChildRows } from './child-rows';
import type { PersonalRecord } from './personal-record.entity';

/**
 * What resolvers read of a record: the entity itself after a write, or a plain row mapped by
 * RecordReader on the read path (lists and look-ups skip entity hydration; see record.reader.ts).
 */
export type RecordView = Pick<
  PersonalRecord,
  | 'id'
  | 'referenceNumber'
  | 'version'
  | 'ownerDepartment'
  | 'source'
  | 'createdAt'
  | 'updatedAt'
  | 'identity'
  | 'address'
  | 'contact'
  | 'household'
  | 'income'
  | 'concerns'
  | 'selfReliancePlan'
  | 'protection'
  | 'sharedWith'
  | 'privacyNoticeVersion'
> & {
  municipality: { code: string };
  /** Child rows that came with the record's own row (a page query's prefetch); the rest load on demand. */
  prefetched?: Partial<ChildRows>;
};
