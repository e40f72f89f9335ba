import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminEvent, PasskeyChallenge, StaffPasskey } from '../../api/accounts';
import { DepartmentCode } from '../../api/core/departments';
import { Municipality } from '../../api/municipality/municipality.entity';
import { demoStaffEmail } from '../../api/server/seed/demo-seed';
import { StaffMember } from '../../api/staff/staff-member.entity';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../support/app';
import { SoftAuthenticator } from './soft-authenticator';
import { LOGIN, ME } from './support';

const BEGIN_REG = `mutation { beginPasskeyRegistration { ticket optionsJson expiresAt } }`;
const FINISH_REG = `mutation($i: FinishPasskeyRegistrationInput!) { finishPasskeyRegistration(input: $i) { id name transports createdAt lastUsedAt } }`;
const MINE = `{ myPasskeys { id name lastUsedAt } }`;
const RENAME = `mutation($i: RenamePasskeyInput!) { renamePasskey(input: $i) { id name } }`;
const REMOVE = `mutation($id: ID!) { removePasskey(id: $id) }`;
const BEGIN_SIGN_IN = `mutation($i: BeginPasskeySignInInput!) { beginPasskeySignIn(input: $i) { ticket optionsJson } }`;
const FINISH_SIGN_IN = `mutation($i: FinishPasskeySignInInput!) { finishPasskeySignIn(input: $i) { token expiresAt } }`;
const SESSIONS = `{ staffSessions { id current twoFactor } }`;

// Passkeys (WebAuthn) as a second factor (issue 21), against the real API with a software authenticator:
// registration, sign-in after the password, and every refusal named (reused or expired challenge,
// wrong origin, unknown credential, counter going back) with nothing changed; removal respects the
// municipality's requireTwoFactor.
describe('passkeys as a second factor', () => {
  let t: TestApp;
  let token: string;
  let staffId: string;
  const email = demoStaffEmail(DepartmentCode.SINGLE_PARENT);
  const key = new SoftAuthenticator();

  const register = async (auth: SoftAuthenticator, name: string, origin?: string, as = token) => {
    const begun = await t.gql(BEGIN_REG, {}, as);
    expect(begun.body.errors).toBeUndefined();
    const { ticket, optionsJson } = begun.body.data!.beginPasskeyRegistration;
    return t.gql(FINISH_REG, { i: { ticket, name, responseJson: auth.create(optionsJson, origin) } }, as);
  };
  const beginSignIn = async () => {
    const res = await t.gql(BEGIN_SIGN_IN, { i: { email, password: TEST_PASSWORD } });
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.beginPasskeySignIn as { ticket: string; optionsJson: string };
  };
  const sessionCount = async () => t.em().getConnection().execute(`select count(*)::int as n from staff_session where staff_id = ?`, [staffId]);
  const storedCounter = async () => (await t.em().findOneOrFail(StaffPasskey, { credentialId: key.id })).counter;
  const trail = async () => (await t.em().find(AdminEvent, { subjectId: staffId }, { orderBy: { id: 'asc' } })).map((e) => e.action);

  beforeAll(async () => {
    t = await startTestApp({ records: 1 });
    token = await t.login(DepartmentCode.SINGLE_PARENT);
    staffId = (await t.em().findOneOrFail(StaffMember, { email })).id;
  });
  afterAll(() => t.close());

  it('registers a passkey with a name: listed, recorded in the trail; the password alone no longer signs in', async () => {
    const res = await register(key, '  事務室の PC ');
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.finishPasskeyRegistration).toMatchObject({ name: '事務室の PC', transports: ['internal'], lastUsedAt: null });
    const mine = await t.gql(MINE, {}, token);
    expect(mine.body.data!.myPasskeys.map((p: { name: string }) => p.name)).toEqual(['事務室の PC']);
    expect(await trail()).toContain('staff.passkey-registered');
    const stored = await t.em().findOneOrFail(StaffPasskey, { credentialId: key.id });
    expect(stored.staffId).toBe(staffId);

    const password = await t.gql(LOGIN, { e: email, p: TEST_PASSWORD });
    expect(password.body.data).toBeNull();
    expect(password.body.errors![0]!.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TWO_FACTOR_REQUIRED', passkey: true, totp: false });
    expect(password.body.errors![0]!.message).toContain('パスキー');
  });

  it("the admins' staff list counts each person's passkeys beside the authenticator app: a count, nothing of the keys", async () => {
    const admin = await t.login(DepartmentCode.SINGLE_PARENT, 'admin');
    const list = await t.gql(`{ staffMembers { email twoFactorEnabled passkeyCount } }`, {}, admin);
    expect(list.body.errors).toBeUndefined();
    const rows = list.body.data!.staffMembers as { email: string; twoFactorEnabled: boolean; passkeyCount: number }[];
    expect(rows.find((r) => r.email === email)).toEqual({ email, twoFactorEnabled: false, passkeyCount: 1 });
    expect(rows.filter((r) => r.email !== email).every((r) => r.passkeyCount === 0)).toBe(true);
    // Nothing else about passkeys is on the staff type: a name or a key cannot be asked for.
    const names = await t.gql(`{ staffMembers { passkeys { name } } }`, {}, admin);
    expect(names.body.errors![0]!.message).toMatch(/Cannot query field "passkeys"/);
    const denied = await t.gql(`{ staffMembers { passkeyCount } }`, {}, token);
    expect(denied.body.data?.staffMembers ?? null).toBeNull();
  });

  it('the same credential cannot be registered twice; a registration from another origin is refused', async () => {
    const again = await register(key, 'もう一度');
    expect(again.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PASSKEY_ALREADY_REGISTERED' });
    const elsewhere = await register(new SoftAuthenticator(), '別サイト', 'https://evil.example');
    expect(elsewhere.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PASSKEY_WRONG_ORIGIN' });
    expect(await t.em().count(StaffPasskey, { staffId })).toBe(1);
  });

  it('signs in with password then passkey: a two-factor session, the counter and last use stored', async () => {
    const before = await sessionCount();
    const { ticket, optionsJson } = await beginSignIn();
    expect(JSON.parse(optionsJson).allowCredentials.map((c: { id: string }) => c.id)).toEqual([key.id]);
    const res = await t.gql(FINISH_SIGN_IN, { i: { ticket, responseJson: key.get(optionsJson) } });
    expect(res.body.errors).toBeUndefined();
    const signedIn = res.body.data!.finishPasskeySignIn.token as string;
    expect((await t.gql(ME, {}, signedIn)).body.data!.me.id).toBe(staffId);
    const sessions = (await t.gql(SESSIONS, {}, signedIn)).body.data!.staffSessions as { current: boolean; twoFactor: boolean }[];
    expect(sessions.find((s) => s.current)!.twoFactor).toBe(true);
    expect(await sessionCount()).toEqual([{ n: before[0].n + 1 }]);
    expect(await storedCounter()).toBe(String(key.counter));
    expect((await t.gql(MINE, {}, signedIn)).body.data!.myPasskeys[0].lastUsedAt).not.toBeNull();
  });

  it('refuses a challenge used twice, and an expired one: nothing signed in', async () => {
    const { ticket, optionsJson } = await beginSignIn();
    expect((await t.gql(FINISH_SIGN_IN, { i: { ticket, responseJson: key.get(optionsJson) } })).body.errors).toBeUndefined();
    const before = await sessionCount();
    const reused = await t.gql(FINISH_SIGN_IN, { i: { ticket, responseJson: key.get(optionsJson) } });
    expect(reused.body.data).toBeNull();
    expect(reused.body.errors![0]!.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'PASSKEY_CHALLENGE_USED' });

    const late = await beginSignIn();
    // The challenge's expiry moved into the past in the database (no waiting on the clock).
    await t.em().nativeUpdate(PasskeyChallenge, { staffId, usedAt: null }, { expiresAt: new Date(Date.now() - 1000) });
    const expired = await t.gql(FINISH_SIGN_IN, { i: { ticket: late.ticket, responseJson: key.get(late.optionsJson) } });
    expect(expired.body.errors![0]!.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'PASSKEY_CHALLENGE_EXPIRED' });
    expect(await sessionCount()).toEqual(before);
  });

  it('refuses a counter that went back, an answer for another origin, and a passkey not registered: counter and sessions unchanged', async () => {
    const before = await sessionCount();
    const counter = await storedCounter();
    const back = await beginSignIn();
    const cloned = await t.gql(FINISH_SIGN_IN, { i: { ticket: back.ticket, responseJson: key.get(back.optionsJson, { counter: Number(counter) - 1 }) } });
    expect(cloned.body.errors![0]!.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'PASSKEY_COUNTER_REGRESSION' });

    const other = await beginSignIn();
    const phished = await t.gql(FINISH_SIGN_IN, { i: { ticket: other.ticket, responseJson: key.get(other.optionsJson, { origin: 'https://evil.example' }) } });
    expect(phished.body.errors![0]!.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'PASSKEY_WRONG_ORIGIN' });

    const stranger = await beginSignIn();
    const unknown = await t.gql(FINISH_SIGN_IN, { i: { ticket: stranger.ticket, responseJson: new SoftAuthenticator().get(stranger.optionsJson) } });
    expect(unknown.body.errors![0]!.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'PASSKEY_UNKNOWN_CREDENTIAL' });

    expect(await storedCounter()).toBe(counter);
    expect(await sessionCount()).toEqual(before);
    // A refused answer counts as a failed sign-in, like a wrong code (the next right password clears it, as there).
    expect((await t.em().findOneOrFail(StaffMember, { id: staffId })).failedLogins).toBe(1);
    await t.em().nativeUpdate(StaffMember, { id: staffId }, { failedLogins: 0 });
  });

  it("renames one of one's own: trimmed, 1–40 characters (BAD_USER_INPUT on input.name), another person's answers exactly as one that does not exist", async () => {
    const id = (await t.gql(MINE, {}, token)).body.data!.myPasskeys[0].id as string;
    const names = async () => (await t.gql(MINE, {}, token)).body.data!.myPasskeys.map((p: { name: string }) => p.name);
    const before = await names();
    for (const name of ['', '  ', 'あ'.repeat(41)]) {
      const r = await t.gql(RENAME, { i: { id, name } }, token);
      expect(r.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
      expect(r.body.errors![0]!.extensions!.messages.ja).toContain('40文字');
    }
    expect(await names()).toEqual(before);
    const longest = '職'.repeat(40);
    expect((await t.gql(RENAME, { i: { id, name: ` ${longest} ` } }, token)).body.data!.renamePasskey).toEqual({ id, name: longest });
    expect((await t.gql(RENAME, { i: { id, name: '　スマホ　' } }, token)).body.data!.renamePasskey).toEqual({ id, name: 'スマホ' });

    // Another person's passkey: the same NOT_FOUND, word for word, as an id nobody has; its name unchanged.
    const admin = await t.login(DepartmentCode.SINGLE_PARENT, 'admin');
    const theirs = (await register(new SoftAuthenticator(), '管理者のPC', undefined, admin)).body.data!.finishPasskeyRegistration.id as string;
    const foreign = await t.gql(RENAME, { i: { id: theirs, name: '乗っ取り' } }, token);
    const missing = await t.gql(RENAME, { i: { id: '00000000-0000-4000-8000-000000000000', name: '乗っ取り' } }, token);
    expect(foreign.body.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    expect(foreign.body.errors).toEqual(missing.body.errors);
    expect((await t.em().findOneOrFail(StaffPasskey, { id: theirs })).name).toBe('管理者のPC');
    await t.em().nativeDelete(StaffPasskey, { id: theirs });
    expect((await trail()).filter((a) => a === 'staff.passkey-renamed')).toHaveLength(2);
  });

  it('renames and removes; the last second factor is kept while the municipality requires two factors', async () => {
    const id = (await t.gql(MINE, {}, token)).body.data!.myPasskeys[0].id as string;
    const renamed = await t.gql(RENAME, { i: { id, name: '窓口のPC' } }, token);
    expect(renamed.body.data!.renamePasskey).toEqual({ id, name: '窓口のPC' });
    const empty = await t.gql(RENAME, { i: { id, name: '   ' } }, token);
    expect(empty.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });

    await t.em().nativeUpdate(Municipality, { code: '999999' }, { requireTwoFactor: true });
    const refused = await t.gql(REMOVE, { id }, token);
    expect(refused.body.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'PASSKEY_LAST_SECOND_FACTOR' });
    expect(refused.body.errors![0]!.extensions!.messages.en).toMatch(/last second factor/);
    expect(await t.em().count(StaffPasskey, { staffId })).toBe(1);

    await t.em().nativeUpdate(Municipality, { code: '999999' }, { requireTwoFactor: false });
    const foreign = await t.gql(REMOVE, { id }, await t.login(DepartmentCode.SINGLE_PARENT, 'admin'));
    expect(foreign.body.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    expect((await t.gql(REMOVE, { id }, token)).body.data!.removePasskey).toBe(true);
    expect(await t.em().count(StaffPasskey, { staffId })).toBe(0);
    expect(await trail()).toEqual(expect.arrayContaining(['staff.passkey-registered', 'staff.passkey-renamed', 'staff.passkey-removed']));
    // Without a second factor (and not required), the password signs in again; a passkey sign-in has nothing to ask.
    expect((await t.gql(LOGIN, { e: email, p: TEST_PASSWORD })).body.errors).toBeUndefined();
    const none = await t.gql(BEGIN_SIGN_IN, { i: { email, password: TEST_PASSWORD } });
    expect(none.body.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'PASSKEY_NONE' });
  });
});
