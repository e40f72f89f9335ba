// Online applications through the real API: a family from the intake form signs in (receipt, code,
// link), starts a 現況届 pre-filled from its record, saves, submits; staff review, ask for more, accept;
// corrected answers reach the record only then, and the family is told.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FamilyNotice } from '../../api/application';
import { DepartmentCode } from '../../api/core/departments';
import { PersonalRecord } from '../../api/record/personal-record.entity';
import { AuditEntry } from '../../api/audit/audit-entry.entity';
import { csvCell } from '../../api/application/export';
import { startTestApp, type TestApp } from '../support/app';
import { APP_FIELDS, captureNotices, familyFromIntake } from './support-api';

const START = `mutation($i: StartApplicationInput!) { startApplication(input: $i) { ${APP_FIELDS} } }`;
const SAVE = `mutation($i: SaveApplicationInput!) { saveApplication(input: $i) { ${APP_FIELDS} } }`;
const SUBMIT = `mutation($i: SubmitApplicationInput!) { submitApplication(input: $i) { receiptNumber procedureName whatHappensNext legalNature interviewNeeded bringOriginals pittariUrl } }`;
const DECIDE = `mutation($i: ApplicationDecisionInput!) { decideApplication(input: $i) { id status version recordChanges { question path recordValue answer writable } history { status actor message } } }`;
const PAGE = `query($s: String!) { familyPage(session: $s) { referenceNumber applications { ${APP_FIELDS} } procedures { id } } }`;

describe('online applications API', () => {
  let t: TestApp;
  let notices: FamilyNotice[];
  let owner: string;
  beforeAll(async () => {
    t = await startTestApp({ records: 2 });
    notices = captureNotices(t);
    owner = await t.login(DepartmentCode.SINGLE_PARENT);
  });
  afterAll(() => t.close());

  it('lists the procedures a municipality takes online (public)', async () => {
    const r = await t.gql(`{ procedures(municipalityCode: "999999") { id pittariUrl deadlineNote questions { id type prefillable } } }`);
    expect(r.body.data!.procedures.map((p: { id: string }) => p.id)).toContain('cra-status-report');
  });

  it('signs in by a code sent to the contact on the record, and by the link; wrong codes run out', async () => {
    const { referenceNumber } = await familyFromIntake(t);
    const ask = (contact: string) =>
      t.gql(`mutation($i: FamilySignInRequestInput!) { requestFamilySignIn(input: $i) { message } }`, {
        i: { municipalityCode: '999999', referenceNumber, contact, returnUrl: 'http://cms.example.jp/mypage' },
      });
    const before = notices.length;
    const wrong = await ask('090-9999-9999');
    expect(wrong.body.errors).toBeUndefined();
    expect(notices.length).toBe(before);
    const right = await ask('０９０－１１１１－２２２２');
    expect(right.body.data).toEqual(wrong.body.data);
    const sent = notices.at(-1)!;
    expect(sent).toMatchObject({ kind: 'sign-in', channel: 'SMS', to: '090-1111-2222' });
    const code = /(\d{6})/.exec(sent.body.ja)![1]!;
    const link = /yorisoi-link=([A-Za-z0-9_-]+)/.exec(sent.body.en)![1]!;
    expect(sent.body.en).toContain('http://cms.example.jp/mypage#yorisoi-link=');
    const signIn = (i: Record<string, unknown>) =>
      t.gql(`mutation($i: FamilySignInInput!) { signInFamily(input: $i) { session } }`, { i: { municipalityCode: '999999', ...i } });
    const bad = await signIn({ referenceNumber, code: code === '000000' ? '111111' : '000000' });
    expect(bad.body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    const ok = await signIn({ referenceNumber, code });
    expect(ok.body.data!.signInFamily.session).toMatch(/^yfs_/);
    // The code was used: the link of the same notice no longer opens.
    expect((await signIn({ link })).body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    await ask('hanako@example.jp');
    const link2 = /yorisoi-link=([A-Za-z0-9_-]+)/.exec(notices.at(-1)!.body.en)![1]!;
    expect(notices.at(-1)!.channel).toBe('EMAIL');
    expect((await signIn({ link: link2 })).body.data!.signInFamily.session).toMatch(/^yfs_/);
    // Five wrong codes and even the right one is refused.
    await ask('090-1111-2222');
    const code3 = /(\d{6})/.exec(notices.at(-1)!.body.ja)![1]!;
    const other = code3 === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) await signIn({ referenceNumber, code: other });
    expect((await signIn({ referenceNumber, code: code3 })).body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('files a 現況届 pre-filled from the intake record, saves, resumes and submits; staff accept; the record changes only then', async () => {
    const { session, referenceNumber } = await familyFromIntake(t);
    const started = (await t.gql(START, { i: { session, procedureId: 'cra-status-report' } })).body.data!.startApplication;
    const answers = Object.fromEntries(started.answers.map((a: { question: string; value: string | null; prefilled: boolean }) => [a.question, a]));
    expect(answers.familyName).toEqual({ question: 'familyName', value: '申請', prefilled: true });
    expect(answers.familyNameKana.value).toBe('シンセイ');
    expect(answers.employmentIncome.value).toBe('1800000');
    expect(answers.childrenCount.value).toBe('2');
    expect(answers.maritalStatus.value).toBe('not-married');
    const prefilled = started.answers.filter((a: { prefilled: boolean }) => a.prefilled).length;
    expect(prefilled / started.answers.length).toBeGreaterThanOrEqual(0.6);

    // Resume: starting again returns the same draft.
    expect((await t.gql(START, { i: { session, procedureId: 'cra-status-report' } })).body.data!.startApplication.id).toBe(started.id);

    // A My Number is refused and nothing is saved.
    const refused = await t.gql(SAVE, {
      i: {
        session,
        id: started.id,
        version: started.version,
        answers: [
          { question: 'changes', value: '番号 1234 5678 9018' },
          { question: 'livingWithChildren', value: 'true' },
        ],
      },
    });
    expect(refused.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.answers.0.value' });
    expect(JSON.stringify(refused.body)).not.toContain('9018');

    // Submitting with required answers missing names them.
    const early = await t.gql(SUBMIT, { i: { session, id: started.id, version: started.version } });
    expect(early.body.errors![0]!.extensions!.field).toBe('answers.livingWithChildren');

    const saved = (
      await t.gql(SAVE, {
        i: {
          session,
          id: started.id,
          version: started.version,
          answers: [
            { question: 'livingWithChildren', value: 'はい' },
            { question: 'publicPension', value: 'false' },
            { question: 'fullySuspended', value: 'false' },
            { question: 'employmentIncome', value: '2,100,000' },
          ],
        },
      })
    ).body.data!.saveApplication;
    const byQ = Object.fromEntries(saved.answers.map((a: { question: string }) => [a.question, a]));
    expect(byQ.employmentIncome).toEqual({ question: 'employmentIncome', value: '2100000', prefilled: false });
    expect(byQ.livingWithChildren.value).toBe('true');
    // A stale version is a conflict.
    expect((await t.gql(SAVE, { i: { session, id: started.id, version: started.version, answers: [] } })).body.errors![0]!.extensions!.code).toBe('CONFLICT');

    const receipt = (await t.gql(SUBMIT, { i: { session, id: started.id, version: saved.version } })).body.data!.submitApplication;
    expect(receipt.receiptNumber).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(receipt.interviewNeeded).toBe(true);
    expect(receipt.pittariUrl).toMatch(/^https:/);
    expect(receipt.bringOriginals.length).toBeGreaterThan(0);

    // The record still holds the old income until staff accept.
    const record = () => t.em().findOneOrFail(PersonalRecord, { referenceNumber });
    expect((await record()).income.annualEmploymentIncome).toBe(1_800_000);

    const queue = await t.gql(
      `{ applications(status: [SUBMITTED], procedureId: "cra-status-report") { id ageOpenDays targetDays overdue answers { question } } }`,
      {},
      owner,
    );
    const row = queue.body.data!.applications.find((a: { id: string }) => a.id === started.id);
    expect(row).toMatchObject({ ageOpenDays: 0, targetDays: 15, overdue: false, answers: null });
    // Another department does not see the queue's application.
    const other = await t.login(DepartmentCode.LIVELIHOOD_SUPPORT);
    expect((await t.gql(`query($id: ID!) { application(id: $id) { id } }`, { id: started.id }, other)).body.errors![0]!.extensions!.code).toBe('NOT_FOUND');

    let v = (await t.gql(`query($id: ID!) { application(id: $id) { version } }`, { id: started.id }, owner)).body.data!.application.version;
    const review = (await t.gql(DECIDE, { i: { id: started.id, version: v, status: 'IN_REVIEW' } }, owner)).body.data!.decideApplication;
    const asked = await t.gql(
      DECIDE,
      { i: { id: started.id, version: review.version, status: 'INFO_REQUESTED', message: '源泉徴収票の写真を添付してください。' } },
      owner,
    );
    expect(asked.body.errors).toBeUndefined();
    expect(notices.at(-1)).toMatchObject({ kind: 'application-status', channel: 'EMAIL', to: 'hanako@example.jp' });
    expect(notices.at(-1)!.body.ja).not.toContain('源泉徴収票');

    const page = (await t.gql(PAGE, { s: session })).body.data!.familyPage;
    const mine = page.applications.find((a: { id: string }) => a.id === started.id);
    expect(mine.status).toBe('INFO_REQUESTED');
    expect(mine.history.at(-1)).toMatchObject({ status: 'INFO_REQUESTED', actor: 'STAFF', message: '源泉徴収票の写真を添付してください。' });
    const again = await t.gql(SUBMIT, { i: { session, id: started.id, version: mine.version, message: '添付しました。' } });
    expect(again.body.data!.submitApplication.receiptNumber).toBe(receipt.receiptNumber);

    v = (await t.gql(`query($id: ID!) { application(id: $id) { version recordChanges { question writable } } }`, { id: started.id }, owner)).body.data!
      .application;
    expect(v.recordChanges).toEqual([{ question: 'employmentIncome', writable: true }]);
    const accepted = await t.gql(DECIDE, { i: { id: started.id, version: v.version, status: 'ACCEPTED' } }, owner);
    expect(accepted.body.data!.decideApplication.status).toBe('ACCEPTED');
    expect((await record()).income.annualEmploymentIncome).toBe(2_100_000);
    expect(notices.at(-1)!.body.ja).toContain('結果が出ました');
    // Export for the core system: documented columns, the accepted application, audited.
    const today = new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);
    const csv = (
      await t.gql(`query($f: String!) { exportAcceptedApplications(procedureId: "cra-status-report", from: $f, to: $f, format: "CSV") }`, { f: today }, owner)
    ).body.data!.exportAcceptedApplications as string;
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]!.startsWith('receiptNumber,referenceNumber,procedureId,submittedAt,decidedAt,familyName,givenName')).toBe(true);
    expect(lines.find((l) => l.startsWith(receipt.receiptNumber))).toContain(',2100000,');
    const json = JSON.parse(
      (
        await t.gql(
          `query($f: String!) { exportAcceptedApplications(procedureId: "cra-status-report", from: $f, to: $f, format: "JSON") }`,
          { f: today },
          owner,
        )
      ).body.data!.exportAcceptedApplications,
    );
    expect(json.rows.find((r: { receiptNumber: string }) => r.receiptNumber === receipt.receiptNumber)).toMatchObject({
      referenceNumber,
      employmentIncome: '2100000',
    });
    expect((await t.em().find(AuditEntry, {})).some((e) => e.sections.includes('applications-export'))).toBe(true);
    const figures = (
      await t.gql(
        `query($f: String!) { applicationFigures(from: $f, to: $f) { counts { procedureId channel status count } medianDaysToDecision interviewsBooked } }`,
        { f: today },
        owner,
      )
    ).body.data!.applicationFigures;
    expect(figures.counts).toContainEqual({ procedureId: 'cra-status-report', channel: 'online', status: 'ACCEPTED', count: 1 });
    expect(figures.medianDaysToDecision).toBe(0);
    // Decided: no way back.
    const late = await t.gql(`mutation($i: WithdrawApplicationInput!) { withdrawApplication(input: $i) { status } }`, { i: { session, id: started.id } });
    expect(late.body.errors![0]!.extensions!.code).toBe('CONFLICT');
  });

  it('a family never reaches another family’s application, and a bad session is UNAUTHENTICATED', async () => {
    const a = await familyFromIntake(t);
    const b = await familyFromIntake(t);
    const started = (await t.gql(START, { i: { session: a.session, procedureId: 'medical-subsidy' } })).body.data!.startApplication;
    const peek = await t.gql(`query($s: String!, $id: ID!) { familyApplication(session: $s, id: $id) { id } }`, { s: b.session, id: started.id });
    expect(peek.body.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    expect((await t.gql(PAGE, { s: 'yfs_nothing' })).body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    await t.gql(`mutation($i: FamilySessionInput!) { signOutFamily(input: $i) }`, { i: { session: a.session } });
    expect((await t.gql(PAGE, { s: a.session })).body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('not accepting needs a reason; the family can withdraw before a decision', async () => {
    const { session } = await familyFromIntake(t);
    const s = (await t.gql(START, { i: { session, procedureId: 'welfare-loan-consultation' } })).body.data!.startApplication;
    const saved = (await t.gql(SAVE, { i: { session, id: s.id, version: s.version, answers: [{ question: 'purpose', value: 'school' }] } })).body.data!
      .saveApplication;
    await t.gql(SUBMIT, { i: { session, id: s.id, version: saved.version } });
    const v = (await t.gql(`query($id: ID!) { application(id: $id) { version } }`, { id: s.id }, owner)).body.data!.application.version;
    const noReason = await t.gql(DECIDE, { i: { id: s.id, version: v, status: 'NOT_ACCEPTED' } }, owner);
    expect(noReason.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.message' });
    const w = await t.gql(`mutation($i: WithdrawApplicationInput!) { withdrawApplication(input: $i) { status history { status actor } } }`, {
      i: { session, id: s.id },
    });
    expect(w.body.data!.withdrawApplication.status).toBe('WITHDRAWN');
    expect(w.body.data!.withdrawApplication.history.map((h: { status: string }) => h.status)).toEqual(['DRAFT', 'SUBMITTED', 'WITHDRAWN']);
  });

  it('CSV cells are quoted and never start a formula', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell(null)).toBe('');
  });
});
