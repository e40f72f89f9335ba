import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** What a one-time link lets its holder do. Values are stored; keep them stable. */
export enum AccountLinkPurpose {
  /** The first administrator of a newly created municipality: chooses name, e-mail and password. */
  FIRST_ADMIN = 'first-admin',
  /** A staff member invited by an admin: chooses a password. */
  INVITATION = 'invitation',
  /** A new password, issued by an admin (never a password chosen by the admin). */
  RESET = 'reset',
  /** The second step of two-factor enrolment, after the password was checked (minutes). */
  TOTP_ENROLMENT = 'totp-enrolment',
}

/**
 * A one-time link (or enrolment ticket). The token itself is 32 random bytes shown once; only its
 * SHA-256 is stored, so a copy of the database opens no account. Used once (usedAt), expires.
 */
@Entity()
@Index({ properties: ['staffId'] })
export class AccountLink {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 6 })
  municipalityCode!: string;

  /** The staff member; null for FIRST_ADMIN (the account is created when the link is used). */
  @Property({ type: 'uuid', nullable: true })
  staffId?: string | null;

  @Enum({ items: () => AccountLinkPurpose, type: 'string' })
  purpose!: AccountLinkPurpose;

  @Property({ type: 'string', unique: true })
  tokenHash!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  usedAt?: Date | null;

  /** RESET only: the second factor is removed too when the link is used (a lost authenticator). */
  @Property({ type: 'boolean', default: false })
  resetTwoFactor = false;
}
