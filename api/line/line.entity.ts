import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { EncryptedText } from '../crypto';
import { Municipality } from '../municipality';
import { PersonalRecord } from '../record';

// The LINE tables are written with plain SQL (event-queue.ts, link.ts); the entities keep the schema
// documented next to the others. Migration20261204150000_LineChannel creates them; the keys, indexes and
// defaults are declared here too, so the schema the entities describe is the one the migration makes.

/** A webhook event waiting for the bot (event-queue.ts). `payload` is sealed, and erased once handled. */
@Entity({ tableName: 'line_event' })
@Unique({ properties: ['municipalityCode', 'webhookEventId'], name: 'line_event_municipality_code_webhook_event_id_unique' })
@Index({ name: 'line_event_due_index', expression: `create index "line_event_due_index" on "line_event" ("available_at") where "status" = 'queued'` })
@Index({ properties: ['doneAt'], name: 'line_event_done_at_index' })
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

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  receivedAt!: Date;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
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
@Index({
  name: 'line_link_active_user_unique',
  expression: `create unique index "line_link_active_user_unique" on "line_link" ("municipality_code", "user_key") where "revoked_at" is null`,
})
@Index({
  name: 'line_link_active_record_unique',
  expression: `create unique index "line_link_active_record_unique" on "line_link" ("record_id") where "revoked_at" is null`,
})
export class LineLink {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @ManyToOne(() => Municipality, { fieldName: 'municipality_code', mapToPk: true, deleteRule: 'no action', updateRule: 'no action' })
  municipalityCode!: string;

  /** Deleted with the record (erasure leaves no LINE id behind). */
  @ManyToOne(() => PersonalRecord, { fieldName: 'record_id', mapToPk: true, deleteRule: 'cascade', updateRule: 'no action' })
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

  @ManyToOne(() => PersonalRecord, { fieldName: 'record_id', mapToPk: true, deleteRule: 'cascade', updateRule: 'no action' })
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

/**
 * A municipality's LINE channel as an admin entered it in the console (channel-settings.ts). The secret
 * and the token are sealed at rest (AES-256-GCM, the keyring's data key, like staff TOTP secrets; set
 * here rather than in ENCRYPTED_COLUMNS, whose list drives a migration that runs before this table
 * exists, as application.entity.ts does) and never read back out through the API; null
 * means the deployment's LINE_<code>_… value is used.
 */
@Entity({ tableName: 'line_channel_setting' })
export class LineChannelSetting {
  @ManyToOne(() => Municipality, { fieldName: 'municipality_code', primary: true, mapToPk: true, deleteRule: 'no action', updateRule: 'no action' })
  municipalityCode!: string;

  @Property({ type: 'string', length: 20, nullable: true })
  channelId?: string | null;

  @Property({ type: EncryptedText, columnType: 'text', nullable: true })
  channelSecret?: string | null;

  @Property({ type: EncryptedText, columnType: 'text', nullable: true })
  accessToken?: string | null;

  @Property({ type: 'string', length: 32, nullable: true })
  basicId?: string | null;

  @Property({ type: 'timestamptz' })
  updatedAt!: Date;

  @Property({ type: 'string', length: 200 })
  updatedByName!: string;

  @Property({ type: 'timestamptz', nullable: true })
  testedAt?: Date | null;

  @Property({ type: 'boolean', nullable: true })
  testOk?: boolean | null;

  /** Why the last test failed, in a word (token, webhook-401, unreachable…): never a response body. */
  @Property({ type: 'string', length: 32, nullable: true })
  testProblem?: string | null;

  /** The official account's display name, as LINE reported it at the last test. */
  @Property({ type: 'string', length: 100, nullable: true })
  botName?: string | null;
}
