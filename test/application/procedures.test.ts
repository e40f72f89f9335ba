// Procedures as data (seeds/procedures): what ships, what the loader refuses, and the municipal settings.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { interviewNeeded, loadProcedures, PROCEDURE_IDS, prefillAnswers, type RecordFacts } from '../../api/application/procedures';
import { loadCatalogue } from '../../api/programme/catalogue';
import { cleanupCopies, expectIssue, PROCEDURES_DIR, procedureIssues, proceduresCopy } from './support';

afterAll(cleanupCopies);

const book = loadProcedures(PROCEDURES_DIR, loadCatalogue(path.resolve(__dirname, '../../seeds/programmes')));
const seed = (name: string) => readFileSync(path.join(PROCEDURES_DIR, name), 'utf8');

/** A record that holds everything the procedures can read. */
const FULL: RecordFacts = {
  identity: { familyName: '山田', givenName: '花子', familyNameKana: 'ヤマダ', givenNameKana: 'ハナコ', birthDate: '1990-04-01' },
  address: { postalCode: '100-0001', prefecture: '東京都', city: 'デモ市', street: '1-2-3' },
  contact: { phone: '090-1234-5678', email: 'hanako@example.jp' },
  household: { childrenCount: 2, eldestChildBirthDate: '2015-06-01', youngestChildBirthDate: '2019-02-03', maritalStatus: 'not-married' },
  income: { incomeYear: 2025, annualEmploymentIncome: 1_800_000, otherIncome: 0, childSupportReceivedYearly: 240_000, dependentsCount: 2 },
};

describe('shipped procedures', () => {
  it('ships every procedure of docs/design.md, each with typed questions and help in three languages', () => {
    expect(book.list('999999').map((p) => p.id)).toEqual([...PROCEDURE_IDS]);
    for (const p of book.list('999999')) {
      expect(p.questions.length).toBeGreaterThan(3);
      for (const q of p.questions) for (const t of [q.label, q.help]) expect(Object.keys(t).sort()).toEqual(['en', 'ja', 'ja-easy']);
    }
  });

  it('現況届: 8/1–8/31, and a full record pre-fills at least 60 % of its questions', () => {
    const p = book.get('cra-status-report', '999999')!;
    expect(p.window).toEqual({ from: '08-01', to: '08-31' });
    expect(p.legalKind).toBe('notification');
    const filled = prefillAnswers(p.questions, FULL);
    expect(filled.length / p.questions.length).toBeGreaterThanOrEqual(0.6);
  });

  it('児童手当 認定請求 states the 15-day rule in every language', () => {
    const note = book.get('child-allowance-claim', '999999')!.deadlineNote!;
    expect(note.ja).toContain('15日以内');
    expect(note.en).toContain('15 days');
    expect(note['ja-easy']).toContain('15日');
  });

  it('the 事前申請 says it is not the legal claim, needs an interview and the 戸籍謄本 original', () => {
    const p = book.get('cra-claim', '999999')!;
    expect(p.legalKind).toBe('pre-application');
    expect(p.legalNature.ja).toContain('認定請求そのものではありません');
    expect(interviewNeeded(p, {})).toBe(true);
    expect(p.documents.find((d) => d.id === 'family-register')).toMatchObject({ required: true, bringOriginal: true });
  });

  it('consultation bookings are for 母子父子寡婦福祉資金 and 高等職業訓練促進給付金', () => {
    expect(book.get('welfare-loan-consultation', '999999')).toMatchObject({
      programme: 'welfare-fund-loan',
      legalKind: 'consultation-booking',
      interview: 'required',
    });
    expect(book.get('training-benefit-consultation', '999999')).toMatchObject({
      programme: 'advanced-vocational-training-benefit',
      legalKind: 'consultation-booking',
    });
  });
});

describe('municipal settings', () => {
  it('a signed online filing links to the municipality’s ぴったりサービス page; elsewhere there is no link', () => {
    expect(book.get('cra-claim', '999999')!.pittariUrl).toMatch(/^https:\/\//);
    expect(book.get('cra-claim', '123456')!.pittariUrl).toBeUndefined();
    expect(book.get('medical-subsidy', '999999')!.pittariUrl).toBeUndefined();
  });

  it('the 現況届 interview is waived for 全部支給停止者 only where the municipality allows it', () => {
    const demo = book.get('cra-status-report', '999999')!;
    const other = book.get('cra-status-report', '123456')!;
    expect(interviewNeeded(demo, { fullySuspended: 'true' })).toBe(false);
    expect(interviewNeeded(demo, { fullySuspended: 'false' })).toBe(true);
    expect(interviewNeeded(other, { fullySuspended: 'true' })).toBe(true);
    expect(demo.targetDays).toBe(15);
    expect(other.targetDays).toBe(20);
  });

  it('a procedure is not offered where its programme is switched off or the municipality switches it off', () => {
    const dir = proceduresCopy({ 'overrides/999999.yaml': 'municipalityCode: "999999"\nprocedures:\n  school-expense-aid:\n    enabled: false\n' });
    const b = loadProcedures(dir);
    expect(b.get('school-expense-aid', '999999')).toBeUndefined();
    expect(b.get('school-expense-aid', '123456')).toBeDefined();
  });
});

describe('invalid files are refused at startup, naming file and field', () => {
  it('an unknown prefill path, a prefill of the wrong type, an unknown field', () => {
    const src = seed('medical-subsidy.yaml')
      .replace('prefill: identity.birthDate', 'prefill: identity.birthday')
      .replace('prefill: address.postalCode', 'prefill: income.otherIncome')
      .replace('targetDays: 14', 'targetDays: 14\ntargetdays: 3');
    const issues = procedureIssues(() => loadProcedures(proceduresCopy({ 'medical-subsidy.yaml': src })));
    expectIssue(issues, 'medical-subsidy.yaml', 'questions[4].prefill', 'unknown record field "identity.birthday"');
    expectIssue(issues, 'medical-subsidy.yaml', 'questions[5].prefill', 'cannot fill a postalCode question');
    expectIssue(issues, 'medical-subsidy.yaml', 'targetdays', 'unknown field');
  });

  it('bad furigana, a waiver question that is not boolean, an id that does not match the file', () => {
    const src = seed('cra-status-report.yaml')
      .replace('interviewWaiverQuestion: fullySuspended', 'interviewWaiverQuestion: changes')
      .replace('ja-easy: 児童扶養手当{じどうふようてあて}の 現況届{げんきょうとどけ}', 'ja-easy: 児童扶養手当{じどう の 現況届')
      .replace('id: cra-status-report', 'id: cra-claim');
    const issues = procedureIssues(() => loadProcedures(proceduresCopy({ 'cra-status-report.yaml': src })));
    expectIssue(issues, 'cra-status-report.yaml', 'interviewWaiverQuestion', 'boolean question');
    expectIssue(issues, 'cra-status-report.yaml', 'name.ja-easy', 'furigana');
    expectIssue(issues, 'cra-status-report.yaml', 'id', 'must match the file name');
  });

  it('a ぴったりサービス link on a procedure without a signed filing, a plain-http link, an unknown procedure', () => {
    const o =
      'municipalityCode: "999999"\nprocedures:\n  medical-subsidy:\n    pittariUrl: https://example.jp/x\n  cra-claim:\n    pittariUrl: http://example.jp/x\n  housing:\n    enabled: false\n';
    const issues = procedureIssues(() => loadProcedures(proceduresCopy({ 'overrides/999999.yaml': o })));
    expectIssue(issues, '999999.yaml', 'procedures.medical-subsidy.pittariUrl', 'no signed online filing');
    expectIssue(issues, '999999.yaml', 'procedures.cra-claim.pittariUrl', 'https');
    expectIssue(issues, '999999.yaml', 'procedures.housing', 'unknown procedure');
  });
});
