/**
 * Issue 18, case work: assignee, status and next contact date per department, all audited, and the
 * worklist built from them — new items with their wait in open days (開庁日) against the target, own
 * cases, follow-ups due today and overdue, whether the family wants contact.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseFile, lastDayOverTarget } from '../../api/casework';
import { addDays, startOfJapanDay, todayInJapan } from '../../api/core/dates';
import { InboxItem } from '../../api/inbox/inbox-item.entity';
import { InboxItemKind } from '../../api/inbox/inbox-item-kind';
import { DepartmentCode } from '../../api/core/departments';
import { demoStaffEmail } from '../../api/server/seed/demo-seed';
import { StaffMember } from '../../api/staff/staff-member.entity';
import { startTestApp, type TestApp } from '../support/app';

const CREATE = `mutation($input: CreateRecordInput!) { createRecord(input: $input) { id referenceNumber } }`;
const UPDATE = `mutation($i: UpdateCaseInput!) { updateCase(input: $i) { recordId department status assignee { id name } nextContactDate closedReason version } }`;
const ITEM = `inboxItemId kind referenceNumber openDaysWaiting overTarget urgent wantsContact case { status assignee { name } nextContactDate } record { id }`;
const WORKLIST = `query($scope: WorklistScope) { worklist(scope: $scope) { scope today targetOpenDays newItems { ${ITEM} } assigned { ${ITEM} } dueToday { ${ITEM} } overdue { ${ITEM} } counts { newItems overTarget assigned dueToday overdue } } }`;

describe('open days against the target', () => {
  it('an item waits past the target once more than 3 open days have passed (weekends, holidays and 12/29–1/3 do not count)', () => {
    expect(lastDayOverTarget('2027-01-05', 3)).toBe('2026-12-24');
    // Thursday 2026-12-10: an item of Monday 12/7 has waited 3 open days (8, 9, 10: not over); one of
    // Sunday 12/6 has waited 4 (its wait starts on Monday), so the weekend's items are over.
    expect(lastDayOverTarget('2026-12-10', 3)).toBe('2026-12-06');
  });
});

describe('case fields and the worklist', () => {
  let t: TestApp;
  let owner: string;
  let housing: string;
  let recordId: string;
  let hiddenFromHousing: string;
  let itemId: string;
  let oldItemId: string;
  const today = todayInJapan();

  beforeAll(async () => {
    t = await startTestApp({ records: 0 });
    owner = await t.login(DepartmentCode.SINGLE_PARENT);
    housing = await t.login(DepartmentCode.PUBLIC_HOUSING);
    const a = await t.gql(
      CREATE,
      {
        input: {
          identity: { familyName: '朝霧', givenName: '花' },
          contact: { phone: '090-1234-5678', contactAllowed: true },
          consent: { sharedWith: ['PUBLIC_HOUSING'], shareWithPartners: false, privacyNoticeVersion: 'v1' },
        },
      },
      owner,
    );
    recordId = a.body.data!.createRecord.id;
    const b = await t.gql(
      CREATE,
      { input: { identity: { familyName: '朝霧', givenName: '結' }, contact: { phone: '03-1111-2222', contactAllowed: false } } },
      owner,
    );
    hiddenFromHousing = b.body.data!.createRecord.id;
    const em = t.em();
    const item = em.create(InboxItem, {
      municipality: '999999',
      department: DepartmentCode.SINGLE_PARENT,
      kind: InboxItemKind.INTAKE,
      record: recordId,
      referenceNumber: a.body.data!.createRecord.referenceNumber,
      receivedAt: new Date(),
      urgent: false,
    } as never);
    // Arrived long enough ago to be past the 3-open-day target whatever today is.
    const old = em.create(InboxItem, {
      municipality: '999999',
      department: DepartmentCode.SINGLE_PARENT,
      kind: InboxItemKind.CHAT_REQUEST,
      record: hiddenFromHousing,
      referenceNumber: b.body.data!.createRecord.referenceNumber,
      receivedAt: startOfJapanDay(addDays(today, -20)),
      urgent: false,
    } as never);
    await em.flush();
    itemId = item.id;
    oldItemId = old.id;
  }, 120_000);
  afterAll(() => t?.close());

  it('the day starts with the new items: waited open days, past the target or not, whether the family wants contact', async () => {
    const res = await t.gql(WORKLIST, { scope: 'MINE' }, owner);
    expect(res.body.errors).toBeUndefined();
    const w = res.body.data!.worklist;
    expect(w).toMatchObject({ scope: 'MINE', today, targetOpenDays: 3, counts: { newItems: 2, overTarget: 1, assigned: 0, dueToday: 0, overdue: 0 } });
    // The longest waiting first.
    expect(w.newItems.map((i: { inboxItemId: string }) => i.inboxItemId)).toEqual([oldItemId, itemId]);
    expect(w.newItems[0]).toMatchObject({ kind: 'CHAT_REQUEST', overTarget: true, wantsContact: false, case: null, record: { id: hiddenFromHousing } });
    expect(w.newItems[0].openDaysWaiting).toBeGreaterThan(3);
    expect(w.newItems[1]).toMatchObject({ kind: 'INTAKE', overTarget: false, openDaysWaiting: 0, wantsContact: true });
  });

  it('taking an item assigns the case; the next contact date puts it on today’s follow-ups, a past one on overdue', async () => {
    const took = await t.gql(`mutation($id: ID!) { takeInboxItem(id: $id) { status } }`, { id: itemId }, owner);
    expect(took.body.errors).toBeUndefined();
    const set = await t.gql(UPDATE, { i: { recordId, nextContactDate: today } }, owner);
    expect(set.body.errors).toBeUndefined();
    expect(set.body.data!.updateCase).toMatchObject({
      department: 'SINGLE_PARENT',
      status: 'IN_PROGRESS',
      assignee: { name: expect.any(String) },
      nextContactDate: today,
    });
    let w = (await t.gql(WORKLIST, { scope: 'MINE' }, owner)).body.data!.worklist;
    expect(w.counts).toEqual({ newItems: 1, overTarget: 1, assigned: 1, dueToday: 1, overdue: 0 });
    expect(w.dueToday[0]).toMatchObject({
      referenceNumber: expect.any(String),
      case: { status: 'IN_PROGRESS', nextContactDate: today },
      record: { id: recordId },
      wantsContact: true,
    });

    await t.em().nativeUpdate(CaseFile, { record: recordId }, { nextContactDate: addDays(today, -2) });
    w = (await t.gql(WORKLIST, { scope: 'MINE' }, owner)).body.data!.worklist;
    expect(w.counts).toMatchObject({ dueToday: 0, overdue: 1 });
    expect(w.overdue[0].case.nextContactDate).toBe(addDays(today, -2));
    // The supervisor sees the department's, not their own (empty) list.
    const supervisor = await t.login(DepartmentCode.SINGLE_PARENT, 'supervisor');
    expect((await t.gql(WORKLIST, { scope: 'MINE' }, supervisor)).body.data!.worklist.counts.overdue).toBe(0);
    expect((await t.gql(WORKLIST, { scope: 'DEPARTMENT' }, supervisor)).body.data!.worklist.counts.overdue).toBe(1);
  });

  it('status: waiting for the family, then closed with a reason; a closed case leaves the worklist', async () => {
    const cur = (await t.gql(`query($id: ID!) { caseFile(recordId: $id) { version status } }`, { id: recordId }, owner)).body.data!.caseFile;
    const waiting = await t.gql(UPDATE, { i: { recordId, status: 'WAITING_FOR_FAMILY', expectedVersion: cur.version } }, owner);
    expect(waiting.body.data!.updateCase.status).toBe('WAITING_FOR_FAMILY');
    const stale = await t.gql(UPDATE, { i: { recordId, status: 'IN_PROGRESS', expectedVersion: cur.version } }, owner);
    expect(stale.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const closed = await t.gql(UPDATE, { i: { recordId, status: 'CLOSED', closedReason: '児童扶養手当の申請が済んだため' } }, owner);
    expect(closed.body.data!.updateCase).toMatchObject({ status: 'CLOSED', closedReason: '児童扶養手当の申請が済んだため' });
    const w = (await t.gql(WORKLIST, { scope: 'MINE' }, owner)).body.data!.worklist;
    expect(w.counts).toMatchObject({ assigned: 0, overdue: 0 });
    const reopened = await t.gql(UPDATE, { i: { recordId, status: 'IN_PROGRESS' } }, owner);
    expect(reopened.body.data!.updateCase.closedReason).toBeNull();
  });

  it('bad input: a person-readable error at the field, nothing changed', async () => {
    const before = (await t.gql(`query($id: ID!) { caseFile(recordId: $id) { version status nextContactDate assignee { id } } }`, { id: recordId }, owner)).body
      .data!.caseFile;
    const other = await t.em().findOneOrFail(StaffMember, { email: demoStaffEmail(DepartmentCode.PUBLIC_HOUSING) });
    const cases: [Record<string, unknown>, string][] = [
      [{ status: 'CLOSED' }, 'input.closedReason'],
      [{ status: 'CLOSED', closedReason: 'x'.repeat(501) }, 'input.closedReason'],
      [{ nextContactDate: addDays(today, -1) }, 'input.nextContactDate'],
      [{ nextContactDate: addDays(today, 400) }, 'input.nextContactDate'],
      [{ assigneeId: other.id }, 'input.assigneeId'],
      [{ assigneeId: 'not-an-id' }, 'input.assigneeId'],
    ];
    for (const [fields, field] of cases) {
      const res = await t.gql(UPDATE, { i: { recordId, ...fields } }, owner);
      expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.body.errors?.[0]?.extensions?.field).toBe(field);
      expect(res.body.errors?.[0]?.message).not.toContain(String(Object.values(fields)[0]).slice(0, 20));
    }
    const after = (await t.gql(`query($id: ID!) { caseFile(recordId: $id) { version status nextContactDate assignee { id } } }`, { id: recordId }, owner)).body
      .data!.caseFile;
    expect(after).toEqual(before);
  });

  it('each department keeps its own case; a record without consent does not exist for it', async () => {
    const mine = await t.gql(UPDATE, { i: { recordId, nextContactDate: today } }, housing);
    expect(mine.body.errors).toBeUndefined();
    expect(mine.body.data!.updateCase).toMatchObject({ department: 'PUBLIC_HOUSING', status: 'NEW', nextContactDate: today, assignee: null });
    const hw = (await t.gql(WORKLIST, { scope: 'DEPARTMENT' }, housing)).body.data!.worklist;
    expect(hw.counts.dueToday).toBe(1);
    const hidden = await t.gql(UPDATE, { i: { recordId: hiddenFromHousing, nextContactDate: today } }, housing);
    expect(hidden.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await t.gql(`query($id: ID!) { caseFile(recordId: $id) { status } }`, { id: hiddenFromHousing }, housing)).body.errors?.[0]?.extensions?.code).toBe(
      'NOT_FOUND',
    );
    // The family withdraws consent: the case leaves the housing department's worklist.
    await t.em().nativeUpdate('PersonalRecord', { id: recordId }, { sharedWith: [] });
    expect((await t.gql(WORKLIST, { scope: 'DEPARTMENT' }, housing)).body.data!.worklist.counts.dueToday).toBe(0);
    await t.em().nativeUpdate('PersonalRecord', { id: recordId }, { sharedWith: ['public-housing'] });
  });

  it('every case change is a write of `case` in the audit log, under the operation that made it', async () => {
    const rows: { action: string; sections: string[]; operation_name: string | null }[] = (await t
      .em()
      .getConnection()
      .execute(`select action, sections, operation_name from audit_entry where ? = any(record_ids) and 'case' = any(sections) order by seq`, [
        recordId,
      ])) as never;
    expect(rows.length).toBeGreaterThanOrEqual(6);
    expect(rows.every((r) => r.action === 'write')).toBe(true);
  });

  it('page size is limited', async () => {
    const res = await t.gql(`{ worklist(first: 1000) { today } }`, {}, owner);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
