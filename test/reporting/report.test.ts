import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePolicy, POLICY_ROLES } from '../../api/access/policy';
import { SECTIONS } from '../../api/core/sections';
import { addDays, todayInJapan } from '../../api/core/dates';
import { DepartmentCode } from '../../api/core/departments';
import { PersonalRecord } from '../../api/record/personal-record.entity';
import { StaffMember } from '../../api/staff/staff-member.entity';
import { FIGURE_REGISTRY, FORM_HEADINGS } from '../../api/reporting';
import { startTestApp, type TestApp } from '../support/app';
import { readDocx } from './docx-read';
import { countIndependently, DEMO, seedUsageEvents } from './seed-usage';

const LINK = 'query($p: ReportPeriodInput!, $f: ReportForm!, $x: ReportFormat) { implementationReport(period: $p, form: $f, format: $x) { url expiresAt } }';
const SAVE = 'mutation($i: SaveReportInputInput!) { saveReportInput(input: $i) { costs { category amount } staff { fullTime } issues updatedAt } }';

const binary = (res: NodeJS.ReadableStream, done: (e: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('別紙1 / 別紙2 generated from configuration, figures and staff input', () => {
  let t: TestApp;
  let supervisor: string;
  const today = todayInJapan();
  const period = { from: addDays(today, -365), to: addDays(today, -2) };
  const input = (form: string) => ({
    period,
    form,
    costs: [
      { category: '委託料', amount: 3_300_000, breakdown: 'チャットボット運用保守 275,000円×12月' },
      { category: '報酬', amount: 2_400_000, breakdown: '母子・父子自立支援員（会計年度任用職員）1人' },
    ],
    staff: { fullTime: 2, partTime: 3, selfRelianceSupporters: 2, employmentSupporters: 1 },
    issues: '夜間の相談から来所につながる割合を上げる。\n入力フォームの周知。',
    attachments: ['チラシ', '画面の写し'],
    plan: 'チャットボットと入力フォームを市のサイトに設置する。',
  });
  const download = async (url: string) =>
    t.http
      .get(url)
      .buffer(true)
      .parse(binary as never);
  const generate = async (form: 'PLAN' | 'REPORT', format = 'DOCX', token = supervisor) => {
    const link = await t.gql(LINK, { p: period, f: form, x: format }, token);
    expect(link.body.errors).toBeUndefined();
    const res = await download(link.body.data!.implementationReport.url);
    expect(res.status).toBe(200);
    return res;
  };

  beforeAll(async () => {
    t = await startTestApp({ records: 40 });
    await seedUsageEvents(t.em());
    await t.em().getConnection().execute(`update municipality set allowed_origins = '{https://www.city.demo.example.jp}' where code = ?`, [DEMO]);
    supervisor = await t.login(DepartmentCode.SINGLE_PARENT, 'supervisor');
    for (const form of ['REPORT', 'PLAN']) expect((await t.gql(SAVE, { i: input(form) }, supervisor)).body.errors).toBeUndefined();
  });
  afterAll(() => t.close());

  it('別紙2: every heading in order, ○ from what is switched on, the sharing table equal to the policy file', async () => {
    const doc = readDocx((await generate('REPORT')).body as Buffer);
    expect(doc.headings).toEqual([...FORM_HEADINGS.REPORT]);
    const text = doc.paragraphs.join('\n');
    expect(text).toContain('実施状況報告書');
    expect(text).toContain('別紙2');
    const [items, sharing, costs] = doc.tables;
    const marks = Object.fromEntries(items!.slice(1).map((r) => [r[1]!.slice(0, 1), r[0]]));
    expect(marks).toEqual({ '①': '○', '②': '○', '③': '○', '④': '', '⑤': '', '⑥': '○' });
    const chat = items!.find((r) => r[1]!.startsWith('①'))![2]!;
    expect(chat).toContain('https://www.city.demo.example.jp');
    expect(chat).toContain('24時間365日');
    expect(chat).toContain('DV');
    expect(items!.find((r) => r[1]!.startsWith('②'))![2]).toContain('収入');
    // Push-type support and online applications are installed but had nothing in the seeded period.
    expect(items!.find((r) => r[1]!.startsWith('④'))![2]).toContain('通知方法：（この期間の通知なし）');
    expect(items!.find((r) => r[1]!.startsWith('⑤'))![2]).toContain('オンライン申請できる手続：（この期間の申請なし）');
    // The sharing table read back equals the policy file read independently.
    const policy = parsePolicy(readFileSync(join(__dirname, '../../seeds/policy/default.yaml'), 'utf8'), 'default.yaml');
    expect(sharing!.length).toBe(SECTIONS.length + 1);
    expect(sharing![0]!.length).toBe(POLICY_ROLES.length + 1);
    SECTIONS.forEach((s, i) => {
      const expected = POLICY_ROLES.map((r) => (policy.get(r)!.get(s)!.write ? '◎' : policy.get(r)!.get(s)!.read ? '○' : '－'));
      expect(sharing![i + 1]!.slice(1), s).toEqual(expected);
    });
    expect(costs!.at(-1)).toEqual(['合計', '5,700,000円', '']);
    expect(text).toContain('夜間の相談から来所につながる割合を上げる。');
    expect(text).toContain('(2) 画面の写し');
  });

  it('別紙2: 4 事業の効果 equals counts computed independently from the seeded events, with the previous period beside', async () => {
    const doc = readDocx((await generate('REPORT')).body as Buffer);
    const effects = doc.tables[3]!;
    expect(effects[0]).toEqual(['項目', '当期', '前期', '増減']);
    const expected = await countIndependently(t.em(), period.from, period.to);
    // Rows: a figure's total, then its breakdowns (indented); read them back into name|key.
    const got = new Map<string, number>();
    let figure = '';
    for (const [marked, now] of effects.slice(1)) {
      // ※ marks figures staff entered by hand (none here: every one of them is zero).
      const label = marked!.replace(/ ※$/, '');
      if (marked!.endsWith(' ※'))
        expect(FIGURE_REGISTRY.sourceOf([...FIGURE_REGISTRY.all()].flatMap((s) => s.figures).find((f) => f.label.ja === label)!.name)!.origin).toBe('staff');
      const value = now === '－' ? NaN : Number(now!.replace(/,/g, ''));
      if (!label!.startsWith('　')) {
        figure = [...FIGURE_REGISTRY.all()].flatMap((s) => [...s.figures, ...(s.averages ?? [])]).find((f) => f.label.ja === label)!.name;
        got.set(`${figure}|`, value);
      } else {
        const def = FIGURE_REGISTRY.figure(figure)!;
        const key = [...expected.keys()].map((k) => k.split('|')).find(([n, k]) => n === figure && k && def.keyLabel!(k).ja === label!.slice(1));
        got.set(`${figure}|${key?.[1] ?? label}`, value);
      }
    }
    for (const [k, v] of expected) expect({ k, v: got.get(k) }).toEqual({ k, v });
    expect(got.get('chat.sessions|')).toBeGreaterThan(100);
  });

  it('has nothing personal anywhere in the file', async () => {
    const doc = readDocx((await generate('REPORT')).body as Buffer);
    const all = Object.values(doc.parts).join('\n');
    const records = await t.em().find(PersonalRecord, { municipality: DEMO });
    const staff = await t.em().find(StaffMember, { municipality: DEMO });
    const personal = [
      ...records.flatMap((r) => [
        r.referenceNumber,
        `${r.identity.familyName ?? ''}${r.identity.givenName ?? ''}`,
        r.identity.familyNameKana,
        r.contact.email,
        r.contact.phone,
        r.address.street,
        r.concerns.note,
      ]),
      ...staff.flatMap((s) => [s.name, s.email]),
    ].filter((v): v is string => typeof v === 'string' && v.length > 1);
    expect(personal.length).toBeGreaterThan(100);
    for (const v of personal) expect(all.includes(v), 'a personal value is in the file').toBe(false);
  });

  it('別紙1: the plan’s headings in order and the staff counts; CSV of the figures', async () => {
    const doc = readDocx((await generate('PLAN')).body as Buffer);
    expect(doc.headings).toEqual([...FORM_HEADINGS.PLAN]);
    expect(doc.paragraphs.join('\n')).toContain('事業計画書');
    const staff = doc.tables[2]!;
    expect(staff.slice(1)).toEqual([
      ['相談支援担当職員', '2人', '3人', '5人'],
      ['うち母子・父子自立支援員', '', '', '2人'],
      ['うち就業支援専門員', '', '', '1人'],
    ]);
    const csvRes = await generate('REPORT', 'CSV');
    // The CSV is the figures (利用実績), not the report: its file says so (trial T16).
    expect(csvRes.headers['content-disposition']).toMatch(/^attachment; filename="riyo-jisseki-999999-[0-9-]+\.csv"$/);
    const csv = csvRes.body.toString('utf8');
    expect(csv.startsWith('\ufeff"figure","key","項目"')).toBe(true);
    const expected = await countIndependently(t.em(), period.from, period.to);
    expect(csv).toContain(`"chat.sessions","","チャットボットの相談件数","","システム集計","${expected.get('chat.sessions|')}"`);
  });

  it('links are short-lived, signed, for supervisors and admins only, and every download is audited', async () => {
    for (const token of [await t.login(DepartmentCode.SINGLE_PARENT), await t.login(DepartmentCode.LIVELIHOOD_SUPPORT)]) {
      const res = await t.gql(LINK, { p: period, f: 'REPORT' }, token);
      expect(res.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
      expect((await t.gql(SAVE, { i: input('REPORT') }, token)).body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    }
    const link = (await t.gql(LINK, { p: period, f: 'REPORT' }, supervisor)).body.data!.implementationReport;
    expect(new Date(link.expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(5 * 60_000);
    const forged = link.url.slice(0, -3) + (link.url.endsWith('AAA') ? 'BBB' : 'AAA');
    expect((await download(forged)).status).toBe(404);
    expect((await download('/reports/nonsense')).status).toBe(404);
    const before = await t.em().getConnection().execute<{ n: string }[]>(`select count(*)::text as n from audit_entry where operation_name like 'report:%'`);
    expect((await download(link.url)).status).toBe(200);
    const after = await t
      .em()
      .getConnection()
      .execute<{ n: string; a: string }[]>(`select count(*)::text as n, max(actor_department) as a from audit_entry where operation_name like 'report:%'`);
    expect(Number(after[0]!.n)).toBe(Number(before[0]!.n) + 1);
    expect(after[0]!.a).toBe('single-parent');
    expect((await t.gql('{ auditChainIntact }', {}, supervisor)).body.data!.auditChainIntact).toBe(true);
    const bad = await t.gql(SAVE, { i: { ...input('REPORT'), costs: [{ category: '', amount: -1, breakdown: 'x' }] } }, supervisor);
    expect(bad.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.costs.0.category' });
    expect(bad.body.errors![0]!.extensions!.problems.map((p: { field: string }) => p.field)).toEqual(['input.costs.0.category', 'input.costs.0.amount']);
    const saved = await t.gql('query($p: ReportPeriodInput!) { reportInput(period: $p, form: REPORT) { costs { amount } issues } }', { p: period }, supervisor);
    expect(saved.body.data!.reportInput.costs).toEqual([{ amount: 3_300_000 }, { amount: 2_400_000 }]);
  });
});
