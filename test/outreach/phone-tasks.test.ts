import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DepartmentCode } from '../../api/core/departments';
import { rawQuery } from '../../api/db/raw-query';
import { consentHistory, ConsentMethod, createNotices, NoticeKind, OutreachChannel, optedInChannels, recordConsent } from '../../api/outreach';
import { PersonalRecord } from '../../api/record/personal-record.entity';
import { startTestApp, type TestApp } from '../support/app';

// Call tasks with outcomes (issue 16): the department's open tasks with a script and the family's safe
// times (only where contact is readable), no answer keeps a task open and counts the attempt, "asked not
// to be called" closes it and the record's other call tasks and withdraws the phone opt-in (consent
// history: staff, who), a done task is a CONFLICT, another department's is NOT_FOUND; audited.

const TASKS = `query StaffOutreachPhoneTasks($status: OutreachPhoneTaskStatus) { outreachPhoneTasks(status: $status) { id status outcome attempts reason programmeName safeTimes voicemailSafe script record { id referenceNumber contact { phone } } } }`;
const OUTCOME = `mutation StaffRecordCallOutcome($input: OutreachCallOutcomeInput!) { recordOutreachCallOutcome(input: $input) { id status outcome attempts outcomeAt } }`;

describe('outreach call tasks (GraphQL)', () => {
  let t: TestApp;
  let owner: string;
  let recordId: string;
  let taskIds: string[];
  beforeAll(async () => {
    t = await startTestApp({ records: 6 });
    owner = await t.login(DepartmentCode.SINGLE_PARENT);
    const [r] = await rawQuery<{ id: string }>(
      t.em(),
      `select id from personal_record where municipality_code = '999999' and contact_phone_hash is not null and not ('dv' = any(concerns_categories)) order by id limit 1`,
      [],
    );
    recordId = r!.id;
    // Safe times are encrypted at rest: written through the entity.
    const em = t.em();
    const record = await em.findOneOrFail(PersonalRecord, recordId);
    record.contact.safeTimes = '平日 10時〜12時';
    record.contact.voicemailSafe = false;
    await em.flush();
    await recordConsent(t.em(), '999999', recordId, [
      { channel: OutreachChannel.PHONE, granted: true, method: ConsentMethod.INTAKE, recordedBy: null, purposeVersion: 'test' },
    ]);
    const notice = (
      await createNotices(t.em(), null, [
        {
          municipalityCode: '999999',
          recordId,
          department: 'single-parent',
          kind: NoticeKind.PROGRAMME_FITS,
          trigger: 'phone-test',
          programmeId: 'school-expense-aid',
          period: 'FY2026',
          facts: {},
        },
      ])
    ).created[0]!;
    taskIds = [randomUUID(), randomUUID()];
    await rawQuery(
      t.em(),
      `insert into outreach_phone_task (id, municipality_code, record_id, notice_id, department, reason, status, created_at) values (?, '999999', ?, ?, 'single-parent', 'phone-channel', 'OPEN', now() - interval '1 hour'), (?, '999999', ?, null, 'single-parent', 'permanent-failure', 'OPEN', now())`,
      [taskIds[0], recordId, notice, taskIds[1], recordId],
    );
  }, 300_000);
  afterAll(() => t.close());

  it('lists the open calls with a script and the family’s safe times; only to the department', async () => {
    const res = await t.gql(TASKS, { status: 'OPEN' }, owner);
    expect(res.body.errors).toBeUndefined();
    const [first, second] = res.body.data!.outreachPhoneTasks;
    expect(first).toMatchObject({
      id: taskIds[0],
      status: 'OPEN',
      attempts: 0,
      reason: 'phone-channel',
      programmeName: '就学援助',
      safeTimes: '平日 10時〜12時',
      voicemailSafe: false,
    });
    expect(first.record.id).toBe(recordId);
    expect(first.record.contact.phone).toMatch(/\d/);
    expect(first.script).toContain('就学援助');
    expect(first.script).toContain('留守番電話にはメッセージを残しません');
    expect(second.id).toBe(taskIds[1]);
    expect((await t.gql(TASKS, {}, await t.login(DepartmentCode.PUBLIC_HOUSING))).body.data!.outreachPhoneTasks).toEqual([]);
  });

  it('records outcomes: no answer stays open, asked-not-to-be-called closes all and opts the phone out', async () => {
    const noAnswer = await t.gql(OUTCOME, { input: { taskId: taskIds[0], outcome: 'NO_ANSWER' } }, owner);
    expect(noAnswer.body.errors).toBeUndefined();
    expect(noAnswer.body.data!.recordOutreachCallOutcome).toMatchObject({ status: 'OPEN', outcome: 'NO_ANSWER', attempts: 1 });
    expect(
      (await t.gql(OUTCOME, { input: { taskId: taskIds[0], outcome: 'REACHED' } }, await t.login(DepartmentCode.PUBLIC_HOUSING))).body.errors?.[0]?.extensions
        ?.code,
    ).toBe('NOT_FOUND');
    expect(await optedInChannels(t.em(), recordId)).toContain(OutreachChannel.PHONE);

    const stop = await t.gql(OUTCOME, { input: { taskId: taskIds[0], outcome: 'DO_NOT_CALL' } }, owner);
    expect(stop.body.data!.recordOutreachCallOutcome).toMatchObject({ status: 'DONE', outcome: 'DO_NOT_CALL', attempts: 2 });
    expect(await optedInChannels(t.em(), recordId)).not.toContain(OutreachChannel.PHONE);
    const [latest] = await consentHistory(t.em(), recordId);
    expect(latest).toMatchObject({ channel: 'PHONE', granted: false, method: 'staff' });
    expect(latest!.recordedBy).toMatch(/^[0-9a-f-]{36}$/);
    // The record's other open call is closed too.
    expect((await t.gql(TASKS, { status: 'OPEN' }, owner)).body.data!.outreachPhoneTasks).toEqual([]);
    const again = await t.gql(OUTCOME, { input: { taskId: taskIds[1], outcome: 'REACHED' } }, owner);
    expect(again.body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.taskId' });
    const audit = await rawQuery<{ n: string }>(
      t.em(),
      `select count(*) as n from audit_entry where operation_name = 'StaffRecordCallOutcome' and action = 'write' and ? = any(record_ids) and 'outreach-call' = any(sections)`,
      [recordId],
    );
    expect(Number(audit[0]!.n)).toBe(2);
  });

  it('a viewer may read the tasks but not record an outcome; a bad id is NOT_FOUND', async () => {
    expect((await t.gql(OUTCOME, { input: { taskId: 'nope', outcome: 'REACHED' } }, owner)).body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await t.gql(OUTCOME, { input: { taskId: taskIds[1], outcome: 'REACHED' } })).body.errors?.[0]?.extensions?.code).toMatch(
      /UNAUTHENTICATED|FORBIDDEN/,
    );
  });
});
