import { ArrayType, Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One read or write of personal sections by staff or a partner: the records one request touched with
 * the same action and sections. Rows are written only by the SQL function audit_append (migrations
 * AuditLog and AuditRecordSets): the database refuses UPDATE and DELETE, and the entries of each call
 * form a batch whose SHA-256 chains to the previous batch of the municipality, so a changed or removed
 * row shows.
 */
@Entity({ readonly: true })
@Index({ properties: ['recordIds'], type: 'gin' })
@Index({ properties: ['municipalityCode', 'at'] })
export class AuditEntry {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  seq!: string;

  @Property({ type: 'string', length: 6 })
  municipalityCode!: string;

  @Property({ type: 'timestamptz' })
  at!: Date;

  /** `staff` or `partner`. */
  @Property({ type: 'string' })
  actorKind!: string;

  @Property({ type: 'uuid' })
  actorId!: string;

  @Property({ type: 'string' })
  actorName!: string;

  /** Department code, or the partner organisation's name. */
  @Property({ type: 'string' })
  actorDepartment!: string;

  /** The records read or written, in the order the request first touched them. */
  @Property({ type: ArrayType, columnType: 'uuid[]' })
  recordIds!: string[];

  /** `read` or `write`. */
  @Property({ type: 'string' })
  action!: string;

  @Property({ type: 'text[]' })
  sections!: string[];

  @Property({ type: 'string', nullable: true })
  operationName?: string | null;

  /** The batch (one request) this entry was appended in; batches are hash-chained (audit_batch). */
  @Property({ type: 'bigint', index: true })
  batchId!: string;
}
