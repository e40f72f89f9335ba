import { Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Municipality } from '../municipality/municipality.entity';
import { PersonalRecord } from '../record/personal-record.entity';

/**
 * One intake submission, keyed by the idempotency key the widget makes. The unique key makes a
 * retried or duplicated submission return the first receipt instead of creating a second record.
 */
@Entity()
@Unique({ properties: ['municipality', 'idempotencyKey'] })
export class IntakeSubmission {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Municipality, { fieldName: 'municipality_code' })
  municipality!: Municipality;

  @Property({ type: 'string', length: 64 })
  idempotencyKey!: string;

  /** SHA-256 of the submitted answers: the same key with different answers is refused. */
  @Property({ type: 'string', length: 64 })
  inputHash!: string;

  @ManyToOne(() => PersonalRecord, { deleteRule: 'cascade' })
  record!: PersonalRecord;

  @Property({ type: 'string' })
  referenceNumber!: string;

  @Property({ type: 'timestamptz' })
  receivedAt: Date = new Date();
}
