import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { apiError, StaffRole } from '../../core';
import type { Context } from '../../server/context';
import { FamilyAuth } from '../family-auth';
import { applicationServices } from '../services';
import { Bookings } from './booking.service';
import {
  BookInterviewInput,
  CancelInterviewInput,
  InterviewBookingView,
  InterviewSlotView,
  MarkInterviewInput,
  RescheduleInterviewInput,
  StaffInterviewView,
} from './interview.types';
import { StaffInterviews } from './staff-interviews';

async function bookings(ctx: Context, session: string): Promise<Bookings> {
  const who = await new FamilyAuth(ctx.em, ctx.services.auth.secret, ctx.locale).identify(session);
  return new Bookings(ctx.em, applicationServices(ctx.services), who, ctx.locale);
}

export function staffInterviews(ctx: Context): StaffInterviews {
  if (ctx.viewer.kind !== 'staff')
    throw apiError('FORBIDDEN', { ja: '職員のみ利用できます。', en: 'Staff only.', 'ja-easy': '職員だけ つかえます。' }, ctx.locale);
  return new StaffInterviews(ctx.em, applicationServices(ctx.services), ctx.viewer, ctx.audit, ctx.locale);
}

@Resolver()
export class InterviewResolver {
  @Query(() => [StaffInterviewView], { description: 'The staff member’s department’s interview bookings between two dates (not cancelled), earliest first.' })
  applicationInterviews(
    @Arg('from', () => String, { description: 'First day, YYYY-MM-DD (Japan time).' }) from: string,
    @Arg('to', () => String, { description: 'Last day, YYYY-MM-DD (at most 62 days after from).' }) to: string,
    @Ctx() ctx: Context,
  ): Promise<StaffInterviewView[]> {
    return staffInterviews(ctx).list(from, to);
  }

  @Mutation(() => StaffInterviewView, {
    description: 'Mark an interview kept or missed, once its time has come; CONFLICT before that or for a cancelled booking.',
  })
  markInterview(
    @Arg('input', () => MarkInterviewInput, { description: 'The booking and the mark.' }) input: MarkInterviewInput,
    @Ctx() ctx: Context,
  ): Promise<StaffInterviewView> {
    // A write: viewers see the bookings but do not mark them.
    ctx.gate.staff([StaffRole.CASEWORKER, StaffRole.SUPERVISOR, StaffRole.ADMIN]);
    return staffInterviews(ctx).mark(input.id, input.status);
  }

  @Query(() => [InterviewSlotView], { description: 'Free interview times for an application, on open days (開庁日) of the coming weeks.' })
  async interviewSlots(
    @Arg('session', () => String, { description: 'The session from signInFamily.' }) session: string,
    @Arg('applicationId', () => ID, { description: 'The application.' }) applicationId: string,
    @Ctx() ctx: Context,
  ): Promise<InterviewSlotView[]> {
    return (await bookings(ctx, session)).slots(applicationId);
  }

  @Mutation(() => InterviewBookingView, { description: 'Book an interview; CONFLICT when the time just filled up.' })
  async bookInterview(
    @Arg('input', () => BookInterviewInput, { description: 'The application and the slot.' }) input: BookInterviewInput,
    @Ctx() ctx: Context,
  ): Promise<InterviewBookingView> {
    return (await bookings(ctx, input.session)).book(input.applicationId, input.slotId);
  }

  @Mutation(() => InterviewBookingView, { description: 'Move a booked interview to another time; the old place is freed only if the new one is taken.' })
  async rescheduleInterview(
    @Arg('input', () => RescheduleInterviewInput, { description: 'The booking and the new slot.' }) input: RescheduleInterviewInput,
    @Ctx() ctx: Context,
  ): Promise<InterviewBookingView> {
    return (await bookings(ctx, input.session)).reschedule(input.bookingId, input.slotId);
  }

  @Mutation(() => InterviewBookingView, { description: 'Cancel a booked interview.' })
  async cancelInterview(
    @Arg('input', () => CancelInterviewInput, { description: 'The booking.' }) input: CancelInterviewInput,
    @Ctx() ctx: Context,
  ): Promise<InterviewBookingView> {
    return (await bookings(ctx, input.session)).cancel(input.bookingId);
  }
}
