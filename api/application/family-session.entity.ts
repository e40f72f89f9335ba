import { Entity, Index, Property } from '@mikro-orm/core';
import { RecordRow } from '../record';

/**
 * A one-time sign-in sent to the contact on the record: a 6-digit code and a link token, both stored
 * only as keyed hashes. Used once, within minutes, with a few tries (family-auth.ts).
 */
@Entity()
@Index({ properties: ['record', 'createdAt'] })
export class FamilySignIn extends RecordRow {
  @Property({ type: 'string', length: 64 })
  codeHash!: string;

  @Property({ type: 'string', length: 64, unique: true })
  linkHash!: string;

  @Property({ type: 'smallint', default: 0 })
  attempts: number = 0;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  usedAt?: Date | null;
}

/** A family's signed-in session on its page; the token is stored only as a hash. */
@Entity()
export class FamilySession extends RecordRow {
  @Property({ type: 'string', length: 64, unique: true })
  tokenHash!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date | null;
}

/**
 * A one-time hand-off from the intake receipt to the family page: the widget that submitted the intake
 * gets a short-lived token (stored here only as a keyed hash) and passes it in the fragment of its link;
 * the family page spends it once to have the sign-in code sent to the contact the intake gave.
 */
@Entity()
export class FamilyHandoff extends RecordRow {
  @Property({ type: 'string', length: 64, unique: true })
  tokenHash!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  usedAt?: Date | null;
}
