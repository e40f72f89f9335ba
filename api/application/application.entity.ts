import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { EncryptedJson, EncryptedText } from '../crypto';
import { Municipality } from '../municipality';
import { RecordRow } from '../record';
import { ApplicationActor, ApplicationStatus } from './application-status';

/**
 * One online application (オンライン申請) of a family for one procedure of seeds/procedures. The answers
 * are stored sealed (ENCRYPTED_COLUMNS); `prefilled` lists the questions whose answer still equals what
 * the record held when it was pre-filled. Changes the family makes to pre-filled answers reach the
 * record only when staff accept the application (application.decisions.ts).
 */
@Entity()
@Index({ properties: ['municipality', 'status', 'procedureId', 'submittedAt'] })
@Index({ properties: ['record', 'createdAt'] })
@Unique({ properties: ['municipality', 'receiptNumber'] })
export class Application extends RecordRow {
  @Property({ type: 'string', length: 60 })
  procedureId!: string;

  @Enum({ items: () => ApplicationStatus })
  status: ApplicationStatus = ApplicationStatus.DRAFT;

  /**
   * Question id → canonical answer (procedures/answers.ts); sealed at rest. The sealed type is set here,
   * not through ENCRYPTED_COLUMNS: that list also drives the EncryptionAtRest migration, which runs
   * before this table exists.
   */
  @Property({ type: EncryptedJson, columnType: 'text' })
  answers: Record<string, string | null> = {};

  @Property({ type: 'text[]', default: '{}' })
  prefilled: string[] = [];

  /** How it arrived, for the reporting figures (`online` for the family page). */
  @Property({ type: 'string', length: 20, default: 'online' })
  channel: string = 'online';

  /** The number the family quotes, given on first submission. */
  @Property({ type: 'string', length: 9, nullable: true })
  receiptNumber?: string | null;

  @Property({ type: 'integer', version: true })
  version!: number;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  submittedAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  decidedAt?: Date | null;
}

/** One change of status, or a message, with who and when (append-only). */
@Entity()
@Index({ properties: ['application', 'at'] })
export class ApplicationEvent {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Municipality, { fieldName: 'municipality_code' })
  municipality!: Municipality;

  @ManyToOne(() => Application, { deleteRule: 'cascade' })
  application!: Application;

  @Enum({ items: () => ApplicationStatus, nullable: true })
  fromStatus?: ApplicationStatus | null;

  @Enum({ items: () => ApplicationStatus })
  toStatus!: ApplicationStatus;

  @Enum({ items: () => ApplicationActor })
  actor!: ApplicationActor;

  /** The staff member, for staff changes; null for the family. */
  @Property({ type: 'uuid', nullable: true })
  staffId?: string | null;

  @Property({ type: 'timestamptz' })
  at: Date = new Date();

  /** A request for more information, a reason for not accepting, or the family's reply; sealed at rest. */
  @Property({ type: EncryptedText, columnType: 'text', nullable: true })
  message?: string | null;
}
