import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DepartmentCode } from '../../api/core/departments';
import { startTestApp, type TestApp } from '../support/app';

// Issue 18: push-type support's work on the worklist — notice candidates waiting for the department's
// approval and open phone-call tasks — as counts per department (no family named), only when asked for.

const WORKLIST = `query($scope: WorklistScope!) { worklist(scope: $scope) { counts { newItems } outreach { approvals oldestApprovalAt phoneTasks } } }`;

let t: TestApp;
let recordId: string;

async function notice(department: string, approval: string, createdAt: string): Promise<string> {
  const id = randomUUID();
  await t
    .em()
    .getConnection()
    .execute(
      `insert into outreach_notice (id, municipality_code, record_id, department, kind, trigger, programme_id, period, channel, approval, status, attempts, handoffs, due_at, message_id, locale, facts, created_at, status_at)
     values (?, '999999', ?, ?, 'programme-fits', ?, 'child-rearing-allowance', '2026-12', 'PHONE', ?, 'CREATED', 0, 0, now(), ?, 'ja', '{}', ?, now())`,
      [id, recordId, department, `test-${id}`, approval, `<${id}@test>`, createdAt],
    );
  return id;
}

async function phoneTask(department: string, status: string): Promise<void> {
  await t
    .em()
    .getConnection()
    .execute(
      `insert into outreach_phone_task (id, municipality_code, record_id, notice_id, department, reason, status, created_at) values (?, '999999', ?, null, ?, 'no-channel', ?, now())`,
      [randomUUID(), recordId, department, status],
    );
}

beforeAll(async () => {
  t = await startTestApp({ records: 1 });
  recordId = (await t.em().getConnection().execute(`select id from personal_record limit 1`))[0].id;
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('push-type support on the worklist', () => {
  it('counts approvals waiting and open phone tasks of the viewer’s department only', async () => {
    const owner = await t.login(DepartmentCode.SINGLE_PARENT);
    const empty = await t.gql(WORKLIST, { scope: 'MINE' }, owner);
    expect(empty.body.errors).toBeUndefined();
    expect(empty.body.data!.worklist.outreach).toEqual({ approvals: 0, oldestApprovalAt: null, phoneTasks: 0 });

    await notice('single-parent', 'PENDING', '2026-11-20T01:00:00Z');
    await notice('single-parent', 'PENDING', '2026-11-25T01:00:00Z');
    await notice('single-parent', 'APPROVED', '2026-11-10T01:00:00Z');
    await notice('livelihood-support', 'PENDING', '2026-11-01T01:00:00Z');
    await phoneTask('single-parent', 'OPEN');
    await phoneTask('single-parent', 'DONE');
    await phoneTask('livelihood-support', 'OPEN');

    for (const scope of ['MINE', 'DEPARTMENT']) {
      const res = await t.gql(WORKLIST, { scope }, owner);
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data!.worklist.outreach).toEqual({ approvals: 2, oldestApprovalAt: '2026-11-20T01:00:00.000Z', phoneTasks: 1 });
    }
    const livelihood = await t.login(DepartmentCode.LIVELIHOOD_SUPPORT);
    const other = await t.gql(WORKLIST, { scope: 'MINE' }, livelihood);
    expect(other.body.data!.worklist.outreach).toEqual({ approvals: 1, oldestApprovalAt: '2026-11-01T01:00:00.000Z', phoneTasks: 1 });
    const housing = await t.login(DepartmentCode.PUBLIC_HOUSING);
    expect((await t.gql(WORKLIST, { scope: 'MINE' }, housing)).body.data!.worklist.outreach).toEqual({ approvals: 0, oldestApprovalAt: null, phoneTasks: 0 });
  });
});
