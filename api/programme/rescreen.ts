// Re-screening (再スクリーニング): re-evaluates every stored record of one municipality with the
// eligibility engine, for push-type outreach (e.g. after a law change or a new fiscal year).
//
//   for await (const { recordId, results } of rescreen(em, { municipalityCode: '999999' })) { … }
//
// Streaming with bounded memory: records are read in keyset-paginated batches on (id) — never all ids
// at once — with three plain SQL statements per batch (records, their children, their benefits in use)
// and no entity hydration, so nothing lands in the identity map. At most one batch of rows and
// households is held at a time; the consumer decides what to keep of the yielded results.
//
// Household built from a record: householdOfRecord (record-household.ts), the mapping desk eligibility
// (recordEligibility) uses too, so both give the public form's answer for the same facts. Here every
// section is read (the run is the municipality's own, not a viewer's).
// Records are evaluated as stored, without validateHousehold: a record the engine cannot judge (e.g. a
// child born after `asOf`) gets the engine's own NEEDS_MORE_INFO results rather than stopping the run.
//
// Municipal catalogue overrides (programmes switched off, changed amounts) are applied exactly as the
// eligibility query does (municipalityEvaluateOptions in programme.service.ts).
//
// Consistency: each batch is its own snapshot. A record created or deleted while the run is under way
// may or may not be included; a record is never yielded twice (ids only increase across batches).
// Performance: the record query walks personal_record's primary key filtered on municipality_code,
// which is right while one municipality dominates the table. With many municipalities in one
// database, an index on personal_record (municipality_code, id) would make each batch a range scan.

import type { EntityManager } from '@mikro-orm/core';
import { join } from 'node:path';
import { isIsoDate, todayInJapan } from '../core';
import { SEEDS_DIR } from '../core';
import { loadCatalogue, type Catalogue } from './catalogue';
import { MUNICIPALITY_CODE_PATTERN } from '../core';
import { municipalityEvaluateOptions } from './programme.service';
import { householdOfRecord } from './record-household';
import { evaluateAll, type ChildFacts, type EvaluateOptions, type ProgrammeResult } from './rules';

export interface RescreenOptions {
  /** The municipality whose records are re-screened (6 digits). */
  municipalityCode: string;
  /** Japan date of the evaluation, YYYY-MM-DD; default today in Japan. */
  asOf?: string;
  /** Records per batch (1–10,000); default 1,000. Memory is proportional to it. */
  batchSize?: number;
  /**
   * The programme catalogue for the municipality's overrides: pass the process-wide one
   * (AppServices.catalogue). Loaded and validated from seeds/programmes when omitted.
   */
  catalogue?: Catalogue;
}

export interface RescreenResult {
  recordId: string;
  /** evaluateAll's results for the record: every programme the municipality offers, most relevant first. */
  results: ProgrammeResult[];
}

export const DEFAULT_RESCREEN_BATCH_SIZE = 1000;
const MAX_BATCH_SIZE = 10_000;

interface RecordRow {
  id: string;
  employment: number | null;
  other: number | null;
  child_support: number | null;
  income_year: number | null;
  dependents: number | null;
  marital_status: string | null;
  concerns: string[] | null;
}

interface ChildRow {
  record_id: string;
  birth_date: string;
  disability: boolean;
}

interface BenefitRow {
  record_id: string;
  programme_id: string;
}

const RECORD_COLUMNS = `select id, income_annual_employment_income as employment, income_other_income as other,
  income_child_support_received_yearly as child_support, income_income_year as income_year, income_dependents_count as dependents,
  household_marital_status as marital_status, concerns_categories as concerns from personal_record`;
// A record merged into another (名寄せ) is a tombstone: its family is screened as the survivor.
const FIRST_RECORDS = `${RECORD_COLUMNS} where municipality_code = ? and merged_into_id is null order by id limit ?`;
const NEXT_RECORDS = `${RECORD_COLUMNS} where municipality_code = ? and merged_into_id is null and id > ?::uuid order by id limit ?`;
// The batch is every live record of the municipality with first ≤ id ≤ last, so children and benefits are
// fetched by that id range (an index range scan on record_id), with no list of ids to send (rows of a
// tombstone in the range find no record of the batch and are passed over).
const CHILDREN = `select record_id, to_char(birth_date, 'YYYY-MM-DD') as birth_date, disability from child
  where municipality_code = ? and record_id >= ?::uuid and record_id <= ?::uuid order by record_id, position`;
const BENEFITS = `select record_id, programme_id from benefit_in_use
  where municipality_code = ? and record_id >= ?::uuid and record_id <= ?::uuid`;

/** Re-evaluates every record of `options.municipalityCode`, one result per record, in id order. */
export async function* rescreen(em: EntityManager, options: RescreenOptions): AsyncGenerator<RescreenResult, void, undefined> {
  const code = options.municipalityCode;
  if (typeof code !== 'string' || !MUNICIPALITY_CODE_PATTERN.test(code)) {
    throw new TypeError(`municipalityCode must be 6 digits, got ${JSON.stringify(code)}`);
  }
  const asOf = options.asOf ?? todayInJapan();
  if (!isIsoDate(asOf)) throw new TypeError(`asOf must be a YYYY-MM-DD date, got ${JSON.stringify(asOf)}`);
  const batchSize = options.batchSize ?? DEFAULT_RESCREEN_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
    throw new RangeError(`batchSize must be an integer from 1 to ${MAX_BATCH_SIZE}, got ${batchSize}`);
  }
  const evaluateOptions: EvaluateOptions = municipalityEvaluateOptions(options.catalogue ?? loadCatalogue(join(SEEDS_DIR, 'programmes')), code);

  const connection = em.getConnection();
  const tx = em.getTransactionContext();
  const query = <T>(sql: string, params: unknown[]): Promise<T[]> => connection.execute(sql, params, 'all', tx) as Promise<T[]>;

  let after: string | null = null;
  for (;;) {
    const records: RecordRow[] =
      after === null ? await query<RecordRow>(FIRST_RECORDS, [code, batchSize]) : await query<RecordRow>(NEXT_RECORDS, [code, after, batchSize]);
    if (records.length === 0) return;
    const first = records[0]!.id;
    const last = records[records.length - 1]!.id;

    const children = new Map<string, ChildFacts[]>();
    const benefits = new Map<string, string[]>();
    for (const r of records) {
      children.set(r.id, []);
      benefits.set(r.id, []);
    }
    for (const c of await query<ChildRow>(CHILDREN, [code, first, last])) {
      children.get(c.record_id)?.push({ birthDate: c.birth_date, disability: c.disability });
    }
    for (const b of await query<BenefitRow>(BENEFITS, [code, first, last])) {
      benefits.get(b.record_id)?.push(b.programme_id);
    }

    for (const r of records) {
      const kids = children.get(r.id)!;
      const inUse = benefits.get(r.id)!;
      const household = householdOfRecord(
        {
          children: kids,
          maritalStatus: r.marital_status,
          income: {
            annualEmploymentIncome: r.employment,
            otherIncome: r.other,
            childSupportReceivedYearly: r.child_support,
            incomeYear: r.income_year,
            dependentsCount: r.dependents,
          },
          benefitsInUse: inUse,
          concerns: r.concerns ?? [],
        },
        asOf,
      );
      yield { recordId: r.id, results: evaluateAll(household, evaluateOptions) };
    }
    // A short batch is the last one; otherwise continue after its last id.
    if (records.length < batchSize) return;
    after = last;
  }
}
