import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInJapan } from '../../api/core/dates';
import { DepartmentCode } from '../../api/core/departments';
import { STARTS_PER_MINUTE } from '../../api/reporting';
import { startTestApp, type TestApp } from '../support/app';

// The intake widget's one anonymous "started" ping: a count per municipality and day, nothing else
// kept, no cookie set; checked like every anonymous intake call (code, municipality, page origin) and
// rate-limited per client; the figures then show forms started beside forms submitted.

const STARTED = 'mutation IntakeStarted($input: IntakeStartedInput!) { intakeStarted(input: $input) }';
const FIGURES = `query($p: ReportPeriodInput!) { usageFigures(period: $p, municipalityCode: "999999") { figures { name key total } } }`;

describe('intake forms started', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ records: 3 });
  });
  afterAll(() => t.close());
  const ping = (code: string, headers: Record<string, string> = {}) =>
    t.http
      .post('/graphql')
      .set('content-type', 'application/json')
      .set(headers)
      .send({ query: STARTED, operationName: 'IntakeStarted', variables: { input: { municipalityCode: code } } });
  const stored = async () => t.em().getConnection().execute<Record<string, unknown>[]>(`select * from intake_start`);

  it('counts one start per ping for the municipality and day, keeps nothing else, sets no cookie; refuses bad codes, unknown municipalities, foreign pages and floods', async () => {
    const bad = await ping('12');
    expect(bad.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.municipalityCode' });
    expect(JSON.stringify(bad.body)).not.toContain('"12"');
    expect((await ping('000001')).body.errors[0].extensions.code).toBe('NOT_FOUND');
    const ok = await ping('999999');
    expect(ok.body).toEqual({ data: { intakeStarted: true } });
    expect(ok.headers['set-cookie']).toBeUndefined();
    expect((await ping('999999', { origin: 'http://cms.example.jp' })).body.data.intakeStarted).toBe(true);
    const foreign = await ping('999999', { origin: 'https://elsewhere.example' });
    expect(foreign.body.errors[0].extensions.code).toBe('FORBIDDEN');
    // The rest of the minute's allowance (the unknown municipality and the foreign page took theirs), then refused.
    for (let i = 5; i <= STARTS_PER_MINUTE; i++) expect((await ping('999999')).body.data.intakeStarted).toBe(true);
    const flood = await ping('999999');
    expect(flood.body.errors[0].extensions.code).toBe('TOO_MANY_REQUESTS');
    const rows = await stored();
    expect(rows).toEqual([{ municipality_code: '999999', day: expect.anything(), count: STARTS_PER_MINUTE - 2 }]);
    expect(Object.keys(rows[0]!).sort()).toEqual(['count', 'day', 'municipality_code']);
  });

  it('shows forms started beside forms submitted in the usage figures', async () => {
    const today = todayInJapan();
    const res = await t.gql(FIGURES, { p: { from: today, to: today } }, await t.login(DepartmentCode.SINGLE_PARENT, 'supervisor'));
    expect(res.body.errors).toBeUndefined();
    const lines = res.body.data!.usageFigures.figures as { name: string; total: number }[];
    const names = lines.map((l) => l.name);
    expect(lines.find((l) => l.name === 'intakeStart.started')!.total).toBe(STARTS_PER_MINUTE - 2);
    expect(names.indexOf('intakeStart.started')).toBe(names.indexOf('intake.submitted') - 1);
  });
});
