import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DepartmentCode } from '../../api/core/departments';
import { StaffRole } from '../../api/core/roles';
import { Department } from '../../api/municipality/department.entity';
import { demoStaffEmail } from '../../api/server/seed/demo-seed';
import { hashPassword } from '../../api/staff/password';
import { StaffMember } from '../../api/staff/staff-member.entity';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../support/app';

// Issue 18: merging duplicates (名寄せ) with a preview, by the owning department. The record that stays
// takes what it lacks from the other, field by field; consultations, consents, cases and inbox items move
// or stay linked; the other record becomes a tombstone whose reference number still finds the survivor;
// the consent becomes what both consent to; both audit trails stay and the merge is audited on both.

const CREATE = `mutation($i: CreateRecordInput!) { createRecord(input: $i) { id referenceNumber } }`;
const PREVIEW = `query StaffMergePreview($i: MergeRecordsInput!) { mergePreview(input: $i) { survivorId mergedId survivorReferenceNumber mergedReferenceNumber survivorVersion mergedVersion
  fields { section field survivorValue otherValue result source } keptSections rows { table moved kept } sharedWith shareWithPartners consentsWithdrawn } }`;
const MERGE = `mutation StaffMergeRecords($i: MergeRecordsConfirmInput!) { mergeRecords(input: $i) { survivorId survivorReferenceNumber mergedId rows { table moved kept } } }`;
const UPDATE_CASE = `mutation($i: UpdateCaseInput!) { updateCase(input: $i) { version } }`;
const CONSULT = `mutation($i: AddConsultationInput!) { addConsultation(input: $i) { id } }`;

let t: TestApp;
let owner: string;
const ids: Record<string, string> = {};
const refs: Record<string, string> = {};

async function create(key: string, input: Record<string, unknown>): Promise<void> {
  const res = await t.gql(CREATE, { i: input }, owner);
  if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
  ids[key] = res.body.data!.createRecord.id;
  refs[key] = res.body.data!.createRecord.referenceNumber;
}
const identity = (familyName: string) => ({ familyName, givenName: '花', familyNameKana: 'アサギリ', givenNameKana: 'ハナ', birthDate: '1990-04-01' });

type Preview = {
  survivorVersion: number;
  mergedVersion: number;
  fields: { section: string; field: string; survivorValue: string | null; otherValue: string | null; result: string | null; source: string }[];
  keptSections: string[];
  rows: { table: string; moved: number; kept: number }[];
  sharedWith: string[];
  shareWithPartners: boolean;
  consentsWithdrawn: string[];
};
async function preview(survivor: string, merged: string, token = owner) {
  return t.gql(PREVIEW, { i: { survivorId: ids[survivor], mergedId: ids[merged] } }, token);
}

beforeAll(async () => {
  t = await startTestApp({ records: 0 });
  owner = await t.login(DepartmentCode.SINGLE_PARENT);
  await create('survivor', {
    identity: identity('朝霧'),
    address: { postalCode: '100-0001', prefecture: '東京都', city: 'デモ市', street: '1-2-3' },
    contact: { phone: '090-1234-5678', contactAllowed: true },
    concerns: { categories: ['WORK'] },
    household: { children: [{ birthDate: '2015-04-01' }] },
    consent: { sharedWith: ['LIVELIHOOD_SUPPORT', 'PUBLIC_HOUSING'], shareWithPartners: true, privacyNoticeVersion: 'v1' },
  });
  await create('other', {
    identity: { ...identity('朝桐'), givenName: null },
    contact: { email: 'hana@example.jp', contactAllowed: false },
    income: { incomeYear: 2025, annualEmploymentIncome: 1_800_000 },
    concerns: { categories: ['HOUSING'] },
    household: { children: [{ birthDate: '2015-04-01' }, { birthDate: '2019-09-09' }] },
    consent: { sharedWith: ['LIVELIHOOD_SUPPORT'], shareWithPartners: false, privacyNoticeVersion: 'v1' },
  });
  // A DV-protected pair, seen by the livelihood department through consent.
  await create('dvA', {
    identity: { ...identity('宵霧'), birthDate: '1988-01-01' },
    protection: { supportMeasure: true, since: '2026-11-01', expiresOn: '2027-10-31' },
    consent: { sharedWith: ['LIVELIHOOD_SUPPORT'], shareWithPartners: false, privacyNoticeVersion: 'v1' },
  });
  await create('dvB', {
    identity: { ...identity('宵桐'), birthDate: '1988-01-01' },
    consent: { sharedWith: ['LIVELIHOOD_SUPPORT'], shareWithPartners: false, privacyNoticeVersion: 'v1' },
  });
  await create('stranger', { identity: { familyName: '山田', givenName: '一', familyNameKana: 'ヤマダ', givenNameKana: 'ハジメ', birthDate: '1990-04-01' } });
  for (const key of ['survivor', 'other']) {
    expect(
      (await t.gql(CONSULT, { i: { recordId: ids[key], date: '2026-12-01', channel: 'PHONE', summary: `電話相談 ${key}` } }, owner)).body.errors,
    ).toBeUndefined();
    expect((await t.gql(UPDATE_CASE, { i: { recordId: ids[key], status: 'IN_PROGRESS' } }, owner)).body.errors).toBeUndefined();
  }
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('merge preview', () => {
  it('shows field by field what the merged record will hold, the rows that move and the narrower consent', async () => {
    const res = await preview('survivor', 'other');
    expect(res.body.errors).toBeUndefined();
    const p: Preview = res.body.data!.mergePreview;
    const field = (section: string, name: string) => p.fields.find((f) => f.section === section.toUpperCase() && f.field === name)!;
    expect(field('identity', 'familyName')).toMatchObject({ survivorValue: '朝霧', otherValue: '朝桐', result: '朝霧', source: 'SURVIVOR' });
    expect(field('identity', 'familyNameKana')).toMatchObject({ result: 'アサギリ', source: 'SAME' });
    expect(field('address', 'city')).toMatchObject({ survivorValue: 'デモ市', otherValue: null, result: 'デモ市', source: 'SURVIVOR' });
    expect(field('contact', 'email')).toMatchObject({ survivorValue: null, otherValue: 'hana@example.jp', result: 'hana@example.jp', source: 'OTHER' });
    expect(field('contact', 'contactAllowed')).toMatchObject({ result: 'false', source: 'OTHER' });
    expect(field('income', 'annualEmploymentIncome')).toMatchObject({ survivorValue: null, result: '1800000', source: 'OTHER' });
    expect(field('concerns', 'categories')).toMatchObject({ result: 'housing, work', source: 'COMBINED' });
    expect(p.keptSections).toEqual([]);
    const rows = Object.fromEntries(p.rows.map((r) => [r.table, r]));
    expect(rows.consultation).toEqual({ table: 'consultation', moved: 1, kept: 0 });
    expect(rows.case_file).toEqual({ table: 'case_file', moved: 0, kept: 1 });
    expect(rows.child).toEqual({ table: 'child', moved: 1, kept: 1 });
    expect(rows.consent_event!.moved).toBeGreaterThan(0);
    expect(p.sharedWith).toEqual(['LIVELIHOOD_SUPPORT']);
    expect(p.shareWithPartners).toBe(false);
    expect(p.consentsWithdrawn).toEqual(['partners', 'public-housing']);
  });

  it('refuses another department with a reason (DV protection said so), a viewer’s merge, and a pair that is no candidate', async () => {
    const livelihood = await t.login(DepartmentCode.LIVELIHOOD_SUPPORT);
    const other = await preview('survivor', 'other', livelihood);
    expect(other.body.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_OWNER' });
    const dv = await preview('dvB', 'dvA', livelihood);
    expect(dv.body.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'DV_PROTECTED' });
    const dvMerge = await t.gql(MERGE, { i: { survivorId: ids.dvA, mergedId: ids.dvB, survivorVersion: 1, mergedVersion: 1 } }, livelihood);
    expect(dvMerge.body.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'DV_PROTECTED' });
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
    const viewer = await t.login(DepartmentCode.SINGLE_PARENT, 'viewer');
    expect((await preview('survivor', 'other', viewer)).body.errors).toBeUndefined();
    const byViewer = await t.gql(MERGE, { i: { survivorId: ids.survivor, mergedId: ids.other, survivorVersion: 1, mergedVersion: 1 } }, viewer);
    expect(byViewer.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const stranger = await preview('survivor', 'stranger');
    expect(stranger.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.mergedId' });
  });
});

describe('merge', () => {
  it('refuses a merge when a record changed after the preview', async () => {
    const p: Preview = (await preview('survivor', 'other')).body.data!.mergePreview;
    const res = await t.gql(
      MERGE,
      { i: { survivorId: ids.survivor, mergedId: ids.other, survivorVersion: p.survivorVersion, mergedVersion: p.mergedVersion - 1 } },
      owner,
    );
    expect(res.body.errors![0]!.extensions!.code).toBe('CONFLICT');
  });

  it('merges as previewed: fields, rows, consent, tombstone, reference number, audit on both', async () => {
    const p: Preview = (await preview('survivor', 'other')).body.data!.mergePreview;
    const auditBefore = await t.em().getConnection().execute(`select count(*)::int as n from audit_entry where ? = any(record_ids)`, [ids.other]);
    const res = await t.gql(
      MERGE,
      { i: { survivorId: ids.survivor, mergedId: ids.other, survivorVersion: p.survivorVersion, mergedVersion: p.mergedVersion } },
      owner,
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.mergeRecords.rows).toEqual(p.rows);

    const read = await t.gql(
      `query($id: ID!) { record(id: $id) { referenceNumber identity { familyName givenName } contact { email contactAllowed } income { annualEmploymentIncome } concerns { categories }
      household { children { birthDate } } consultations { summary } consent { sharedWith shareWithPartners } } }`,
      { id: ids.survivor },
      owner,
    );
    expect(read.body.errors).toBeUndefined();
    const r = read.body.data!.record;
    expect(r.identity).toEqual({ familyName: '朝霧', givenName: '花' });
    expect(r.contact).toEqual({ email: 'hana@example.jp', contactAllowed: false });
    expect(r.income.annualEmploymentIncome).toBe(1_800_000);
    expect([...r.concerns.categories].sort()).toEqual(['HOUSING', 'WORK']);
    expect(r.household.children.map((c: { birthDate: string }) => c.birthDate)).toEqual(['2015-04-01', '2019-09-09']);
    expect(r.consultations.map((c: { summary: string }) => c.summary).sort()).toEqual(['電話相談 other', '電話相談 survivor']);
    expect(r.consent).toEqual({ sharedWith: ['LIVELIHOOD_SUPPORT'], shareWithPartners: false });

    // The merged-away record is a tombstone: gone from look-ups, its number finds the survivor.
    expect((await t.gql(`query($id: ID!) { record(id: $id) { id } }`, { id: ids.other }, owner)).body.data!.record).toBeNull();
    const byNumber = await t.gql(
      `query($f: RecordFilter) { records(filter: $f, first: 5) { edges { node { id } } } }`,
      { f: { referenceNumber: refs.other } },
      owner,
    );
    expect(byNumber.body.data!.records.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([ids.survivor]);
    const conn = t.em().getConnection();
    expect(await conn.execute(`select merged_into_id from personal_record where id = ?`, [ids.other])).toEqual([{ merged_into_id: ids.survivor }]);
    // Its case stays with it, closed; the survivor's own is untouched.
    expect(await conn.execute(`select status from case_file where record_id = ?`, [ids.other])).toEqual([{ status: 'closed' }]);
    // Consent history: the other record's events moved, and the withdrawals written.
    const withdrawn = await conn.execute<{ target: string }[]>(`select target from consent_event where record_id = ? and granted = false order by target`, [
      ids.survivor,
    ]);
    expect(withdrawn.map((w: { target: string }) => w.target)).toEqual(['partners', 'public-housing']);
    // Both audit trails kept; the merge is a write on both.
    const auditAfter = await conn.execute(`select count(*)::int as n from audit_entry where ? = any(record_ids)`, [ids.other]);
    expect(auditAfter[0].n).toBeGreaterThan(auditBefore[0].n);
    for (const id of [ids.survivor, ids.other]) {
      const rows = await conn.execute(`select action, sections from audit_entry where ? = any(record_ids) and operation_name = 'StaffMergeRecords'`, [id]);
      expect(rows).toEqual([{ action: 'write', sections: ['recordMerge'] }]);
    }
    // No longer a candidate; merging again finds no record.
    const dups = await t.gql(`query($id: ID!) { possibleDuplicates(recordId: $id) { recordId } }`, { id: ids.survivor }, owner);
    expect(dups.body.data!.possibleDuplicates.map((d: { recordId: string }) => d.recordId)).not.toContain(ids.other);
    const again = await preview('survivor', 'other');
    expect(again.body.errors![0]!.extensions!.code).toBe('NOT_FOUND');
  });
});
