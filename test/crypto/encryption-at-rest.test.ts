import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENCRYPTED_COLUMNS, EncryptedText, isSealed } from '../../api/crypto';
import { DepartmentCode } from '../../api/core/departments';
import { PersonalRecord } from '../../api/record/personal-record.entity';
import { startTestApp, type TestApp } from '../support/app';

const CREATE = `mutation($input: CreateRecordInput!) { createRecord(input: $input) { id version } }`;
const READ = `query($id: ID!) { record(id: $id) {
  address { postalCode street } contact { phone email safeTimes } concerns { note } household { note }
  consultations { summary followUp }
} }`;
const SEARCH = `query($contact: String) { records(filter: { contact: $contact }, first: 10) { totalCount edges { node { id } } } }`;

const PHONE = '090-8765-4321';
const EMAIL = 'Secret.Parent@example.jp';
const input = (extra: Record<string, unknown> = {}) => ({
  identity: { familyName: '暗号', givenName: '守', familyNameKana: 'あんごう', givenNameKana: 'まもる', birthDate: '1988-02-03' },
  address: { postalCode: '999-0077', prefecture: 'デモ県', city: 'デモ市', street: '秘密町7-7-7' },
  contact: { phone: PHONE, email: EMAIL, contactAllowed: true, safeTimes: '平日の昼だけ' },
  household: { children: [{ birthDate: '2019-04-02', disability: false }], note: '祖母と同居を検討中' },
  concerns: { categories: ['WORK'], note: '元夫からの連絡が怖い' },
  consent: { sharedWith: ['LIVELIHOOD_SUPPORT', 'FAMILY_REGISTER'], shareWithPartners: false, privacyNoticeVersion: '2026-04' },
  ...extra,
});

describe('encryption at rest', () => {
  let t: TestApp;
  let owner: string;
  let recordId: string;
  beforeAll(async () => {
    t = await startTestApp({ records: 6 });
    owner = await t.login(DepartmentCode.SINGLE_PARENT);
    const res = await t.gql(CREATE, { input: input() }, owner);
    expect(res.body.errors).toBeUndefined();
    recordId = res.body.data!.createRecord.id;
    const c = await t.gql(
      `mutation($i: AddConsultationInput!) { addConsultation(input: $i) { id summary } }`,
      { i: { recordId, date: '2026-11-01', channel: 'PHONE', summary: '養育費の相談。DVの経緯を聞いた', followUp: '弁護士相談を案内' } },
      owner,
    );
    expect(c.body.errors).toBeUndefined();
    expect(c.body.data!.addConsultation.summary).toBe('養育費の相談。DVの経緯を聞いた');
  });
  afterAll(() => t.close());

  it('gives every listed property the encrypted type and a text column (the policy is applied from the one list)', () => {
    const metadata = t.db.orm.getMetadata();
    for (const c of ENCRYPTED_COLUMNS) {
      const meta =
        metadata.getAll()[
          c.entity === 'ContactSection' || c.entity === 'AddressSection' || c.entity === 'ConcernsSection' || c.entity === 'HouseholdData'
            ? 'PersonalRecord'
            : c.entity
        ]!;
      const prop = Object.values(meta.properties).find((p) => p.fieldNames?.[0] === c.column);
      expect(prop, c.column).toBeDefined();
      expect(prop!.customType, c.column).toBeInstanceOf(EncryptedText);
      expect(prop!.columnTypes[0], c.column).toBe('text');
    }
  });

  it('stores the sealed values only: the database holds none of the plaintext', async () => {
    const [row] = await t.em().getConnection().execute(`select * from personal_record where id = ?`, [recordId]);
    for (const column of ['contact_phone', 'contact_email', 'contact_safe_times', 'address_street', 'address_postal_code', 'concerns_note', 'household_note']) {
      expect(isSealed(row[column]), column).toBe(true);
    }
    const dump = JSON.stringify(row);
    for (const secret of ['8765', 'Secret.Parent', '秘密町', '0077', '元夫', '祖母', '昼だけ']) expect(dump).not.toContain(secret);
    const [c] = await t.em().getConnection().execute(`select summary, follow_up from consultation where record_id = ?`, [recordId]);
    expect(isSealed(c.summary) && isSealed(c.follow_up)).toBe(true);
    expect(JSON.stringify(c)).not.toContain('養育費');
    // Sealing uses a random IV: the same phone number in two records is two different values.
    const again = await t.gql(CREATE, { input: input() }, owner);
    const [other] = await t
      .em()
      .getConnection()
      .execute(`select contact_phone, contact_phone_hash from personal_record where id = ?`, [again.body.data!.createRecord.id]);
    expect(other.contact_phone).not.toBe(row.contact_phone);
    expect(other.contact_phone_hash).toBe(row.contact_phone_hash);
  });

  it('leaves no plaintext in any listed column, whichever way it was written (seed, staff, intake, consultation)', async () => {
    for (const c of ENCRYPTED_COLUMNS) {
      const rows = await t.em().getConnection().execute(`select "${c.column}" as v from "${c.table}" where "${c.column}" is not null`);
      for (const r of rows) expect(isSealed(r.v), `${c.table}.${c.column}`).toBe(true);
    }
    const [{ n }] = await t.em().getConnection().execute(`select count(*)::int as n from personal_record where contact_phone is not null`);
    expect(n).toBeGreaterThan(5);
  });

  it('reads back the plaintext through the API, on the raw read path and the child rows', async () => {
    const res = await t.gql(READ, { id: recordId }, owner);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.record).toEqual({
      address: { postalCode: '999-0077', street: '秘密町7-7-7' },
      contact: { phone: PHONE, email: EMAIL, safeTimes: '平日の昼だけ' },
      concerns: { note: '元夫からの連絡が怖い' },
      household: { note: '祖母と同居を検討中' },
      consultations: [{ summary: '養育費の相談。DVの経緯を聞いた', followUp: '弁護士相談を案内' }],
    });
  });

  it('does not rewrite an unchanged record: loading and flushing sends no UPDATE and keeps the version', async () => {
    const em = t.em();
    const record = await em.findOneOrFail(PersonalRecord, { id: recordId });
    expect(record.contact.phone).toBe(PHONE);
    const before = record.version;
    t.db.statements.length = 0;
    await em.flush();
    expect(t.db.statements.filter((s) => /^update/i.test(s))).toEqual([]);
    record.concerns.note = '書き換えたメモ';
    await em.flush();
    expect(record.version).toBe(before + 1);
    const [row] = await t.em().getConnection().execute(`select concerns_note, contact_phone from personal_record where id = ?`, [recordId]);
    expect(isSealed(row.concerns_note)).toBe(true);
    expect(t.db.statements.filter((s) => /^update/i.test(s)).join()).not.toContain('contact_phone');
  });

  it('finds a record by an exact phone number or e-mail address, however it is written', async () => {
    for (const term of ['０９０－８７６５－４３２１', '09087654321', ' secret.parent@EXAMPLE.jp ']) {
      const res = await t.gql(SEARCH, { contact: term }, owner);
      expect(res.body.errors, term).toBeUndefined();
      expect(res.body.data!.records.totalCount, term).toBe(2);
      expect(
        res.body.data!.records.edges.map((e: { node: { id: string } }) => e.node.id),
        term,
      ).toContain(recordId);
    }
    const none = await t.gql(SEARCH, { contact: '090-0000-0000' }, owner);
    expect(none.body.data!.records.totalCount).toBe(0);
  });

  it('refuses part of a number (exact match only), naming the field and never the value', async () => {
    const res = await t.gql(SEARCH, { contact: '8765' }, owner);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(res.body.errors)).toContain('filter.contact');
    expect(JSON.stringify(res.body.errors)).not.toContain('8765');
  });

  it('refuses a contact search to a department whose policy hides contact, and hides DV-protected families from other departments', async () => {
    const register = await t.login(DepartmentCode.FAMILY_REGISTER);
    const denied = await t.gql(SEARCH, { contact: PHONE }, register);
    expect(denied.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const dv = await t.gql(
      CREATE,
      { input: input({ contact: { phone: '080-1111-2222', email: 'dv@example.jp', contactAllowed: true }, concerns: { categories: ['DV'], note: null } }) },
      owner,
    );
    expect(dv.body.errors).toBeUndefined();
    const livelihood = await t.login(DepartmentCode.LIVELIHOOD_SUPPORT);
    const visible = await t.gql(SEARCH, { contact: PHONE }, livelihood);
    expect(visible.body.data!.records.totalCount).toBe(2);
    const hidden = await t.gql(SEARCH, { contact: '080-1111-2222' }, livelihood);
    expect(hidden.body.errors).toBeUndefined();
    expect(hidden.body.data!.records.totalCount).toBe(0);
    const forOwner = await t.gql(SEARCH, { contact: 'DV@example.jp' }, owner);
    expect(forOwner.body.data!.records.totalCount).toBe(1);
  });
});
