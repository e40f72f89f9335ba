import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { DepartmentCode } from '../../core';
import { Municipality } from '../../municipality';
import { Application } from '../application.entity';
import { RecordRow } from '../../record';

/**
 * A time at a department's counter with room for `capacity` families. `booked` is changed only by one
 * conditional UPDATE (booked < capacity), which the database serialises per row: no double booking,
 * however many families press the button at once (booking.service.ts).
 */
@Entity()
@Unique({ properties: ['municipality', 'department', 'startsAt'] })
export class InterviewSlot {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Municipality, { fieldName: 'municipality_code' })
  municipality!: Municipality;

  @Enum({ items: () => DepartmentCode, nativeEnumName: 'department_code' })
  department!: DepartmentCode;

  @Property({ type: 'timestamptz' })
  startsAt!: Date;

  @Property({ type: 'timestamptz' })
  endsAt!: Date;

  @Property({ type: 'smallint' })
  capacity!: number;

  @Property({ type: 'smallint', default: 0 })
  booked: number = 0;
}

export enum BookingStatus {
  BOOKED = 'BOOKED',
  CANCELLED = 'CANCELLED',
  KEPT = 'KEPT',
  MISSED = 'MISSED',
}

/** A family's booking of a slot for an application; at most one BOOKED per application. */
@Entity()
@Index({ properties: ['record', 'status'] })
@Index({
  name: 'interview_booking_one_per_application',
  expression: `create unique index "interview_booking_one_per_application" on "interview_booking" ("application_id") where "status" = 'BOOKED'`,
})
export class InterviewBooking extends RecordRow {
  @ManyToOne(() => InterviewSlot)
  slot!: InterviewSlot;

  @ManyToOne(() => Application, { deleteRule: 'cascade' })
  application!: Application;

  @Enum({ items: () => BookingStatus })
  status: BookingStatus = BookingStatus.BOOKED;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  cancelledAt?: Date | null;

  /** When staff marked it kept or missed, and who (a staff member id). */
  @Property({ type: 'timestamptz', nullable: true })
  markedAt?: Date | null;

  @Property({ type: 'uuid', nullable: true })
  markedBy?: string | null;
}
