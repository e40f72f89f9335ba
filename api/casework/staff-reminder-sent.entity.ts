import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { StaffMember } from '../staff';

/**
 * One row per member of staff and Japan day once that day's reminder e-mail has been claimed
 * (staff-reminders.ts): the reminder goes once a day however often the job runs, on however many
 * processes. Written and read with SQL only; declared here so that the schema the entities describe is
 * the schema the migrations make (test/schema/migrations.test.ts).
 */
@Entity({ tableName: 'staff_reminder_sent' })
export class StaffReminderSent {
  @ManyToOne(() => StaffMember, { primary: true, fieldName: 'staff_id', deleteRule: 'cascade', updateRule: 'no action' })
  staff!: StaffMember;

  @PrimaryKey({ type: 'date' })
  day!: string;

  @Property({ type: 'timestamptz' })
  sentAt!: Date;
}
