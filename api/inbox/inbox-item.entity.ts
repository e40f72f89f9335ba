import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { DepartmentCode } from '../core';
import { RecordRow } from '../record';
import { StaffMember } from '../staff';
import { InboxItemKind } from './inbox-item-kind';

/**
 * Something new for a department to pick up: an intake submission or a chatbot visitor asking to talk
 * to a caseworker. Both carry a 電子個人票, so what staff see of it follows the record's access rules;
 * the item itself holds only routing and who took it. A chat request's own words are kept as the
 * record's concerns note; its preferred time is read under the same `concerns` rules.
 */
@Entity()
@Index({ properties: ['municipality', 'department', 'takenAt', 'receivedAt'] })
@Unique({ properties: ['municipality', 'idempotencyKey'] })
@Index({ properties: ['municipality', 'kind', 'receivedAt'] })
export class InboxItem extends RecordRow {
  /** The department whose inbox shows it: the record's owner for everything the public sends. */
  @Enum({ items: () => DepartmentCode, nativeEnumName: 'department_code' })
  department!: DepartmentCode;

  @Enum({ items: () => InboxItemKind })
  kind!: InboxItemKind;

  @Property({ type: 'string' })
  referenceNumber!: string;

  @Property({ type: 'timestamptz' })
  receivedAt: Date = new Date();

  /** Set when the family mentioned violence or danger: shown first, marked urgent. */
  @Property({ type: 'boolean', default: false })
  urgent: boolean = false;

  /** Chat requests: when the visitor would like to be called, in their words. */
  @Property({ type: 'string', length: 100, nullable: true })
  preferredTime?: string | null;

  /** Chat requests: the chatbot session the request came from (its messages are stored masked). */
  @Property({ type: 'uuid', nullable: true })
  chatSessionId?: string | null;

  /** Chat requests: the widget's key; a retried request returns the first receipt. */
  @Property({ type: 'string', length: 64, nullable: true })
  idempotencyKey?: string | null;

  @Property({ type: 'string', length: 64, nullable: true })
  inputHash?: string | null;

  @ManyToOne(() => StaffMember, { nullable: true })
  takenBy?: StaffMember | null;

  @Property({ type: 'timestamptz', nullable: true })
  takenAt?: Date | null;
}
