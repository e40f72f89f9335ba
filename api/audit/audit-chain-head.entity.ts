import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** The newest hash of each municipality's audit chain; written only by audit_append (see the AuditLog migration). */
@Entity({ readonly: true })
export class AuditChainHead {
  @PrimaryKey({ type: 'string', length: 6 })
  municipalityCode!: string;

  @Property({ type: 'text' })
  lastHash!: string;
}
