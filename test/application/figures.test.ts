import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationFigures } from '../../api/application';
import { PersonalRecord } from '../../api/record/personal-record.entity';
import { startTestApp, type TestApp } from '../support/app';

// applicationFigures is counted by PostgreSQL (GROUP BY, percentile_cont, a Japan-date window) rather
// than by loading entities. These cases sit on the edges a hand-written query gets wrong: the Japan day
// boundary of the period and of 現況届's 8/1–8/31 window, an even number of decisions (the median is the
// mean of the middle two), cancelled bookings, drafts and another municipality.

const DEMO = '999999';
const jst = (local: string) => new Date(Date.parse(`${local}+09:00`));

describe('application figures for a period', () => {
  let t: TestApp;
  let recordId: string;
  const app = async (o: { procedure?: string; status: string; submitted: string | null; decided?: string; municipality?: string }) => {
    const id = randomUUID();
    await t
      .em()
      .getConnection()
      .execute(
        `insert into application (id, municipality_code, record_id, procedure_id, status, answers, created_at, updated_at, submitted_at, decided_at) values (?, ?, ?, ?, ?, 'x', now(), now(), ?, ?)`,
        [id, o.municipality ?? DEMO, recordId, o.procedure ?? 'cra-claim', o.status, o.submitted && jst(o.submitted), o.decided ? jst(o.decided) : null],
      );
    return id;
  };
  const booking = async (applicationId: string, status: string) => {
    const conn = t.em().getConnection();
    const slot = randomUUID();
    await conn.execute(
      `insert into interview_slot (id, municipality_code, department, starts_at, ends_at, capacity, booked) values (?, ?, 'single-parent', now(), now(), 1, 1)`,
      [slot, DEMO],
    );
    await conn.execute(
      `insert into interview_booking (id, municipality_code, slot_id, record_id, application_id, status, created_at) values (?, ?, ?, ?, ?, ?, now())`,
      [randomUUID(), DEMO, slot, recordId, applicationId, status],
    );
  };

  beforeAll(async () => {
    t = await startTestApp({ records: 1 });
    recordId = (await t.em().findOneOrFail(PersonalRecord, { municipality: DEMO })).id;
    // In August 2026: decided after 1, 2, 4 and 10 days (median of an even count: 3), one still open.
    const a1 = await app({ status: 'ACCEPTED', submitted: '2026-08-01T00:10:00', decided: '2026-08-02T00:10:00' });
    const a2 = await app({ status: 'NOT_ACCEPTED', submitted: '2026-08-10T09:00:00', decided: '2026-08-12T09:00:00' });
    await app({ status: 'ACCEPTED', submitted: '2026-08-20T09:00:00', decided: '2026-08-24T09:00:00' });
    await app({ procedure: 'medical-subsidy', status: 'ACCEPTED', submitted: '2026-08-31T23:59:00', decided: '2026-09-10T23:59:00' });
    const open = await app({ status: 'IN_REVIEW', submitted: '2026-08-15T12:00:00' });
    // 現況届: in the window by the Japan date (the first and last minutes), not before or after it.
    await app({ procedure: 'cra-status-report', status: 'SUBMITTED', submitted: '2026-08-01T00:00:00' });
    await app({ procedure: 'cra-status-report', status: 'SUBMITTED', submitted: '2026-08-31T23:59:59' });
    // Outside the period (Japan dates), a draft, another municipality's: none counted.
    await app({ procedure: 'cra-status-report', status: 'SUBMITTED', submitted: '2026-07-31T23:59:59' });
    await app({ procedure: 'cra-status-report', status: 'SUBMITTED', submitted: '2026-09-01T00:00:00' });
    await app({ status: 'DRAFT', submitted: null });
    await t.em().getConnection().execute(`insert into municipality (code, name, created_at) values ('888888', 'ほか市', now()) on conflict do nothing`);
    const other = await app({ status: 'ACCEPTED', submitted: '2026-08-05T09:00:00', decided: '2026-08-06T09:00:00', municipality: '888888' });
    await booking(a1, 'KEPT');
    await booking(a2, 'MISSED');
    await booking(open, 'BOOKED');
    await booking(open, 'CANCELLED');
    await booking(other, 'KEPT');
  });
  afterAll(() => t.close());

  it('counts by procedure, channel and status, with the median days to a decision, bookings and 現況届 on time', async () => {
    const f = await applicationFigures(t.em(), DEMO, '2026-08-01', '2026-08-31');
    expect(f.counts).toEqual([
      { procedureId: 'cra-claim', channel: 'online', status: 'ACCEPTED', count: 2 },
      { procedureId: 'cra-claim', channel: 'online', status: 'IN_REVIEW', count: 1 },
      { procedureId: 'cra-claim', channel: 'online', status: 'NOT_ACCEPTED', count: 1 },
      { procedureId: 'cra-status-report', channel: 'online', status: 'SUBMITTED', count: 2 },
      { procedureId: 'medical-subsidy', channel: 'online', status: 'ACCEPTED', count: 1 },
    ]);
    expect(f.medianDaysToDecision).toBe(3);
    expect(f).toMatchObject({ interviewsBooked: 3, interviewsKept: 1, interviewsMissed: 1, statusReportsOnTime: 2 });
  });

  it('an odd number of decisions gives the middle one, rounded to a tenth; an empty period gives zeros and no median', async () => {
    const f = await applicationFigures(t.em(), DEMO, '2026-08-01', '2026-08-20');
    expect(f.medianDaysToDecision).toBe(2);
    const none = await applicationFigures(t.em(), DEMO, '2025-01-01', '2025-01-31');
    expect(none).toEqual({ counts: [], medianDaysToDecision: null, interviewsBooked: 0, interviewsKept: 0, interviewsMissed: 0, statusReportsOnTime: 0 });
  });
});
