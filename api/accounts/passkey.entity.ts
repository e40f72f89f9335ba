import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * A passkey (WebAuthn credential) a staff member registered as a second factor. Only the public key
 * is kept; the signature counter is stored so that a cloned authenticator whose counter goes back is
 * refused. `name` is the person's own label ("事務室のPC").
 */
@Entity()
@Index({ properties: ['staffId'] })
export class StaffPasskey {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  staffId!: string;

  @Property({ type: 'string', length: 6 })
  municipalityCode!: string;

  /** The credential id, base64url, as the browser reports it. */
  @Property({ type: 'text' })
  @Unique()
  credentialId!: string;

  /** COSE public key, base64url. */
  @Property({ type: 'text' })
  publicKey!: string;

  /** Signature counter (uint32; 0 for authenticators that do not count). */
  @Property({ type: 'bigint', default: 0 })
  counter: string = '0';

  /** How the browser can reach it (internal, usb, hybrid…), handed back at sign-in. */
  @Property({ type: 'text[]', default: '{}' })
  transports: string[] = [];

  @Property({ type: 'string', length: 100 })
  name!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  lastUsedAt?: Date | null;
}

/** What a WebAuthn challenge was issued for. */
export type PasskeyChallengePurpose = 'register' | 'sign-in';

/**
 * A one-time WebAuthn challenge: issued by a begin step, used up by its finish step (conditional
 * update, so two finishes cannot both pass), refused after `expiresAt`. Bound to the staff member —
 * for sign-in, to the attempt whose password was right. The row is found by the SHA-256 of the
 * ticket handed to the browser, so the table alone does not let anyone finish a step.
 */
@Entity()
@Index({ properties: ['staffId'] })
export class PasskeyChallenge {
  @PrimaryKey({ type: 'string', length: 64 })
  ticketHash!: string;

  @Property({ type: 'uuid' })
  staffId!: string;

  @Property({ type: 'string', length: 10 })
  purpose!: PasskeyChallengePurpose;

  /** The challenge, base64url, as it must come back in clientDataJSON. */
  @Property({ type: 'string', length: 100 })
  challenge!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  usedAt?: Date | null;
}
