import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountLink, AdminEvent, currentTotp } from '../../api/accounts';
import { StaffMember } from '../../api/staff/staff-member.entity';
import { startTestApp, type TestApp } from '../support/app';
import { BEGIN, COMPLETE, INVITE, LINK_INFO, LOGIN, ME, newMunicipality, REDEEM, STRONG, tokenOf } from './support';

describe("a new municipality's first administrator and a caseworker own their credentials", () => {
  let t: TestApp;
  let linkToken: string;
  let adminToken: string;
  let secret: string;
  let recoveryCodes: string[];
  // The code that completed enrolment: replayed exactly, because a slow run may cross a 30-s step
  // between two tests and then the *current* code would be a fresh, valid one.
  let enrolCode: string;
  const ADMIN = { name: '区役所 花子', email: 'admin@city.chiyoda.example' };

  beforeAll(async () => {
    t = await startTestApp({ records: 2 });
    linkToken = await newMunicipality(t);
  });
  afterAll(() => t.close());

  it('shows what the first-admin link is for, without signing in', async () => {
    const res = await t.gql(LINK_INFO, { t: linkToken });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.accountLink).toMatchObject({ kind: 'FIRST_ADMIN', municipalityName: '千代田区', name: null, email: null, requireTwoFactor: true });
    const bad = await t.gql(LINK_INFO, { t: 'x'.repeat(43) });
    expect(bad.body.errors![0]!.extensions!.code).toBe('NOT_FOUND');
  });

  it('refuses weak and common passwords by field, without saying the password back', async () => {
    for (const password of ['short-pw', 'password1234', 'Yorisoi-Demo-2026', 'sakura-sakura-2026', 'qwertyuiop123']) {
      const res = await t.gql(REDEEM, { i: { token: linkToken, password, ...ADMIN } });
      expect(res.body.errors?.[0]?.extensions, password).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.password' });
      expect(JSON.stringify(res.body)).not.toContain(password);
    }
    expect(await t.em().count(StaffMember, { email: ADMIN.email })).toBe(0);
  });

  it('sets the password once: the link is then used up', async () => {
    const res = await t.gql(REDEEM, { i: { token: linkToken, password: STRONG, ...ADMIN } });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.redeemAccountLink).toEqual({ email: ADMIN.email, twoFactorEnrolmentRequired: true });
    const again = await t.gql(REDEEM, { i: { token: linkToken, password: `${STRONG}-again`, ...ADMIN, email: 'other@city.chiyoda.example' } });
    expect(again.body.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    expect(await t.em().count(StaffMember, { municipality: '131016' })).toBe(1);
  });

  it('requires an authenticator app before the first sign-in (the municipality requires two factors)', async () => {
    const res = await t.gql(LOGIN, { e: ADMIN.email, p: STRONG });
    expect(res.body.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'TWO_FACTOR_ENROLMENT_REQUIRED' });
    const wrongPassword = await t.gql(BEGIN, { i: { email: ADMIN.email, password: 'not-the-password-123' } });
    expect(wrongPassword.body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('enrols TOTP: a wrong code is refused, the right one turns it on, shows ten recovery codes once and signs in', async () => {
    const begun = await t.gql(BEGIN, { i: { email: ADMIN.email, password: STRONG } });
    expect(begun.body.errors).toBeUndefined();
    ({ secret } = begun.body.data!.beginTwoFactorEnrolment);
    expect(begun.body.data!.beginTwoFactorEnrolment.otpauthUri).toMatch(/^otpauth:\/\/totp\/.*secret=[A-Z2-7]+/);
    const ticket = begun.body.data!.beginTwoFactorEnrolment.ticket;
    const wrong = await t.gql(COMPLETE, { i: { ticket, code: currentTotp(secret) === '000000' ? '111111' : '000000' } });
    expect(wrong.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.code' });
    enrolCode = currentTotp(secret);
    const done = await t.gql(COMPLETE, { i: { ticket, code: enrolCode } });
    expect(done.body.errors).toBeUndefined();
    recoveryCodes = done.body.data!.completeTwoFactorEnrolment.recoveryCodes;
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    adminToken = done.body.data!.completeTwoFactorEnrolment.token;
    const me = await t.gql(ME, undefined, adminToken);
    expect(me.body.data!.me).toMatchObject({ name: ADMIN.name, role: 'ADMIN', municipalityCode: '131016' });
    // Stored sealed and hashed: neither the secret nor a recovery code is in the row.
    const [row] = await t.em().getConnection().execute(`select * from staff_member where email = ?`, [ADMIN.email]);
    expect(JSON.stringify(row)).not.toContain(secret);
    for (const c of recoveryCodes) expect(JSON.stringify(row)).not.toContain(c);
    const reused = await t.gql(COMPLETE, { i: { ticket, code: currentTotp(secret) } });
    expect(reused.body.errors![0]!.extensions!.code).toBe('NOT_FOUND');
  });

  it('signs in with a code, never twice with the same one, and with each recovery code once', async () => {
    const noCode = await t.gql(LOGIN, { e: ADMIN.email, p: STRONG });
    expect(noCode.body.errors![0]!.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TWO_FACTOR_REQUIRED' });
    // The code that completed enrolment is spent: the next step's code (one step of drift is allowed) works once.
    const replay = await t.gql(LOGIN, { e: ADMIN.email, p: STRONG, c: enrolCode });
    expect(replay.body.errors![0]!.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TWO_FACTOR_INVALID' });
    const next = currentTotp(secret, Date.now() + 30_000);
    const ok = await t.gql(LOGIN, { e: ADMIN.email, p: STRONG, c: next });
    expect(ok.body.errors).toBeUndefined();
    const twice = await t.gql(LOGIN, { e: ADMIN.email, p: STRONG, c: next });
    expect(twice.body.errors![0]!.extensions!.reason).toBe('TWO_FACTOR_INVALID');
    const recovery = await t.gql(LOGIN, { e: ADMIN.email, p: STRONG, c: recoveryCodes[0]!.toUpperCase() });
    expect(recovery.body.errors).toBeUndefined();
    const recoveryAgain = await t.gql(LOGIN, { e: ADMIN.email, p: STRONG, c: recoveryCodes[0] });
    expect(recoveryAgain.body.errors![0]!.extensions!.reason).toBe('TWO_FACTOR_INVALID');
    // Wrong codes count as failed sign-ins; the successful one reset the count.
    expect((await t.em().findOneOrFail(StaffMember, { email: ADMIN.email })).failedLogins).toBe(1);
  });

  it('invites a caseworker, who chooses a password and enrols; the admin never knows a password', async () => {
    const res = await t.gql(
      INVITE,
      { i: { name: '相談員 一郎', email: 'caseworker@city.chiyoda.example', department: 'SINGLE_PARENT', role: 'CASEWORKER' } },
      adminToken,
    );
    expect(res.body.errors).toBeUndefined();
    const invited = res.body.data!.inviteStaffMember;
    expect(invited.member).toMatchObject({ email: 'caseworker@city.chiyoda.example', invitationPending: true, twoFactorEnabled: false });
    expect(invited.url).toMatch(/^http:\/\/localhost:4000\/staff\/#link=[A-Za-z0-9_-]{43}$/);
    const info = await t.gql(LINK_INFO, { t: tokenOf(invited.url) });
    expect(info.body.data!.accountLink).toMatchObject({ kind: 'INVITATION', name: '相談員 一郎', email: 'caseworker@city.chiyoda.example' });
    const noPassword = await t.gql(LOGIN, { e: 'caseworker@city.chiyoda.example', p: '' });
    expect(noPassword.body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    const redeemed = await t.gql(REDEEM, { i: { token: tokenOf(invited.url), password: 'asa-gohan-wa-natto-to-misoshiru' } });
    expect(redeemed.body.errors).toBeUndefined();
    const list = await t.gql(`{ staffMembers { email invitationPending twoFactorEnabled } }`, undefined, adminToken);
    expect(list.body.data!.staffMembers).toContainEqual({ email: 'caseworker@city.chiyoda.example', invitationPending: false, twoFactorEnabled: false });
    const dup = await t.gql(INVITE, { i: { name: 'x', email: 'CASEWORKER@city.chiyoda.example', department: 'SINGLE_PARENT', role: 'VIEWER' } }, adminToken);
    expect(dup.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.email' });
  });

  it('keeps non-admins and other municipalities out of administration', async () => {
    const demoAdmin = await t.login('single-parent' as never, 'admin');
    const demoCaseworker = await t.login('single-parent' as never);
    const invite = await t.gql(INVITE, { i: { name: 'x', email: 'x@demo.example', department: 'SINGLE_PARENT', role: 'VIEWER' } }, demoCaseworker);
    expect(invite.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const caseworker = await t.em().findOneOrFail(StaffMember, { email: 'caseworker@city.chiyoda.example' });
    const reset = await t.gql(
      `mutation($i: IssuePasswordResetLinkInput!) { issuePasswordResetLink(input: $i) { url } }`,
      { i: { staffId: caseworker.id } },
      demoAdmin,
    );
    expect(reset.body.errors![0]!.extensions!.code).toBe('NOT_FOUND');
  });

  it('records every change in the append-only administration trail', async () => {
    const res = await t.gql(`{ adminEvents(limit: 20) { actorName action detail } }`, undefined, adminToken);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.adminEvents.map((e: { action: string }) => e.action).reverse()).toEqual([
      'municipality.created',
      'staff.first-admin-joined',
      'staff.two-factor-enrolled',
      'staff.recovery-code-used',
      'staff.invited',
      'staff.joined',
    ]);
    await expect(t.em().getConnection().execute(`delete from admin_event`)).rejects.toThrow();
    await expect(t.em().getConnection().execute(`update admin_event set actor_name = 'x'`)).rejects.toThrow();
    const links = await t.em().find(AccountLink, { municipalityCode: '131016' });
    expect(links.every((l) => l.usedAt != null)).toBe(true);
    expect(await t.em().count(AdminEvent, { municipalityCode: '999999' })).toBe(0);
  });
});
