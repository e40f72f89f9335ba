// Interview booking: opening hours, slots on open days, bookings without double booking, iCalendar files.
export { InterviewResolver } from './interview.resolver';
export { BookingStatus, InterviewBooking, InterviewSlot } from './interview.entity';
export { Bookings, ensureSlots, hoursFor, type BookingView } from './booking.service';
export { DEFAULT_HOURS, slotTimes, type InterviewHours } from './hours';
export { interviewIcs, escapeText, fold } from './ics';
