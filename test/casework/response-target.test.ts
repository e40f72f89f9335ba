/**
 * Issue 18: the municipality's response target (開庁日) is an admin's setting, not a constant. Changing it
 * moves which new items the worklist shows over target; out-of-range values and non-admins are refused;
 * the change is on the administration trail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, startOfJapanDay, todayInJapan } from '../../api/core/dates';
import { DepartmentCode } from '../../api/core/departments';
import { InboxItem } from '../../api/inbox/inbox-item.entity';
import { InboxItemKind } from '../../api/inbox/inbox-item-kind';
import { startTestApp, type TestApp } from '../support/app';

const CREATE = `mutation($input: CreateRecordInput!) { createRecord(input: $input) { id referenceNumber } }`;
const WORKLIST = `{ worklist(scope: DEPARTMENT) { targetOpenDays newItems { overTarget openDaysWaiting } counts { newItems overTarget } } }`;
const SET = `mutation($n: Int) { updateMunicipalitySettings(input: { contactTargetOpenDays: $n }) { contactTargetOpenDays requireTwoFactor } }`;

describe('the response target', () => {
  let t: TestApp;
  let admin: string;
  let owner: string;

  beforeAll(async () => {
    t = await startTestApp({ records: 0 });
    admin = await t.login(DepartmentCode.SINGLE_PARENT, 'admin');
    owner = await t.login(DepartmentCode.SINGLE_PARENT);
    const a = await t.gql(
      CREATE,
      { input: { identity: { familyName: '霧島', givenName: '葵' }, contact: { phone: '090-5555-0101', contactAllowed: true } } },
      owner,
    );
    const em = t.em();
    // Ten calendar days ago: at least 4 and at most 8 open days by today, whatever today is (weekends, holidays, the year-end closing).
    em.create(InboxItem, {
      municipality: '999999',
      department: DepartmentCode.SINGLE_PARENT,
      kind: InboxItemKind.INTAKE,
      record: a.body.data!.createRecord.id,
      referenceNumber: a.body.data!.createRecord.referenceNumber,
      receivedAt: startOfJapanDay(addDays(todayInJapan(), -10)),
      urgent: false,
    } as never);
    await em.flush();
  }, 120_000);
  afterAll(() => t?.close());

  const worklist = async () => {
    const res = await t.gql(WORKLIST, {}, owner);
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.worklist as {
      targetOpenDays: number;
      newItems: { overTarget: boolean; openDaysWaiting: number }[];
      counts: { newItems: number; overTarget: number };
    };
  };

  it('starts at the receipt’s 3 open days and follows what the admin sets', async () => {
    const before = await worklist();
    expect(before.targetOpenDays).toBe(3);
    expect(before.newItems[0]).toMatchObject({ overTarget: true });
    expect(before.counts).toEqual({ newItems: 1, overTarget: 1 });

    const set = await t.gql(SET, { n: 20 }, admin);
    expect(set.body.errors).toBeUndefined();
    expect(set.body.data!.updateMunicipalitySettings).toEqual({ contactTargetOpenDays: 20, requireTwoFactor: false });
    const after = await worklist();
    expect(after.targetOpenDays).toBe(20);
    expect(after.newItems[0]).toMatchObject({ overTarget: false });
    expect(after.counts).toEqual({ newItems: 1, overTarget: 0 });
    expect((await t.gql('{ municipalitySettings { contactTargetOpenDays } }', {}, admin)).body.data!.municipalitySettings.contactTargetOpenDays).toBe(20);

    const trail = await t
      .em()
      .getConnection()
      .execute(`select action, detail from admin_event where action = 'municipality.settings-changed' order by at desc limit 1`);
    expect(trail).toEqual([{ action: 'municipality.settings-changed', detail: 'response target 20 open days' }]);
  });

  it('refuses a target outside 1 to 30 with the field and a readable message, never the value', async () => {
    for (const n of [0, 31, -2]) {
      const res = await t.gql(SET, { n }, admin);
      expect(res.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.contactTargetOpenDays' });
      expect(res.body.errors![0]!.message).toContain('30');
      if (n !== 0) expect(res.body.errors![0]!.message).not.toContain(String(n));
    }
    expect((await worklist()).targetOpenDays).toBe(20);
  });

  it('only an admin changes it', async () => {
    const supervisor = await t.login(DepartmentCode.SINGLE_PARENT, 'supervisor');
    for (const token of [owner, supervisor]) {
      const res = await t.gql(SET, { n: 5 }, token);
      expect(res.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    }
    expect((await worklist()).targetOpenDays).toBe(20);
  });
});
