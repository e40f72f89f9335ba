/**
 * Issue 18, security findings: a referral went through without the family's consent to share with
 * partners (a warning only) and left no audit entry; and every write must refuse a viewer. Each write
 * mutation of the API is sent by a viewer of the owning department (the department that may do most)
 * with arguments that would succeed for a caseworker: FORBIDDEN, and nothing changed.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATIONS } from '../../api/access/operations';
import { hashPassword } from '../../api/staff/password';
import { DepartmentCode } from '../../api/core/departments';
import { Department } from '../../api/municipality/department.entity';
import { InboxItem } from '../../api/inbox/inbox-item.entity';
import { InboxItemKind } from '../../api/inbox/inbox-item-kind';
import { Referral } from '../../api/partner/referral.entity';
import { PersonalRecord } from '../../api/record/personal-record.entity';
import { demoStaffEmail } from '../../api/server/seed/demo-seed';
import { StaffMember } from '../../api/staff/staff-member.entity';
import { StaffRole } from '../../api/core/roles';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../support/app';

const REFER = `mutation($i: ReferRecordInput!) { referRecord(input: $i) { id status } }`;
const CREATE = `mutation($input: CreateRecordInput!) { createRecord(input: $input) { id version } }`;

async function auditedOps(t: TestApp, recordId: string): Promise<{ action: string; sections: string[]; operation_name: string | null }[]> {
  const rows: unknown = await t
    .em()
    .getConnection()
    .execute(`select action, sections, operation_name from audit_entry where ? = any(record_ids) order by seq`, [recordId]);
  return rows as never;
}

describe('referrals need consent to share with partners, and are audited', () => {
  let t: TestApp;
  let owner: string;
  let partnerId: string;
  beforeAll(async () => {
    t = await startTestApp({ records: 2 });
    owner = await t.login(DepartmentCode.SINGLE_PARENT);
    partnerId = (await t.gql(`{ partners { id } }`, {}, owner)).body.data!.partners[0].id;
  });
  afterAll(() => t.close());

  it('refuses a referral without consent: FORBIDDEN with the reason NO_CONSENT, no referral, and the refusal says why', async () => {
    const created = await t.gql(
      CREATE,
      {
        input: {
          identity: { familyName: '同意', givenName: 'なし' },
          consent: { sharedWith: ['LIVELIHOOD_SUPPORT'], shareWithPartners: false, privacyNoticeVersion: 'v1' },
        },
      },
      owner,
    );
    const id = created.body.data!.createRecord.id as string;
    const res = await t.gql(REFER, { i: { recordId: id, partnerId, reason: '学習支援の紹介' } }, owner);
    expect(res.body.data).toBeNull();
    const error = res.body.errors![0]!;
    expect(error.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NO_CONSENT' });
    expect(error.path).toEqual(['referRecord']);
    expect(error.message).toContain('同意');
    expect(error.extensions!.messages.en).toMatch(/consent/i);
    expect(await t.em().count(Referral, { record: id })).toBe(0);
  });

  it('records a referral, and a change to it, in the audit log', async () => {
    const created = await t.gql(
      CREATE,
      { input: { identity: { familyName: '同意', givenName: 'あり' }, consent: { sharedWith: [], shareWithPartners: true, privacyNoticeVersion: 'v1' } } },
      owner,
    );
    const id = created.body.data!.createRecord.id as string;
    const res = await t.gql(REFER, { i: { recordId: id, partnerId, reason: '学習支援の紹介' } }, owner);
    expect(res.body.errors).toBeUndefined();
    const referralId = res.body.data!.referRecord.id as string;
    const closed = await t.gql(
      `mutation($i: UpdateReferralInput!) { updateReferral(input: $i) { status } }`,
      { i: { referralId, status: 'CLOSED', reason: '本人の希望で終了' } },
      owner,
    );
    expect(closed.body.errors).toBeUndefined();
    const entries = await auditedOps(t, id);
    const referralWrites = entries.filter((e) => e.action === 'write' && e.sections.includes('referral'));
    expect(referralWrites).toHaveLength(2);
  });
});

describe('every write refuses a viewer', () => {
  let t: TestApp;
  let viewer: string;
  let recordId: string;
  let version: number;
  let referralId: string;
  let inboxItemId: string;
  let staffId: string;
  let partnerId: string;
  let tokenId: string;
  beforeAll(async () => {
    t = await startTestApp({ records: 2 });
    const owner = await t.login(DepartmentCode.SINGLE_PARENT);
    const admin = await t.login(DepartmentCode.SINGLE_PARENT, 'admin');
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
    viewer = await t.login(DepartmentCode.SINGLE_PARENT, 'viewer');
    const created = await t.gql(
      CREATE,
      {
        input: {
          identity: { familyName: '閲覧', givenName: '試験' },
          consent: { sharedWith: ['PUBLIC_HOUSING'], shareWithPartners: true, privacyNoticeVersion: 'v1' },
        },
      },
      owner,
    );
    recordId = created.body.data!.createRecord.id;
    version = created.body.data!.createRecord.version;
    partnerId = (await t.gql(`{ partners { id } }`, {}, owner)).body.data!.partners[0].id;
    referralId = (await t.gql(REFER, { i: { recordId, partnerId, reason: '紹介' } }, owner)).body.data!.referRecord.id;
    tokenId = (
      await t.gql(
        `mutation($i: IssuePartnerTokenInput!) { issuePartnerToken(input: $i) { token { id } } }`,
        { i: { partnerId, label: 'test', validDays: 5 } },
        admin,
      )
    ).body.data!.issuePartnerToken.token.id;
    const item = em.create(InboxItem, {
      municipality: '999999',
      department: DepartmentCode.SINGLE_PARENT,
      kind: InboxItemKind.INTAKE,
      record: recordId,
      referenceNumber: 'TEST-0001',
      receivedAt: new Date(),
      urgent: false,
    } as never);
    await em.flush();
    inboxItemId = item.id;
    // A LINE link on the record (unlinkLine): made through LineLinks' own steps.
    const links = t.app.line.links;
    const request = await links.claimCode('999999', await links.issueCode('999999', recordId), links.userKey('999999', 'U-viewer-test'));
    await links.complete('999999', await links.nonceFor(request!), 'U-viewer-test');
    staffId = (await em.findOneOrFail(StaffMember, { email: demoStaffEmail(DepartmentCode.LIVELIHOOD_SUPPORT) })).id;
  });
  afterAll(() => t.close());

  /** Per mutation: a document and arguments that a caseworker (or admin) could send successfully. */
  const WRITES: Record<string, () => [string, Record<string, unknown>]> = {
    createRecord: () => [CREATE, { input: { identity: { familyName: '新規' } } }],
    updateRecordSection: () => [
      `mutation($i: UpdateRecordSectionInput!) { updateRecordSection(input: $i) { id } }`,
      { i: { id: recordId, expectedVersion: version, identity: { familyName: '変更' } } },
    ],
    addConsultation: () => [
      `mutation($i: AddConsultationInput!) { addConsultation(input: $i) { id } }`,
      { i: { recordId, date: '2026-12-01', channel: 'PHONE', summary: '電話相談' } },
    ],
    issuePartnerToken: () => [
      `mutation($i: IssuePartnerTokenInput!) { issuePartnerToken(input: $i) { secret } }`,
      { i: { partnerId, label: 'x', validDays: 5 } },
    ],
    revokePartnerToken: () => [`mutation($id: ID!) { revokePartnerToken(id: $id) { id } }`, { id: tokenId }],
    referRecord: () => [REFER, { i: { recordId, partnerId, reason: 'もう一度' } }],
    updateReferral: () => [`mutation($i: UpdateReferralInput!) { updateReferral(input: $i) { id } }`, { i: { referralId, status: 'CLOSED', reason: '終了' } }],
    createStaffMember: () => [
      `mutation($i: CreateStaffMemberInput!) { createStaffMember(input: $i) { id } }`,
      { i: { name: '新人', email: 'new@demo.yorisoi.example', department: 'SINGLE_PARENT', role: 'CASEWORKER' } },
    ],
    updateStaffMember: () => [`mutation($i: UpdateStaffMemberInput!) { updateStaffMember(input: $i) { id } }`, { i: { id: staffId, disabled: true } }],
    takeInboxItem: () => [`mutation($id: ID!) { takeInboxItem(id: $id) { id } }`, { id: inboxItemId }],
    addAllowedOrigin: () => [
      `mutation($i: AllowedOriginInput!) { addAllowedOrigin(input: $i) { origins } }`,
      { i: { origin: 'https://www.city.example.lg.jp' } },
    ],
    // The role is checked before the application is looked up: an id that exists or not, a viewer is refused first.
    decideApplication: () => [
      `mutation($i: ApplicationDecisionInput!) { decideApplication(input: $i) { id } }`,
      { i: { id: '00000000-0000-4000-8000-000000000000', version: 1, status: 'IN_REVIEW' } },
    ],
    markInterview: () => [
      `mutation($i: MarkInterviewInput!) { markInterview(input: $i) { id } }`,
      { i: { id: '00000000-0000-4000-8000-000000000000', status: 'KEPT' } },
    ],
    saveReportInput: () => [
      `mutation($i: SaveReportInputInput!) { saveReportInput(input: $i) { from } }`,
      {
        i: {
          period: { from: '2026-04-01', to: '2026-09-30' },
          form: 'REPORT',
          costs: [],
          staff: { fullTime: 1, partTime: 0, selfRelianceSupporters: 1, employmentSupporters: 0 },
          issues: '',
          attachments: [],
          plan: '',
        },
      },
    ],
    decideDuplicate: () => [
      `mutation($i: DecideDuplicateInput!) { decideDuplicate(input: $i) { recordId } }`,
      { i: { recordId, otherRecordId: recordId, decision: 'SAME_PERSON' } },
    ],
    saveManualFigures: () => [
      `mutation($i: SaveManualFiguresInput!) { saveManualFigures(input: $i) { from } }`,
      { i: { month: '2026-04-01', values: [{ figure: 'manual.events', value: 1 }] } },
    ],
    updateCase: () => [
      `mutation($i: UpdateCaseInput!) { updateCase(input: $i) { version } }`,
      { i: { recordId, status: 'IN_PROGRESS', nextContactDate: null } },
    ],
    removeAllowedOrigin: () => [
      `mutation($i: AllowedOriginInput!) { removeAllowedOrigin(input: $i) { origins } }`,
      { i: { origin: 'https://www.city.example.lg.jp' } },
    ],
    decideOutreachCandidates: () => [
      `mutation($i: OutreachDecisionInput!) { decideOutreachCandidates(input: $i) }`,
      { i: { ids: ['00000000-0000-4000-8000-000000000000'], approve: true } },
    ],
    inviteStaffMember: () => [
      `mutation($i: InviteStaffMemberInput!) { inviteStaffMember(input: $i) { url } }`,
      { i: { name: '招待', email: 'invited@demo.yorisoi.example', department: 'SINGLE_PARENT', role: 'CASEWORKER' } },
    ],
    issuePasswordResetLink: () => [
      `mutation($i: IssuePasswordResetLinkInput!) { issuePasswordResetLink(input: $i) { url } }`,
      { i: { staffId, resetTwoFactor: false } },
    ],
    importMunicipalitySettings: () => [
      `mutation($i: ImportMunicipalitySettingsInput!) { importMunicipalitySettings(input: $i) { applied } }`,
      { i: { yaml: 'version: 1\nmunicipality:\n  code: "999999"\nrequireTwoFactor: true\n', apply: true } },
    ],
    updateMunicipalitySettings: () => [
      `mutation($i: UpdateMunicipalitySettingsInput!) { updateMunicipalitySettings(input: $i) { requireTwoFactor } }`,
      { i: { requireTwoFactor: true } },
    ],
    createPartnerOrganization: () => [
      `mutation($i: CreatePartnerOrganizationInput!) { createPartnerOrganization(input: $i) { id } }`,
      { i: { name: '新しい団体' } },
    ],
    // The role is checked before the request is looked up.
    decideErasureRequest: () => [
      `mutation($i: DecideErasureRequestInput!) { decideErasureRequest(input: $i) { id } }`,
      { i: { id: '00000000-0000-4000-8000-000000000000', approve: true } },
    ],
    updateLineSettings: () => [
      `mutation($i: LineSettingsInput!) { updateLineSettings(input: $i) { connected } }`,
      { i: { channelSecret: '0123456789abcdef0123456789abcdef', accessToken: 'a-new-access-token-for-the-channel' } },
    ],
    testLineConnection: () => [`mutation { testLineConnection { connected } }`, {}],
    unlinkLine: () => [`mutation($i: UnlinkLineInput!) { unlinkLine(input: $i) { unlinked } }`, { i: { recordId } }],
    // Checked before the pair is looked up: a viewer may preview a merge but never do it.
    mergeRecords: () => [
      `mutation($i: MergeRecordsConfirmInput!) { mergeRecords(input: $i) { __typename } }`,
      { i: { survivorId: recordId, survivorVersion: version, mergedId: '00000000-0000-4000-8000-000000000000', mergedVersion: 1 } },
    ],
    createOutreachCampaign: () => [
      `mutation($i: OutreachCampaignInput!) { createOutreachCampaign(input: $i) { id } }`,
      { i: { template: 'NEWS', segment: {} } },
    ],
    cancelOutreachCampaign: () => [`mutation($id: ID!) { cancelOutreachCampaign(id: $id) { id } }`, { id: '00000000-0000-4000-8000-000000000000' }],
    recordOutreachCallOutcome: () => [
      `mutation($i: OutreachCallOutcomeInput!) { recordOutreachCallOutcome(input: $i) { id } }`,
      { i: { taskId: '00000000-0000-4000-8000-000000000000', outcome: 'REACHED' } },
    ],
    renameDepartment: () => [
      `mutation($i: DepartmentNameInput!) { renameDepartment(input: $i) { __typename } }`,
      { i: { department: 'SINGLE_PARENT', name: 'ひとり親支援室' } },
    ],
    addDepartment: () => [
      `mutation($i: DepartmentNameInput!) { addDepartment(input: $i) { __typename } }`,
      { i: { department: 'SINGLE_PARENT', name: '新しい課' } },
    ],
    updatePartnerOrganization: () => [
      `mutation($i: UpdatePartnerOrganizationInput!) { updatePartnerOrganization(input: $i) { id } }`,
      { i: { id: partnerId, name: '名前を変えた団体', contact: '090-0000-0000' } },
    ],
    publishPrivacyNotice: () => [
      `mutation($i: PublishPrivacyNoticeInput!) { publishPrivacyNotice(input: $i) { __typename } }`,
      { i: { version: 'v-viewer-test', ja: '新しい説明', en: 'A new notice', jaEasy: 'あたらしい せつめい' } },
    ],
    saveProgrammeSettings: () => [
      `mutation($i: ProgrammeSettingsInput!) { saveProgrammeSettings(input: $i) { applied } }`,
      { i: { municipalityCode: '999999', version: 0, programmes: [{ programmeId: 'child-rearing-allowance', enabled: false }], apply: true } },
    ],
    saveAccessPolicy: () => [
      `mutation($i: AccessPolicyInput!) { saveAccessPolicy(input: $i) { applied } }`,
      { i: { municipalityCode: '999999', version: 0, yaml: 'version: 1', apply: true } },
    ],
    resetAccessPolicy: () => [
      `mutation($i: ResetAccessPolicyInput!) { resetAccessPolicy(input: $i) { applied } }`,
      { i: { municipalityCode: '999999', version: 0, apply: true } },
    ],
  };
  /**
   * Mutations a viewer may call: public ones, their own session and password, their own passkeys (a
   * viewer needs a second factor too; test/accounts/passkeys.test.ts), and their own reminder e-mails.
   */
  const NOT_WRITES = new Set([
    'logout',
    'changePassword',
    'revokeSession',
    'setReminderEmails',
    'beginPasskeyRegistration',
    'finishPasskeyRegistration',
    'renamePasskey',
    'removePasskey',
  ]);

  it('names every signed-in mutation of the API', () => {
    const guarded = Object.entries(OPERATIONS.Mutation)
      .filter(([name, access]) => access !== 'public' && !NOT_WRITES.has(name))
      .map(([name]) => name);
    expect(guarded.filter((name) => !(name in WRITES))).toEqual([]);
  });

  it.each(Object.keys(WRITES))('%s: FORBIDDEN for a viewer, nothing changed', async (name) => {
    const before = await snapshot(t);
    const [doc, vars] = WRITES[name]!();
    const res = await t.gql(doc, vars, viewer);
    expect(res.body.errors?.[0]?.extensions?.code, JSON.stringify(res.body.errors)).toBe('FORBIDDEN');
    expect(res.body.errors?.[0]?.path).toEqual([name]);
    expect(await snapshot(t)).toEqual(before);
  });
});

/** Row counts and versions of what a write could change. */
async function snapshot(t: TestApp): Promise<unknown> {
  const em = t.em();
  const tables = [
    'case_file',
    'personal_record',
    'consultation',
    'referral',
    'partner_token',
    'staff_member',
    'inbox_item',
    'consent_event',
    'line_channel_setting',
    'duplicate_decision',
    'erasure_request',
    'manual_figure',
    'outreach_campaign',
    'outreach_phone_task',
    'privacy_notice_version',
    'department',
  ];
  const counts: Record<string, unknown> = {};
  for (const table of tables) counts[table] = (await em.getConnection().execute(`select count(*)::int as n from "${table}"`))[0].n;
  counts.versions = (await em.find(PersonalRecord, {}, { orderBy: { id: 'asc' }, fields: ['version'] })).map((r) => r.version);
  counts.referrals = (await em.getConnection().execute(`select status from referral order by id`)).map((r: any) => r.status);
  counts.tokens = (await em.getConnection().execute(`select revoked_at from partner_token order by id`)).map((r: any) => String(r.revoked_at));
  counts.staff = (await em.getConnection().execute(`select disabled, role from staff_member order by id`)).map((r: any) => JSON.stringify(r));
  counts.inbox = (await em.getConnection().execute(`select taken_at from inbox_item order by id`)).map((r: any) => String(r.taken_at));
  counts.origins = (await em.getConnection().execute(`select allowed_origins from municipality order by code`)).map((r: any) =>
    JSON.stringify(r.allowed_origins),
  );
  counts.departments = (await em.getConnection().execute(`select code, name from department order by municipality_code, code`)).map((r: any) =>
    JSON.stringify(r),
  );
  counts.partners = (await em.getConnection().execute(`select name, contact from partner_organization order by id`)).map((r: any) => JSON.stringify(r));
  counts.lineLinks = (await em.getConnection().execute(`select revoked_at from line_link order by id`)).map((r: any) => String(r.revoked_at));
  return counts;
}
