import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInJapan } from '../../api/core/dates';
import { DepartmentCode } from '../../api/core/departments';
import { FIGURE_STORE } from '../../api/reporting';
import { startTestApp, type TestApp } from '../support/app';
import { readDocx } from './docx-read';

// Figures staff enter by hand per month (phone and visit counselling outside the records, information
// sessions): saved with who and when, validated field by field, and shown in the figures and 別紙2
// marked as entered rather than counted.

const MANUAL = `query($p: ReportPeriodInput!) { manualFigures(period: $p) { from to maxValue definitions { name label hint } entries { month figure value enteredBy enteredAt } } }`;
const SAVE = `mutation($i: SaveManualFiguresInput!) { saveManualFigures(input: $i) { from to entries { month figure value enteredBy enteredAt } } }`;
const FIGURES = `query($p: ReportPeriodInput!) { usageFigures(period: $p, municipalityCode: "999999") { figures { name key origin total previousTotal points { start value } } } }`;

const LINK = 'query($p: ReportPeriodInput!, $x: ReportFormat) { implementationReport(period: $p, form: REPORT, format: $x) { url } }';
const binary = (res: NodeJS.ReadableStream, done: (e: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

const month = (back: number) => {
  const d = new Date(`${todayInJapan().slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - back);
  return d.toISOString().slice(0, 10);
};

describe('manual figures: entered by staff per month', () => {
  let t: TestApp;
  let supervisor: string;
  let admin: string;
  const m1 = month(2);
  const m2 = month(1);
  const period = { from: month(11), to: todayInJapan() };

  beforeAll(async () => {
    t = await startTestApp({ records: 5 });
    supervisor = await t.login(DepartmentCode.SINGLE_PARENT, 'supervisor');
    admin = await t.login(DepartmentCode.SINGLE_PARENT, 'admin');
  });
  afterAll(() => t.close());

  it('are saved per month with who entered them and when; a value that does not change keeps its author', async () => {
    const empty = (await t.gql(MANUAL, { p: period }, supervisor)).body.data!.manualFigures;
    expect(empty.definitions.map((d: { name: string }) => d.name)).toEqual([
      'manual.phoneConsultations',
      'manual.visitConsultations',
      'manual.walkInConsultations',
      'manual.events',
      'manual.eventParticipants',
    ]);
    expect(empty.entries).toEqual([]);
    const saved = await t.gql(
      SAVE,
      {
        i: {
          month: m1,
          values: [
            { figure: 'manual.phoneConsultations', value: 12 },
            { figure: 'manual.events', value: 2 },
            { figure: 'manual.eventParticipants', value: 31 },
          ],
        },
      },
      supervisor,
    );
    expect(saved.body.errors).toBeUndefined();
    expect(saved.body.data!.saveManualFigures.entries.map((e: { figure: string; value: number }) => [e.figure, e.value])).toEqual([
      ['manual.eventParticipants', 31],
      ['manual.events', 2],
      ['manual.phoneConsultations', 12],
    ]);
    const first = saved.body.data!.saveManualFigures.entries.find((e: { figure: string }) => e.figure === 'manual.events');
    expect(first.enteredBy).toBeTruthy();
    // The admin changes one value and repeats another: only the changed one is theirs.
    await t.gql(
      SAVE,
      {
        i: {
          month: m1,
          values: [
            { figure: 'manual.events', value: 2 },
            { figure: 'manual.phoneConsultations', value: 14 },
          ],
        },
      },
      admin,
    );
    await t.gql(
      SAVE,
      {
        i: {
          month: m2,
          values: [
            { figure: 'manual.phoneConsultations', value: 5 },
            { figure: 'manual.visitConsultations', value: 3 },
          ],
        },
      },
      admin,
    );
    const after = (await t.gql(MANUAL, { p: period }, supervisor)).body.data!.manualFigures.entries as {
      month: string;
      figure: string;
      value: number;
      enteredBy: string;
      enteredAt: string;
    }[];
    const at = (m: string, f: string) => after.find((e) => e.month === m && e.figure === f)!;
    expect(at(m1, 'manual.events').enteredBy).toBe(first.enteredBy);
    expect(at(m1, 'manual.events').enteredAt).toBe(first.enteredAt);
    expect(at(m1, 'manual.phoneConsultations')).toMatchObject({ value: 14 });
    expect(at(m1, 'manual.phoneConsultations').enteredBy).not.toBe(first.enteredBy);
    // null clears a value.
    await t.gql(SAVE, { i: { month: m2, values: [{ figure: 'manual.visitConsultations', value: null }] } }, admin);
    const cleared = (await t.gql(MANUAL, { p: period }, supervisor)).body.data!.manualFigures.entries as { month: string; figure: string }[];
    expect(cleared.some((e) => e.month === m2 && e.figure === 'manual.visitConsultations')).toBe(false);
  });

  it('appear in the usage figures as ENTERED, per month, and in 別紙2 and the CSV marked as entered', async () => {
    const res = await t.gql(FIGURES, { p: period }, supervisor);
    expect(res.body.errors).toBeUndefined();
    const lines = res.body.data!.usageFigures.figures as {
      name: string;
      key: string | null;
      origin: string;
      total: number;
      points: { start: string; value: number }[];
    }[];
    const phone = lines.find((l) => l.name === 'manual.phoneConsultations')!;
    expect(phone).toMatchObject({ origin: 'ENTERED', total: 19 });
    expect(phone.points.find((p) => p.start === m1)!.value).toBe(14);
    expect(phone.points.find((p) => p.start === m2)!.value).toBe(5);
    expect(lines.find((l) => l.name === 'manual.eventParticipants')!.total).toBe(31);
    expect(lines.find((l) => l.name === 'chat.sessions')!.origin).toBe('COUNTED');
    // A period that starts inside a month counts that month's entry (monthly figures count whole months).
    const mid = (await t.gql(FIGURES, { p: { from: `${m1.slice(0, 8)}15`, to: `${m1.slice(0, 8)}20` } }, supervisor)).body.data!.usageFigures.figures as {
      name: string;
      total: number;
    }[];
    expect(mid.find((l) => l.name === 'manual.phoneConsultations')!.total).toBe(14);

    const file = async (format: string) => {
      const link = await t.gql(LINK, { p: period, x: format }, supervisor);
      return (
        await t.http
          .get(link.body.data!.implementationReport.url)
          .buffer(true)
          .parse(binary as never)
      ).body as Buffer;
    };
    const doc = readDocx(await file('DOCX'));
    const text = [...doc.paragraphs, ...doc.tables.flat(2)].join('\n');
    expect(text).toContain('電話相談（個人票に記録していないもの） ※');
    expect(text).toContain('※は職員が月ごとに入力した件数');
    expect(text).not.toContain('チャットボットの相談件数 ※');
    const csv = (await file('CSV')).toString('utf8');
    expect(csv).toContain('"manual.phoneConsultations","","電話相談（個人票に記録していないもの）","","職員入力","19"');
    expect(csv).toContain('"chat.sessions","","チャットボットの相談件数","","システム集計"');
  });

  it('are stored with the counts once their month is over; a change to a stored month replaces them at once; a rebuild gives the same rows', async () => {
    const stored = async () =>
      t
        .em()
        .getConnection()
        .execute<{ day: string; figure: string; value: string }[]>(
          `select to_char(day, 'YYYY-MM-DD') as day, figure, value::text as value from usage_count where municipality_code = '999999' and figure like 'manual.%' order by 1, 2`,
        );
    const phone = async () =>
      (
        (await t.gql(FIGURES, { p: period }, supervisor)).body.data!.usageFigures.figures as {
          name: string;
          total: number;
          points: { start: string; value: number }[];
        }[]
      ).find((l) => l.name === 'manual.phoneConsultations')!;
    await phone();
    expect(await stored()).toContainEqual({ day: m1, figure: 'manual.phoneConsultations', value: '14' });
    expect((await t.gql(SAVE, { i: { month: m1, values: [{ figure: 'manual.phoneConsultations', value: 20 }] } }, supervisor)).body.errors).toBeUndefined();
    // Read straight after the save (no cache window to wait for): the new value, stored again.
    const after = await phone();
    expect(after.total).toBe(25);
    expect(after.points.find((p) => p.start === m1)!.value).toBe(20);
    const rows = await stored();
    expect(rows).toContainEqual({ day: m1, figure: 'manual.phoneConsultations', value: '20' });
    expect(rows.filter((r) => r.day === m1 && r.figure === 'manual.phoneConsultations')).toHaveLength(1);
    await FIGURE_STORE.rebuild(t.em(), '999999', period.from, addDays(todayInJapan(), -2));
    expect(await stored()).toEqual(rows);
  });

  it('refuse bad input field by field, in Japanese, English and やさしい日本語, and change nothing', async () => {
    const before = (await t.gql(MANUAL, { p: period }, supervisor)).body.data!.manualFigures.entries;
    const bad = await t.gql(
      SAVE,
      {
        i: {
          month: m2,
          values: [
            { figure: 'manual.phoneConsultations', value: -1 },
            { figure: 'chat.sessions', value: 3 },
            { figure: 'manual.events', value: 100000 },
            { figure: 'manual.events', value: 1 },
          ],
        },
      },
      supervisor,
    );
    const ext = bad.body.errors![0]!.extensions as { code: string; field: string; problems?: { field: string }[]; messages: Record<string, string> };
    expect(ext.code).toBe('BAD_USER_INPUT');
    expect(ext.field).toBe('input.values.0.value');
    expect(JSON.stringify(bad.body.errors)).toContain('input.values.1.figure');
    expect(JSON.stringify(bad.body.errors)).toContain('input.values.2.value');
    expect(JSON.stringify(bad.body.errors)).toContain('input.values.3.figure');
    expect(JSON.stringify(bad.body.errors)).not.toContain('100000');
    expect(ext.messages).toMatchObject({
      ja: expect.stringContaining('整数'),
      en: expect.stringContaining('whole number'),
      'ja-easy': expect.stringContaining('かず'),
    });
    const easy = await t.gql(SAVE, { i: { month: `${m2.slice(0, 8)}15`, values: [] } }, supervisor, { 'accept-language': 'ja-easy' });
    expect(easy.body.errors![0]!).toMatchObject({ message: 'つきの 1にちを えらんで ください。', extensions: { field: 'input.month' } });
    const future = await t.gql(SAVE, { i: { month: month(-1), values: [{ figure: 'manual.events', value: 1 }] } }, supervisor, { 'accept-language': 'en' });
    expect(future.body.errors![0]!).toMatchObject({
      message: 'You cannot enter figures for a month that has not begun.',
      extensions: { field: 'input.month' },
    });
    expect((await t.gql(MANUAL, { p: period }, supervisor)).body.data!.manualFigures.entries).toEqual(before);
  });

  it('only for supervisors and admins of the owning department', async () => {
    for (const token of [await t.login(DepartmentCode.SINGLE_PARENT), await t.login(DepartmentCode.LIVELIHOOD_SUPPORT)]) {
      expect((await t.gql(MANUAL, { p: period }, token)).body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
      const res = await t.gql(SAVE, { i: { month: m1, values: [{ figure: 'manual.events', value: 9 }] } }, token);
      expect(res.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    }
    expect((await t.gql(SAVE, { i: { month: m1, values: [{ figure: 'manual.events', value: 9 }] } })).body.errors![0]!.extensions!.code).toBe(
      'UNAUTHENTICATED',
    );
    const entries = (await t.gql(MANUAL, { p: period }, supervisor)).body.data!.manualFigures.entries as { month: string; figure: string; value: number }[];
    expect(entries.find((e) => e.month === m1 && e.figure === 'manual.events')!.value).toBe(2);
  });
});
