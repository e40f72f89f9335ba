import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BookingStatus } from './interview.entity';

registerEnumType(BookingStatus, {
  name: 'InterviewBookingStatus',
  description: 'Where an interview booking stands.',
  valuesConfig: {
    BOOKED: { description: 'Booked; the place is held.' },
    CANCELLED: { description: 'Cancelled by the family; the place was freed.' },
    KEPT: { description: 'The family came (set by staff).' },
    MISSED: { description: 'The family did not come (set by staff).' },
  },
});

@ObjectType({ simpleResolvers: true, description: 'A free interview time at the department’s counter.' })
export class InterviewSlotView {
  @Field(() => ID, { description: 'The slot id, to book it.' }) id!: string;
  @Field(() => Date, { description: 'Start (UTC; shown in Japan time).' }) startsAt!: Date;
  @Field(() => Date, { description: 'End (UTC).' }) endsAt!: Date;
  @Field(() => Int, { description: 'Places left.' }) remaining!: number;
}

@ObjectType({ simpleResolvers: true, description: 'A booked interview.' })
export class InterviewBookingView {
  @Field(() => ID, { description: 'The booking id.' }) id!: string;
  @Field(() => ID, { description: 'The application it is for.' }) applicationId!: string;
  @Field(() => String, { description: 'The procedure’s name (request locale).' }) procedureName!: string;
  @Field(() => Date, { description: 'Start (UTC; shown in Japan time).' }) startsAt!: Date;
  @Field(() => Date, { description: 'End (UTC).' }) endsAt!: Date;
  @Field(() => BookingStatus, { description: 'Where it stands.' }) status!: BookingStatus;
  @Field(() => String, { description: 'An iCalendar file (RFC 5545, text/calendar) to add it to a calendar, with a reminder the day before.' })
  calendar!: string;
}

@InputType({ description: 'Book an interview time for an application.' })
export class BookInterviewInput {
  @Field(() => String, { description: 'The session from signInFamily.' }) session!: string;
  @Field(() => ID, { description: 'The application.' }) applicationId!: string;
  @Field(() => ID, { description: 'The slot from interviewSlots.' }) slotId!: string;
}

@InputType({ description: 'Move a booked interview to another time.' })
export class RescheduleInterviewInput {
  @Field(() => String, { description: 'The session from signInFamily.' }) session!: string;
  @Field(() => ID, { description: 'The booking.' }) bookingId!: string;
  @Field(() => ID, { description: 'The new slot.' }) slotId!: string;
}

@InputType({ description: 'Cancel a booked interview.' })
export class CancelInterviewInput {
  @Field(() => String, { description: 'The session from signInFamily.' }) session!: string;
  @Field(() => ID, { description: 'The booking.' }) bookingId!: string;
}

@ObjectType({ simpleResolvers: true, description: 'An interview booking as the department’s staff see it (the counter’s day).' })
export class StaffInterviewView {
  @Field(() => ID, { description: 'The booking id.' }) id!: string;
  @Field(() => ID, { description: 'The application it is for.' }) applicationId!: string;
  @Field(() => String, { description: 'The procedure’s name (request locale).' }) procedureName!: string;
  @Field(() => String, { nullable: true, description: 'The application’s receipt number.' }) receiptNumber?: string | null;
  @Field(() => String, { description: 'The record’s reference number.' }) referenceNumber!: string;
  @Field(() => Date, { description: 'Start (UTC; shown in Japan time).' }) startsAt!: Date;
  @Field(() => Date, { description: 'End (UTC).' }) endsAt!: Date;
  @Field(() => BookingStatus, { description: 'BOOKED, or KEPT / MISSED once marked (CANCELLED only on the application’s own list).' }) status!: BookingStatus;
  @Field(() => Date, { nullable: true, description: 'When staff marked it kept or missed.' }) markedAt?: Date | null;
}

@InputType({ description: 'Mark an interview kept or missed (after its time); a mark can be corrected.' })
export class MarkInterviewInput {
  @Field(() => ID, { description: 'The booking.' }) id!: string;
  @Field(() => BookingStatus, { description: 'KEPT or MISSED.' }) status!: BookingStatus;
}
