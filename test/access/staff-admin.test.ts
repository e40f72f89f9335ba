import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DepartmentCode } from '../../api/core/departments';
import { startTestApp, type TestApp } from '../support/app';
import { inviteStaff } from '../support/staff-accounts';

describe('admins manage staff; roles limit what staff do', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp({ records: 3 });
    admin = await t.login(DepartmentCode.SINGLE_PARENT, 'admin');
  });
  afterAll(() => t.close());

  const CREATE = `mutation($i: CreateStaffMemberInput!) { createStaffMember(input: $i) { id email role active invitationPending department { code } } }`;
  const INVITE = `mutation($i: InviteStaffMemberInput!) { inviteStaffMember(input: $i) { member { id } } }`;
  const UPDATE = `mutation($i: UpdateStaffMemberInput!) { updateStaffMember(input: $i) { active role } }`;
  const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`;
  const staffCount = async () => (await t.gql(`{ staffMembers { id } }`, {}, admin)).body.data!.staffMembers.length as number;

  it('invites a viewer, who joins with their own password, can read but not write, and is disabled', async () => {
    const id = await inviteStaff(
      t,
      admin,
      { name: '閲覧 太郎', email: 'Viewer@Demo.Yorisoi.Example', department: 'SINGLE_PARENT', role: 'VIEWER' },
      'a-long-password-1',
    );
    const listed = (await t.gql(`{ staffMembers { id email role active invitationPending department { code } } }`, {}, admin)).body.data!.staffMembers.find(
      (m: any) => m.id === id,
    );
    expect(listed).toMatchObject({
      email: 'viewer@demo.yorisoi.example',
      role: 'VIEWER',
      active: true,
      invitationPending: false,
      department: { code: 'SINGLE_PARENT' },
    });
    const login = await t.gql(LOGIN, { e: 'viewer@demo.yorisoi.example', p: 'a-long-password-1' });
    const viewer = login.body.data!.login.token as string;
    const list = await t.gql(`{ records(first: 1) { edges { node { id identity { familyName } access { section writable } } } } }`, {}, viewer);
    const node = list.body.data!.records.edges[0].node;
    expect(node.identity.familyName).toBeTruthy();
    expect(node.access.every((a: any) => a.writable === false)).toBe(true);
    const write = await t.gql(
      `mutation($i: UpdateRecordSectionInput!) { updateRecordSection(input: $i) { id } }`,
      { i: { id: node.id, expectedVersion: 1, identity: { familyName: 'x' } } },
      viewer,
    );
    expect(write.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const create = await t.gql(`mutation { createRecord(input: {}) { id } }`, {}, viewer);
    expect(create.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const disabled = await t.gql(UPDATE, { i: { id, disabled: true } }, admin);
    expect(disabled.body.data!.updateStaffMember.active).toBe(false);
    const again = await t.gql(LOGIN, { e: 'viewer@demo.yorisoi.example', p: 'a-long-password-1' });
    expect(again.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  }, 30_000);

  it('refuses bad input, duplicates, and non-admins', async () => {
    const bad = await t.gql(INVITE, { i: { name: '', email: 'nope', department: 'SINGLE_PARENT', role: 'CASEWORKER' } }, admin);
    expect(bad.body.errors?.[0]?.extensions?.problems.map((p: any) => p.field)).toEqual(['input.name', 'input.email']);
    const dup = await t.gql(
      INVITE,
      { i: { name: '重複', email: 'family-register@demo.yorisoi.example', department: 'FAMILY_REGISTER', role: 'CASEWORKER' } },
      admin,
    );
    expect(dup.body.errors?.[0]?.extensions?.field).toBe('input.email');
    const caseworker = await t.login(DepartmentCode.SINGLE_PARENT);
    const denied = await t.gql(`{ staffMembers { id } }`, {}, caseworker);
    expect(denied.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const all = await t.gql(`{ staffMembers { email } }`, {}, admin);
    expect(all.body.data!.staffMembers.length).toBeGreaterThanOrEqual(8);
  }, 30_000);

  it('no administrator chooses a password for someone else: the deprecated createStaffMember and updateStaffMember.password refuse one', async () => {
    const before = await staffCount();
    const withPassword = await t.gql(
      CREATE,
      { i: { name: '旧方式', email: 'old-way@demo.yorisoi.example', department: 'SINGLE_PARENT', role: 'CASEWORKER', password: 'chosen-by-the-admin-77' } },
      admin,
    );
    expect(withPassword.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.password' });
    expect(JSON.stringify(withPassword.body.errors)).not.toContain('chosen-by-the-admin-77');
    expect(await staffCount()).toBe(before);

    // Without one, the account waits for its person as an invitation does; a reset link is the way in.
    const created = await t.gql(
      CREATE,
      { i: { name: '旧方式', email: 'old-way@demo.yorisoi.example', department: 'SINGLE_PARENT', role: 'CASEWORKER' } },
      admin,
    );
    expect(created.body.errors).toBeUndefined();
    expect(created.body.data!.createStaffMember).toMatchObject({ invitationPending: true, active: true });
    const memberId = created.body.data!.createStaffMember.id as string;
    const link = await t.gql(
      `mutation($i: IssuePasswordResetLinkInput!) { issuePasswordResetLink(input: $i) { url } }`,
      { i: { staffId: memberId, resetTwoFactor: false } },
      admin,
    );
    const token = /#link=([A-Za-z0-9_-]+)$/.exec(link.body.data!.issuePasswordResetLink.url)![1]!;
    expect((await t.gql(`query($t: String!) { accountLink(token: $t) { kind } }`, { t: token })).body.data!.accountLink.kind).toBe('INVITATION');
    expect(
      (await t.gql(`mutation($i: RedeemAccountLinkInput!) { redeemAccountLink(input: $i) { email } }`, { i: { token, password: 'my-own-choice-of-words-9' } }))
        .body.errors,
    ).toBeUndefined();
    expect((await t.gql(LOGIN, { e: 'old-way@demo.yorisoi.example', p: 'my-own-choice-of-words-9' })).body.data?.login.token).toBeTruthy();

    // A password in an update is refused as a whole: nothing else in the same change is made either.
    const update = await t.gql(UPDATE, { i: { id: memberId, role: 'VIEWER', password: 'chosen-by-the-admin-78' } }, admin);
    expect(update.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.password' });
    expect(JSON.stringify(update.body.errors)).not.toContain('chosen-by-the-admin-78');
    expect((await t.gql(LOGIN, { e: 'old-way@demo.yorisoi.example', p: 'chosen-by-the-admin-78' })).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(LOGIN, { e: 'old-way@demo.yorisoi.example', p: 'my-own-choice-of-words-9' })).body.data?.login.token).toBeTruthy();
    const listed = (await t.gql(`{ staffMembers { id role } }`, {}, admin)).body.data!.staffMembers.find((m: any) => m.id === memberId);
    expect(listed.role).toBe('CASEWORKER');

    // The schema says so to partners and tools.
    const intro = await t.gql(`{ m: __type(name: "Mutation") { fields(includeDeprecated: true) { name isDeprecated } }
      c: __type(name: "CreateStaffMemberInput") { inputFields(includeDeprecated: true) { name isDeprecated } }
      u: __type(name: "UpdateStaffMemberInput") { inputFields(includeDeprecated: true) { name isDeprecated } } }`);
    const deprecated = (list: { name: string; isDeprecated: boolean }[], name: string) => list.find((f) => f.name === name)?.isDeprecated;
    expect(deprecated(intro.body.data!.m.fields, 'createStaffMember')).toBe(true);
    expect(deprecated(intro.body.data!.c.inputFields, 'password')).toBe(true);
    expect(deprecated(intro.body.data!.u.inputFields, 'password')).toBe(true);
    expect(deprecated(intro.body.data!.m.fields, 'inviteStaffMember')).toBe(false);
  }, 30_000);

  it('exposes the policy in force, with the owner reading and writing everything', async () => {
    const res = await t.gql(`{ accessPolicy { section role read write } }`, {}, await t.login(DepartmentCode.FAMILY_REGISTER));
    const cell = (role: string, section: string) => res.body.data!.accessPolicy.find((g: any) => g.role === role && g.section === section);
    expect(cell('family-register', 'INCOME')).toMatchObject({ read: false, write: false });
    expect(cell('family-register', 'ADDRESS')).toMatchObject({ read: true, write: false });
    expect(cell('single-parent', 'PROTECTION')).toMatchObject({ read: true, write: true });
    expect(cell('partner', 'CONTACT')).toMatchObject({ read: true });
    expect(res.body.data!.accessPolicy).toHaveLength(7 * 11);
  });
});
