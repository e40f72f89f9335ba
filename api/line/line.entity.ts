import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

// The LINE tables are written with plain SQL (event-queue.ts, link.ts); the entities keep the schema
// documented next to the others. Migration20261204150000_LineChannel creates them.

/** A webhook event waiting for the bot (event-queue.ts). `payload` is sealed, and erased once handled. */
@Entity({ tableName: 'line_event' })
export class LineEventRow {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'string', length: 6 })
  municipalityCode!: string;

  @Property({ type: 'string', length: 64 })
  webhookEventId!: string;

  @Property({ type: 'text' })
  payload!: string;

  /** queued, done or failed. */
  @Property({ type: 'string', length: 8, default: 'queued' })
  status!: string;

  @Property({ type: 'integer', default: 0 })
  attempts!: number;

  @Property({ type: 'timestamptz' })
  receivedAt!: Date;

  @Property({ type: 'timestamptz' })
  availableAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  doneAt?: Date | null;
}

/** A LINE user's current chat session, by keyed hash of the user id. */
@Entity({ tableName: 'line_chat_session' })
export class LineChatSession {
  @PrimaryKey({ type: 'string', length: 6 })
  municipalityCode!: string;

  @PrimaryKey({ type: 'string', length: 64 })
  userKey!: string;

  @Property({ type: 'uuid' })
  sessionId!: string;

  @Property({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** A LINE account linked to a 電子個人票 (link.ts). `userId` is sealed; revoked links stay as history. */
@Entity({ tableName: 'line_link' })
export class LineLink {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'string', length: 6 })
  municipalityCode!: string;

  @Property({ type: 'uuid' })
  recordId!: string;

  @Property({ type: 'string', length: 64 })
  userKey!: string;

  @Property({ type: 'text' })
  userId!: string;

  @Property({ type: 'timestamptz' })
  linkedAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date | null;

  /** family, staff or line (the user blocked the account). */
  @Property({ type: 'string', length: 16, nullable: true })
  revokedBy?: string | null;

  /** The family opted in to notices on LINE. */
  @Property({ type: 'boolean', default: false })
  notices!: boolean;

  @Property({ type: 'timestamptz', nullable: true })
  noticesChangedAt?: Date | null;

  /** The family blocked the account (unfollow): nothing is pushed until they add it again. */
  @Property({ type: 'boolean', default: false })
  blocked!: boolean;
}

/** A link under way: the one-time code from the family's link page, then LINE's nonce (hashes only). */
@Entity({ tableName: 'line_link_request' })
export class LineLinkRequest {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'string', length: 6 })
  municipalityCode!: string;

  @Property({ type: 'uuid' })
  recordId!: string;

  @Property({ type: 'string', length: 64, unique: true })
  codeHash!: string;

  @Property({ type: 'string', length: 64, nullable: true })
  userKey?: string | null;

  @Property({ type: 'string', length: 64, nullable: true, unique: true })
  nonceHash?: string | null;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  usedAt?: Date | null;
}
