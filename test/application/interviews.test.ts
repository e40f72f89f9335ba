// Interview booking: slots only on open days, book / reschedule / cancel with an iCalendar file, and no
// double booking under concurrency — 50 families at once for 10 places: exactly 10 get one.
import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationServices } from '../../api/application';
import { Application } from '../../api/application/application.entity';
import { ApplicationStatus } from '../../api/application/application-status';
import { Bookings, InterviewBooking, InterviewSlot } from '../../api/application/interviews';
import { todayInJapan } from '../../api/core/dates';
import { isOpenDay } from '../../api/core/open-days';
import { DepartmentCode } from '../../api/core/departments';
import { PersonalRecord } from '../../api/record/personal-record.entity';
import { newReferenceNumber } from '../../api/record/reference-number';
import { startTestApp, type TestApp } from '../support/app';
import { captureNotices, familyFromIntake } from './support-api';

const BOOKING = 'id applicationId startsAt status calendar';

async function submitted(t: TestApp, session: string): Promise<string> {
  const s = (
    await t.gql(`mutation($i: StartApplicationInput!) { startApplication(input: $i) { id version } }`, {
      i: { session, procedureId: 'welfare-loan-consultation' },
    })
  ).body.data!.startApplication;
  const saved = (
    await t.gql(`mutation($i: SaveApplicationInput!) { saveApplication(input: $i) { version } }`, {
      i: { session, id: s.id, version: s.version, answers: [{ question: 'purpose', value: 'moving' }] },
    })
  ).body.data!.saveApplication;
  const r = await t.gql(`mutation($i: SubmitApplicationInput!) { submitApplication(input: $i) { receiptNumber } }`, {
    i: { session, id: s.id, version: saved.version },
  });
  expect(r.body.errors).toBeUndefined();
  return s.id;
}

describe('interview booking', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ records: 0 });
    captureNotices(t);
  });
  afterAll(() => t.close());

  it('offers slots on open days only; books, reschedules and cancels, with an ICS file on the family page', async () => {
    const { session } = await familyFromIntake(t);
    const id = await submitted(t, session);
    const slots = (
      await t.gql(`query($s: String!, $a: ID!) { interviewSlots(session: $s, applicationId: $a) { id startsAt remaining } }`, { s: session, a: id })
    ).body.data!.interviewSlots;
    expect(slots.length).toBeGreaterThan(10);
    for (const s of slots) expect(isOpenDay(todayInJapan(new Date(s.startsAt)))).toBe(true);
    const booked = await t.gql(`mutation($i: BookInterviewInput!) { bookInterview(input: $i) { ${BOOKING} } }`, {
      i: { session, applicationId: id, slotId: slots[0].id },
    });
    expect(booked.body.errors).toBeUndefined();
    const b = booked.body.data!.bookInterview;
    expect(b.calendar).toContain('DTSTART;TZID=Asia/Tokyo:');
    expect(b.calendar).toContain('BEGIN:VALARM');
    const twice = await t.gql(`mutation($i: BookInterviewInput!) { bookInterview(input: $i) { id } }`, {
      i: { session, applicationId: id, slotId: slots[1].id },
    });
    expect(twice.body.errors![0]!.extensions!.code).toBe('CONFLICT');

    const moved = (
      await t.gql(`mutation($i: RescheduleInterviewInput!) { rescheduleInterview(input: $i) { ${BOOKING} } }`, {
        i: { session, bookingId: b.id, slotId: slots[2].id },
      })
    ).body.data!.rescheduleInterview;
    expect(moved.startsAt).toBe(slots[2].startsAt);
    const slot = (sid: string) => t.em().findOneOrFail(InterviewSlot, { id: sid });
    expect((await slot(slots[0].id)).booked).toBe(0);
    expect((await slot(slots[2].id)).booked).toBe(1);
    const page = (await t.gql(`query($s: String!) { familyPage(session: $s) { interviews { id startsAt } } }`, { s: session })).body.data!.familyPage;
    expect(page.interviews).toEqual([{ id: b.id, startsAt: slots[2].startsAt }]);

    const cancelled = (await t.gql(`mutation($i: CancelInterviewInput!) { cancelInterview(input: $i) { status } }`, { i: { session, bookingId: b.id } })).body
      .data!.cancelInterview;
    expect(cancelled.status).toBe('CANCELLED');
    expect((await slot(slots[2].id)).booked).toBe(0);
    // Another family cannot touch the booking.
    const other = await familyFromIntake(t);
    const foreign = await t.gql(`mutation($i: CancelInterviewInput!) { cancelInterview(input: $i) { status } }`, {
      i: { session: other.session, bookingId: b.id },
    });
    expect(foreign.body.errors![0]!.extensions!.code).toBe('NOT_FOUND');
  });

  it('50 concurrent bookings for 10 places: exactly 10 succeed, the rest are told the time is full', async () => {
    const em = t.em();
    const startsAt = new Date(Date.now() + 3 * 86_400_000);
    const slot = em.create(InterviewSlot, {
      municipality: '999999',
      department: DepartmentCode.SINGLE_PARENT,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 1_800_000),
      capacity: 10,
    } as never);
    const families: { recordId: string; applicationId: string }[] = [];
    for (let i = 0; i < 50; i++) {
      const record = em.create(PersonalRecord, { municipality: '999999', referenceNumber: newReferenceNumber() } as never);
      const a = em.create(Application, {
        municipality: '999999',
        record,
        procedureId: 'cra-status-report',
        status: ApplicationStatus.SUBMITTED,
        answers: {},
        submittedAt: new Date(),
      } as never);
      families.push({ recordId: record.id, applicationId: a.id });
    }
    await em.flush();
    const services = applicationServices(t.app.services);
    const results = await Promise.allSettled(
      families.map((f) =>
        new Bookings(t.db.orm.em.fork() as EntityManager, services, { recordId: f.recordId, municipalityCode: '999999', sessionId: 'x' }, 'ja').book(
          f.applicationId,
          slot.id,
        ),
      ),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(10);
    expect(refused).toHaveLength(40);
    for (const r of refused) expect((r.reason as { extensions: { code: string }; message: string }).extensions.code).toBe('CONFLICT');
    expect((refused[0]!.reason as Error).message).toContain('満員');
    expect((await t.em().findOneOrFail(InterviewSlot, { id: slot.id })).booked).toBe(10);
    expect(await t.em().count(InterviewBooking, { slot: slot.id })).toBe(10);
  });
});
