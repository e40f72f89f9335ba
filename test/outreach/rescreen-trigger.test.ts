import type { EntityManager } from '@mikro-orm/postgresql';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawQuery } from '../../api/db/raw-query';
import { ConsentMethod, OutreachChannel, recordConsent, reachableChannels } from '../../api/outreach';
import { findings, rescreenForOutreach, type ScreeningState } from '../../api/outreach/rescreen-trigger';
import { municipalityEvaluateOptions } from '../../api/programme/programme.service';
import { evaluateAll, type Household } from '../../api/programme/rules';
import { BenefitInUse } from '../../api/record/benefit-in-use.entity';
import { Child } from '../../api/record/child.entity';
import { marriedOf } from '../../api/record/marital-status';
import { PersonalRecord } from '../../api/record/personal-record.entity';
import { startTestApp, type TestApp } from '../support/app';

const DEMO = '999999';
let t: TestApp;
let ids: string[];

/** A record's findings evaluated directly, one record at a time through the ORM (not rescreen's batch SQL). */
async function directState(recordId: string, asOf: string): Promise<ScreeningState> {
  const em = t.em();
  const record = await em.findOneOrFail(PersonalRecord, recordId);
  const children = await em.find(Child, { record: recordId }, { orderBy: { position: 'asc' } });
  const benefits = (await em.find(BenefitInUse, { record: recordId })).map((b) => b.programmeId);
  const household: Household = {
    asOf,
    children: children.map((c) => ({ birthDate: c.birthDate, disability: c.disability })),
    annualEmploymentIncome: record.income.annualEmploymentIncome ?? null,
    otherIncome: record.income.otherIncome ?? null,
    childSupportReceivedYearly: record.income.childSupportReceivedYearly ?? null,
    dependentsCount: record.income.dependentsCount ?? children.length,
    incomeYear: record.income.incomeYear ?? null,
    benefitsInUse: benefits,
    receivesPublicAssistance: benefits.includes('livelihood-protection'),
    concerns: [...record.concerns.categories],
    residentTaxExempt: null,
    married: marriedOf(record.household.maritalStatus),
  };
  const state: ScreeningState = {};
  for (const r of evaluateAll(household, municipalityEvaluateOptions(t.app.services.catalogue, DEMO)))
    if (r.status === 'ELIGIBLE') state[r.programmeId] = r.amount?.monthly ?? r.amount?.yearly ?? 0;
  return state;
}

async function setIncome(em: EntityManager, id: string, income: number): Promise<void> {
  const r = await em.findOneOrFail(PersonalRecord, id);
  r.income.annualEmploymentIncome = income;
  await em.flush();
}

beforeAll(async () => {
  t = await startTestApp({ records: 30 });
  ids = (await rawQuery<{ id: string }>(t.em(), 'select id from personal_record where municipality_code = ? order by id', [DEMO])).map((r) => r.id);
  // Every family opted in to calls (and e-mail): who is reachable is then decided by contact and DV rules alone.
  for (const id of ids)
    await recordConsent(
      t.em(),
      DEMO,
      id,
      [OutreachChannel.EMAIL, OutreachChannel.PHONE].map((channel) => ({
        channel,
        granted: true,
        method: ConsentMethod.STAFF,
        recordedBy: null,
        purposeVersion: 'test',
      })),
    );
});
afterAll(() => t?.close());

describe('re-screening for outreach', () => {
  it('finds exactly the records whose result changed, as evaluating each record directly says (property)', async () => {
    let run = 0;
    let notified = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 0, max: 3000 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 29 }), fc.integer({ min: 0, max: 6_000_000 })), { maxLength: 8 }),
        async (d1, d2, incomeChanges) => {
          run++;
          const asOf1 = new Date(Date.UTC(2024, 0, 1) + d1 * 86_400_000).toISOString().slice(0, 10);
          const asOf2 = new Date(Date.UTC(2024, 0, 1) + d2 * 86_400_000).toISOString().slice(0, 10);
          const em = t.em();
          await rawQuery(em, 'delete from outreach_screening_state', []);
          const baseline = await rescreenForOutreach(em, null, {
            municipalityCode: DEMO,
            trigger: `p${run}`,
            period: 'P',
            asOf: asOf1,
            catalogue: t.app.services.catalogue,
            batchSize: 7,
          });
          expect(baseline).toMatchObject({ screened: 30, baselined: 30, candidates: 0, created: 0 });
          const before = new Map<string, ScreeningState>();
          for (const id of ids) before.set(id, await directState(id, asOf1));
          for (const [i, income] of incomeChanges) await setIncome(em, ids[i]!, income);

          const summary = await rescreenForOutreach(em, null, {
            municipalityCode: DEMO,
            trigger: `p${run}`,
            period: 'P',
            asOf: asOf2,
            catalogue: t.app.services.catalogue,
            batchSize: 7,
          });
          const reach = await reachableChannels(em, ids);
          const expected: string[] = [];
          let changed = 0;
          for (const id of ids) {
            const f = findings(before.get(id)!, await directState(id, asOf2));
            if (f.length) changed++;
            if (reach.get(id)) for (const x of f) expected.push(`${id}|${x.programmeId}|${x.kind}`);
          }
          const created = await rawQuery<{ k: string }>(
            em,
            `select record_id || '|' || programme_id || '|' || kind as k from outreach_notice where trigger like ?`,
            [`p${run}:%`],
          );
          expect(created.map((r) => r.k).sort()).toEqual(expected.sort());
          notified += created.length;
          expect(summary.changed).toBe(changed);
          // Run again with nothing changed: nothing new.
          const again = await rescreenForOutreach(em, null, {
            municipalityCode: DEMO,
            trigger: `p${run}`,
            period: 'P',
            asOf: asOf2,
            catalogue: t.app.services.catalogue,
          });
          expect(again).toMatchObject({ changed: 0, candidates: 0, created: 0 });
        },
      ),
      { numRuns: 4 },
    );
    // The runs did find changes (dates years apart): the property was not vacuous.
    expect(notified).toBeGreaterThan(0);
  });

  it('never notifies the same finding twice, even when the change is undone and made again', async () => {
    const em = t.em();
    await rawQuery(em, 'delete from outreach_screening_state', []);
    // The nightly life-events run: children grow older between two dates, programmes open and close.
    const at = (asOf: string) =>
      rescreenForOutreach(em, null, { municipalityCode: DEMO, trigger: 'twice', period: 'FY2026', asOf, catalogue: t.app.services.catalogue });
    await at('2026-12-01');
    const first = await at('2030-12-01');
    await at('2026-12-01');
    const second = await at('2030-12-01');
    expect(first.created).toBeGreaterThan(5);
    expect(second.candidates).toBe(first.candidates);
    expect(second.created).toBe(0);
  });
});
