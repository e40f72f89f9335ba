import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInJapan } from '../../api/core/dates';
import { DepartmentCode } from '../../api/core/departments';
import { bump } from '../../api/outreach';
import { FIGURE_STORE, startFigureSealer } from '../../api/reporting';
import { PersonalRecord } from '../../api/record/personal-record.entity';
import { startTestApp, type TestApp } from '../support/app';
import { readDocx } from './docx-read';

// The figure sources of the modules that came after reporting — push-type support (monthly counters),
// online applications (per month of submission, status now), LINE (links and webhook events per day) —
// fill the usage figures and 別紙2, equal to what was seeded, with nothing of a record in them.

const DEMO = '999999';
const FIGURES = `query($p: ReportPeriodInput!) { usageFigures(period: $p, municipalityCode: "999999") { modules figures { name key keyLabel total previousTotal points { start value } } } }`;
const LINK = 'query($p: ReportPeriodInput!) { implementationReport(period: $p, form: REPORT) { url } }';
const binary = (res: NodeJS.ReadableStream, done: (e: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};
type Line = { name: string; key: string | null; keyLabel: string | null; total: number | null; points: { start: string; value: number | null }[] };

describe('usage figures of outreach, applications and LINE', () => {
  let t: TestApp;
  let supervisor: string;
  const today = todayInJapan();
  const at = (daysAgo: number, time = '10:00') => new Date(Date.parse(`${addDays(today, -daysAgo)}T${time}:00+09:00`));
  const period = { from: addDays(today, -300), to: addDays(today, -2) };
  let lines: Line[];
  const total = (name: string, key: string | null = null) => lines.find((l) => l.name === name && l.key === key)?.total;

  beforeAll(async () => {
    t = await startTestApp({ records: 6 });
    supervisor = await t.login(DepartmentCode.SINGLE_PARENT, 'supervisor');
    const em = t.em();
    const records = await em.find(PersonalRecord, { municipality: DEMO }, { limit: 6 });
    const conn = em.getConnection();
    // Outreach: counters per month, as its sender and family page keep them.
    await bump(em, DEMO, at(40), 'programme-fits', 'EMAIL', 'created', 5);
    await bump(em, DEMO, at(40), 'programme-fits', 'EMAIL', 'delivered', 4);
    await bump(em, DEMO, at(40), 'programme-fits', 'EMAIL', 'permanent-failure', 1);
    await bump(em, DEMO, at(40), 'deadline', 'SMS', 'created', 3);
    await bump(em, DEMO, at(70), 'deadline', 'LINE', 'created', 2);
    await bump(em, DEMO, at(40), 'programme-fits', 'EMAIL', 'link-opened', 2);
    await bump(em, DEMO, at(40), 'programme-fits', 'EMAIL', 'consultation-booked', 1);
    await bump(em, DEMO, at(70), 'deadline', 'SMS', 'opt-out', 1);
    // Outside the period: not counted.
    await bump(em, DEMO, at(400), 'campaign', 'EMAIL', 'created', 9);
    // Applications: submitted in the period with their status now; a draft (never submitted) does not count.
    const app = async (procedure: string, status: string, submittedDaysAgo: number | null) =>
      conn.execute(
        `insert into application (id, municipality_code, record_id, procedure_id, status, answers, created_at, updated_at, submitted_at, decided_at) values (?, ?, ?, ?, ?, 'x', now(), now(), ?, ?)`,
        [
          randomUUID(),
          DEMO,
          records[0]!.id,
          procedure,
          status,
          submittedDaysAgo === null ? null : at(submittedDaysAgo),
          status === 'ACCEPTED' || status === 'NOT_ACCEPTED' ? at(5) : null,
        ],
      );
    await app('cra-claim', 'ACCEPTED', 50);
    await app('cra-claim', 'SUBMITTED', 50);
    await app('cra-claim', 'NOT_ACCEPTED', 80);
    await app('medical-subsidy', 'ACCEPTED', 20);
    await app('medical-subsidy', 'DRAFT', null);
    await app('school-expense-aid', 'ACCEPTED', 500);
    // LINE: three families linked, one unlinked on LINE (blocked); four webhook events.
    const link = (r: PersonalRecord, linked: number, revoked: number | null, by: string | null) =>
      conn.execute(
        `insert into line_link (id, municipality_code, record_id, user_key, user_id, linked_at, revoked_at, revoked_by) values (?, ?, ?, ?, 'sealed', ?, ?, ?)`,
        [randomUUID(), DEMO, r.id, randomUUID().replace(/-/g, ''), at(linked), revoked === null ? null : at(revoked), by],
      );
    await link(records[1]!, 12, null, null);
    await link(records[2]!, 13, 8, 'line');
    await link(records[3]!, 14, null, null);
    for (let i = 0; i < 4; i++)
      await conn.execute(`insert into line_event (municipality_code, webhook_event_id, payload, status, received_at) values (?, ?, '', 'done', ?)`, [
        DEMO,
        `ev${i}`,
        at(3 + i, '23:30'),
      ]);
    const res = await t.gql(FIGURES, { p: period }, supervisor);
    expect(res.body.errors).toBeUndefined();
    lines = res.body.data!.usageFigures.figures;
  });
  afterAll(() => t.close());

  it('push-type support: notices by channel and kind, delivered, failed, opened, consultations that followed, opt-outs', () => {
    expect(total('outreach.notices')).toBe(10);
    expect(total('outreach.notices', 'EMAIL')).toBe(5);
    expect(lines.find((l) => l.name === 'outreach.notices' && l.key === 'LINE')!.keyLabel).toBe('LINE');
    expect(total('outreach.noticesByKind', 'deadline')).toBe(5);
    expect(total('outreach.delivered')).toBe(4);
    expect(total('outreach.failed')).toBe(1);
    expect(total('outreach.opened')).toBe(2);
    expect(total('outreach.consultations')).toBe(1);
    expect(total('outreach.optOuts')).toBe(1);
    // Per month: the month of the 40-days-ago counters holds them.
    const month = `${addDays(today, -40).slice(0, 7)}-01`;
    expect(lines.find((l) => l.name === 'outreach.notices' && l.key === null)!.points.find((p) => p.start === month)!.value).toBeGreaterThanOrEqual(8);
  });

  it('applications: submitted, accepted and not accepted per procedure; drafts and other periods left out', () => {
    expect(total('application.submitted')).toBe(4);
    expect(total('application.submitted', 'cra-claim')).toBe(3);
    expect(lines.find((l) => l.name === 'application.submitted' && l.key === 'cra-claim')!.keyLabel).toBe('児童扶養手当 認定請求の事前申請');
    expect(total('application.accepted')).toBe(2);
    expect(total('application.notAccepted', 'cra-claim')).toBe(1);
    expect(total('application.submitted', 'school-expense-aid')).toBeUndefined();
  });

  it('are stored per month once the month is over; a month with an application still open is counted live until it is decided; a rebuild gives the same rows', async () => {
    const conn = t.em().getConnection();
    const monthOf = (daysAgo: number) => `${addDays(today, -daysAgo).slice(0, 7)}-01`;
    const stored = async () =>
      conn.execute<{ day: string; figure: string; key: string; value: string }[]>(
        `select to_char(day, 'YYYY-MM-DD') as day, figure, key, value::text as value from usage_count where municipality_code = ? and (figure like 'outreach.%' or figure like 'application.%') order by 1, 2, 3`,
        [DEMO],
      );
    const marks = async (module: string) =>
      (
        await conn.execute<{ day: string }[]>(`select to_char(day, 'YYYY-MM-DD') as day from usage_day where municipality_code = ? and module = ?`, [
          DEMO,
          module,
        ])
      ).map((r) => r.day);
    const rows = await stored();
    // Outreach's months are over: stored as counts, on the month's first day.
    expect(rows).toContainEqual({ day: monthOf(40), figure: 'outreach.notices', key: 'EMAIL', value: '5' });
    expect(await marks('outreach')).toContain(monthOf(70));
    // The month of the application still SUBMITTED (50 days ago) is not stored; it is counted on each read.
    const open = monthOf(50);
    expect(await marks('application')).not.toContain(open);
    expect(rows.some((r) => r.day === open && r.figure.startsWith('application.'))).toBe(false);
    if (monthOf(80) !== open) expect(rows).toContainEqual({ day: monthOf(80), figure: 'application.notAccepted', key: 'cra-claim', value: '1' });
    // Decided: once the live count is refreshed (here at once rather than after the window), the month is stored.
    await conn.execute(`update application set status = 'ACCEPTED', decided_at = now() where status = 'SUBMITTED' and municipality_code = ?`, [DEMO]);
    FIGURE_STORE.live.invalidate(DEMO);
    const decided = (await t.gql(FIGURES, { p: period }, supervisor)).body.data!.usageFigures.figures as Line[];
    expect(decided.find((l) => l.name === 'application.accepted' && l.key === null)!.total).toBe(3);
    expect(decided.some((l) => l.name === 'application.open')).toBe(false);
    expect(await marks('application')).toContain(open);
    const sealed = await stored();
    expect(sealed).toContainEqual({ day: open, figure: 'application.accepted', key: 'cra-claim', value: '2' });
    await FIGURE_STORE.rebuild(t.em(), DEMO, period.from, period.to);
    expect(await stored()).toEqual(sealed);
  });

  it('the sealer stores the past days of every municipality without anyone asking (LINE keeps its events seven days)', async () => {
    const conn = t.em().getConnection();
    await conn.execute(`delete from usage_count where figure like 'line.%'`);
    await conn.execute(`delete from usage_day where module = 'line'`);
    const sealer = startFigureSealer(t.db.orm, FIGURE_STORE, { firstAfterMs: 3_600_000 });
    await sealer.runOnce();
    sealer.stop();
    const days = await conn.execute<{ n: string }[]>(`select count(*)::text as n from usage_day where module = 'line' and municipality_code = ?`, [DEMO]);
    expect(Number(days[0]!.n)).toBe(29);
    const events = await conn.execute<{ n: string }[]>(
      `select coalesce(sum(value), 0)::text as n from usage_count where figure = 'line.events' and municipality_code = ?`,
      [DEMO],
    );
    expect(Number(events[0]!.n)).toBe(4);
  });

  it('LINE: families linked, links ended by whom, events received — stored per day and unchanged after the links are erased', async () => {
    expect(total('line.linked')).toBe(3);
    expect(total('line.unlinked', 'line')).toBe(1);
    expect(lines.find((l) => l.name === 'line.unlinked' && l.key === 'line')!.keyLabel).toBe('ブロック');
    expect(total('line.events')).toBe(4);
    await t.em().getConnection().execute(`delete from line_link`);
    await t.em().getConnection().execute(`delete from line_event`);
    const again = (await t.gql(FIGURES, { p: period }, supervisor)).body.data!.usageFigures.figures as Line[];
    expect(again.find((l) => l.name === 'line.linked' && l.key === null)!.total).toBe(3);
    expect(again.find((l) => l.name === 'line.events' && l.key === null)!.total).toBe(4);
  });

  it('別紙2: ④ and ⑤ get their ○ and are written from the figures; 4 事業の効果 lists the new lines', async () => {
    const link = await t.gql(LINK, { p: period }, supervisor);
    const body = (
      await t.http
        .get(link.body.data!.implementationReport.url)
        .buffer(true)
        .parse(binary as never)
    ).body as Buffer;
    const doc = readDocx(body);
    const items = doc.tables[0]!;
    const row = (mark: string) => items.find((r) => r[1]!.startsWith(mark))!;
    expect(row('④')[0]).toBe('○');
    expect(row('④')[2]).toContain('メール（5件）');
    expect(row('④')[2]).toContain('手続の期限（現況届等）（5件）');
    expect(row('⑤')[0]).toBe('○');
    expect(row('⑤')[2]).toContain('児童扶養手当 認定請求の事前申請（3件）');
    const effects = doc.tables[3]!.map((r) => r[0]);
    for (const label of [
      'プッシュ型通知（方法別）',
      '通知後に相談につながった件数',
      'オンライン申請（手続別）',
      'LINE連携した家庭',
      'LINEで受けたメッセージ等',
    ])
      expect(effects).toContain(label);
  });
});
