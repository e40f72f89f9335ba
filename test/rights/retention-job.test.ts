import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DepartmentCode } from '../../api/core/departments';
import { runRetention } from '../../api/rights';
import { familyFromIntake } from '../application/support-api';
import { startTestApp, type TestApp } from '../support/app';

// Erasure when a retention period ends (seeds/retention/default.yaml `periods`: closed cases and
// records without a case, 5 years each). The clock is moved forward: at 4 years nothing goes; at 6 the
// record without a case and the one with a closed case are erased — none of their personal data left in
// any table, sealed forms included — while the record with an open case stays whole; the audit chain
// stays intact; counts are kept for reporting; a second run erases nothing more.

const UPDATE_CASE = 'mutation($i: UpdateCaseInput!) { updateCase(input: $i) { status } }';
const YEAR_MS = 365.25 * 86_400_000;

interface Family {
  recordId: string;
  referenceNumber: string;
  values: string[];
}

let t: TestApp;
let owner: string;

async function family(tag: string): Promise<Family> {
  const values = { familyName: `保存${tag}`, street: `期限町${tag}-1`, email: `keep-${tag}@example.jp`, summary: `相談${tag}の内容` };
  const { referenceNumber } = await familyFromIntake(t, {
    identity: { familyName: values.familyName, givenName: '花', familyNameKana: 'ほぞん', givenNameKana: 'はな', birthDate: '1990-01-02' },
    address: { postalCode: '999-1234', prefecture: 'デモ県', city: 'デモ市', street: values.street },
    contact: { phone: '090-3333-4444', email: values.email, contactAllowed: true, preferredChannel: 'EMAIL' },
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
  return { recordId, referenceNumber, values: Object.values(values) };
}

beforeAll(async () => {
  t = await startTestApp({ records: 0 });
  owner = await t.login(DepartmentCode.SINGLE_PARENT);
});
afterAll(() => t?.close());

describe('retention period', () => {
  it('erases records whose period ended (closed case, no case) and keeps those with an open case', async () => {
    const noCase = await family('Nocase');
    const closed = await family('Closed');
    const open = await family('Opencase');
    for (const [f, status] of [
      [closed, 'IN_PROGRESS'],
      [open, 'IN_PROGRESS'],
      [closed, 'CLOSED'],
    ] as const) {
      const res = await t.gql(UPDATE_CASE, { i: { recordId: f.recordId, status, ...(status === 'CLOSED' ? { closedReason: '支援終了' } : {}) } }, owner);
      expect(res.body.errors, status).toBeUndefined();
    }
    const conn = t.em().getConnection();
    expect(await conn.execute(`select count(*)::int as n from case_file where record_id = ?`, [noCase.recordId])).toEqual([{ n: 0 }]);
    const sealedOf = async (f: Family) => {
      const raw = await conn.execute<{ j: string }[]>(
        `select row_to_json(p)::text as j from personal_record p where id = ? union all select row_to_json(c)::text from consultation c where record_id = ?`,
        [f.recordId, f.recordId],
      );
      return raw
        .flatMap((r) => Object.values(JSON.parse(r.j) as Record<string, unknown>))
        .filter((v): v is string => typeof v === 'string' && v.startsWith('enc1:'));
    };
    const sealed = [...(await sealedOf(noCase)), ...(await sealedOf(closed))];
    expect(sealed.length).toBeGreaterThan(3);

    // Four years on: nothing is due.
    const early = await runRetention(t.em(), '999999', new Date(Date.now() + 4 * YEAR_MS));
    expect(early.erased).toEqual({ closed: 0, 'no-case': 0 });

    // Six years on: the two are erased, the open case stays.
    const later = new Date(Date.now() + 6 * YEAR_MS);
    const run = await runRetention(t.em(), '999999', later);
    expect(run.skipped).toBe(false);
    expect(run.erased).toEqual({ closed: 1, 'no-case': 1 });
    expect(run.deletedRows.consultation).toBe(2);

    const tables = await conn.execute<{ table_name: string }[]>(
      `select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`,
    );
    const needles = [...noCase.values, ...closed.values, ...sealed];
    const hits: string[] = [];
    for (const { table_name } of tables) {
      const [row] = await conn.execute<{ n: string }[]>(
        `select count(*) as n from "${table_name}" t where t::text like any(array[${needles.map(() => '?').join(', ')}])`,
        needles.map((n) => `%${n}%`),
      );
      if (Number(row!.n) > 0) hits.push(table_name);
    }
    expect(hits).toEqual([]);
    // The tombstones keep their pseudonymous id and reference number; the open case's record is whole.
    const read = async (f: Family) =>
      (await t.gql(`query($id: ID!) { record(id: $id) { referenceNumber identity { familyName } address { street } } }`, { id: f.recordId }, owner)).body.data!
        .record;
    expect(await read(noCase)).toMatchObject({ referenceNumber: noCase.referenceNumber, identity: { familyName: null } });
    expect(await read(closed)).toMatchObject({ referenceNumber: closed.referenceNumber, identity: { familyName: null } });
    expect(await read(open)).toMatchObject({ identity: { familyName: open.values[0] }, address: { street: open.values[1] } });
    expect(await conn.execute(`select count(*)::int as n from consultation where record_id = ?`, [open.recordId])).toEqual([{ n: 1 }]);

    // Counted for reporting, written to the trail and the audit log; the chain holds.
    const counted = await conn.execute<{ record_id: string; reason: string }[]>(
      `select record_id, reason from erasure_request where status = 'erased' order by reason`,
    );
    expect(counted.map((r) => r.record_id).sort()).toEqual([noCase.recordId, closed.recordId].sort());
    expect(counted.map((r) => r.reason)).toEqual(['retention period ended (closed, 5 years)', 'retention period ended (no-case, 5 years)']);
    const trail = await conn.execute<{ detail: string }[]>(`select detail from admin_event where action = 'family.retention-erased'`);
    expect(trail).toHaveLength(1);
    expect(trail[0]!.detail).toMatch(/^closed 1, no-case 1; deleted: /);
    const audit = await conn.execute<{ n: number }[]>(
      `select count(*)::int as n from audit_entry where actor_kind = 'system' and operation_name = 'RetentionErasure'`,
    );
    expect(audit).toEqual([{ n: 2 }]);
    const supervisor = await t.login(DepartmentCode.SINGLE_PARENT, 'supervisor');
    expect((await t.gql('{ auditChainIntact }', {}, supervisor)).body.data!.auditChainIntact).toBe(true);

    // Run again: nothing more is erased or counted.
    const again = await runRetention(t.em(), '999999', later);
    expect(again.erased).toEqual({ closed: 0, 'no-case': 0 });
    expect(await conn.execute(`select count(*)::int as n from erasure_request`)).toEqual([{ n: 2 }]);
    expect(await conn.execute(`select count(*)::int as n from audit_entry where actor_kind = 'system'`)).toEqual([{ n: 2 }]);
  }, 180_000);
});
