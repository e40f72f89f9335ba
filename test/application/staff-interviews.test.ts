// The staff side of interviews and of one application (issue 17): the department's bookings, marking
// kept or missed only once the time has come (and correcting it), nothing for another department,
// and the application's documents and interviews on its staff view.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationServices } from '../../api/application';
import { DiskDocumentStore } from '../../api/application/documents';
import { InterviewBooking } from '../../api/application/interviews';
import { addDays, todayInJapan } from '../../api/core/dates';
import { DepartmentCode } from '../../api/core/departments';
import { startTestApp, type TestApp } from '../support/app';
import { captureNotices, familyFromIntake } from './support-api';

const LIST = `query($f: String!, $t: String!) { applicationInterviews(from: $f, to: $t) { id applicationId receiptNumber referenceNumber status markedAt } }`;
const MARK = `mutation($i: MarkInterviewInput!) { markInterview(input: $i) { id status markedAt } }`;
const DETAIL = `query($id: ID!) { application(id: $id) { id documents { id documentId name contentType size } interviews { id status } } }`;

async function submittedWithBooking(t: TestApp): Promise<{ session: string; applicationId: string; bookingId: string; receipt: string }> {
  const { session } = await familyFromIntake(t);
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
  const receipt = (
    await t.gql(`mutation($i: SubmitApplicationInput!) { submitApplication(input: $i) { receiptNumber } }`, {
      i: { session, id: s.id, version: saved.version },
    })
  ).body.data!.submitApplication.receiptNumber;
  const slots = (await t.gql(`query($s: String!, $a: ID!) { interviewSlots(session: $s, applicationId: $a) { id } }`, { s: session, a: s.id })).body.data!
    .interviewSlots;
  const booked = await t.gql(`mutation($i: BookInterviewInput!) { bookInterview(input: $i) { id } }`, {
    i: { session, applicationId: s.id, slotId: slots[0].id },
  });
  expect(booked.body.errors).toBeUndefined();
  return { session, applicationId: s.id, bookingId: booked.body.data!.bookInterview.id, receipt };
}

let moved = 0;
/** Moves the booking's slot to yesterday morning, Japan time (the counter's day has passed); each to its own half hour. */
async function intoThePast(t: TestApp, bookingId: string): Promise<void> {
  const hour = String(9 + moved++).padStart(2, '0');
  const b = await t.em().findOneOrFail(InterviewBooking, { id: bookingId }, { populate: ['slot'] });
  const y = addDays(todayInJapan(), -1);
  await t
    .em()
    .getConnection()
    .execute(`update interview_slot set starts_at = ?, ends_at = ? where id = ?`, [
      new Date(`${y}T${hour}:00:00+09:00`),
      new Date(`${y}T${hour}:30:00+09:00`),
      b.slot.id,
    ]);
}

describe('interviews on the staff side', () => {
  let t: TestApp;
  let owner: string;
  let dir: string;
  beforeAll(async () => {
    t = await startTestApp({ records: 0 });
    captureNotices(t);
    dir = mkdtempSync(path.join(os.tmpdir(), 'yorisoi-staff-docs-'));
    applicationServices(t.app.services).documents = new DiskDocumentStore(dir);
    owner = await t.login(DepartmentCode.SINGLE_PARENT);
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists the department’s bookings, refuses a mark before the time, marks and corrects after it', async () => {
    const { bookingId, receipt, applicationId } = await submittedWithBooking(t);
    const today = todayInJapan();
    const list = (await t.gql(LIST, { f: today, t: addDays(today, 40) }, owner)).body.data!.applicationInterviews;
    expect(list).toContainEqual(expect.objectContaining({ id: bookingId, applicationId, receiptNumber: receipt, status: 'BOOKED', markedAt: null }));

    const early = await t.gql(MARK, { i: { id: bookingId, status: 'KEPT' } }, owner);
    expect(early.body.errors![0]!.extensions!.code).toBe('CONFLICT');

    await intoThePast(t, bookingId);
    const kept = await t.gql(MARK, { i: { id: bookingId, status: 'KEPT' } }, owner);
    expect(kept.body.errors).toBeUndefined();
    expect(kept.body.data!.markInterview.status).toBe('KEPT');
    expect(kept.body.data!.markInterview.markedAt).not.toBeNull();
    const corrected = (await t.gql(MARK, { i: { id: bookingId, status: 'MISSED' } }, owner)).body.data!.markInterview;
    expect(corrected.status).toBe('MISSED');

    const back = await t.gql(MARK, { i: { id: bookingId, status: 'BOOKED' } }, owner);
    expect(back.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.status' });
    const row = await t.em().findOneOrFail(InterviewBooking, { id: bookingId });
    expect(row.status).toBe('MISSED');
    expect(row.markedBy).toBeTruthy();

    const figures = (
      await t.gql(`query($f: String!) { applicationFigures(from: $f, to: $f) { interviewsBooked interviewsKept interviewsMissed } }`, { f: today }, owner)
    ).body.data!.applicationFigures;
    expect(figures.interviewsMissed).toBeGreaterThanOrEqual(1);
    const yesterday = (await t.gql(LIST, { f: addDays(today, -1), t: addDays(today, -1) }, owner)).body.data!.applicationInterviews;
    expect(yesterday.map((i: { id: string }) => i.id)).toContain(bookingId);
  });

  it('another department neither sees nor marks the bookings; a cancelled booking is never marked', async () => {
    const { bookingId, session } = await submittedWithBooking(t);
    await intoThePast(t, bookingId);
    const housing = await t.login(DepartmentCode.PUBLIC_HOUSING);
    const today = todayInJapan();
    const theirs = (await t.gql(LIST, { f: addDays(today, -2), t: addDays(today, 40) }, housing)).body.data!.applicationInterviews;
    expect(theirs).toEqual([]);
    const denied = await t.gql(MARK, { i: { id: bookingId, status: 'KEPT' } }, housing);
    expect(denied.body.errors![0]!.extensions!.code).toBe('NOT_FOUND');

    await t.gql(`mutation($i: CancelInterviewInput!) { cancelInterview(input: $i) { status } }`, { i: { session, bookingId } });
    const cancelled = await t.gql(MARK, { i: { id: bookingId, status: 'KEPT' } }, owner);
    expect(cancelled.body.errors![0]!.extensions!.code).toBe('CONFLICT');
    const list = (await t.gql(LIST, { f: addDays(today, -2), t: today }, owner)).body.data!.applicationInterviews;
    expect(list.map((i: { id: string }) => i.id)).not.toContain(bookingId);
  });

  it('refuses a period that is not dates in order or longer than 62 days', async () => {
    for (const [f, to, field] of [
      ['2026-13-01', '2026-12-01', 'from'],
      ['2026-12-10', '2026-12-01', 'to'],
      ['2026-01-01', '2026-06-01', 'to'],
    ]) {
      const r = await t.gql(LIST, { f, t: to }, owner);
      expect(r.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });

  it('one application shows its documents and interviews to the handling department, lists do not', async () => {
    const { session } = await familyFromIntake(t);
    const applicationId = (
      await t.gql(`mutation($i: StartApplicationInput!) { startApplication(input: $i) { id } }`, { i: { session, procedureId: 'cra-status-report' } })
    ).body.data!.startApplication.id;
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const up = await t.http
      .post(`/applications/${applicationId}/documents/child-support-declaration`)
      .set('authorization', `Bearer ${session}`)
      .set('content-type', 'application/octet-stream')
      .send(pdf);
    expect(up.status).toBe(201);
    // Submitted as the family would (the answers themselves are the API test's subject).
    await t
      .em()
      .getConnection()
      .execute(`update application set status = 'SUBMITTED', submitted_at = now(), receipt_number = 'TEST-0001' where id = ?`, [applicationId]);
    const slots = (await t.gql(`query($s: String!, $a: ID!) { interviewSlots(session: $s, applicationId: $a) { id } }`, { s: session, a: applicationId })).body
      .data!.interviewSlots;
    const bookingId = (
      await t.gql(`mutation($i: BookInterviewInput!) { bookInterview(input: $i) { id } }`, { i: { session, applicationId, slotId: slots[0].id } })
    ).body.data!.bookInterview.id;

    const detail = (await t.gql(DETAIL, { id: applicationId }, owner)).body.data!.application;
    expect(detail.interviews).toEqual([{ id: bookingId, status: 'BOOKED' }]);
    expect(detail.documents).toEqual([
      expect.objectContaining({ id: up.body.id, documentId: 'child-support-declaration', contentType: 'application/pdf', size: pdf.length }),
    ]);
    expect(detail.documents[0].name).toContain('養育費');
    const list = (await t.gql(`{ applications(limit: 50) { id documents { id } interviews { id } } }`, {}, owner)).body.data!.applications;
    expect(list.find((a: { id: string }) => a.id === applicationId)).toEqual({ id: applicationId, documents: null, interviews: null });
  });
});
