import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The audit trail of administration: accounts, sessions, two-factor, partners, settings. One row per
 * change, who and when, written in the change's transaction; the database refuses UPDATE, DELETE and
 * TRUNCATE (migration Accounts), like the audit log. `detail` names what changed (a role, a
 * department code), never a password, a token or a family's data.
 */
@Entity()
@Index({ properties: ['municipalityCode', 'id'] })
export class AdminEvent {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'string', length: 6 })
  municipalityCode!: string;

  @Property({ type: 'timestamptz' })
  at: Date = new Date();

  /** The staff member who acted; null for the operator's command line (municipality:create). */
  @Property({ type: 'uuid', nullable: true })
  actorId?: string | null;

  @Property({ type: 'string' })
  actorName!: string;

  /** e.g. `municipality.created`, `staff.invited`, `session.revoked` (ADMIN_ACTIONS). */
  @Property({ type: 'string' })
  action!: string;

  /** The id of what was changed (staff member, session, partner, record). */
  @Property({ type: 'string', nullable: true })
  subjectId?: string | null;

  @Property({ type: 'text', nullable: true })
  detail?: string | null;
}
