import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DepartmentCode } from '../../api/core/departments';
import { PersonalRecord } from '../../api/record/personal-record.entity';
import { startTestApp, type TestApp } from '../support/app';

const CREATE = `mutation($input: CreateRecordInput!) { createRecord(input: $input) {
  id version referenceNumber
  identity { familyName familyNameKana givenNameKana birthDate }
  address { postalCode city } contact { phone email contactAllowed }
  household { children { birthDate disability } }
  income { annualEmploymentIncome } benefits { programmeId } concerns { categories }
  consent { sharedWith shareWithPartners privacyNoticeVersion history { target granted privacyNoticeVersion } }
} }`;

const UPDATE = `mutation($input: UpdateRecordSectionInput!) { updateRecordSection(input: $input) {
  id version identity { familyName } household { children { birthDate } } income { annualEmploymentIncome }
} }`;

const LIST = `query($filter: RecordFilter, $first: Int, $after: String) { records(filter: $filter, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id createdAt referenceNumber } }
} }`;

const validInput = () => ({
  identity: { familyName: '試験', givenName: '花子', familyNameKana: 'しけん', givenNameKana: 'ﾊﾅｺ', birthDate: '1990-05-01' },
  address: { postalCode: '９９９－０００１', prefecture: 'デモ県', city: 'デモ市', street: 'デモ町1-1' },
  contact: { phone: '０９０−１２３４−５６７８', email: 'hanako@example.jp', contactAllowed: true },
  household: {
    children: [
      { birthDate: '2018-04-02', disability: false },
      { birthDate: '2021-01-15', disability: true },
    ],
  },
  income: { incomeYear: 2025, annualEmploymentIncome: 1_810_000, otherIncome: 0, childSupportReceivedYearly: 300_000 },
  benefits: [{ programmeId: 'child-allowance' }],
  concerns: { categories: ['WORK', 'HOUSING'] },
  consent: { sharedWith: ['LIVELIHOOD_SUPPORT'], shareWithPartners: false, privacyNoticeVersion: '2026-04' },
});

describe('records API over HTTP', () => {
  let t: TestApp;
  let owner: string;
  beforeAll(async () => {
    t = await startTestApp({ records: 12 });
    owner = await t.login(DepartmentCode.SINGLE_PARENT);
  });
  afterAll(() => t.close());

  it('creates a record, normalising full-width digits, dashes and kana', async () => {
    const res = await t.gql(CREATE, { input: validInput() }, owner);
    expect(res.body.errors).toBeUndefined();
    const r = res.body.data!.createRecord;
    expect(r.identity).toEqual({ familyName: '試験', familyNameKana: 'シケン', givenNameKana: 'ハナコ', birthDate: '1990-05-01' });
    expect(r.address.postalCode).toBe('999-0001');
    expect(r.contact.phone).toBe('090-1234-5678');
    expect(r.household.children).toEqual([
      { birthDate: '2018-04-02', disability: false },
      { birthDate: '2021-01-15', disability: true },
    ]);
    expect(r.benefits).toEqual([{ programmeId: 'child-allowance' }]);
    expect(r.concerns.categories).toEqual(['WORK', 'HOUSING']);
    expect(r.consent.sharedWith).toEqual(['LIVELIHOOD_SUPPORT']);
    expect(r.consent.history).toEqual([{ target: 'livelihood-support', granted: true, privacyNoticeVersion: '2026-04' }]);
    expect(r.referenceNumber).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(r.version).toBe(1);
  });

  it.each([
    ['identity.familyNameKana', { identity: { familyNameKana: '山田' } }, 'カタカナかひらがな'],
    ['contact.phone', { contact: { phone: '12-34', contactAllowed: true } }, '電話番号'],
    ['contact.email', { contact: { email: 'not-an-email', contactAllowed: true } }, 'メールアドレス'],
    ['identity.birthDate', { identity: { birthDate: '2999-01-01' } }, '未来'],
    ['household.children[0].birthDate', { household: { children: [{ birthDate: '1950-01-01' }] } }, '30年以上前'],
    ['income.annualEmploymentIncome', { income: { annualEmploymentIncome: -1 } }, '0以上の整数'],
    ['benefits[0].programmeId', { benefits: [{ programmeId: 'free-money' }] }, '制度のID'],
  ])('rejects a bad %s with BAD_USER_INPUT naming the field, and stores nothing', async (field, section, fragment) => {
    const before = await t.em().count(PersonalRecord, {});
    const res = await t.gql(CREATE, { input: section }, owner);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors?.[0]?.extensions?.field).toBe(`input.${field}`);
    expect(res.body.errors?.[0]?.message).toContain(fragment);
    expect(res.body.errors?.[0]?.extensions?.messages.en.length).toBeGreaterThan(10);
    expect(await t.em().count(PersonalRecord, {})).toBe(before);
  });

  it('answers in English when asked', async () => {
    const res = await t.gql(CREATE, { input: { contact: { phone: 'abc', contactAllowed: false } } }, owner, { 'accept-language': 'en' });
    expect(res.body.errors?.[0]?.message).toMatch(/phone number/);
  });

  it('never echoes the rejected value in the error', async () => {
    const res = await t.gql(CREATE, { input: { contact: { email: 'secret-person@@example.jp', contactAllowed: false } } }, owner);
    expect(JSON.stringify(res.body)).not.toContain('secret-person');
  });

  it('updates one section with optimistic concurrency', async () => {
    const created = (await t.gql(CREATE, { input: validInput() }, owner)).body.data!.createRecord;
    const first = await t.gql(UPDATE, { input: { id: created.id, expectedVersion: 1, identity: { familyName: '更新' } } }, owner);
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data!.updateRecordSection).toMatchObject({ version: 2, identity: { familyName: '更新' } });
    // A second writer still holding version 1 is refused, and its change is not applied.
    const stale = await t.gql(UPDATE, { input: { id: created.id, expectedVersion: 1, income: { annualEmploymentIncome: 1 } } }, owner);
    expect(stale.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const children = await t.gql(UPDATE, { input: { id: created.id, expectedVersion: 2, household: { children: [{ birthDate: '2020-02-02' }] } } }, owner);
    expect(children.body.data!.updateRecordSection).toMatchObject({
      version: 3,
      household: { children: [{ birthDate: '2020-02-02' }] },
      income: { annualEmploymentIncome: 1_810_000 },
    });
  });

  it('refuses an update naming no section or two sections', async () => {
    const created = (await t.gql(CREATE, { input: validInput() }, owner)).body.data!.createRecord;
    for (const input of [
      { id: created.id, expectedVersion: 1 },
      { id: created.id, expectedVersion: 1, identity: {}, income: {} },
    ]) {
      const res = await t.gql(UPDATE, { input }, owner);
      expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('pages through every record exactly once, newest first, with a stable order', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    do {
      const res = await t.gql(LIST, { first: 5, after }, owner);
      expect(res.body.errors).toBeUndefined();
      const conn: any = res.body.data!.records;
      total = conn.totalCount;
      seen.push(...conn.edges.map((e: any) => e.node.id));
      const times = conn.edges.map((e: any) => Date.parse(e.node.createdAt));
      expect([...times].sort((a, b) => b - a)).toEqual(times);
      after = conn.pageInfo.hasNextPage ? conn.pageInfo.endCursor : null;
    } while (after);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(total);
    expect(total).toBe(await t.em().count(PersonalRecord, {}));
  });

  it('searches by name or kana in any script', async () => {
    await t.gql(CREATE, { input: { identity: { familyName: '検索', givenName: '一郎', familyNameKana: 'ケンサク', givenNameKana: 'イチロウ' } } }, owner);
    for (const name of ['検索', 'けんさく', 'ｹﾝｻｸ', 'ケンサク イチロウ'.replace(' ', '')]) {
      const res = await t.gql(LIST, { filter: { name }, first: 10 }, owner);
      expect(res.body.data!.records.totalCount, name).toBe(1);
    }
    const none = await t.gql(LIST, { filter: { name: '%' }, first: 10 }, owner);
    expect(none.body.data!.records.totalCount).toBe(0);
  });

  it('filters by concern, consent, created date and reference number', async () => {
    const created = (
      await t.gql(
        CREATE,
        {
          input: {
            ...validInput(),
            concerns: { categories: ['LEGAL'] },
            consent: { sharedWith: ['PUBLIC_HOUSING'], shareWithPartners: false, privacyNoticeVersion: 'v1' },
          },
        },
        owner,
      )
    ).body.data!.createRecord;
    const byRef = await t.gql(LIST, { filter: { referenceNumber: created.referenceNumber.toLowerCase().replace('-', '') }, first: 5 }, owner);
    expect(byRef.body.data!.records.edges.map((e: any) => e.node.id)).toEqual([created.id]);
    const legal = await t.gql(`{ records(filter: { concern: LEGAL }, first: 100) { edges { node { concerns { categories } } } } }`, {}, owner);
    expect(legal.body.data!.records.edges.length).toBeGreaterThan(0);
    for (const e of legal.body.data!.records.edges) expect(e.node.concerns.categories).toContain('LEGAL');
    const housing = await t.gql(`{ records(filter: { consentedTo: PUBLIC_HOUSING }, first: 100) { edges { node { consent { sharedWith } } } } }`, {}, owner);
    for (const e of housing.body.data!.records.edges) expect(e.node.consent.sharedWith).toContain('PUBLIC_HOUSING');
    const future = await t.gql(LIST, { filter: { createdFrom: '2999-01-01' }, first: 5 }, owner);
    expect(future.body.data!.records.totalCount).toBe(0);
  });

  it('adds a consultation and reads the history newest first', async () => {
    const created = (await t.gql(CREATE, { input: validInput() }, owner)).body.data!.createRecord;
    for (const [date, summary] of [
      ['2026-01-10', '初回相談'],
      ['2026-02-10', '二回目'],
    ]) {
      const res = await t.gql(
        `mutation($i: AddConsultationInput!) { addConsultation(input: $i) { date department staffName channel summary } }`,
        { i: { recordId: created.id, date, channel: 'PHONE', summary } },
        owner,
      );
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data!.addConsultation).toMatchObject({ date, department: 'SINGLE_PARENT', channel: 'PHONE', summary });
    }
    const read = await t.gql(`query($id: ID!) { record(id: $id) { consultations { date summary } } }`, { id: created.id }, owner);
    expect(read.body.data!.record.consultations).toEqual([
      { date: '2026-02-10', summary: '二回目' },
      { date: '2026-01-10', summary: '初回相談' },
    ]);
    const bad = await t.gql(
      `mutation($i: AddConsultationInput!) { addConsultation(input: $i) { date } }`,
      { i: { recordId: created.id, date: '2999-01-01', channel: 'PHONE', summary: '' } },
      owner,
    );
    expect(bad.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.body.errors?.[0]?.extensions?.problems.map((p: any) => p.field)).toEqual(['input.date', 'input.summary']);
  });

  it('returns null for an unknown id and NOT_FOUND when updating it', async () => {
    const read = await t.gql(`{ record(id: "00000000-0000-4000-8000-000000000000") { id } }`, {}, owner);
    expect(read.body.data!.record).toBeNull();
    const upd = await t.gql(UPDATE, { input: { id: '00000000-0000-4000-8000-000000000000', expectedVersion: 1, identity: { familyName: 'x' } } }, owner);
    expect(upd.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
