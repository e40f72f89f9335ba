/**
 * Issue 14, findings 6 and 7, and the sign-in timing of the lower list:
 *  6. a viewer of the owning department could close referrals (updateReferral checked the department, not the role);
 *  7. departments whose policy hides protection and concerns saw DV_PROTECTED in `access` and in errors;
 *  -  an unknown e-mail and a locked account took different times to fail.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthService, LOGIN_FAILURE_DELAY_MS } from '../../api/auth/auth.service';
import { hashPassword } from '../../api/staff/password';
import { DepartmentCode } from '../../api/core/departments';
import { Department } from '../../api/municipality/department.entity';
import { demoStaffEmail } from '../../api/server/seed/demo-seed';
import { StaffMember } from '../../api/staff/staff-member.entity';
import { StaffRole } from '../../api/core/roles';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../support/app';

const CREATE = `mutation($input: CreateRecordInput!) { createRecord(input: $input) { id } }`;
const READ = `query R($id: ID!) { record(id: $id) { id identity { familyName } address { city street } contact { phone } access { section readable reason } } }`;

describe('findings 6 and 7, and sign-in timing', () => {
  let t: TestApp;
  let owner: string;
  let dv: string;
  beforeAll(async () => {
    t = await startTestApp({ records: 2 });
    owner = await t.login(DepartmentCode.SINGLE_PARENT);
    const res = await t.gql(
      CREATE,
      {
        input: {
          identity: { familyName: '保護', givenName: '試験' },
          address: { city: 'デモ市', street: '秘密町1-2-3' },
          contact: { phone: '0000-11-2222', contactAllowed: true },
          concerns: { categories: ['DV'] },
          consent: { sharedWith: ['LIVELIHOOD_SUPPORT', 'PUBLIC_HOUSING', 'LONG_TERM_CARE'], shareWithPartners: true, privacyNoticeVersion: 'v1' },
        },
      },
      owner,
    );
    dv = res.body.data!.createRecord.id;
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
  });
  afterAll(() => t.close());

  it('finding 6: a viewer of the owning department cannot close a referral; a caseworker can', async () => {
    const partnerId = (await t.gql(`{ partners { id } }`, {}, owner)).body.data!.partners[0].id;
    const referral = (
      await t.gql(`mutation($i: ReferRecordInput!) { referRecord(input: $i) { id status } }`, { i: { recordId: dv, partnerId, reason: '学習支援' } }, owner)
    ).body.data!.referRecord;
    const close = `mutation($i: UpdateReferralInput!) { updateReferral(input: $i) { status } }`;
    const viewer = await t.login(DepartmentCode.SINGLE_PARENT, 'viewer');
    const refused = await t.gql(close, { i: { referralId: referral.id, status: 'CLOSED', reason: '閲覧者が終了' } }, viewer);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const list = (await t.gql(`{ referrals { id status } }`, {}, owner)).body.data!.referrals;
    expect(list.find((r: { id: string }) => r.id === referral.id).status).toBe('REQUESTED');
    const closed = await t.gql(close, { i: { referralId: referral.id, status: 'CLOSED', reason: '終了' } }, owner);
    expect(closed.body.errors).toBeUndefined();
    expect(closed.body.data!.updateReferral.status).toBe('CLOSED');
  });

  it('finding 7: 公営住宅 and 介護保険 (no protection, no concerns) are told NOT_PERMITTED, never DV_PROTECTED, in access and in errors', async () => {
    for (const d of [DepartmentCode.PUBLIC_HOUSING, DepartmentCode.LONG_TERM_CARE]) {
      const res = await t.gql(READ, { id: dv }, await t.login(d));
      const text = JSON.stringify(res.body);
      expect(res.body.data!.record.identity.familyName, d).toBe('保護');
      expect(text, d).not.toContain('DV_PROTECTED');
      expect(text, d).not.toMatch(/DV|支援措置/);
      expect(text, d).not.toContain('秘密町');
      const reasons = Object.fromEntries(res.body.data!.record.access.map((a: { section: string; reason: string }) => [a.section, a.reason]));
      expect(reasons.ADDRESS, d).toBe('NOT_PERMITTED');
      expect(reasons.CONTACT, d).toBe('NOT_PERMITTED');
    }
    // 生活保護 reads concerns (it knows of the DV concern anyway): the specific reason stays.
    const livelihood = await t.gql(READ, { id: dv }, await t.login(DepartmentCode.LIVELIHOOD_SUPPORT));
    const reasons = Object.fromEntries(livelihood.body.data!.record.access.map((a: { section: string; reason: string }) => [a.section, a.reason]));
    expect(reasons.ADDRESS).toBe('DV_PROTECTED');
  });

  it('lower list: an unknown e-mail, a wrong password and a locked account fail the same way, after the same pause', async () => {
    const pauses: Record<string, number[]> = {};
    const attempt = async (label: string, email: string, password: string) => {
      pauses[label] = [];
      const auth = new AuthService(t.em(), { ...t.app.services.auth, pause: async (ms) => void pauses[label]!.push(ms) }, 'ja');
      const e = await auth.login(email, password).catch((x: { message: string; extensions: { code: string } }) => x);
      return (e as { extensions: { code: string } }).extensions.code;
    };
    const email = demoStaffEmail(DepartmentCode.LONG_TERM_CARE);
    const em = t.em();
    const staff = await em.findOneOrFail(StaffMember, { email });
    staff.lockedUntil = new Date(Date.now() + 600_000);
    await em.flush();
    expect(await attempt('unknown', 'nobody@demo.yorisoi.example', 'x')).toBe('UNAUTHENTICATED');
    expect(await attempt('locked', email, TEST_PASSWORD)).toBe('UNAUTHENTICATED');
    expect(await attempt('wrong', demoStaffEmail(DepartmentCode.PUBLIC_HOUSING), 'wrong-password')).toBe('UNAUTHENTICATED');
    expect(pauses).toEqual({ unknown: [LOGIN_FAILURE_DELAY_MS], locked: [LOGIN_FAILURE_DELAY_MS], wrong: [LOGIN_FAILURE_DELAY_MS] });
  });
});
