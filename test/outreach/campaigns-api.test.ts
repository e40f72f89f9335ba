import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DepartmentCode } from '../../api/core/departments';
import { rawQuery } from '../../api/db/raw-query';
import { ConsentMethod, OutreachChannel, recordConsent } from '../../api/outreach';
import type { EntityManager } from '@mikro-orm/postgresql';
import { StaffRole } from '../../api/core/roles';
import { Department } from '../../api/municipality/department.entity';
import { hashPassword } from '../../api/staff/password';
import { StaffMember } from '../../api/staff/staff-member.entity';
import { demoStaffEmail } from '../../api/server/seed/demo-seed';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../support/app';

// Campaigns by staff (issue 16): the segment is counted among the records the department sees, each
// criterion only where the policy lets the department read its section; the preview's sample shows only
// readable sections; sending creates one approved notice per reachable record on the queue (audited), a
// scheduled one can be cancelled before it is due; bad input names its field.

const PREVIEW = `query StaffOutreachCampaignPreview($segment: OutreachSegmentInput!) { outreachCampaignPreview(segment: $segment) { matched reachable limit byChannel { channel count } sample { id referenceNumber identity { familyName } income { incomeYear } } } }`;
const CREATE = `mutation StaffCreateOutreachCampaign($input: OutreachCampaignInput!) { createOutreachCampaign(input: $input) { id status template programmeId programmeName matched notices unreachable waiting delivered criteria sendAt } }`;
const CANCEL = `mutation StaffCancelOutreachCampaign($id: ID!) { cancelOutreachCampaign(id: $id) { id status waiting } }`;
const LIST = `query StaffOutreachCampaigns { outreachCampaigns { id status matched notices waiting } }`;

describe('outreach campaigns by staff (GraphQL)', () => {
  let t: TestApp;
  let owner: string;
  let dvIds: string[] = [];
  beforeAll(async () => {
    t = await startTestApp({ records: 30 });
    owner = await t.login(DepartmentCode.SINGLE_PARENT);
    // E-mail opt-in for every non-DV record that has an address: they are reachable.
    const ids = await rawQuery<{ id: string }>(
      t.em(),
      `select id from personal_record where municipality_code = '999999' and contact_email_hash is not null and not ('dv' = any(concerns_categories)) and not coalesce(protection_support_measure, false)`,
      [],
    );
    for (const r of ids)
      await recordConsent(t.em(), '999999', r.id, [
        { channel: OutreachChannel.EMAIL, granted: true, method: ConsentMethod.STAFF, recordedBy: null, purposeVersion: 'test' },
      ]);
    // DV-protected families opted in to e-mail too: e-mail is never a safe channel for them.
    dvIds = (
      await rawQuery<{ id: string }>(
        t.em(),
        `select id from personal_record where municipality_code = '999999' and contact_email_hash is not null and 'dv' = any(concerns_categories)`,
        [],
      )
    ).map((r) => r.id);
    for (const id of dvIds)
      await recordConsent(t.em(), '999999', id, [
        { channel: OutreachChannel.EMAIL, granted: true, method: ConsentMethod.STAFF, recordedBy: null, purposeVersion: 'test' },
      ]);
  }, 300_000);
  afterAll(() => t.close());

  const count = async (sql: string, params: unknown[] = []) => Number((await rawQuery<{ n: string }>(t.em(), sql, params))[0]!.n);

  it('counts the segment among the records the department sees, with a sample of what it may read', async () => {
    const all = await t.gql(PREVIEW, { segment: {} }, owner);
    expect(all.body.errors).toBeUndefined();
    const p = all.body.data!.outreachCampaignPreview;
    expect(p.matched).toBe(await count(`select count(*) as n from personal_record where municipality_code = '999999'`));
    expect(p.sample.length).toBe(Math.min(5, p.matched));
    const reachable = await count(
      `select count(distinct record_id) as n from outreach_consent_event e join personal_record r on r.id = e.record_id where r.municipality_code = '999999' and e.channel = 'EMAIL' and e.granted and not (r.id = any(?::uuid[]))`,
      [dvIds],
    );
    expect(p.reachable).toBe(reachable);
    expect(p.byChannel).toEqual([{ channel: 'EMAIL', count: reachable }]);

    // A criterion narrows it: records with a child aged 0–5 today, counted the same way in SQL.
    const young = (await t.gql(PREVIEW, { segment: { childAgeFrom: 0, childAgeTo: 5 } }, owner)).body.data!.outreachCampaignPreview;
    expect(young.matched).toBe(
      await count(
        `select count(*) as n from personal_record r where municipality_code = '999999' and exists (select 1 from child c where c.record_id = r.id and c.birth_date > (current_date - interval '6 years'))`,
      ),
    );
    expect(young.matched).toBeLessThan(p.matched);

    // Another department: only records shared with it, never a DV-protected one, and no income in the sample.
    const housing = await t.login(DepartmentCode.PUBLIC_HOUSING);
    const register = await t.login(DepartmentCode.FAMILY_REGISTER);
    const theirs = await t.gql(PREVIEW, { segment: {} }, register);
    expect(theirs.body.data!.outreachCampaignPreview.matched).toBe(
      await count(
        `select count(*) as n from personal_record where municipality_code = '999999' and 'family-register' = any(shared_with) and not ('dv' = any(concerns_categories)) and not (coalesce(protection_support_measure, false) and (protection_expires_on is null or protection_expires_on >= current_date))`,
      ),
    );
    for (const r of theirs.body.data!.outreachCampaignPreview.sample) expect(r.income).toBeNull();
    for (const e of theirs.body.errors ?? []) expect(e.extensions?.code).toBe('FORBIDDEN');

    // What a department may not read cannot be a criterion: FORBIDDEN, naming the section.
    const concern = await t.gql(PREVIEW, { segment: { concern: 'WORK' } }, housing);
    expect(concern.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', section: 'concerns' });
    const fits = await t.gql(PREVIEW, { segment: { fitsProgramme: 'child-rearing-allowance' } }, register);
    expect(fits.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', section: 'income' });
    const bad = await t.gql(PREVIEW, { segment: { childAgeFrom: 10, childAgeTo: 3 } }, owner);
    expect(bad.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'segment.childAgeTo' });
    expect((await t.gql(PREVIEW, { segment: {} })).body.errors?.[0]?.extensions?.code).toMatch(/UNAUTHENTICATED|FORBIDDEN/);
  });

  it('sends now: one approved notice per reachable record on the queue, recorded and audited', async () => {
    const res = await t.gql(CREATE, { input: { template: 'NEWS', programmeId: 'school-expense-aid', segment: { childAgeFrom: 6, childAgeTo: 15 } } }, owner);
    expect(res.body.errors).toBeUndefined();
    const c = res.body.data!.createOutreachCampaign;
    expect(c).toMatchObject({ status: 'SENT', template: 'NEWS', programmeId: 'school-expense-aid', programmeName: '就学援助' });
    expect(JSON.parse(c.criteria)).toEqual({ childAgeFrom: 6, childAgeTo: 15 });
    const notices = await rawQuery<{ id: string; record_id: string; approval: string; kind: string; department: string; channel: string }>(
      t.em(),
      `select id, record_id, approval, kind, department, channel from outreach_notice where trigger = ?`,
      [`campaign:${c.id}`],
    );
    expect(notices.length).toBe(c.notices);
    expect(c.notices + c.unreachable).toBe(c.matched);
    expect(c.notices).toBeGreaterThan(0);
    for (const n of notices) expect(n).toMatchObject({ approval: 'APPROVED', kind: 'campaign', department: 'single-parent', channel: 'EMAIL' });
    // Every one of them was opted in: no opt-in, no notice.
    const optedIn = await count(
      `select count(*) as n from outreach_notice n where trigger = ? and not exists (select 1 from outreach_consent_event e where e.record_id = n.record_id and e.channel = 'EMAIL' and e.granted)`,
      [`campaign:${c.id}`],
    );
    expect(optedIn).toBe(0);
    // On the durable queue, one job per notice.
    expect(
      await count(`select count(*) as n from pgboss.job where name = 'outreach-send' and data->>'noticeId' = any(?::text[])`, [notices.map((n) => n.id)]),
    ).toBe(notices.length);
    // Audited as a write on each record it reaches, under the operation's name.
    const audit = await rawQuery<{ record_ids: string[]; sections: string[] }>(
      t.em(),
      `select record_ids, sections from audit_entry where operation_name = 'StaffCreateOutreachCampaign' and action = 'write'`,
      [],
    );
    expect(new Set(audit.flatMap((a) => a.record_ids))).toEqual(new Set(notices.map((n) => n.record_id)));
    expect(audit.every((a) => a.sections.includes('outreach-campaign'))).toBe(true);
    // DV-protected families in the segment opted in to e-mail only: no notice for them (DV-safe channels).
    expect(dvIds.length).toBeGreaterThan(0);
    const dv = (await t.gql(CREATE, { input: { template: 'NEWS', segment: { concern: 'DV' } } }, owner)).body.data!.createOutreachCampaign;
    expect(dv.matched).toBeGreaterThanOrEqual(dvIds.length);
    expect(await count(`select count(*) as n from outreach_notice where trigger = ? and record_id = any(?::uuid[])`, [`campaign:${dv.id}`, dvIds])).toBe(0);
    const list = (await t.gql(LIST, {}, owner)).body.data!.outreachCampaigns;
    expect(list.map((x: { id: string }) => x.id)).toEqual([dv.id, c.id]);
    expect(list[1]).toMatchObject({ id: c.id, notices: c.notices });
  });

  it('schedules one, cancels it before it is due; viewers and bad input are refused', async () => {
    const sendAt = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const res = await t.gql(
      CREATE,
      { input: { template: 'DEADLINE', programmeId: 'child-rearing-allowance', deadline: '2099-08-31', segment: { createdFrom: '2000-01-01' }, sendAt } },
      owner,
    );
    expect(res.body.errors).toBeUndefined();
    const c = res.body.data!.createOutreachCampaign;
    expect(c.status).toBe('SCHEDULED');
    expect(new Date(c.sendAt).toISOString()).toBe(sendAt);
    const due = await rawQuery<{ due_at: Date }>(t.em(), `select due_at from outreach_notice where trigger = ?`, [`campaign:${c.id}`]);
    expect(due.length).toBe(c.notices);
    for (const d of due) expect(new Date(d.due_at).toISOString()).toBe(sendAt);

    expect((await t.gql(CANCEL, { id: c.id }, await t.login(DepartmentCode.PUBLIC_HOUSING))).body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const cancelled = await t.gql(CANCEL, { id: c.id }, owner);
    expect(cancelled.body.data!.cancelOutreachCampaign).toMatchObject({ status: 'CANCELLED', waiting: 0 });
    expect(await count(`select count(*) as n from outreach_notice where trigger = ? and approval <> 'REJECTED'`, [`campaign:${c.id}`])).toBe(0);
    expect((await t.gql(CANCEL, { id: c.id }, owner)).body.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    // A viewer in the owning department (the demo has none).
    const em = t.em() as EntityManager;
    const department = await em.findOneOrFail(Department, { municipality: '999999', code: DepartmentCode.SINGLE_PARENT });
    em.create(StaffMember, {
      municipality: '999999',
      department,
      name: '閲覧 一郎',
      email: demoStaffEmail(DepartmentCode.SINGLE_PARENT, 'viewer'),
      role: StaffRole.VIEWER,
      passwordHash: await hashPassword(TEST_PASSWORD),
    } as never);
    await em.flush();
    const viewer = await t.login(DepartmentCode.SINGLE_PARENT, 'viewer');
    expect((await t.gql(CREATE, { input: { template: 'NEWS', segment: {} } }, viewer)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const noProgramme = await t.gql(CREATE, { input: { template: 'DEADLINE', deadline: '2099-01-01', segment: {} } }, owner);
    expect(noProgramme.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.programmeId' });
    const noDate = await t.gql(CREATE, { input: { template: 'REMINDER', segment: {} } }, owner);
    expect(noDate.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.deadline' });
    const tooLate = await t.gql(CREATE, { input: { template: 'NEWS', segment: {}, sendAt: new Date(Date.now() + 200 * 86_400_000).toISOString() } }, owner);
    expect(tooLate.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.sendAt' });
    expect(JSON.stringify(tooLate.body.errors)).not.toContain('2099');
  });
});
