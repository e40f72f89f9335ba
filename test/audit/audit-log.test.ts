import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DepartmentCode } from '../../api/core/departments';
import { startTestApp, type TestApp } from '../support/app';

interface EntryRow {
  seq: string;
  batch_id: string;
  record_ids: string[];
  action: string;
  sections: string[];
  actor_department: string;
  operation_name: string | null;
}

/**
 * The audit log stores one entry per request, action and set of sections, naming its records
 * (AuditRecordSets migration); the API still answers per record, and the hash chain holds.
 */
describe('audit log: one entry per set of records', () => {
  let t: TestApp;
  const sql = <T>(text: string, params: unknown[] = []): Promise<T[]> => t.db.orm.em.fork().getConnection().execute<T[]>(text, params);
  const newEntries = async (afterSeq: string) =>
    sql<EntryRow>(
      `select seq::text, batch_id::text, record_ids, action, sections, actor_department, operation_name from audit_entry where seq > ?::bigint order by seq`,
      [afterSeq],
    );
  const lastSeq = async () => (await sql<{ s: string }>(`select coalesce(max(seq), 0)::text as s from audit_entry`))[0]!.s;

  beforeAll(async () => {
    t = await startTestApp({ records: 24 });
  });
  afterAll(() => t.close());

  it('a page read the same way is one entry naming its records in page order; auditLog answers for each record', async () => {
    const token = await t.login(DepartmentCode.LIVELIHOOD_SUPPORT);
    await t.gql('{ records(first: 1) { edges { node { id } } } }', {}, token); // warm-up, no sections read
    const before = await lastSeq();
    const page = await t.gql(
      'query ReadPage { records(first: 20) { edges { node { id identity { familyName } income { annualEmploymentIncome } } } } }',
      {},
      token,
    );
    expect(page.body.errors).toBeUndefined();
    const ids: string[] = page.body.data!.records.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(ids.length).toBeGreaterThan(5);
    const entries = await newEntries(before);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      record_ids: ids,
      action: 'read',
      sections: ['identity', 'income'],
      actor_department: 'livelihood-support',
      operation_name: 'ReadPage',
    });

    const supervisor = await t.login(DepartmentCode.SINGLE_PARENT, 'supervisor');
    for (const id of [ids[0], ids[ids.length - 1]]) {
      const log = await t.gql('query($id: ID!) { auditLog(recordId: $id) { actorDepartment action sections operationName } }', { id }, supervisor);
      expect(log.body.data!.auditLog).toContainEqual({
        actorDepartment: 'livelihood-support',
        action: 'read',
        sections: ['identity', 'income'],
        operationName: 'ReadPage',
      });
    }
    expect((await t.gql('{ auditChainIntact }', {}, supervisor)).body.data!.auditChainIntact).toBe(true);
  });

  it('records shown with different sections are different entries, each naming exactly what was shown of it', async () => {
    const owner = await t.login(DepartmentCode.SINGLE_PARENT);
    // Put one record shared with livelihood-support under DV protection: its address is then withheld from that department.
    const shared = await t.gql(
      '{ records(first: 50, filter: { consentedTo: LIVELIHOOD_SUPPORT }) { edges { node { id version protection { dvProtected } } } } }',
      {},
      owner,
    );
    expect(shared.body.errors).toBeUndefined();
    const plain = shared.body
      .data!.records.edges.map((e: { node: { id: string; version: number; protection: { dvProtected: boolean } } }) => e.node)
      .filter((n: { protection: { dvProtected: boolean } }) => !n.protection.dvProtected);
    expect(plain.length).toBeGreaterThan(2);
    const target = plain[1];
    const expires = new Date(Date.now() + 100 * 86_400_000).toISOString().slice(0, 10);
    const set = await t.gql(
      'mutation($input: UpdateRecordSectionInput!) { updateRecordSection(input: $input) { id } }',
      { input: { id: target.id, expectedVersion: target.version, protection: { supportMeasure: true, expiresOn: expires } } },
      owner,
    );
    expect(set.body.errors).toBeUndefined();

    const token = await t.login(DepartmentCode.LIVELIHOOD_SUPPORT);
    const before = await lastSeq();
    const page = await t.gql('query ReadAddresses { records(first: 50) { edges { node { id identity { familyName } address { city } } } } }', {}, token);
    const ids: string[] = page.body.data!.records.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(ids).toContain(target.id);
    const withheld = (page.body.errors ?? []).filter((e: { extensions?: Record<string, unknown> }) => e.extensions?.reason === 'DV_PROTECTED');
    expect(withheld.length).toBeGreaterThan(0);
    const entries = await newEntries(before);
    expect(new Set(entries.map((e) => e.batch_id)).size).toBe(1);
    const bySections = new Map<string, string[]>(entries.map((e) => [e.sections.join(','), e.record_ids]));
    expect([...bySections.keys()].sort()).toEqual(['address,identity', 'identity']);
    expect(bySections.get('identity')).toContain(target.id);
    expect(bySections.get('address,identity')).not.toContain(target.id);
    expect([...bySections.get('identity')!, ...bySections.get('address,identity')!].sort()).toEqual([...ids].sort());

    const supervisor = await t.login(DepartmentCode.SINGLE_PARENT, 'supervisor');
    const log = await t.gql('query($id: ID!) { auditLog(recordId: $id) { action sections operationName } }', { id: target.id }, supervisor);
    const reads = log.body.data!.auditLog.filter((e: { operationName: string }) => e.operationName === 'ReadAddresses');
    expect(reads).toEqual([{ action: 'read', sections: ['identity'], operationName: 'ReadAddresses' }]);
    expect((await t.gql('{ auditChainIntact }', {}, supervisor)).body.data!.auditChainIntact).toBe(true);
  });

  it('a changed record list in a stored entry breaks the chain', async () => {
    const supervisor = await t.login(DepartmentCode.SINGLE_PARENT, 'supervisor');
    const conn = t.db.orm.em.fork().getConnection();
    await conn.execute(`alter table audit_entry disable trigger audit_entry_no_update`);
    await conn.execute(`update audit_entry set record_ids = record_ids[2:] where seq = (select max(seq) from audit_entry where cardinality(record_ids) > 1)`);
    await conn.execute(`alter table audit_entry enable trigger audit_entry_no_update`);
    expect((await t.gql('{ auditChainIntact }', {}, supervisor)).body.data!.auditChainIntact).toBe(false);
  });
});
