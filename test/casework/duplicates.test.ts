import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DepartmentCode } from '../../api/core/departments';
import { startTestApp, type TestApp } from '../support/app';

// Issue 18: possible duplicates (名寄せ). A record created by staff or by the public intake that has the
// same birth date and the same name, kana or phone as another is shown to the owning department with
// what matched; linking as the same person or dismissing is recorded on both records and audited.

const CREATE = `mutation($i: CreateRecordInput!) { createRecord(input: $i) { id referenceNumber } }`;
const LIST = `query($id: ID!) { possibleDuplicates(recordId: $id) { recordId referenceNumber reasons decision decidedBy record { identity { familyName } } } }`;
const DECIDE = `mutation StaffDecideDuplicate($i: DecideDuplicateInput!) { decideDuplicate(input: $i) { recordId decision decidedBy } }`;

let t: TestApp;
let owner: string;
const ids: Record<string, string> = {};

async function create(key: string, input: Record<string, unknown>): Promise<void> {
  const res = await t.gql(
    CREATE,
    { i: { consent: { sharedWith: ['LIVELIHOOD_SUPPORT'], shareWithPartners: false, privacyNoticeVersion: 'v1' }, ...input } },
    owner,
  );
  if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
  ids[key] = res.body.data!.createRecord.id;
}

beforeAll(async () => {
  t = await startTestApp({ records: 0 });
  owner = await t.login(DepartmentCode.SINGLE_PARENT);
  await create('first', {
    identity: { familyName: '朝霧', givenName: '花', familyNameKana: 'アサギリ', givenNameKana: 'ハナ', birthDate: '1990-04-01' },
    contact: { phone: '090-1234-5678', contactAllowed: true },
  });
  // Same kana typed in hiragana with a space, another kanji: a likely duplicate.
  await create('kana', { identity: { familyName: '朝桐', givenName: '華', familyNameKana: 'あさぎり', givenNameKana: 'はな', birthDate: '1990-04-01' } });
  // Different name, same phone and birth date (a married name, say).
  await create('phone', {
    identity: { familyName: '夕霧', givenName: '花', birthDate: '1990-04-01' },
    contact: { phone: '０９０－１２３４－５６７８', contactAllowed: true },
  });
  // Same kana, another birth date: a different person.
  await create('otherBirth', { identity: { familyName: '朝霧', givenName: '花', familyNameKana: 'アサギリ', givenNameKana: 'ハナ', birthDate: '1991-04-01' } });
  // Same birth date, nothing else: not a duplicate.
  await create('birthOnly', { identity: { familyName: '山田', givenName: '一', familyNameKana: 'ヤマダ', givenNameKana: 'ハジメ', birthDate: '1990-04-01' } });
}, 120_000);
afterAll(async () => {
  await t?.close();
});

type Candidate = {
  recordId: string;
  reasons: string[];
  decision: string | null;
  decidedBy: string | null;
  record: { identity: { familyName: string } } | null;
};
async function candidates(of: string, token = owner): Promise<Candidate[]> {
  const res = await t.gql(LIST, { id: ids[of] }, token);
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.possibleDuplicates;
}

describe('possible duplicates', () => {
  it('finds records with the same birth date and the same kana or phone, and says what matched', async () => {
    const found = await candidates('first');
    expect(found.map((c) => c.recordId)).toEqual([ids.kana, ids.phone]);
    expect(found[0]!.reasons).toEqual(['birthDate', 'nameKana']);
    expect(found[1]!.reasons).toEqual(['birthDate', 'phone']);
    expect(found[0]!.record!.identity.familyName).toBe('朝桐');
    expect(found.every((c) => c.decision === null)).toBe(true);
    expect(await candidates('birthOnly')).toEqual([]);
    expect(await candidates('otherBirth')).toEqual([]);
  });

  it('finds a record the public intake created as a duplicate of an existing one', async () => {
    const notice = (await t.gql('{ intakeSettings(municipalityCode: "999999") { privacyNoticeVersion } }')).body.data!.intakeSettings.privacyNoticeVersion;
    const res = await t.gql(
      'mutation($i: IntakeInput!) { submitIntake(input: $i) { referenceNumber } }',
      {
        i: {
          municipalityCode: '999999',
          idempotencyKey: '5b0c3f0e-1111-4222-8333-444455556666',
          concerns: { categories: ['WORK'] },
          identity: { familyName: '朝霧', givenName: '花', familyNameKana: 'アサギリ', givenNameKana: 'ハナ', birthDate: '1990-04-01' },
          consent: { sharedWith: [], privacyNoticeVersion: notice },
        },
      },
      undefined,
      { origin: 'http://cms.example.jp' },
    );
    expect(res.body.errors).toBeUndefined();
    const found = await candidates('first');
    expect(found).toHaveLength(3);
    expect(found[2]!.reasons).toContain('nameKana');
  });

  it('links as the same person and dismisses, on both records, audited', async () => {
    const res = await t.gql(DECIDE, { i: { recordId: ids.first, otherRecordId: ids.kana, decision: 'SAME_PERSON' } }, owner);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.decideDuplicate.find((c: Candidate) => c.recordId === ids.kana)).toMatchObject({ decision: 'SAME_PERSON', decidedBy: '相談員 一花' });
    // Seen from the other record too.
    expect((await candidates('kana')).find((c) => c.recordId === ids.first)!.decision).toBe('SAME_PERSON');
    await t.gql(DECIDE, { i: { recordId: ids.phone, otherRecordId: ids.first, decision: 'DIFFERENT' } }, owner);
    expect((await candidates('first')).find((c) => c.recordId === ids.phone)!.decision).toBe('DIFFERENT');
    // Changing one's mind replaces the decision.
    await t.gql(DECIDE, { i: { recordId: ids.first, otherRecordId: ids.phone, decision: 'SAME_PERSON' } }, owner);
    expect((await candidates('phone')).find((c) => c.recordId === ids.first)!.decision).toBe('SAME_PERSON');
    const rows = await t
      .em()
      .getConnection()
      .execute(`select action, sections, operation_name from audit_entry where ? = any(record_ids) and operation_name = 'StaffDecideDuplicate' order by seq`, [
        ids.kana,
      ]);
    expect(rows).toEqual([{ action: 'write', sections: ['duplicateLink'], operation_name: 'StaffDecideDuplicate' }]);
  });

  it('refuses a pair that does not look alike, and every other department', async () => {
    const res = await t.gql(DECIDE, { i: { recordId: ids.first, otherRecordId: ids.birthOnly, decision: 'SAME_PERSON' } }, owner);
    expect(res.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.otherRecordId' });
    const livelihood = await t.login(DepartmentCode.LIVELIHOOD_SUPPORT);
    const list = await t.gql(LIST, { id: ids.first }, livelihood);
    expect(list.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const decide = await t.gql(DECIDE, { i: { recordId: ids.first, otherRecordId: ids.kana, decision: 'DIFFERENT' } }, livelihood);
    expect(decide.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });
});
