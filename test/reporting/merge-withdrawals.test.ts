import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInJapan } from '../../api/core/dates';
import { DepartmentCode } from '../../api/core/departments';
import { startTestApp, type TestApp } from '../support/app';

// The usage figure 「同意の撤回」 (record.withdrawals) counts families withdrawing consent. Merging two
// records of one family (名寄せ) narrows the consent to what both gave and writes withdrawals on the
// record that stays: those stay in its history but are no family's withdrawal, so they count 0.

const CREATE = `mutation($i: CreateRecordInput!) { createRecord(input: $i) { id version } }`;
const UPDATE = `mutation($i: UpdateRecordSectionInput!) { updateRecordSection(input: $i) { id version } }`;
const PREVIEW = `query StaffMergePreview($i: MergeRecordsInput!) { mergePreview(input: $i) { survivorVersion mergedVersion consentsWithdrawn } }`;
const MERGE = `mutation StaffMergeRecords($i: MergeRecordsConfirmInput!) { mergeRecords(input: $i) { survivorId } }`;
const FIGURES = `query($p: ReportPeriodInput!) { usageFigures(period: $p, municipalityCode: "999999") { figures { name key total } } }`;

const identity = (familyName: string) => ({ familyName, givenName: '花', familyNameKana: 'アサギリ', givenNameKana: 'ハナ', birthDate: '1990-04-01' });
const consent = (sharedWith: string[], shareWithPartners = false) => ({ sharedWith, shareWithPartners, privacyNoticeVersion: 'v1' });

describe('consent withdrawals in the usage figures', () => {
  let t: TestApp;
  let owner: string;
  beforeAll(async () => {
    t = await startTestApp({ records: 0 });
    owner = await t.login(DepartmentCode.SINGLE_PARENT);
  }, 120_000);
  afterAll(async () => t?.close());

  async function create(input: Record<string, unknown>): Promise<{ id: string; version: number }> {
    const res = await t.gql(CREATE, { i: input }, owner);
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.createRecord;
  }

  it('counts a family’s withdrawal once and a merge’s not at all, keeping both in the history', async () => {
    // A family withdraws its consent to share with the housing department.
    const family = await create({
      identity: { familyName: '雲井', givenName: '美咲', familyNameKana: 'クモイ', givenNameKana: 'ミサキ', birthDate: '1985-06-01' },
      consent: consent(['LIVELIHOOD_SUPPORT', 'PUBLIC_HOUSING']),
    });
    const withdrawn = await t.gql(UPDATE, { i: { id: family.id, expectedVersion: family.version, consent: consent(['LIVELIHOOD_SUPPORT']) } }, owner);
    expect(withdrawn.body.errors).toBeUndefined();

    // Two records of another family, merged: the consent only one of them gave is withdrawn on the survivor.
    const survivor = await create({ identity: identity('朝霧'), consent: consent(['LIVELIHOOD_SUPPORT', 'PUBLIC_HOUSING'], true) });
    const other = await create({ identity: { ...identity('朝桐'), givenName: null }, consent: consent(['LIVELIHOOD_SUPPORT']) });
    const preview = await t.gql(PREVIEW, { i: { survivorId: survivor.id, mergedId: other.id } }, owner);
    expect(preview.body.errors).toBeUndefined();
    const p = preview.body.data!.mergePreview;
    expect(p.consentsWithdrawn).toEqual(['partners', 'public-housing']);
    const merged = await t.gql(
      MERGE,
      { i: { survivorId: survivor.id, mergedId: other.id, survivorVersion: p.survivorVersion, mergedVersion: p.mergedVersion } },
      owner,
    );
    expect(merged.body.errors).toBeUndefined();

    // The history keeps all three withdrawals.
    const rows = await t
      .em()
      .getConnection()
      .execute<{ record_id: string; target: string }[]>(`select record_id, target from consent_event where not granted order by target`);
    expect(rows.map((r) => [r.record_id, r.target])).toEqual([
      [survivor.id, 'partners'],
      [family.id, 'public-housing'],
      [survivor.id, 'public-housing'],
    ]);

    const today = todayInJapan();
    const res = await t.gql(FIGURES, { p: { from: today, to: today } }, await t.login(DepartmentCode.SINGLE_PARENT, 'supervisor'));
    expect(res.body.errors).toBeUndefined();
    const lines = (res.body.data!.usageFigures.figures as { name: string; key: string | null; total: number | null }[]).filter(
      (l) => l.name === 'record.withdrawals' && l.key !== null && (l.total ?? 0) > 0,
    );
    expect(lines.map((l) => [l.key, l.total])).toEqual([['public-housing', 1]]);
    // Consents given are what the families gave (2 + 3 + 1), not changed by the merge.
    const given = (res.body.data!.usageFigures.figures as { name: string; key: string | null; total: number | null }[]).filter(
      (l) => l.name === 'record.consents' && l.key !== null,
    );
    expect(given.reduce((n, l) => n + (l.total ?? 0), 0)).toBe(6);
  });
});
