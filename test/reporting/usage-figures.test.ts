import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInJapan } from '../../api/core/dates';
import { DepartmentCode } from '../../api/core/departments';
import { PersonalRecord } from '../../api/record/personal-record.entity';
import { FIGURE_STORE, FigureRegistry, FigureStore, BUILT_IN_SOURCES } from '../../api/reporting';
import { startTestApp, type TestApp } from '../support/app';
import { countIndependently, DEMO, seedUsageEvents } from './seed-usage';

const FIGURES = `query($p: ReportPeriodInput!, $m: String!, $b: FigureBucket) { usageFigures(period: $p, municipalityCode: $m, bucket: $b) {
  from to previousFrom previousTo modules figures { name label key keyLabel total previousTotal points { start value } } } }`;

type Line = {
  name: string;
  key: string | null;
  total: number | null;
  previousTotal: number | null;
  label: string;
  points: { start: string; value: number | null }[];
};

describe('usage figures: counts per municipality and day', () => {
  let t: TestApp;
  let supervisor: string;
  const today = todayInJapan();
  const from = addDays(today, -400);
  const sealedTo = addDays(today, -2);
  const stored = async () =>
    await t
      .em()
      .getConnection()
      .execute<{ day: string; figure: string; key: string; value: string }[]>(
        `select to_char(day, 'YYYY-MM-DD') as day, figure, key, value::text as value from usage_count where municipality_code = ? order by 1, 2, 3`,
        [DEMO],
      );
  const figures = async (p: { from: string; to: string }, token = supervisor, m = DEMO) => t.gql(FIGURES, { p, m, b: 'MONTH' }, token);

  beforeAll(async () => {
    t = await startTestApp({ records: 40 });
    await seedUsageEvents(t.em());
    supervisor = await t.login(DepartmentCode.SINGLE_PARENT, 'supervisor');
  });
  afterAll(() => t.close());

  it('equal the counts taken independently from the seeded events, for a past year and its months', async () => {
    const res = await figures({ from, to: sealedTo });
    expect(res.body.errors).toBeUndefined();
    const u = res.body.data!.usageFigures;
    expect(u.modules).toEqual([
      'chat',
      'handoff',
      'intakeStart',
      'intake',
      'record',
      'audit',
      'partner',
      'consultation',
      'outreach',
      'application',
      'line',
      'manual',
    ]);
    const expected = await countIndependently(t.em(), from, sealedTo);
    const lines: Line[] = u.figures;
    for (const [k, v] of expected) {
      const [name, key] = k.split('|');
      const line = lines.find((l) => l.name === name && (l.key ?? '') === key);
      expect({ k, total: line?.total }).toEqual({ k, total: Number.isNaN(v) ? null : v });
    }
    // Every line from the API is accounted for (no figure the independent count lacks, other than zeros).
    for (const l of lines)
      if (l.total !== 0 && l.name !== 'audit.crossDepartmentReads') expect(expected.has(`${l.name}|${l.key ?? ''}`), `${l.name}|${l.key}`).toBe(true);
    expect(lines.find((l) => l.name === 'chat.sessions' && l.key === null)!.total).toBeGreaterThan(100);
    expect(lines.find((l) => l.name === 'record.created' && l.key === null)!.label).toBe('電子個人票の作成件数');
    // Monthly points add up to the total.
    for (const l of lines.filter((x) => x.name !== 'chat.ratingAverage')) expect(l.points.reduce((a, p) => a + (p.value ?? 0), 0)).toBe(l.total);
    expect(u.previousTo).toBe(addDays(from, -1));
  });

  it('compare with a previous period without ratings as "no average", not as an average of 0', async () => {
    // 2001 and 2000 hold no events at all: counts are 0 in both years, the rating average is null in both.
    const res = await figures({ from: '2001-01-01', to: '2001-12-31' });
    expect(res.body.errors).toBeUndefined();
    const lines: Line[] = res.body.data!.usageFigures.figures;
    const line = (name: string) => lines.find((l) => l.name === name && l.key === null)!;
    expect(line('chat.sessions')).toMatchObject({ total: 0, previousTotal: 0 });
    expect(line('chat.ratingAverage')).toMatchObject({ total: null, previousTotal: null });
  });

  it('are stored once a day is over, and a rebuild from the events gives the same rows', async () => {
    await figures({ from, to: sealedTo });
    const before = await stored();
    expect(before.length).toBeGreaterThan(100);
    expect(before.every((r) => r.day <= sealedTo)).toBe(true);
    await FIGURE_STORE.rebuild(t.em(), DEMO, from, sealedTo);
    expect(await stored()).toEqual(before);
  });

  it('survive the deletion of what they counted (retention), and a module not installed reports nothing', async () => {
    const res1 = await figures({ from, to: sealedTo });
    const em = t.em();
    const records = await em.find(PersonalRecord, { municipality: DEMO }, { limit: 15 });
    await em.getConnection().execute(
      `delete from personal_record where id in (${records.map(() => '?').join(',')})`,
      records.map((r) => r.id),
    );
    const res2 = await figures({ from, to: sealedTo });
    expect(res2.body.data!.usageFigures.figures).toEqual(res1.body.data!.usageFigures.figures);
    // A registry without the chat module: its figures are absent, not zero.
    const partial = new FigureStore(new FigureRegistry(BUILT_IN_SOURCES.filter((s) => s.module !== 'chat')));
    const counts = await partial.read(t.em() as EntityManager, DEMO, from, sealedTo);
    expect(counts.some((c) => c.figure.startsWith('chat.'))).toBe(false);
  });

  it('count today live: reads by another department appear as cross-department reads', async () => {
    const other = await t.login(DepartmentCode.LIVELIHOOD_SUPPORT);
    const page = await t.gql('{ records(first: 5) { edges { node { id identity { familyName } } } } }', {}, other);
    const read = page.body.data!.records.edges.length;
    expect(read).toBeGreaterThan(0);
    const res = await figures({ from: today, to: today });
    const lines: Line[] = res.body.data!.usageFigures.figures;
    expect(lines.find((l) => l.name === 'audit.crossDepartmentReads' && l.key === 'livelihood-support')?.total).toBe(read);
    const rows = await stored();
    expect(rows.some((r) => r.day >= addDays(today, -1))).toBe(false);
  });

  it('only for supervisors and admins of the owning department of that municipality', async () => {
    const p = { from, to: sealedTo };
    const admin = await t.login(DepartmentCode.SINGLE_PARENT, 'admin');
    expect((await figures(p, admin)).body.errors).toBeUndefined();
    for (const token of [await t.login(DepartmentCode.SINGLE_PARENT), await t.login(DepartmentCode.LIVELIHOOD_SUPPORT)]) {
      const res = await figures(p, token);
      expect(res.body.data).toBeNull();
      expect(res.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    }
    expect((await figures(p, supervisor, '131001')).body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await t.gql(FIGURES, { p, m: DEMO })).body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    const reversed = await figures({ from: sealedTo, to: from });
    expect(reversed.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period.to' });
    const long = await figures({ from: '2020-01-01', to: '2024-01-01' });
    expect(long.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period.to' });
    const bad = await figures(p, supervisor, '99');
    expect(bad.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'municipalityCode' });
  });
});
