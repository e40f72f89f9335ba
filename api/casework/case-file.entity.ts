import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { DepartmentCode } from '../core';
import { RecordRow } from '../record';
import { StaffMember } from '../staff';
import { CaseStatus } from './case-status';

/**
 * One department's work on one family: who is assigned, where it stands, when to get in touch next.
 * Per department, because each desk (児童扶養手当, 公営住宅, 生活困窮…) works the same family on its own.
 * Holds no personal data of the family; reading it requires seeing the record (rules 2, 4, 5).
 * The open-case indexes are partial: the worklist reads only cases that are not closed.
 */
@Entity()
@Unique({ properties: ['municipality', 'record', 'department'] })
@Index({
  name: 'case_file_open_next_contact_index',
  expression: `create index "case_file_open_next_contact_index" on "case_file" ("municipality_code", "department", "next_contact_date") where "status" <> 'closed'`,
})
@Index({
  name: 'case_file_open_assignee_index',
  expression: `create index "case_file_open_assignee_index" on "case_file" ("municipality_code", "department", "assignee_id") where "status" <> 'closed'`,
})
export class CaseFile extends RecordRow {
  @Enum({ items: () => DepartmentCode, nativeEnumName: 'department_code' })
  department!: DepartmentCode;

  @ManyToOne(() => StaffMember, { nullable: true, deleteRule: 'set null' })
  assignee?: StaffMember | null;

  @Enum({ items: () => CaseStatus })
  status: CaseStatus = CaseStatus.NEW;

  /** Why the case was closed (required with CLOSED; cleared when reopened). */
  @Property({ type: 'text', nullable: true })
  closedReason?: string | null;

  /** The next date to contact the family (Japan time); the worklist's follow-ups. */
  @Property({ type: 'date', nullable: true })
  nextContactDate?: string | null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz' })
  updatedAt: Date = new Date();

  /** Increases with every change; an update may pass it back to refuse someone else's newer change. */
  @Property({ type: 'integer', version: true })
  version!: number;
}
