// Desk eligibility on a stored record (recordEligibility) and re-screening decide 児童扶養手当 from the
// record's facts — marital status, income year, income — with the amount the public form gives for the
// same answers (issue 12), and only from the sections the viewer may read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DepartmentCode } from '../../api/core/departments';
import { rescreen } from '../../api/programme/rescreen';
import { startTestApp, type TestApp } from '../support/app';

// Issue 12's mother: two children aged 6 and 10, salary 2,000,000, no 養育費, not married, other income
// left blank. On 2026-12-03 the allowance assesses 2025 income: 所得額 1,140,000 < 全部支給 limit
// 1,450,000 (扶養2) → FY2026 full amounts 48,050 + 11,350 = 59,400 (reference §1.1, §1.3, §6).
const AS_OF = '2026-12-03';
const CHILDREN = [
  { birthDate: '2020-06-01', disability: false },
  { birthDate: '2016-06-01', disability: false },
];

const CREATE = `mutation($input: CreateRecordInput!) { createRecord(input: $input) { id version household { maritalStatus } income { incomeYear dependentsCount } } }`;
const UPDATE = `mutation($input: UpdateRecordSectionInput!) { updateRecordSection(input: $input) { id version } }`;
const REPORT = `query($id: ID!, $asOf: Date) { recordEligibility(recordId: $id, asOf: $asOf) {
  recordId asOf incomeYear sectionsNotUsed { section reason }
  incomeAssessment { incomeYear salaryIncome incomeAmount otherIncomeAssumedZero fullLimit explanation }
  results { programme { id } status amount { monthly yearly } reasons nextSteps } } }`;
const PUBLIC = `query($input: HouseholdInput!) { eligibility(input: $input) { incomeYear results { programme { id } status amount { monthly yearly } } } }`;

let t: TestApp;
let owner: string;
let recordId: string;
let version: number;

const byId = (results: { programme: { id: string } }[], id: string) => results.find((r) => r.programme.id === id) as any;

beforeAll(async () => {
  t = await startTestApp({ records: 3 });
  owner = await t.login(DepartmentCode.SINGLE_PARENT);
  const res = await t.gql(
    CREATE,
    {
      input: {
        household: { children: CHILDREN, otherMembers: [], maritalStatus: 'NOT_MARRIED' },
        income: { incomeYear: 2025, annualEmploymentIncome: 2_000_000, otherIncome: null, childSupportReceivedYearly: 0 },
        concerns: { categories: ['FINANCES'] },
        consent: { sharedWith: ['FAMILY_REGISTER', 'LIVELIHOOD_SUPPORT'], shareWithPartners: false, privacyNoticeVersion: '2026-04' },
      },
    },
    owner,
  );
  expect(res.body.errors).toBeUndefined();
  recordId = res.body.data!.createRecord.id;
  version = res.body.data!.createRecord.version;
  expect(res.body.data!.createRecord).toMatchObject({ household: { maritalStatus: 'NOT_MARRIED' }, income: { incomeYear: 2025, dependentsCount: null } });
});
afterAll(async () => {
  await t?.close();
});

describe('recordEligibility', () => {
  it('decides 児童扶養手当 for the stored record: 59,400 円 a month, 所得額 114万円 explained', async () => {
    const res = await t.gql(REPORT, { id: recordId, asOf: AS_OF }, owner);
    expect(res.body.errors).toBeUndefined();
    const r = res.body.data!.recordEligibility;
    expect(r).toMatchObject({ recordId, asOf: AS_OF, incomeYear: 2025, sectionsNotUsed: [] });
    expect(byId(r.results, 'child-rearing-allowance')).toMatchObject({ status: 'ELIGIBLE', amount: { monthly: 59_400, yearly: 712_800 } });
    expect(byId(r.results, 'child-allowance')).toMatchObject({ status: 'ELIGIBLE', amount: { monthly: 20_000 } });
    expect(r.incomeAssessment).toMatchObject({
      incomeYear: 2025,
      salaryIncome: 1_320_000,
      incomeAmount: 1_140_000,
      otherIncomeAssumedZero: true,
      fullLimit: 1_450_000,
    });
    expect(r.incomeAssessment.explanation).toContain('所得額は 114万円です');
    // Marital status decided the single-parent programmes: none of them still asks for it.
    for (const id of ['single-parent-medical-subsidy', 'welfare-fund-loan', 'single-parent-tax-deduction'])
      expect(byId(r.results, id).status, id).toBe('ELIGIBLE');
  });

  it('gives the public form’s answer for the same facts, programme by programme', async () => {
    const pub = await t.gql(PUBLIC, {
      input: {
        asOf: AS_OF,
        municipalityCode: '999999',
        children: CHILDREN,
        annualEmploymentIncome: 2_000_000,
        childSupportReceivedYearly: 0,
        concerns: ['FINANCES'],
        maritalStatus: 'NOT_MARRIED',
        incomeYear: 2025,
        receivesPublicAssistance: false,
      },
    });
    expect(pub.body.errors).toBeUndefined();
    const desk = (await t.gql(REPORT, { id: recordId, asOf: AS_OF }, owner)).body.data!.recordEligibility;
    const summary = (rs: any[]) => Object.fromEntries(rs.map((r) => [r.programme.id, [r.status, r.amount?.monthly ?? null]]));
    expect(summary(desk.results)).toEqual(summary(pub.body.data!.eligibility.results));
  });

  it('re-screening decides the same record the same way (shared mapping, record-household.ts)', async () => {
    const found = [];
    for await (const r of rescreen(t.em(), { municipalityCode: '999999', asOf: AS_OF, catalogue: t.app.services.catalogue }))
      if (r.recordId === recordId) found.push(r);
    expect(found).toHaveLength(1);
    const cra = found[0]!.results.find((r) => r.programmeId === 'child-rearing-allowance')!;
    expect(cra.status).toBe('ELIGIBLE');
    expect(cra.amount).toEqual({ monthly: 59_400, yearly: 712_800 });
  });

  it('a department that may not read income gets no amount and no 所得額: income is named as not used', async () => {
    const res = await t.gql(REPORT, { id: recordId, asOf: AS_OF }, await t.login(DepartmentCode.FAMILY_REGISTER));
    expect(res.body.errors).toBeUndefined();
    const r = res.body.data!.recordEligibility;
    expect(r.sectionsNotUsed).toEqual(
      expect.arrayContaining([
        { section: 'INCOME', reason: 'NOT_PERMITTED' },
        { section: 'BENEFITS', reason: 'NOT_PERMITTED' },
      ]),
    );
    expect(r.incomeAssessment).toBeNull();
    expect(byId(r.results, 'child-rearing-allowance')).toMatchObject({ status: 'NEEDS_MORE_INFO', amount: null });
    // Nothing derived from the hidden income is in the answer, in any form.
    const text = JSON.stringify(r);
    for (const hidden of ['59400', '59,400', '2000000', '200万', '1140000', '114万', '132万']) expect(text).not.toContain(hidden);
  });

  it('a department the family did not consent to cannot tell the record exists (null, as for an unknown id)', async () => {
    const housing = await t.login(DepartmentCode.PUBLIC_HOUSING);
    const res = await t.gql(REPORT, { id: recordId, asOf: AS_OF }, housing);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.recordEligibility).toBeNull();
    const unknown = await t.gql(REPORT, { id: '00000000-0000-4000-8000-000000000000', asOf: AS_OF }, housing);
    expect(unknown.body.data!.recordEligibility).toBeNull();
  });

  it('anonymous callers are refused', async () => {
    const res = await t.gql(REPORT, { id: recordId, asOf: AS_OF });
    expect(res.body.data?.recordEligibility ?? null).toBeNull();
    expect(res.body.errors?.[0]?.extensions?.code).toMatch(/UNAUTHENTICATED|FORBIDDEN/);
  });

  it('follows the record when staff change its facts: married (or de facto) ends it, another income year is asked for', async () => {
    const married = await t.gql(
      UPDATE,
      { input: { id: recordId, expectedVersion: version, household: { children: CHILDREN, otherMembers: [], maritalStatus: 'DE_FACTO' } } },
      owner,
    );
    expect(married.body.errors).toBeUndefined();
    version = married.body.data!.updateRecordSection.version;
    let r = (await t.gql(REPORT, { id: recordId, asOf: AS_OF }, owner)).body.data!.recordEligibility;
    expect(byId(r.results, 'child-rearing-allowance')).toMatchObject({ status: 'NOT_ELIGIBLE', amount: null });

    const back = await t.gql(
      UPDATE,
      { input: { id: recordId, expectedVersion: version, household: { children: CHILDREN, otherMembers: [], maritalStatus: 'NOT_MARRIED' } } },
      owner,
    );
    version = back.body.data!.updateRecordSection.version;
    const older = await t.gql(
      UPDATE,
      {
        input: {
          id: recordId,
          expectedVersion: version,
          income: { incomeYear: 2024, annualEmploymentIncome: 2_000_000, childSupportReceivedYearly: 0, dependentsCount: 2 },
        },
      },
      owner,
    );
    expect(older.body.errors).toBeUndefined();
    version = older.body.data!.updateRecordSection.version;
    r = (await t.gql(REPORT, { id: recordId, asOf: AS_OF }, owner)).body.data!.recordEligibility;
    const cra = byId(r.results, 'child-rearing-allowance');
    expect(cra).toMatchObject({ status: 'NEEDS_MORE_INFO', amount: null });
    expect(cra.reasons).toContain('入力された収入は2024年の分です。この判定には2025年の収入が必要です。');
  });

  it('refuses an out-of-range 扶養親族等の数 with its field path', async () => {
    const res = await t.gql(UPDATE, { input: { id: recordId, expectedVersion: version, income: { dependentsCount: 31 } } }, owner);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(res.body.errors)).toContain('input.income.dependentsCount');
  });
});
