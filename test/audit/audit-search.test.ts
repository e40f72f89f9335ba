import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATION_LABELS } from '../../api/audit/operation-labels';
import { csvCell } from '../../api/core/csv';
import { DepartmentCode } from '../../api/core/departments';
import { StaffRole } from '../../api/core/roles';
import { Department } from '../../api/municipality/department.entity';
import { demoStaffEmail } from '../../api/server/seed/demo-seed';
import { hashPassword } from '../../api/staff/password';
import { StaffMember } from '../../api/staff/staff-member.entity';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../support/app';

// Issue 18: the audit log for supervisors, filtered by who, department, record, operation, section and
// period, and its CSV export: formula-safe, and audited itself.

const SEARCH = `query StaffAuditSearch($f: AuditFilter, $first: Int!, $after: String) { auditSearch(filter: $f, first: $first, after: $after) { totalCount endCursor entries { seq at actorName actorDepartment action sections operationName referenceNumbers recordCount } } }`;
const CSV = `query StaffAuditCsv($f: AuditFilter) { auditCsv(filter: $f) }`;

let t: TestApp;
let supervisor: string;
let a: { id: string; ref: string };
let b: { id: string; ref: string };

beforeAll(async () => {
  t = await startTestApp({ records: 4 });
  const owner = await t.login(DepartmentCode.SINGLE_PARENT);
  supervisor = await t.login(DepartmentCode.SINGLE_PARENT, 'supervisor');
  const create = async (familyName: string) => {
    const res = await t.gql(
      `mutation($i: CreateRecordInput!) { createRecord(input: $i) { id referenceNumber } }`,
      {
        i: {
          identity: { familyName, givenName: '監査' },
          income: { annualEmploymentIncome: 1_000_000 },
          consent: { sharedWith: ['LIVELIHOOD_SUPPORT'], shareWithPartners: false, privacyNoticeVersion: 'v1' },
        },
      },
      owner,
    );
    return { id: res.body.data!.createRecord.id as string, ref: res.body.data!.createRecord.referenceNumber as string };
  };
  a = await create('甲');
  b = await create('乙');
  // A staff member whose name a spreadsheet would run as a formula.
  const em = t.em();
  const department = await em.findOneOrFail(Department, { municipality: '999999', code: DepartmentCode.LIVELIHOOD_SUPPORT });
  em.create(StaffMember, {
    municipality: '999999',
    department,
    name: '=HYPERLINK("http://evil.example","x")',
    email: demoStaffEmail(DepartmentCode.LIVELIHOOD_SUPPORT, 'formula'),
    role: StaffRole.CASEWORKER,
    passwordHash: await hashPassword(TEST_PASSWORD),
  } as never);
  await em.flush();
  const formula = await t.login(DepartmentCode.LIVELIHOOD_SUPPORT, 'formula');
  const livelihood = await t.login(DepartmentCode.LIVELIHOOD_SUPPORT);
  await t.gql(`query StaffRecord($id: ID!) { record(id: $id) { identity { familyName } income { incomeYear } } }`, { id: a.id }, formula);
  await t.gql(`query StaffRecord($id: ID!) { record(id: $id) { identity { familyName } } }`, { id: b.id }, livelihood);
}, 120_000);
afterAll(async () => {
  await t?.close();
});

type Line = { actorName: string; actorDepartment: string; action: string; sections: string[]; operationName: string | null; referenceNumbers: string[] };
async function search(f: Record<string, unknown>, first = 200): Promise<{ totalCount: number; endCursor: string | null; entries: Line[] }> {
  const res = await t.gql(SEARCH, { f, first }, supervisor);
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.auditSearch;
}

describe('the audit log, filtered', () => {
  it('filters by record, department, who, operation, section and action', async () => {
    const ofA = await search({ referenceNumber: a.ref.toLowerCase() });
    expect(ofA.entries.length).toBeGreaterThanOrEqual(2); // created, then read
    expect(ofA.entries.every((e) => e.referenceNumbers.includes(a.ref))).toBe(true);
    expect(ofA.entries.some((e) => e.referenceNumbers.includes(b.ref))).toBe(false);

    const livelihood = await search({ department: 'LIVELIHOOD_SUPPORT' });
    expect(livelihood.entries.map((e) => e.actorDepartment)).toEqual(livelihood.entries.map(() => 'livelihood-support'));
    expect(livelihood.totalCount).toBe(2);

    const who = await search({ actorName: 'HYPERLINK' });
    expect(who.entries).toHaveLength(1);
    expect(who.entries[0]).toMatchObject({ action: 'read', operationName: 'StaffRecord', referenceNumbers: [a.ref] });
    expect(who.entries[0]!.sections).toEqual(['identity', 'income']);

    expect((await search({ section: 'INCOME', department: 'LIVELIHOOD_SUPPORT' })).totalCount).toBe(1);
    expect((await search({ operationName: 'StaffRecord', referenceNumber: b.ref })).totalCount).toBe(1);
    expect((await search({ action: 'write', referenceNumber: b.ref })).entries.map((e) => e.actorDepartment)).toEqual(['single-parent']);
    expect((await search({ referenceNumber: 'ZZZZ-ZZZZ' })).totalCount).toBe(0);
  });

  it('filters by period (Japan days) and pages newest first without gaps', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date());
    const all = await search({});
    expect((await search({ from: today, to: today })).totalCount).toBe(all.totalCount);
    expect((await search({ to: '2000-01-01' })).totalCount).toBe(0);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const res = await t.gql(SEARCH, { f: {}, first: 3, after }, supervisor);
      const page = res.body.data!.auditSearch as { endCursor: string | null; entries: { seq: string }[] };
      seen.push(...page.entries.map((e) => e.seq));
      after = page.endCursor;
    } while (after);
    expect(seen).toHaveLength(all.totalCount);
    expect([...seen].sort((x, y) => Number(y) - Number(x))).toEqual(seen);
  });

  it('refuses bad input with its field and anyone but the owning department’s supervisors', async () => {
    const bad = await t.gql(SEARCH, { f: { from: '2026-12-02', to: '2026-12-01' }, first: 10 }, supervisor);
    expect(bad.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.to' });
    const action = await t.gql(SEARCH, { f: { action: 'delete' }, first: 10 }, supervisor);
    expect(action.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.action' });
    for (const token of [await t.login(DepartmentCode.SINGLE_PARENT), await t.login(DepartmentCode.LIVELIHOOD_SUPPORT)]) {
      for (const q of [SEARCH, CSV]) {
        const res = await t.gql(q, { f: {}, first: 10 }, token);
        expect(res.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
        expect(res.body.data?.auditSearch ?? res.body.data?.auditCsv ?? null).toBeNull();
      }
    }
  });
});

describe('the audit log as CSV', () => {
  it('exports the filtered lines with Japanese operation names, formula-like cells neutralised', async () => {
    const res = await t.gql(CSV, { f: { department: 'LIVELIHOOD_SUPPORT' } }, supervisor);
    expect(res.body.errors).toBeUndefined();
    const csv = res.body.data!.auditCsv as string;
    expect(csv.startsWith('\uFEFF日時（日本時間）,職員・団体,部署,操作,項目,操作の内容')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    const formula = lines.find((l) => l.includes('HYPERLINK'))!;
    expect(formula).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(formula).toContain(',閲覧,identity income,個人票の閲覧,StaffRecord,1,' + a.ref);
    // No cell of any line starts with a formula character.
    for (const l of lines) for (const cell of l.split(',')) expect(cell).not.toMatch(/^"?[=+\-@]/);
  });

  it('is itself in the audit log: who exported the log of which records', async () => {
    await t.gql(CSV, { f: { referenceNumber: b.ref } }, supervisor);
    const exports = await search({ action: 'export', referenceNumber: b.ref });
    expect(exports.entries.length).toBeGreaterThanOrEqual(1);
    expect(exports.entries[0]).toMatchObject({ actorDepartment: 'single-parent', operationName: 'StaffAuditCsv', sections: ['auditLog'] });
  });

  it('csvCell prefixes every formula start, quotes separators', () => {
    expect(['=1+1', '+81', '-2', '@SUM(A1)', '\tx', '＝１', 'ok', 'a,b', 'say "hi"'].map(csvCell)).toEqual([
      "'=1+1",
      "'+81",
      "'-2",
      "'@SUM(A1)",
      "'\tx",
      "'＝１",
      'ok',
      '"a,b"',
      '"say ""hi"""',
    ]);
    expect(csvCell(null)).toBe('');
  });

  it('names operations as the console does (the server’s table and the browser’s agree)', async () => {
    const { NAMES } = await import('../../widgets/staff/operation-names.js');
    expect(OPERATION_LABELS).toEqual(NAMES);
  });
});
