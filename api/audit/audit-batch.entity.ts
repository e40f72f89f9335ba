import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** The entries appended by one request, and their place in the municipality's hash chain. Written only by audit_append. */
@Entity({ readonly: true })
export class AuditBatch {
  @PrimaryKey({ type: 'bigint', autoincrement: false })
  id!: string;

  @Property({ type: 'string', length: 6 })
  municipalityCode!: string;

  @Property({ type: 'text' })
  prevHash!: string;

  @Property({ type: 'text' })
  hash!: string;

  @Property({ type: 'integer' })
  entries!: number;

  /** The API's HMAC of the entries with AUDIT_KEY (audit-seal.ts); null for batches written before the AuditSeal migration. */
  @Property({ type: 'text', nullable: true })
  seal?: string | null;
}
