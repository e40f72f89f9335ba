// Bulk re-screening of stored records (api/programme/rescreen.ts), on the test database.
import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInJapan } from '../../api/core/dates';
import { municipalityEvaluateOptions } from '../../api/programme/programme.service';
import { rescreen, type RescreenResult } from '../../api/programme/rescreen';
import { evaluateAll, type Household } from '../../api/programme/rules';
import { BenefitInUse } from '../../api/record/benefit-in-use.entity';
import { Child } from '../../api/record/child.entity';
import { PersonalRecord } from '../../api/record/personal-record.entity';
import { marriedOf } from '../../api/record/marital-status';
import { startTestApp, type TestApp } from '../support/app';

const DEMO = '999999';
const OTHER = '123456';
const OTHER_RECORDS = 12;
const asOf = todayInJapan();

let t: TestApp;
let demoIds: string[];

async function all(em: EntityManager, options: Parameters<typeof rescreen>[1]): Promise<RescreenResult[]> {
  const out: RescreenResult[] = [];
  for await (const r of rescreen(em, { catalogue: t.app.services.catalogue, ...options })) out.push(r);
  return out;
}

async function ids(municipality: string): Promise<string[]> {
  const rows = (await t.em().getConnection().execute('select id from personal_record where municipality_code = ? order by id', [municipality])) as {
    id: string;
  }[];
  return rows.map((r) => r.id);
}

beforeAll(async () => {
  t = await startTestApp({ records: 30 });
  const c = t.em().getConnection();
  // Another municipality whose records (random uuids) interleave with デモ市's in id order, with
  // children and benefits of their own: none of them may leak into デモ市's re-screening.
  await c.execute(`insert into municipality (code, name, allowed_origins, created_at) values ('${OTHER}', '別の市', '{}', now())`);
  await c.execute(`insert into personal_record (id, municipality_code, reference_number, created_at, updated_at,
      income_annual_employment_income, concerns_categories)
    select gen_random_uuid(), '${OTHER}', 'OTHER-' || g, now(), now(), 900000, array['work'] from generate_series(1, ${OTHER_RECORDS}) g`);
  await c.execute(`insert into child (id, municipality_code, record_id, position, birth_date, disability)
    select gen_random_uuid(), '${OTHER}', id, p, date '2015-04-01' + p * 400, false
    from personal_record cross join generate_series(0, 2) p where municipality_code = '${OTHER}'`);
  await c.execute(`insert into benefit_in_use (id, municipality_code, record_id, programme_id)
    select gen_random_uuid(), '${OTHER}', id, 'livelihood-protection' from personal_record where municipality_code = '${OTHER}'`);
  demoIds = await ids(DEMO);
  // One デモ市 family on public assistance, so receivesPublicAssistance is exercised.
  await c.execute(
    `insert into benefit_in_use (id, municipality_code, record_id, programme_id) values (gen_random_uuid(), '${DEMO}', ?, 'livelihood-protection')`,
    [demoIds[5]],
  );
});

afterAll(async () => {
  await t?.close();
});

/** The household of a record, built independently of rescreen.ts: through the ORM's entities. */
async function householdOf(recordId: string): Promise<Household> {
  const em = t.em();
  const record = await em.findOneOrFail(PersonalRecord, recordId);
  const children = await em.find(Child, { record: recordId }, { orderBy: { position: 'asc' } });
  const benefits = (await em.find(BenefitInUse, { record: recordId })).map((b) => b.programmeId);
  return {
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
}

describe('rescreen', () => {
  it('yields exactly one result per record of the municipality, in id order, none of another', async () => {
    const [{ n }] = (await t.em().getConnection().execute('select count(*)::int as n from personal_record where municipality_code = ?', [DEMO])) as {
      n: number;
    }[];
    expect(n).toBe(30);
    const results = await all(t.em(), { municipalityCode: DEMO, asOf });
    expect(results).toHaveLength(n);
    expect(results.map((r) => r.recordId)).toEqual(demoIds);
    const others = new Set(await ids(OTHER));
    expect(results.some((r) => others.has(r.recordId))).toBe(false);

    const other = await all(t.em(), { municipalityCode: OTHER, asOf });
    expect(other.map((r) => r.recordId)).toEqual([...others]);
  });

  it('equals evaluateAll on the same household built independently, with デモ市 overrides applied', async () => {
    const results = await all(t.em(), { municipalityCode: DEMO, asOf });
    const byId = new Map(results.map((r) => [r.recordId, r.results]));
    const options = municipalityEvaluateOptions(t.app.services.catalogue, DEMO);
    // Records with 養育費, with the most children, and the one on public assistance.
    const em = t.em();
    // Three different records (ids are random, so exclude the ones already picked).
    const withSupport = await em.findOneOrFail(PersonalRecord, {
      municipality: DEMO,
      id: { $ne: demoIds[5]! },
      income: { childSupportReceivedYearly: { $gt: 0 } },
    });
    const [biggest] = (await em
      .getConnection()
      .execute(
        `select record_id from child where municipality_code = ? and record_id not in (?, ?) group by record_id order by count(*) desc, record_id limit 1`,
        [DEMO, demoIds[5]!, withSupport.id],
      )) as { record_id: string }[];
    const sample = [withSupport.id, biggest!.record_id, demoIds[5]!];
    expect(new Set(sample).size).toBe(3);
    for (const id of sample) {
      const household = await householdOf(id);
      expect(byId.get(id)).toEqual(evaluateAll(household, options));
    }
    expect((await householdOf(demoIds[5]!)).receivesPublicAssistance).toBe(true);
    // デモ市 switched off learning-support-for-children and lowered the housing-support-loan cap.
    for (const r of results) expect(r.results.some((p) => p.programmeId === 'learning-support-for-children')).toBe(false);
    expect(options.overrides?.['housing-support-loan']).toEqual({ monthlyCap: 40000 });
  });

  it('gives the same results in small batches, without duplicates or gaps, in few statements', async () => {
    const whole = await all(t.em(), { municipalityCode: DEMO, asOf });
    for (const batchSize of [7, 5, 1]) {
      t.db.statements.length = 0;
      const batched = await all(t.em(), { municipalityCode: DEMO, asOf, batchSize });
      expect(batched.map((r) => r.recordId)).toEqual(demoIds);
      expect(new Set(batched.map((r) => r.recordId)).size).toBe(batched.length);
      expect(batched).toEqual(whole);
      // Three statements per batch (records, children, benefits) and one empty page at most: never per record.
      const batches = Math.ceil(30 / batchSize);
      expect(t.db.statements.length).toBeLessThanOrEqual(3 * batches + 1);
    }
  });

  it('loads the catalogue itself when none is passed, and defaults asOf to today in Japan', async () => {
    const results: RescreenResult[] = [];
    for await (const r of rescreen(t.em(), { municipalityCode: DEMO, batchSize: 11 })) results.push(r);
    expect(results).toEqual(await all(t.em(), { municipalityCode: DEMO, asOf }));
  });

  it('yields nothing for a municipality without records, and rejects bad options', async () => {
    expect(await all(t.em(), { municipalityCode: '000000' })).toEqual([]);
    await expect(all(t.em(), { municipalityCode: '99999' })).rejects.toThrow(TypeError);
    await expect(all(t.em(), { municipalityCode: DEMO, asOf: '2026-02-30' })).rejects.toThrow(TypeError);
    await expect(all(t.em(), { municipalityCode: DEMO, batchSize: 0 })).rejects.toThrow(RangeError);
  });
});
