/**
 * Issue 18, merging duplicates: whatever two families hold — children, benefits, consultations, consents,
 * cases in several departments, inbox items, referrals — after a merge no row about either family is
 * lost. For every table that refers to a record (read from the database's foreign keys, as the rights
 * module walks them), the rows under the two records are counted and their ids kept before the merge;
 * after it, every one of those rows still exists under the survivor or the tombstone, and the only new
 * rows are the consent withdrawals the merge writes (one per consent only one record gave).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEPARTMENT_CODES, DepartmentCode } from '../../api/core/departments';
import { referencesTo, rowsUnder } from '../../api/rights/record-tables';
import { startTestApp, type TestApp } from '../support/app';

const enumOf = (d: string) => d.toUpperCase().replace(/-/g, '_');
const OTHERS = DEPARTMENT_CODES.filter((d) => d !== DepartmentCode.SINGLE_PARENT);
const CHILD_BIRTHS = ['2014-05-05', '2016-06-06', '2020-02-02'];
const PROGRAMMES = ['child-rearing-allowance', 'child-allowance', 'single-parent-medical-subsidy'];

interface Family {
  sharedWith: string[];
  partners: boolean;
  children: string[];
  benefits: string[];
  consultations: number;
  caseDepartments: string[];
  referred: boolean;
}

const family = fc.record<Family>({
  sharedWith: fc.subarray(OTHERS),
  partners: fc.boolean(),
  children: fc.subarray(CHILD_BIRTHS),
  benefits: fc.subarray(PROGRAMMES),
  consultations: fc.integer({ min: 0, max: 2 }),
  caseDepartments: fc.subarray([DepartmentCode.SINGLE_PARENT, DepartmentCode.LIVELIHOOD_SUPPORT] as string[]),
  referred: fc.boolean(),
});

describe('a merge loses no row about either family', () => {
  let t: TestApp;
  let owner: string;
  let livelihood: string;
  let partnerId: string;
  let n = 0;

  beforeAll(async () => {
    t = await startTestApp({ records: 0 });
    owner = await t.login(DepartmentCode.SINGLE_PARENT);
    livelihood = await t.login(DepartmentCode.LIVELIHOOD_SUPPORT);
    partnerId = (await t.gql(`{ partners { id } }`, {}, owner)).body.data!.partners[0].id as string;
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  async function make(f: Family, birthDate: string, familyName: string): Promise<string> {
    const res = await t.gql(
      `mutation($i: CreateRecordInput!) { createRecord(input: $i) { id } }`,
      {
        i: {
          identity: { familyName, givenName: '花', familyNameKana: 'アサギリ', givenNameKana: 'ハナ', birthDate },
          household: { children: f.children.map((b) => ({ birthDate: b })) },
          benefits: f.benefits.map((programmeId) => ({ programmeId })),
          consent: { sharedWith: f.sharedWith.map(enumOf), shareWithPartners: f.partners, privacyNoticeVersion: 'v1' },
        },
      },
      owner,
    );
    if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
    const id = res.body.data!.createRecord.id as string;
    for (let i = 0; i < f.consultations; i++)
      await t.gql(
        `mutation($i: AddConsultationInput!) { addConsultation(input: $i) { id } }`,
        { i: { recordId: id, date: '2026-12-01', channel: 'PHONE', summary: `相談 ${i}` } },
        owner,
      );
    for (const d of f.caseDepartments) {
      if (d === DepartmentCode.LIVELIHOOD_SUPPORT && !f.sharedWith.includes(d)) continue;
      const res = await t.gql(
        `mutation($i: UpdateCaseInput!) { updateCase(input: $i) { version } }`,
        { i: { recordId: id, status: 'IN_PROGRESS' } },
        d === DepartmentCode.SINGLE_PARENT ? owner : livelihood,
      );
      if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
    }
    if (f.referred && f.partners)
      await t.gql(`mutation($i: ReferRecordInput!) { referRecord(input: $i) { id } }`, { i: { recordId: id, partnerId, reason: '紹介' } }, owner);
    return id;
  }

  /** Per table, the ids (or, for a table without an id column, a count) of the rows under the two records. */
  async function rowsAbout(em: EntityManager, ids: string[]): Promise<Map<string, string[]>> {
    const refs = await referencesTo(em);
    const out = new Map<string, string[]>();
    for (const id of ids) {
      for (const rows of rowsUnder(refs, id)) {
        const hasId =
          (
            await em.execute(`select 1 from information_schema.columns where table_schema = current_schema() and table_name = ? and column_name = 'id'`, [
              rows.table,
            ])
          ).length > 0;
        const found = await em.execute<{ k: string }[]>(`select ${hasId ? 'id::text' : `'row'`} as k from "${rows.table}" where ${rows.where}`, rows.params);
        out.set(rows.table, [...(out.get(rows.table) ?? []), ...found.map((r) => r.k)].sort());
      }
    }
    return out;
  }

  it('keeps every row, under the survivor or the tombstone', async () => {
    await fc.assert(
      fc.asyncProperty(family, family, async (a, b) => {
        n++;
        const birth = `1980-01-${String((n % 28) + 1).padStart(2, '0')}`;
        const birthDate = n > 28 ? `1981-01-${String((n % 28) + 1).padStart(2, '0')}` : birth;
        const survivorId = await make(a, birthDate, `統合先${n}`);
        const mergedId = await make(b, birthDate, `統合元${n}`);
        const em = t.em() as EntityManager;
        const before = await rowsAbout(em, [survivorId, mergedId]);
        const p = await t.gql(
          `query($i: MergeRecordsInput!) { mergePreview(input: $i) { survivorVersion mergedVersion consentsWithdrawn rows { table moved kept } } }`,
          { i: { survivorId, mergedId } },
          owner,
        );
        if (p.body.errors) throw new Error(JSON.stringify(p.body.errors));
        const preview = p.body.data!.mergePreview;
        const res = await t.gql(
          `mutation($i: MergeRecordsConfirmInput!) { mergeRecords(input: $i) { rows { table moved kept } } }`,
          { i: { survivorId, mergedId, survivorVersion: preview.survivorVersion, mergedVersion: preview.mergedVersion } },
          owner,
        );
        if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
        const after = await rowsAbout(em, [survivorId, mergedId]);
        for (const [table, keys] of before) {
          const now = after.get(table) ?? [];
          if (keys[0] === 'row') expect(now.length, table).toBe(keys.length);
          else
            expect(
              now.filter((k) => keys.includes(k)),
              table,
            ).toEqual(keys);
          const added = now.length - keys.length;
          expect(added, table).toBe(table === 'consent_event' ? preview.consentsWithdrawn.length : 0);
        }
        for (const table of after.keys()) if (!before.has(table)) expect(table).toBe('consent_event');
        // Both records' rows: the moved count the preview promised is what moved.
        expect(res.body.data!.mergeRecords.rows).toEqual(preview.rows);
        const records = await em.execute(`select count(*)::int as n from personal_record where id in (?, ?)`, [survivorId, mergedId]);
        expect(records[0].n).toBe(2);
      }),
      { numRuns: 8 },
    );
  }, 600_000);
});
