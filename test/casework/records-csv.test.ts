import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DepartmentCode } from '../../api/core/departments';
import { startTestApp, type TestApp } from '../support/app';

// Issue 18: the record list as CSV — only the records the department finds, only the columns it may
// read, DV-withheld cells empty, formula-like cells neutralised, and every export in the audit log.

const CSV = `query StaffRecordsCsv($f: RecordFilter) { recordsCsv(filter: $f) }`;
let t: TestApp;
let plain: string;
let dv: string;
let hidden: string;

const parse = (csv: string): string[][] =>
  csv
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n')
    .map((l) => l.split(','));

async function exportAs(department: DepartmentCode, f: Record<string, unknown> = { name: 'エクスポート' }): Promise<string[][]> {
  const res = await t.gql(CSV, { f }, await t.login(department));
  expect(res.body.errors).toBeUndefined();
  return parse(res.body.data!.recordsCsv as string);
}

beforeAll(async () => {
  t = await startTestApp({ records: 0 });
  const owner = await t.login(DepartmentCode.SINGLE_PARENT);
  const create = async (input: Record<string, unknown>) => {
    const res = await t.gql(`mutation($i: CreateRecordInput!) { createRecord(input: $i) { referenceNumber } }`, { i: input }, owner);
    if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
    return res.body.data!.createRecord.referenceNumber as string;
  };
  plain = await create({
    identity: { familyName: '=1+2', givenName: '出力', familyNameKana: 'エクスポート', birthDate: '1990-01-02' },
    address: { postalCode: '1000001', prefecture: '東京都', city: 'デモ市', street: '一番町1' },
    contact: { phone: '090-1111-2222', contactAllowed: true },
    income: { incomeYear: 2025, annualEmploymentIncome: 2_345_678 },
    concerns: { categories: ['WORK'] },
    consent: { sharedWith: ['FAMILY_REGISTER', 'LIVELIHOOD_SUPPORT'], shareWithPartners: false, privacyNoticeVersion: 'v1' },
  });
  dv = await create({
    identity: { familyName: '保護', givenName: '出力', familyNameKana: 'エクスポート' },
    address: { postalCode: '1000002', prefecture: '東京都', city: 'デモ市', street: '秘密町2' },
    contact: { phone: '080-3333-4444', contactAllowed: true },
    concerns: { categories: ['DV'] },
    consent: { sharedWith: ['LIVELIHOOD_SUPPORT'], shareWithPartners: false, privacyNoticeVersion: 'v1' },
  });
  hidden = await create({
    identity: { familyName: '非共有', familyNameKana: 'エクスポート' },
    consent: { sharedWith: [], shareWithPartners: false, privacyNoticeVersion: 'v1' },
  });
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('the record list as CSV', () => {
  it('gives the owning department every column and neutralises formula-like cells', async () => {
    const [header, ...rows] = await exportAs(DepartmentCode.SINGLE_PARENT);
    expect(header).toEqual([
      '受付番号',
      '作成日時（日本時間）',
      '姓',
      '名',
      '姓（カナ）',
      '名（カナ）',
      '生年月日',
      '郵便番号',
      '住所',
      '電話番号',
      'メールアドレス',
      '連絡してよいか',
      '所得の年',
      '給与収入（円/年）',
      '困りごと',
    ]);
    expect(rows.map((r) => r[0]).sort()).toEqual([plain, dv, hidden].sort());
    const p = rows.find((r) => r[0] === plain)!;
    expect(p[2]).toBe("'=1+2");
    expect(p.slice(7)).toEqual(['100-0001', '東京都デモ市一番町1', '090-1111-2222', '', 'はい', '2025', '2345678', '仕事']);
  });

  it('gives 戸籍担当課 only the columns it may read, and only the records shared with it', async () => {
    const [header, ...rows] = await exportAs(DepartmentCode.FAMILY_REGISTER);
    expect(header).toEqual(['受付番号', '作成日時（日本時間）', '姓', '名', '姓（カナ）', '名（カナ）', '生年月日', '郵便番号', '住所']);
    expect(rows.map((r) => r[0])).toEqual([plain]);
    expect(rows.flat().join(' ')).not.toContain('2345678');
    expect(rows.flat().join(' ')).not.toContain('090-1111-2222');
  });

  it('leaves the cells of a DV-protected record’s address and contact empty for another department', async () => {
    const [header, ...rows] = await exportAs(DepartmentCode.LIVELIHOOD_SUPPORT);
    expect(header).toContain('電話番号');
    const d = rows.find((r) => r[0] === dv)!;
    expect(d[2]).toBe('保護');
    expect(d.slice(7, 12)).toEqual(['', '', '', '', '']);
    expect(rows.flat().join(' ')).not.toContain('秘密町');
    expect(rows.find((r) => r[0] === hidden)).toBeUndefined();
  });

  it('is in the audit log as an export of exactly the sections written to the file', async () => {
    const supervisor = await t.login(DepartmentCode.SINGLE_PARENT, 'supervisor');
    const res = await t.gql(
      `query($f: AuditFilter) { auditSearch(filter: $f, first: 50) { entries { actorDepartment action sections operationName referenceNumbers } } }`,
      { f: { action: 'export', department: 'FAMILY_REGISTER' } },
      supervisor,
    );
    expect(res.body.errors).toBeUndefined();
    const entries = res.body.data!.auditSearch.entries as { sections: string[]; operationName: string; referenceNumbers: string[] }[];
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ operationName: 'StaffRecordsCsv', sections: ['address', 'identity'], referenceNumbers: [plain] });
  });

  it('refuses an anonymous caller and a bad filter with its field', async () => {
    const anonymous = await t.gql(CSV, { f: {} });
    expect(anonymous.body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    const bad = await t.gql(CSV, { f: { contact: '12' } }, await t.login(DepartmentCode.SINGLE_PARENT));
    expect(bad.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.contact' });
  });
});
