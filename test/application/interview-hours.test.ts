// Per-municipality interview hours (issue 17): a municipality's own opening periods, slot length,
// capacity, booking horizon and closures from seeds/procedures/overrides/<code>.yaml, on open days only
// (api/core/open-days: weekends, national holidays, 12/29–1/3); refused settings name file and field;
// the family's free slots follow them through the API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationServices } from '../../api/application';
import { hoursFor, slotTimes } from '../../api/application/interviews';
import { loadProcedures } from '../../api/application/procedures';
import { addDays, todayInJapan } from '../../api/core/dates';
import { DepartmentCode } from '../../api/core/departments';
import { addOpenDays, isOpenDay } from '../../api/core/open-days';
import { startTestApp, type TestApp } from '../support/app';
import { captureNotices, familyFromIntake } from './support-api';
import { cleanupCopies, expectIssue, procedureIssues, proceduresCopy } from './support';

const today = todayInJapan();
const closed = addOpenDays(today, 2);
const OVERRIDE = `municipalityCode: "999999"
familyPageUrl: https://www.city.demo.example.jp/mypage/
interviews:
  single-parent:
    periods: [["10:00", "11:00"], ["14:00", "15:00"]]
    slotMinutes: 20
    capacity: 4
    daysAhead: 10
    closedDates: ["${closed}"]
procedures:
  cra-claim:
    pittariUrl: https://app.oss.myna.go.jp/Application/search
`;
const jst = (d: Date) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit' }).format(d);

afterAll(cleanupCopies);

describe('interview hours per municipality', () => {
  it('reads the municipality’s hours; slots only on its open days, in its periods, not on its closures', () => {
    const book = loadProcedures(proceduresCopy({ 'overrides/999999.yaml': OVERRIDE }));
    expect(book.settings('999999').familyPageUrl).toBe('https://www.city.demo.example.jp/mypage/');
    const hours = hoursFor({ procedures: book }, '999999', DepartmentCode.SINGLE_PARENT);
    expect(hours).toMatchObject({ slotMinutes: 20, capacity: 4, daysAhead: 10, closedDates: [closed] });
    // Another department, another municipality: the default hours.
    expect(hoursFor({ procedures: book }, '999999', DepartmentCode.PUBLIC_HOUSING).slotMinutes).toBe(30);
    expect(hoursFor({ procedures: book }, '130001', DepartmentCode.SINGLE_PARENT).capacity).toBe(2);

    const times = slotTimes(hours, today);
    const days = new Set(times.map((t) => todayInJapan(t.startsAt)));
    for (const d of days) expect(isOpenDay(d)).toBe(true);
    expect(days.has(closed)).toBe(false);
    const openDays = Array.from({ length: 10 }, (_, i) => addDays(today, i + 1)).filter((d) => isOpenDay(d) && d !== closed);
    expect([...days].sort()).toEqual(openDays);
    for (const d of days) {
      const starts = times.filter((t) => todayInJapan(t.startsAt) === d).map((t) => jst(t.startsAt));
      expect(starts).toEqual(['10:00', '10:20', '10:40', '14:00', '14:20', '14:40']);
    }
  });

  it('refuses settings that cannot work, naming the file and the field', () => {
    const issues = procedureIssues(() =>
      loadProcedures(
        proceduresCopy({
          'overrides/999999.yaml': `municipalityCode: "999999"
familyPageUrl: http://insecure.example.jp/
interviews:
  tax-office: {}
  single-parent:
    periods: [["13:00", "12:00"], ["25:00", "26:00"]]
    capacity: 0
    lunch: true
  public-housing:
    periods: [["09:00", "12:00"], ["11:00", "13:00"]]
    closedDates: ["someday"]
procedures: {}
`,
        }),
      ),
    );
    expectIssue(issues, '999999.yaml', 'familyPageUrl', 'https');
    expectIssue(issues, '999999.yaml', 'interviews.tax-office', 'unknown department');
    expectIssue(issues, '999999.yaml', 'interviews.single-parent.periods.0', 'first before the second');
    expectIssue(issues, '999999.yaml', 'interviews.single-parent.periods.1', 'HH:MM');
    expectIssue(issues, '999999.yaml', 'interviews.single-parent.capacity', '');
    expectIssue(issues, '999999.yaml', 'interviews.single-parent.lunch', '');
    expectIssue(issues, '999999.yaml', 'interviews.public-housing.periods.1', 'overlap');
    expectIssue(issues, '999999.yaml', 'interviews.public-housing.closedDates', 'YYYY-MM-DD');
  });
});

describe('the family’s free slots follow the municipality’s hours', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ records: 0 });
    captureNotices(t);
    const services = applicationServices(t.app.services);
    services.procedures = loadProcedures(proceduresCopy({ 'overrides/999999.yaml': OVERRIDE }), t.app.services.catalogue);
  });
  afterAll(() => t.close());

  it('offers 20-minute slots for 4 families in its periods, none on its closure', async () => {
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
    expect(
      (
        await t.gql(`mutation($i: SubmitApplicationInput!) { submitApplication(input: $i) { receiptNumber } }`, {
          i: { session, id: s.id, version: saved.version },
        })
      ).body.errors,
    ).toBeUndefined();
    const slots = (
      await t.gql(`query($s: String!, $a: ID!) { interviewSlots(session: $s, applicationId: $a) { startsAt endsAt remaining } }`, { s: session, a: s.id })
    ).body.data!.interviewSlots;
    expect(slots.length).toBeGreaterThan(0);
    for (const slot of slots) {
      const start = new Date(slot.startsAt);
      expect(['10:00', '10:20', '10:40', '14:00', '14:20', '14:40']).toContain(jst(start));
      expect(new Date(slot.endsAt).getTime() - start.getTime()).toBe(20 * 60_000);
      expect(slot.remaining).toBe(4);
      expect(todayInJapan(start)).not.toBe(closed);
      expect(todayInJapan(start) <= addDays(today, 10)).toBe(true);
    }
  });
});
