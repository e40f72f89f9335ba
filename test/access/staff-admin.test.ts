import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DepartmentCode } from '../../api/core/departments';
import { startTestApp, type TestApp } from '../support/app';

describe('admins manage staff; roles limit what staff do', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp({ records: 3 });
    admin = await t.login(DepartmentCode.SINGLE_PARENT, 'admin');
  });
  afterAll(() => t.close());

  const CREATE = `mutation($i: CreateStaffMemberInput!) { createStaffMember(input: $i) { id email role active department { code } } }`;

  it('creates a viewer who can read but not write, and disables them', async () => {
    const created = await t.gql(CREATE, { i: { name: '閲覧 太郎', email: 'Viewer@Demo.Yorisoi.Example', department: 'SINGLE_PARENT', role: 'VIEWER', password: 'a-long-password-1' } }, admin);
    expect(created.body.errors).toBeUndefined();
    expect(created.body.data!.createStaffMember).toMatchObject({ email: 'viewer@demo.yorisoi.example', role: 'VIEWER', active: true, department: { code: 'SINGLE_PARENT' } });
    const login = await t.gql(`mutation { login(email: "viewer@demo.yorisoi.example", password: "a-long-password-1") { token } }`);
    const viewer = login.body.data!.login.token as string;
    const list = await t.gql(`{ records(first: 1) { edges { node { id identity { familyName } access { section writable } } } } }`, {}, viewer);
    const node = list.body.data!.records.edges[0].node;
    expect(node.identity.familyName).toBeTruthy();
    expect(node.access.every((a: any) => a.writable === false)).toBe(true);
    const write = await t.gql(`mutation($i: UpdateRecordSectionInput!) { updateRecordSection(input: $i) { id } }`, { i: { id: node.id, expectedVersion: 1, identity: { familyName: 'x' } } }, viewer);
    expect(write.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const create = await t.gql(`mutation { createRecord(input: {}) { id } }`, {}, viewer);
    expect(create.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const id = created.body.data!.createStaffMember.id;
    const disabled = await t.gql(`mutation($i: UpdateStaffMemberInput!) { updateStaffMember(input: $i) { active } }`, { i: { id, disabled: true } }, admin);
    expect(disabled.body.data!.updateStaffMember.active).toBe(false);
    const again = await t.gql(`mutation { login(email: "viewer@demo.yorisoi.example", password: "a-long-password-1") { token } }`);
    expect(again.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  }, 30_000);

  it('refuses bad input, duplicates, and non-admins', async () => {
    const bad = await t.gql(CREATE, { i: { name: '', email: 'nope', department: 'SINGLE_PARENT', role: 'CASEWORKER', password: 'short' } }, admin);
    expect(bad.body.errors?.[0]?.extensions?.problems.map((p: any) => p.field)).toEqual(['input.name', 'input.email', 'input.password']);
    const dup = await t.gql(CREATE, { i: { name: '重複', email: 'family-register@demo.yorisoi.example', department: 'FAMILY_REGISTER', role: 'CASEWORKER', password: 'a-long-password-2' } }, admin);
    expect(dup.body.errors?.[0]?.extensions?.field).toBe('input.email');
    const caseworker = await t.login(DepartmentCode.SINGLE_PARENT);
    const denied = await t.gql(`{ staffMembers { id } }`, {}, caseworker);
    expect(denied.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const all = await t.gql(`{ staffMembers { email } }`, {}, admin);
    expect(all.body.data!.staffMembers.length).toBeGreaterThanOrEqual(8);
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
