import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Municipality } from '../municipality';
import { PersonalRecord } from '../record';

/**
 * A one-time sign-in sent to the contact on the record: a 6-digit code and a link token, both stored
 * only as keyed hashes. Used once, within minutes, with a few tries (family-auth.ts).
 */
@Entity()
@Index({ properties: ['record', 'createdAt'] })
export class FamilySignIn {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Municipality, { fieldName: 'municipality_code' })
  municipality!: Municipality;

  @ManyToOne(() => PersonalRecord, { deleteRule: 'cascade' })
  record!: PersonalRecord;

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
export class FamilySession {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Municipality, { fieldName: 'municipality_code' })
  municipality!: Municipality;

  @ManyToOne(() => PersonalRecord, { deleteRule: 'cascade' })
  record!: PersonalRecord;

  @Property({ type: 'string', length: 64, unique: true })
  tokenHash!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date | null;
}
