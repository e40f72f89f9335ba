import fc from 'fast-check';
import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConcernCategory } from '../../api/record/concern-category';
import { PersonalRecord } from '../../api/record/personal-record.entity';
import { criteria, criteriaFilter, type RecordCriteria } from '../../api/record/record-criteria';
import { RecordReader } from '../../api/record/record.reader';
import { DEPARTMENT_CODES } from '../../api/core/departments';
import { startTestApp, type TestApp } from '../support/app';

/** The same criteria as a MikroORM FilterQuery, written out independently (the way the service composed them before). */
function asFilterQuery(c: RecordCriteria): FilterQuery<PersonalRecord> {
  const and: FilterQuery<PersonalRecord>[] = [{ municipality: c.municipality }];
  if (c.consentTo.length > 0) and.push({ sharedWith: { $contains: [...c.consentTo] } });
  if (c.ids) and.push({ id: { $in: [...c.ids] } });
  if (c.nameLike != null) and.push({ searchName: { $like: c.nameLike } });
  if (c.concern != null) and.push({ concerns: { categories: { $contains: [c.concern] } } } as FilterQuery<PersonalRecord>);
  if (c.createdFrom) and.push({ createdAt: { $gte: c.createdFrom } });
  if (c.createdBefore) and.push({ createdAt: { $lt: c.createdBefore } });
  if (c.referenceNumber != null) and.push({ referenceNumber: c.referenceNumber });
  if (c.birthDate != null) and.push({ identity: { birthDate: c.birthDate } } as FilterQuery<PersonalRecord>);
  if (c.after) and.push({ $or: [{ createdAt: { $lt: c.after.createdAt } }, { createdAt: c.after.createdAt, id: { $lt: c.after.id } }] });
  return { $and: and };
}

/** record-criteria.ts renders visibility and filters as SQL (the read path) and as a FilterQuery (writes): both pick the same records. */
describe('record criteria', () => {
  let t: TestApp;
  let all: PersonalRecord[];
  const em = () => t.db.orm.em.fork() as EntityManager;

  beforeAll(async () => {
    t = await startTestApp({ records: 40 });
    all = await em().find(PersonalRecord, {}, { orderBy: { createdAt: 'desc', id: 'desc' } });
  });
  afterAll(() => t.close());

  it('the SQL selects exactly what the equivalent FilterQuery selects, in order, for any combination', async () => {
    const municipality = all[0]!.municipality.code;
    const arb = fc.record({
      municipality: fc.constantFrom(municipality, municipality, municipality, '000000'),
      consentTo: fc.oneof(fc.constant([]), fc.subarray([...DEPARTMENT_CODES, 'partners'], { maxLength: 2 })),
      ids: fc.option(
        fc.subarray(
          all.map((r) => r.id),
          { minLength: 10 },
        ),
        { nil: null, freq: 2 },
      ),
      nameLike: fc.option(fc.constantFrom('%', '%あ%', '%ひとり%', '%\\%%', '%_%'), { nil: null, freq: 2 }),
      concern: fc.option(fc.constantFrom(...Object.values(ConcernCategory)), { nil: null, freq: 2 }),
      createdFrom: fc.option(fc.constantFrom(...all.map((r) => r.createdAt)), { nil: null, freq: 2 }),
      createdBefore: fc.option(fc.constantFrom(...all.map((r) => r.createdAt)), { nil: null, freq: 2 }),
      referenceNumber: fc.option(fc.constantFrom(all[3]!.referenceNumber, 'NONE-0000'), { nil: null, freq: 2 }),
      after: fc.option(fc.constantFrom(...all.slice(0, 20).map((r) => ({ createdAt: r.createdAt, id: r.id }))), { nil: null, freq: 2 }),
    });
    let nonEmpty = 0;
    await fc.assert(
      fc.asyncProperty(arb, async (parts) => {
        const c = criteria(parts.municipality, parts);
        const viaSql = (await new RecordReader(em()).find(c, 'newest', 100)).map((r) => r.id);
        const viaOrm = (await em().find(PersonalRecord, asFilterQuery(c), { orderBy: { createdAt: 'desc', id: 'desc' } })).map((r) => r.id);
        expect(viaSql).toEqual(viaOrm);
        expect(await new RecordReader(em()).count(c)).toBe(viaOrm.length);
        if (viaOrm.length > 0) nonEmpty += 1;
        // The entity path's visibility filter (municipality, consent, ids) agrees too.
        const visible = criteria(parts.municipality, { consentTo: parts.consentTo, ids: parts.ids });
        const viaFilter = (await em().find(PersonalRecord, criteriaFilter(visible), { orderBy: { createdAt: 'desc', id: 'desc' } })).map((r) => r.id);
        expect(viaFilter).toEqual((await new RecordReader(em()).find(visible, 'newest', 100)).map((r) => r.id));
      }),
      { numRuns: 60, seed: 20261128 },
    );
    expect(nonEmpty).toBeGreaterThan(5);
  });

  it('a birth date selects the same records both ways', async () => {
    const municipality = all[0]!.municipality.code;
    for (const birthDate of [all[5]!.identity.birthDate!, '1900-01-01']) {
      for (const consentTo of [[], ['livelihood-support']]) {
        const c = criteria(municipality, { birthDate, consentTo });
        const viaSql = (await new RecordReader(em()).find(c, 'newest', 100)).map((r) => r.id);
        const viaOrm = (await em().find(PersonalRecord, asFilterQuery(c), { orderBy: { createdAt: 'desc', id: 'desc' } })).map((r) => r.id);
        expect(viaSql).toEqual(viaOrm);
      }
    }
    expect((await new RecordReader(em()).find(criteria(municipality, { birthDate: all[5]!.identity.birthDate! }), 'newest', 100)).map((r) => r.id)).toContain(
      all[5]!.id,
    );
  });
});
