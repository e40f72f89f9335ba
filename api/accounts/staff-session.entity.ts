import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One sign-in of a staff member: its id is the access token's jti. Listed to its owner and to admins,
 * revocable one by one; disabling an account or changing its role revokes them all at once (the
 * token ids go to the revocation list, which every API process checks on every request).
 */
@Entity()
@Index({ properties: ['staffId', 'expiresAt'] })
export class StaffSession {
  @PrimaryKey({ type: 'string' })
  id!: string;

  @Property({ type: 'uuid' })
  staffId!: string;

  @Property({ type: 'string', length: 6 })
  municipalityCode!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date | null;

  /** Whether the sign-in passed a second factor (TOTP or a recovery code). */
  @Property({ type: 'boolean', default: false })
  twoFactor = false;
}
