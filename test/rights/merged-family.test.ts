import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DepartmentCode } from '../../api/core/departments';
import { familyFromIntake } from '../application/support-api';
import { startTestApp, type TestApp } from '../support/app';
import { mergeRecords } from '../support/merge';

// The family's rights after a merge (名寄せ): the merged-away record is a tombstone pointing at the
// survivor, and some rows stay with it (its closed case, …) while the audit log keeps naming its id.
// A disclosure of the survivor holds the tombstone and everything still under it, with the audit
// entries about it; the tombstone's id resolves to the survivor (api/rights/family.ts says why); an
// erasure erases both, leaves the tombstone pointing where it did and keeps the audit chain intact.

const EXPORT = `query($s: String!) { familyDataExport(session: $s) { json summary html } }`;
const DISCLOSURE = `query($id: ID!) { recordDisclosure(recordId: $id) { json html } }`;
const REQUEST = `mutation($i: FamilyErasureInput!) { requestFamilyErasure(input: $i) { id status } }`;
const LIST = `query { erasureRequests { id recordId retained { table rows } } }`;
const DECIDE = `mutation($i: DecideErasureRequestInput!) { decideErasureRequest(input: $i) { id status retained { table rows } } }`;
const UPDATE_CASE = `mutation($i: UpdateCaseInput!) { updateCase(input: $i) { version } }`;

interface Family {
  session: string;
  referenceNumber: string;
  recordId: string;
  values: string[];
}

let t: TestApp;
let owner: string;
let admin: string;
let supervisor: string;

/** A family from the intake form with a consultation and a case in progress; same birth date, kana and phone across families (possible duplicates). */
async function family(tag: string): Promise<Family> {
  const values = { familyName: `統${tag}`, street: `名寄町${tag}-1`, email: `merge-${tag}@example.jp`, summary: `相談${tag}の記録` };
  const { session, referenceNumber } = await familyFromIntake(t, {
    identity: { familyName: values.familyName, givenName: '結', familyNameKana: 'なより', givenNameKana: 'ゆい', birthDate: '1989-03-04' },
    address: { postalCode: '999-1234', prefecture: 'デモ県', city: 'デモ市', street: values.street },
    contact: { phone: '090-5555-6666', email: values.email, contactAllowed: true, preferredChannel: 'EMAIL' },
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
  expect((await t.gql(UPDATE_CASE, { i: { recordId, status: 'IN_PROGRESS' } }, owner)).body.errors).toBeUndefined();
  return { session, referenceNumber, recordId, values: Object.values(values) };
}

/** Every base table whose rows (as text) hold any of `needles`. */
async function tablesHolding(needles: string[]): Promise<string[]> {
  const conn = t.em().getConnection();
  const tables = await conn.execute<{ table_name: string }[]>(
    `select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`,
  );
  const hits: string[] = [];
  for (const { table_name } of tables) {
    const [row] = await conn.execute<{ n: string }[]>(
      `select count(*) as n from "${table_name}" t where t::text like any(array[${needles.map(() => '?').join(', ')}])`,
      needles.map((n) => `%${n}%`),
    );
    if (Number(row!.n) > 0) hits.push(table_name);
  }
  return hits;
}

async function sealedOf(recordId: string): Promise<string[]> {
  const raw = await t
    .em()
    .getConnection()
    .execute<{ j: string }[]>(
      `select row_to_json(p)::text as j from personal_record p where id = ? union all select row_to_json(c)::text from consultation c where record_id = ?`,
      [recordId, recordId],
    );
  return raw
    .flatMap((r) => Object.values(JSON.parse(r.j) as Record<string, unknown>))
    .filter((v): v is string => typeof v === 'string' && v.startsWith('enc1:'));
}

beforeAll(async () => {
  t = await startTestApp({ records: 0 });
  owner = await t.login(DepartmentCode.SINGLE_PARENT);
  admin = await t.login(DepartmentCode.SINGLE_PARENT, 'admin');
  supervisor = await t.login(DepartmentCode.SINGLE_PARENT, 'supervisor');
}, 120_000);
afterAll(() => t?.close());

describe('rights over a merged family', () => {
  it('discloses the tombstone with what stayed under it and the audit entries about it; its id resolves to the survivor', async () => {
    const survivor = await family('Stay1');
    const merged = await family('Gone1');
    // A staff read of the record that will be merged away: an audit entry naming it alone.
    expect((await t.gql(`query($id: ID!) { record(id: $id) { identity { familyName } } }`, { id: merged.recordId }, owner)).body.errors).toBeUndefined();
    const rows = await mergeRecords(t, owner, survivor.recordId, merged.recordId);
    const kept = rows.filter((r) => r.kept > 0);
    expect(kept.map((r) => r.table)).toContain('case_file');

    const conn = t.em().getConnection();
    const [{ n: logged }] = await conn.execute<{ n: number }[]>(`select count(*)::int as n from audit_entry where record_ids && array[?, ?]::uuid[]`, [
      survivor.recordId,
      merged.recordId,
    ]);
    const res = await t.gql(EXPORT, { s: survivor.session });
    expect(res.body.errors).toBeUndefined();
    const { json, summary, html } = res.body.data!.familyDataExport;
    const d = JSON.parse(json);
    expect(d.recordId).toBe(survivor.recordId);
    // The tombstone's own name (the survivor kept its own) and every row that stayed with it.
    expect(d.mergedRecords.map((m: { recordId: string }) => m.recordId)).toEqual([merged.recordId]);
    const tomb = d.mergedRecords[0] as { record: Record<string, unknown>; related: { table: string; rows: unknown[] }[] };
    expect(JSON.stringify(tomb.record)).toContain(merged.values[0]);
    for (const r of kept) expect(tomb.related.find((g) => g.table === r.table)?.rows, r.table).toHaveLength(r.kept);
    for (const doc of [json, summary, html]) expect(doc).toContain(merged.values[0]);
    expect(html).toContain(`統合された個人票 ${merged.referenceNumber}`);
    // Every audit entry about either record, the staff read of the tombstone among them.
    expect(d.accessLog).toHaveLength(logged);
    expect(json).not.toMatch(/tokenHash|token_hash|enc1:/);

    // The desk asked about the tombstone's id answers for the family: the survivor, with the tombstone.
    const desk = await t.gql(DISCLOSURE, { id: merged.recordId }, supervisor);
    expect(desk.body.errors).toBeUndefined();
    const byTomb = JSON.parse(desk.body.data!.recordDisclosure.json);
    expect(byTomb.recordId).toBe(survivor.recordId);
    expect(byTomb.mergedRecords.map((m: { recordId: string }) => m.recordId)).toEqual([merged.recordId]);
    for (const v of [...survivor.values, merged.values[0]!]) expect(desk.body.data!.recordDisclosure.json).toContain(v);
  }, 180_000);

  it('erases the survivor and the tombstone together, the tombstone still pointing at the survivor, the audit chain intact', async () => {
    const survivor = await family('Stay2');
    const merged = await family('Gone2');
    const other = await family('Other2');
    const sealed = [...(await sealedOf(survivor.recordId)), ...(await sealedOf(merged.recordId))];
    await mergeRecords(t, owner, survivor.recordId, merged.recordId);

    // Asked from the merged-away record's session (it moved with the merge) or the survivor's: one request, on the survivor.
    const asked = await t.gql(REQUEST, { i: { session: merged.session } });
    expect(asked.body.errors).toBeUndefined();
    expect((await t.gql(REQUEST, { i: { session: survivor.session } })).body.errors![0]!.extensions!.code).toBe('CONFLICT');
    const req = ((await t.gql(LIST, {}, admin)).body.data!.erasureRequests as { id: string; recordId: string }[]).find(
      (r) => r.id === asked.body.data!.requestFamilyErasure.id,
    )!;
    expect(req.recordId).toBe(survivor.recordId);

    const erasureWrites = async (id: string) =>
      (
        await t
          .em()
          .getConnection()
          .execute<{ n: number }[]>(
            `select count(*)::int as n from audit_entry where record_ids @> array[?]::uuid[] and action = 'write' and sections @> array['identity', 'income', 'protection']::text[]`,
            [id],
          )
      )[0]!.n;
    const writesBefore = new Map([
      [survivor.recordId, await erasureWrites(survivor.recordId)],
      [merged.recordId, await erasureWrites(merged.recordId)],
    ]);
    const done = await t.gql(DECIDE, { i: { id: req.id, approve: true } }, admin);
    expect(done.body.errors).toBeUndefined();
    expect(done.body.data!.decideErasureRequest.status).toBe('ERASED');

    expect(await tablesHolding([...survivor.values, ...merged.values, ...sealed])).toEqual([]);
    const conn = t.em().getConnection();
    expect(await conn.execute(`select merged_into_id from personal_record where id = ?`, [merged.recordId])).toEqual([{ merged_into_id: survivor.recordId }]);
    // No row of any table under either record but what the retention rules keep.
    expect(await conn.execute(`select count(*)::int as n from consultation where record_id in (?, ?)`, [survivor.recordId, merged.recordId])).toEqual([
      { n: 0 },
    ]);
    expect(await conn.execute(`select count(*)::int as n from case_file where record_id in (?, ?)`, [survivor.recordId, merged.recordId])).toEqual([{ n: 0 }]);
    // The erasure is in the audit log of both records (a write of every section), and the chain holds.
    for (const id of [survivor.recordId, merged.recordId]) expect((await erasureWrites(id)) - writesBefore.get(id)!, id).toBe(1);
    expect((await t.gql('{ auditChainIntact }', {}, supervisor)).body.data!.auditChainIntact).toBe(true);
    // Another family (a possible duplicate, never merged) is whole.
    expect((await t.gql(EXPORT, { s: other.session })).body.data!.familyDataExport.json).toContain(other.values[0]);
  }, 180_000);
});
