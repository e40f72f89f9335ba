import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DepartmentCode } from '../../api/core/departments';
import { startTestApp, type TestApp } from '../support/app';

// The administration screens' operations (issue 21): departments and their local names, partner
// organisations (contact, tokens), the versioned privacy notice. Admins only (partners: the owning
// department's admins and supervisors, as for tokens); each change in the administration trail; bad
// input by field without the value; a published notice is what the intake form shows next.

const DEPARTMENTS = '{ departments { code name } }';
const RENAME = 'mutation($i: DepartmentNameInput!) { renameDepartment(input: $i) { code name } }';
const ADD_DEPARTMENT = 'mutation($i: DepartmentNameInput!) { addDepartment(input: $i) { code name } }';
const CREATE_PARTNER = 'mutation($i: CreatePartnerOrganizationInput!) { createPartnerOrganization(input: $i) { id name contact } }';
const UPDATE_PARTNER = 'mutation($i: UpdatePartnerOrganizationInput!) { updatePartnerOrganization(input: $i) { id name contact } }';
const TOKENS = 'query($p: ID!) { partnerTokens(partnerId: $p) { id label revokedAt } }';
const ISSUE = 'mutation($i: IssuePartnerTokenInput!) { issuePartnerToken(input: $i) { secret token { id } } }';
const REVOKE = 'mutation($id: ID!) { revokePartnerToken(id: $id) { id revokedAt } }';
const NOTICES = '{ privacyNotices { current { version ja en jaEasy publishedAt publishedBy } versions { version publishedBy } } }';
const PUBLISH = 'mutation($i: PublishPrivacyNoticeInput!) { publishPrivacyNotice(input: $i) { current { version ja publishedAt } versions { version } } }';
const INTAKE = '{ intakeSettings(municipalityCode: "999999") { privacyNoticeVersion privacyNotice privacyNoticePublishedAt } }';
const SUBMIT = 'mutation($i: IntakeInput!) { submitIntake(input: $i) { referenceNumber } }';

let t: TestApp;
let admin: string;
const trail = async (action: string) =>
  Number((await t.em().getConnection().execute<{ n: string }[]>(`select count(*) as n from admin_event where action = ?`, [action]))[0]!.n);
const code = (res: { body: { errors?: { extensions?: Record<string, unknown> }[] } }) => res.body.errors?.[0]?.extensions?.code;

beforeAll(async () => {
  t = await startTestApp({ records: 0 });
  admin = await t.login(DepartmentCode.SINGLE_PARENT, 'admin');
});
afterAll(() => t?.close());

describe('departments and their local names', () => {
  it('lists them in the usual order; an admin renames one (recorded), a caseworker cannot', async () => {
    const before = (await t.gql(DEPARTMENTS, {}, admin)).body.data!.departments as { code: string; name: string }[];
    expect(before[0]!.code).toBe('SINGLE_PARENT');
    const renamed = await t.gql(RENAME, { i: { department: 'LIVELIHOOD_SUPPORT', name: '  福祉総務課  ' } }, admin);
    expect(renamed.body.errors).toBeUndefined();
    expect(renamed.body.data!.renameDepartment).toEqual({ code: 'LIVELIHOOD_SUPPORT', name: '福祉総務課' });
    expect(await trail('department.renamed')).toBe(1);
    // The same name again changes nothing and records nothing.
    await t.gql(RENAME, { i: { department: 'LIVELIHOOD_SUPPORT', name: '福祉総務課' } }, admin);
    expect(await trail('department.renamed')).toBe(1);
    const caseworker = await t.login(DepartmentCode.SINGLE_PARENT);
    expect((await t.gql(DEPARTMENTS, {}, caseworker)).body.data!.departments).toHaveLength(before.length);
    expect(code(await t.gql(RENAME, { i: { department: 'LIVELIHOOD_SUPPORT', name: 'x課' } }, caseworker))).toBe('FORBIDDEN');
    expect(code(await t.gql(RENAME, { i: { department: 'LIVELIHOOD_SUPPORT', name: 'x課' } }))).toBe('UNAUTHENTICATED');
  });

  it('refuses an empty or long name by field; adding an existing department is refused', async () => {
    for (const name of ['', '   ', 'あ'.repeat(51)]) {
      const res = await t.gql(RENAME, { i: { department: 'PUBLIC_HOUSING', name } }, admin);
      expect(res.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    }
    const res = await t.gql(ADD_DEPARTMENT, { i: { department: 'PUBLIC_HOUSING', name: '住宅課' } }, admin);
    expect(res.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.department' });
  });

  it('adds a department the municipality did not have (renaming a missing one is refused)', async () => {
    // A municipality without 介護担当課: the demo's caseworker there moves to the owning department first.
    const sql = t.em().getConnection();
    await sql.execute(
      `update staff_member set department_id = (select id from department where municipality_code = '999999' and code = 'single-parent') where department_id = (select id from department where municipality_code = '999999' and code = 'long-term-care')`,
    );
    await sql.execute(`delete from department where municipality_code = '999999' and code = 'long-term-care'`);
    const left = ((await t.gql(DEPARTMENTS, {}, admin)).body.data!.departments as { code: string }[]).map((d) => d.code);
    expect(left).not.toContain('LONG_TERM_CARE');
    expect((await t.gql(RENAME, { i: { department: 'LONG_TERM_CARE', name: '介護保険課' } }, admin)).body.errors![0]!.extensions).toMatchObject({
      field: 'input.department',
    });
    const added = await t.gql(ADD_DEPARTMENT, { i: { department: 'LONG_TERM_CARE', name: '介護保険課' } }, admin);
    expect(added.body.data!.addDepartment).toEqual({ code: 'LONG_TERM_CARE', name: '介護保険課' });
    expect(await trail('department.added')).toBe(1);
  });
});

describe('partner organisations', () => {
  it('an owner admin registers a partner with its contact, edits it, issues and revokes a token, lists tokens without secrets', async () => {
    const created = await t.gql(CREATE_PARTNER, { i: { name: 'NPO法人 テスト応援団', contact: '事務局 田中 03-0000-0000' } }, admin);
    expect(created.body.errors).toBeUndefined();
    const id = created.body.data!.createPartnerOrganization.id as string;
    expect(created.body.data!.createPartnerOrganization.contact).toBe('事務局 田中 03-0000-0000');
    const updated = await t.gql(UPDATE_PARTNER, { i: { id, contact: '事務局 佐藤 03-1111-1111' } }, admin);
    expect(updated.body.data!.updatePartnerOrganization).toEqual({ id, name: 'NPO法人 テスト応援団', contact: '事務局 佐藤 03-1111-1111' });
    expect(await trail('partner.updated')).toBe(1);
    const cleared = await t.gql(UPDATE_PARTNER, { i: { id, contact: '' } }, admin);
    expect(cleared.body.data!.updatePartnerOrganization.contact).toBeNull();
    const issued = await t.gql(ISSUE, { i: { partnerId: id, label: 'case system', validDays: 30 } }, admin);
    expect(issued.body.data!.issuePartnerToken.secret).toMatch(/^yp_/);
    const tokens = await t.gql(TOKENS, { p: id }, admin);
    expect(tokens.body.data!.partnerTokens).toEqual([{ id: issued.body.data!.issuePartnerToken.token.id, label: 'case system', revokedAt: null }]);
    expect(JSON.stringify(tokens.body)).not.toContain(issued.body.data!.issuePartnerToken.secret);
    await t.gql(REVOKE, { id: issued.body.data!.issuePartnerToken.token.id }, admin);
    expect((await t.gql(TOKENS, { p: id }, admin)).body.data!.partnerTokens[0].revokedAt).not.toBeNull();
  });

  it('refuses a taken name and a long contact by field, an unknown partner as NOT_FOUND, other departments as FORBIDDEN', async () => {
    const other = await t.gql(CREATE_PARTNER, { i: { name: 'NPO法人 別の会' } }, admin);
    const id = other.body.data!.createPartnerOrganization.id;
    expect((await t.gql(UPDATE_PARTNER, { i: { id, name: 'NPO法人 テスト応援団' } }, admin)).body.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.name',
    });
    const long = await t.gql(UPDATE_PARTNER, { i: { id, contact: 'z'.repeat(501) } }, admin);
    expect(long.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.contact' });
    expect(JSON.stringify(long.body)).not.toContain('zzzz');
    expect(code(await t.gql(UPDATE_PARTNER, { i: { id: randomUUID(), contact: 'x' } }, admin))).toBe('NOT_FOUND');
    expect(code(await t.gql(TOKENS, { p: 'not-an-id' }, admin))).toBe('NOT_FOUND');
    const livelihoodAdmin = await t.login(DepartmentCode.LIVELIHOOD_SUPPORT);
    expect(code(await t.gql(UPDATE_PARTNER, { i: { id, contact: 'x' } }, livelihoodAdmin))).toBe('FORBIDDEN');
    expect(code(await t.gql(TOKENS, { p: id }, await t.login(DepartmentCode.SINGLE_PARENT)))).toBe('FORBIDDEN');
  });
});

describe('the privacy notice, versioned', () => {
  it("shows the seed file's notice until an admin publishes one; a published version is what the intake form shows, marked with its date", async () => {
    const first = (await t.gql(NOTICES, {}, admin)).body.data!.privacyNotices;
    expect(first.versions).toEqual([]);
    expect(first.current.publishedAt).toBeNull();
    const fileVersion = first.current.version as string;
    const intakeBefore = (await t.gql(INTAKE)).body.data!.intakeSettings;
    expect(intakeBefore).toMatchObject({ privacyNoticeVersion: fileVersion, privacyNoticePublishedAt: null });

    const published = await t.gql(PUBLISH, { i: { version: '2027-04', ja: '新しいお知らせ本文', en: 'The new notice', jaEasy: 'あたらしい おしらせ' } }, admin);
    expect(published.body.errors).toBeUndefined();
    expect(published.body.data!.publishPrivacyNotice.current).toMatchObject({ version: '2027-04', ja: '新しいお知らせ本文' });
    expect(await trail('privacy-notice.published')).toBe(1);
    const intake = (await t.gql(INTAKE, undefined, undefined, { 'accept-language': 'en' })).body.data!.intakeSettings;
    expect(intake).toMatchObject({ privacyNoticeVersion: '2027-04', privacyNotice: 'The new notice' });
    expect(intake.privacyNoticePublishedAt).not.toBeNull();

    // A form opened on the old version is told the notice changed; the new version is accepted.
    const submit = (version: string) =>
      t.gql(SUBMIT, {
        i: {
          municipalityCode: '999999',
          idempotencyKey: randomUUID(),
          concerns: { categories: ['WORK'] },
          consent: { sharedWith: [], privacyNoticeVersion: version },
        },
      });
    expect((await submit(fileVersion)).body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.consent.privacyNoticeVersion' });
    expect((await submit('2027-04')).body.errors).toBeUndefined();
  });

  it('refuses a used version name, a bad name and a missing text by field; versions cannot be rewritten in the database', async () => {
    const again = await t.gql(PUBLISH, { i: { version: '2027-04', ja: 'a', en: 'a', jaEasy: 'a' } }, admin);
    expect(again.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.version' });
    const bad = await t.gql(PUBLISH, { i: { version: '版 1', ja: '', en: 'x', jaEasy: 'x' } }, admin);
    expect(bad.body.errors![0]!.extensions!.problems.map((p: { field: string }) => p.field).sort()).toEqual(['input.ja', 'input.version']);
    expect(code(await t.gql(PUBLISH, { i: { version: 'v2', ja: 'a', en: 'a', jaEasy: 'a' } }, await t.login(DepartmentCode.SINGLE_PARENT, 'supervisor')))).toBe(
      'FORBIDDEN',
    );
    const list = (await t.gql(NOTICES, {}, admin)).body.data!.privacyNotices;
    expect(list.versions.map((v: { version: string }) => v.version)).toEqual(['2027-04']);
    await expect(t.em().getConnection().execute(`update privacy_notice_version set version = 'x'`)).rejects.toThrow();
    await expect(t.em().getConnection().execute(`delete from privacy_notice_version`)).rejects.toThrow();
  });
});
