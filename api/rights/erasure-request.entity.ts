import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/**
 * A family's request to erase what is held about it (個人情報保護法: 利用停止・消去), and what became of
 * it. It names the record by id only (pseudonymous once the record is erased); it never holds the
 * family's data. `retained` lists what the retention rules kept, as data: `{ table, rows, years, until,
 * basis }` (api/rights/retention.ts). One open request per record (partial unique index, migration
 * DataRights).
 */
@Entity()
@Index({ properties: ['municipalityCode', 'status', 'requestedAt'] })
@Index({
  name: 'erasure_request_open_unique',
  expression: `create unique index "erasure_request_open_unique" on "erasure_request" ("record_id") where "status" = 'requested'`,
})
export class ErasureRequest {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 6 })
  municipalityCode!: string;

  @Property({ type: 'uuid' })
  recordId!: string;

  /** `requested`, `erased` (approved and done) or `rejected`. */
  @Property({ type: 'string', length: 16 })
  status: 'requested' | 'erased' | 'rejected' = 'requested';

  @Property({ type: 'timestamptz' })
  requestedAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  decidedAt?: Date | null;

  @Property({ type: 'uuid', nullable: true })
  decidedBy?: string | null;

  @Property({ type: 'string', nullable: true })
  decidedByName?: string | null;

  /** Why a request was refused (staff's words; never the family's data). */
  @Property({ type: 'text', nullable: true })
  reason?: string | null;

  @Property({ type: 'jsonb', nullable: true })
  retained?: RetainedItem[] | null;
}

export interface RetainedItem {
  table: string;
  rows: number;
  years: number | null;
  until: string | null;
  basis: { ja: string; en: string; 'ja-easy': string };
}
