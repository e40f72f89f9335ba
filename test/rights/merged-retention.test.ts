import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DepartmentCode } from '../../api/core/departments';
import { runRetention } from '../../api/rights';
import { familyFromIntake } from '../application/support-api';
import { startTestApp, type TestApp } from '../support/app';
import { mergeRecords } from '../support/merge';

// Retention periods after a merge (名寄せ): the merged-away record's case is closed by the merge and
// it changes no more, but it is part of the survivor's family — it is never due on its own (erasing
// it would take part of a live family), and goes with its survivor when the survivor's period ends:
// one erasure counted for the family, the tombstone still pointing at the survivor, the chain intact.

const UPDATE_CASE = 'mutation($i: UpdateCaseInput!) { updateCase(input: $i) { status } }';
const YEAR_MS = 365.25 * 86_400_000;

let t: TestApp;
let owner: string;

async function family(tag: string, birthDate: string): Promise<{ recordId: string; values: string[] }> {
  const values = { familyName: `期${tag}`, street: `保存町${tag}-1`, summary: `相談${tag}の内容` };
  const { referenceNumber } = await familyFromIntake(t, {
    identity: { familyName: values.familyName, givenName: '凛', familyNameKana: 'きげん', givenNameKana: 'りん', birthDate },
    address: { postalCode: '999-1234', prefecture: 'デモ県', city: 'デモ市', street: values.street },
    contact: { phone: '090-7777-8888', email: null, contactAllowed: true, preferredChannel: 'PHONE' },
  });
  const found = await t.gql(
    `query($r: String!) { records(first: 1, filter: { referenceNumber: $r }) { edges { node { id } } } }`,
    { r: referenceNumber },
    owner,
  );
  const recordId = found.body.data!.records.edges[0].node.id as string;
  const c = await t.gql(
    `mutation($i: AddConsultationInput!) { addConsultation(input: $i) { id } }`,
    { i: { recordId, date: '2026-11-02', channel: 'PHONE', summary: values.summary } },
    owner,
  );
  expect(c.body.errors).toBeUndefined();
  return { recordId, values: Object.values(values) };
}

const setCase = async (recordId: string, status: string) =>
  expect(
    (await t.gql(UPDATE_CASE, { i: { recordId, status, ...(status === 'CLOSED' ? { closedReason: '支援終了' } : {}) } }, owner)).body.errors,
  ).toBeUndefined();

beforeAll(async () => {
  t = await startTestApp({ records: 0 });
  owner = await t.login(DepartmentCode.SINGLE_PARENT);
}, 120_000);
afterAll(() => t?.close());

describe('retention period of a merged family', () => {
  it('keeps a tombstone whose survivor is open, and erases it with its survivor when the survivor is due', async () => {
    // Open: the survivor's case is in progress; the merged-away record's case was closed by the merge.
    const openSurvivor = await family('Open', '1985-01-01');
    const openMerged = await family('Openold', '1985-01-01');
    for (const f of [openSurvivor, openMerged]) await setCase(f.recordId, 'IN_PROGRESS');
    await mergeRecords(t, owner, openSurvivor.recordId, openMerged.recordId);
    // Due: the survivor's case closed; the merged-away record never had one.
    const dueSurvivor = await family('Due', '1986-02-02');
    const dueMerged = await family('Dueold', '1986-02-02');
    await setCase(dueSurvivor.recordId, 'IN_PROGRESS');
    await setCase(dueSurvivor.recordId, 'CLOSED');
    await mergeRecords(t, owner, dueSurvivor.recordId, dueMerged.recordId);

    const conn = t.em().getConnection();
    const run = await runRetention(t.em(), '999999', new Date(Date.now() + 6 * YEAR_MS));
    expect(run.erased).toEqual({ closed: 1, 'no-case': 0 });

    // One erasure for the due family, on its survivor; none for any tombstone on its own.
    expect(await conn.execute(`select record_id from erasure_request`)).toEqual([{ record_id: dueSurvivor.recordId }]);
    const name = async (id: string) =>
      (await conn.execute<{ n: number }[]>(`select count(*)::int as n from consultation where record_id = ?`, [id]))[0]!.n +
      (await conn.execute<{ n: number }[]>(`select count(*)::int as n from personal_record where id = ? and identity_family_name is not null`, [id]))[0]!.n;
    // The open family is whole (the tombstone's own row and anything that stayed with it).
    expect(await name(openMerged.recordId)).toBeGreaterThan(0);
    expect(await name(openSurvivor.recordId)).toBeGreaterThan(0);
    // The due family is gone, both records, the tombstone still pointing at its survivor.
    expect(await name(dueSurvivor.recordId)).toBe(0);
    expect(await name(dueMerged.recordId)).toBe(0);
    expect(await conn.execute(`select merged_into_id from personal_record where id = ?`, [dueMerged.recordId])).toEqual([
      { merged_into_id: dueSurvivor.recordId },
    ]);
    const audit = await conn.execute<{ n: number }[]>(
      `select count(*)::int as n from audit_entry where actor_kind = 'system' and record_ids @> array[?, ?]::uuid[]`,
      [dueSurvivor.recordId, dueMerged.recordId],
    );
    expect(audit).toEqual([{ n: 1 }]);
    const supervisor = await t.login(DepartmentCode.SINGLE_PARENT, 'supervisor');
    expect((await t.gql('{ auditChainIntact }', {}, supervisor)).body.data!.auditChainIntact).toBe(true);
  }, 180_000);
});
