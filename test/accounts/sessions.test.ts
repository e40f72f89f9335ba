import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountLink } from '../../api/accounts';
import { DepartmentCode } from '../../api/core/departments';
import { demoStaffEmail } from '../../api/server/seed/demo-seed';
import { StaffMember } from '../../api/staff/staff-member.entity';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../support/app';
import { LOGIN, ME, REDEEM, tokenOf } from './support';

const SESSIONS = `query($s: String) { staffSessions(staffId: $s) { id current twoFactor expiresAt } }`;
const REVOKE = `mutation($id: ID!) { revokeSession(id: $id) }`;
const UPDATE = `mutation($i: UpdateStaffMemberInput!) { updateStaffMember(input: $i) { id active role } }`;
const RESET = `mutation($i: IssuePasswordResetLinkInput!) { issuePasswordResetLink(input: $i) { url expiresAt } }`;
const CHANGE = `mutation($i: ChangePasswordInput!) { changePassword(input: $i) }`;

describe('sessions, disabling, reset links and password changes take effect on the next request', () => {
  let t: TestApp;
  let admin: string;
  const signIn = async (email: string, password = TEST_PASSWORD): Promise<string> => {
    const res = await t.gql(LOGIN, { e: email, p: password });
    expect(res.body.errors, email).toBeUndefined();
    return res.body.data!.login.token;
  };
  const works = async (token: string) => (await t.gql(ME, undefined, token)).status === 200;
  const memberId = async (email: string) => (await t.em().findOneOrFail(StaffMember, { email })).id;

  beforeAll(async () => {
    t = await startTestApp({ records: 2 });
    admin = await signIn(demoStaffEmail(DepartmentCode.SINGLE_PARENT, 'admin'));
  });
  afterAll(() => t.close());

  it("lists one's own sessions and revokes one: that token is refused on its next request, the others go on", async () => {
    const email = demoStaffEmail(DepartmentCode.SINGLE_PARENT);
    const first = await signIn(email);
    const second = await signIn(email);
    const list = await t.gql(SESSIONS, {}, first);
    expect(list.body.errors).toBeUndefined();
    const sessions = list.body.data!.staffSessions as { id: string; current: boolean }[];
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    const other = sessions.find((s) => !s.current)!;
    expect((await t.gql(REVOKE, { id: other.id }, first)).body.data!.revokeSession).toBe(true);
    const refused = await t.gql(ME, undefined, second);
    expect(refused.status).toBe(401);
    expect(refused.body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect(await works(first)).toBe(true);
    // Another member's session is not one's own to end (it does not exist for them).
    const adminSessions = await t.gql(SESSIONS, {}, admin);
    const foreign = await t.gql(REVOKE, { id: adminSessions.body.data!.staffSessions[0].id }, first);
    expect(foreign.body.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    expect(await works(admin)).toBe(true);
  });

  it("an admin sees and ends a member's sessions", async () => {
    const email = demoStaffEmail(DepartmentCode.FAMILY_REGISTER);
    const token = await signIn(email);
    const list = await t.gql(SESSIONS, { s: await memberId(email) }, admin);
    expect(list.body.data!.staffSessions).toHaveLength(1);
    await t.gql(REVOKE, { id: list.body.data!.staffSessions[0].id }, admin);
    expect(await works(token)).toBe(false);
    const notAdmin = await t.gql(SESSIONS, { s: await memberId(demoStaffEmail(DepartmentCode.SINGLE_PARENT, 'admin')) }, await signIn(email));
    expect(notAdmin.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('a disabled account is refused on its very next request, and cannot sign in until enabled', async () => {
    const email = demoStaffEmail(DepartmentCode.LIVELIHOOD_SUPPORT);
    const token = await signIn(email);
    expect(await works(token)).toBe(true);
    const id = await memberId(email);
    const off = await t.gql(UPDATE, { i: { id, disabled: true } }, admin);
    expect(off.body.data!.updateStaffMember.active).toBe(false);
    expect(await works(token)).toBe(false);
    expect((await t.gql(LOGIN, { e: email, p: TEST_PASSWORD })).body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    await t.gql(UPDATE, { i: { id, disabled: false } }, admin);
    expect(await works(await signIn(email))).toBe(true);
  });

  it('a role change ends the sessions that carried the old role', async () => {
    const email = demoStaffEmail(DepartmentCode.LONG_TERM_CARE);
    const token = await signIn(email);
    await t.gql(UPDATE, { i: { id: await memberId(email), role: 'VIEWER' } }, admin);
    expect(await works(token)).toBe(false);
    const me = await t.gql(ME, undefined, await signIn(email));
    expect(me.body.data!.me.role).toBe('VIEWER');
  });

  it('a reset link sets a new password once, ends the old sessions, and expires', async () => {
    const email = demoStaffEmail(DepartmentCode.PUBLIC_HOUSING);
    const id = await memberId(email);
    const before = await signIn(email);
    const stale = await t.gql(RESET, { i: { staffId: id } }, admin);
    const issued = await t.gql(RESET, { i: { staffId: id } }, admin);
    expect(issued.body.errors).toBeUndefined();
    expect(new Date(issued.body.data!.issuePasswordResetLink.expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(24 * 3600_000);
    // Until it is used nothing changes; a newer link replaces an older one.
    expect(await works(before)).toBe(true);
    const old = await t.gql(REDEEM, { i: { token: tokenOf(stale.body.data!.issuePasswordResetLink.url), password: 'hoshi-ga-kirei-na-yoru-ni' } });
    expect(old.body.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    const token = tokenOf(issued.body.data!.issuePasswordResetLink.url);
    const used = await t.gql(REDEEM, { i: { token, password: 'hoshi-ga-kirei-na-yoru-ni' } });
    expect(used.body.errors).toBeUndefined();
    expect(await works(before)).toBe(false);
    expect((await t.gql(LOGIN, { e: email, p: TEST_PASSWORD })).body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    await signIn(email, 'hoshi-ga-kirei-na-yoru-ni');
    const twice = await t.gql(REDEEM, { i: { token, password: 'mou-ichido-tsukau-tsumori' } });
    expect(twice.body.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    // An expired link opens nothing.
    const late = await t.gql(RESET, { i: { staffId: id } }, admin);
    const lateToken = tokenOf(late.body.data!.issuePasswordResetLink.url);
    await t.em().nativeUpdate(AccountLink, { staffId: id, usedAt: null }, { expiresAt: new Date(Date.now() - 1000) });
    const expired = await t.gql(REDEEM, { i: { token: lateToken, password: 'mou-ichido-tsukau-tsumori' } });
    expect(expired.body.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    expect((await t.gql(`query($t: String!) { accountLink(token: $t) { kind } }`, { t: lateToken })).body.errors![0]!.extensions!.code).toBe('NOT_FOUND');
  });

  it("changes one's own password: the current one is checked, the other sessions end, this one goes on", async () => {
    const email = demoStaffEmail(DepartmentCode.DISABILITY_WELFARE);
    const here = await signIn(email);
    const elsewhere = await signIn(email);
    const wrong = await t.gql(CHANGE, { i: { currentPassword: 'not-my-password', newPassword: 'tsuki-no-hikari-ga-sasu-heya' } }, here);
    expect(wrong.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.currentPassword' });
    const weak = await t.gql(CHANGE, { i: { currentPassword: TEST_PASSWORD, newPassword: 'password1234' } }, here);
    expect(weak.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.newPassword' });
    const ok = await t.gql(CHANGE, { i: { currentPassword: TEST_PASSWORD, newPassword: 'tsuki-no-hikari-ga-sasu-heya' } }, here);
    expect(ok.body.data!.changePassword).toBe(true);
    expect(await works(here)).toBe(true);
    expect(await works(elsewhere)).toBe(false);
    await signIn(email, 'tsuki-no-hikari-ga-sasu-heya');
    const trail = await t.gql(`{ adminEvents(limit: 50) { action } }`, undefined, admin);
    expect(trail.body.data!.adminEvents.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining([
        'session.revoked',
        'staff.disabled',
        'staff.enabled',
        'staff.updated',
        'staff.reset-link-issued',
        'staff.password-reset',
        'staff.password-changed',
      ]),
    );
  });
});
