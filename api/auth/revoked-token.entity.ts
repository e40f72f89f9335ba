import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** A signed-out access token, kept until it would have expired anyway. */
@Entity()
export class RevokedToken {
  @PrimaryKey({ type: 'string' })
  jti!: string;

  @Property({ type: 'timestamptz', index: true })
  expiresAt!: Date;

  /** Set by the database (now()): replicas compare it with the database's clock, never their own. */
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  revokedAt?: Date;
}
