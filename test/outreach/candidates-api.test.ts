import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawQuery } from '../../api/db/raw-query';
import { DepartmentCode } from '../../api/core/departments';
import { ConsentMethod, createNotices, NoticeKind, OutreachChannel, recordConsent } from '../../api/outreach';
import { startTestApp, type TestApp } from '../support/app';

const LIST = `query($first: Int) { outreachCandidates(first: $first) { id recordId kind programmeId channel facts } }`;
const DECIDE = `mutation($input: OutreachDecisionInput!) { decideOutreachCandidates(input: $input) }`;

describe('outreach candidates in the department’s inbox (GraphQL)', () => {
  let t: TestApp;
  let ids: string[];
  beforeAll(async () => {
    t = await startTestApp({ records: 4 });
    const records = (
      await rawQuery<{ id: string }>(
        t.em(),
        `select id from personal_record where municipality_code = '999999' and not ('dv' = any(concerns_categories)) order by id limit 2`,
        [],
      )
    ).map((r) => r.id);
    for (const id of records)
      await recordConsent(t.em(), '999999', id, [
        { channel: OutreachChannel.EMAIL, granted: true, method: ConsentMethod.STAFF, recordedBy: null, purposeVersion: 'test' },
      ]);
    ids = (
      await createNotices(
        t.em(),
        null,
        records.map((recordId) => ({
          municipalityCode: '999999',
          recordId,
          department: 'single-parent',
          kind: NoticeKind.PROGRAMME_FITS,
          trigger: 'api',
          programmeId: 'school-expense-aid',
          period: 'FY2026',
          facts: { programmeIds: ['school-expense-aid'] },
        })),
      )
    ).created;
  });
  afterAll(() => t.close());

  it('shows the owner department its waiting candidates with their facts, and nobody else', async () => {
    const owner = await t.login(DepartmentCode.SINGLE_PARENT);
    const res = await t.gql(LIST, {}, owner);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.outreachCandidates.map((c: { id: string }) => c.id).sort()).toEqual([...ids].sort());
    expect(JSON.parse(res.body.data!.outreachCandidates[0].facts)).toEqual({ programmeIds: ['school-expense-aid'] });
    const housing = await t.login(DepartmentCode.PUBLIC_HOUSING);
    expect((await t.gql(LIST, {}, housing)).body.data!.outreachCandidates).toEqual([]);
    const anonymous = await t.gql(LIST, {});
    expect(anonymous.body.errors?.[0]?.extensions?.code).toMatch(/UNAUTHENTICATED|FORBIDDEN/);
  });

  it('approves one, rejects the other; a bad page size is a BAD_USER_INPUT at its field, changing nothing', async () => {
    const owner = await t.login(DepartmentCode.SINGLE_PARENT);
    const bad = await t.gql(LIST, { first: 1000 }, owner);
    expect(bad.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const housing = await t.login(DepartmentCode.PUBLIC_HOUSING);
    expect((await t.gql(DECIDE, { input: { ids, approve: true } }, housing)).body.data!.decideOutreachCandidates).toEqual([]);
    expect((await t.gql(DECIDE, { input: { ids: [ids[0]], approve: true } }, owner)).body.data!.decideOutreachCandidates).toEqual([ids[0]]);
    expect((await t.gql(DECIDE, { input: { ids: [ids[1], 'not-an-id'], approve: false } }, owner)).body.data!.decideOutreachCandidates).toEqual([ids[1]]);
    const rows = await rawQuery<{ id: string; approval: string }>(t.em(), `select id, approval from outreach_notice where id = any(?::uuid[]) order by id`, [
      ids,
    ]);
    expect(Object.fromEntries(rows.map((r) => [r.id, r.approval]))).toEqual({ [ids[0]!]: 'APPROVED', [ids[1]!]: 'REJECTED' });
    expect((await t.gql(LIST, {}, owner)).body.data!.outreachCandidates).toEqual([]);
  });

  it('shows a department the amounts only when it may read the record’s income, and the name only under identity rules', async () => {
    const [shared] = await rawQuery<{ id: string }>(
      t.em(),
      `select id from personal_record where municipality_code = '999999' and 'family-register' = any(shared_with) and not ('dv' = any(concerns_categories)) order by id limit 1`,
      [],
    );
    expect(shared).toBeDefined();
    await recordConsent(t.em(), '999999', shared!.id, [
      { channel: OutreachChannel.EMAIL, granted: true, method: ConsentMethod.STAFF, recordedBy: null, purposeVersion: 'test' },
    ]);
    const facts = { programmeIds: ['child-rearing-allowance'], before: 30000, after: 46690, asOf: '2026-12-01' };
    const base = {
      municipalityCode: '999999',
      recordId: shared!.id,
      kind: NoticeKind.AMOUNT_CHANGED,
      trigger: 'api-2',
      programmeId: 'child-rearing-allowance',
      period: 'FY2026',
      facts,
    };
    await createNotices(t.em(), null, [
      { ...base, department: DepartmentCode.FAMILY_REGISTER },
      { ...base, department: DepartmentCode.SINGLE_PARENT, trigger: 'api-3' },
    ]);
    const query = `{ outreachCandidates { recordId record { referenceNumber } programmeName amountBefore amountAfter asOf facts } }`;
    const register = (await t.gql(query, {}, await t.login(DepartmentCode.FAMILY_REGISTER))).body.data!.outreachCandidates;
    expect(register).toHaveLength(1);
    expect(register[0]).toMatchObject({ recordId: shared!.id, programmeName: '児童扶養手当', amountBefore: null, amountAfter: null, asOf: '2026-12-01' });
    expect(register[0].record.referenceNumber).toMatch(/\S/);
    expect(JSON.parse(register[0].facts)).toEqual({ programmeIds: ['child-rearing-allowance'], asOf: '2026-12-01' });
    const owner = (await t.gql(query, {}, await t.login(DepartmentCode.SINGLE_PARENT))).body.data!.outreachCandidates;
    expect(owner.find((c: { recordId: string }) => c.recordId === shared!.id)).toMatchObject({ amountBefore: 30000, amountAfter: 46690 });
  });

  it('lists the department’s decided notices with their status, filtered by status', async () => {
    const owner = await t.login(DepartmentCode.SINGLE_PARENT);
    await rawQuery(t.em(), `update outreach_notice set status = 'DELIVERED', opened_at = now() where id = ?`, [ids[0]]);
    const all = (await t.gql(`{ outreachNotices { id status approval openedAt record { id } } }`, {}, owner)).body;
    expect(all.errors).toBeUndefined();
    expect(all.data!.outreachNotices.map((n: { id: string }) => n.id)).toEqual([ids[0]]);
    expect(all.data!.outreachNotices[0]).toMatchObject({ status: 'DELIVERED', approval: 'APPROVED' });
    expect(all.data!.outreachNotices[0].openedAt).not.toBeNull();
    expect((await t.gql(`{ outreachNotices(status: PERMANENT_FAILURE) { id } }`, {}, owner)).body.data!.outreachNotices).toEqual([]);
    expect((await t.gql(`{ outreachNotices { id } }`, {}, await t.login(DepartmentCode.PUBLIC_HOUSING))).body.data!.outreachNotices).toEqual([]);
    expect((await t.gql(`{ outreachNotices(first: 0) { id } }`, {}, owner)).body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'first',
    });
  });
});
