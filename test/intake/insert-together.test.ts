import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertTogether } from '../../api/intake/insert-together';
import { InboxItem } from '../../api/inbox/inbox-item.entity';
import { InboxItemKind } from '../../api/inbox/inbox-item-kind';
import { DepartmentCode } from '../../api/core/departments';
import { Municipality } from '../../api/municipality/municipality.entity';
import { BenefitInUse } from '../../api/record/benefit-in-use.entity';
import { Child } from '../../api/record/child.entity';
import { ConsentEvent } from '../../api/record/consent-event.entity';
import { PersonalRecord, RecordSource } from '../../api/record/personal-record.entity';
import { RecordWriter } from '../../api/record/record.writer';
import { wireModules } from '../../api/server/wiring';
import { addMunicipality } from '../support/fixtures';
import { openTestDatabase, type TestDatabase } from '../support/db';

/** insertTogether: what RecordWriter prepared, stored by one atomic statement. */
describe('insertTogether', () => {
  let db: TestDatabase;
  const fresh = () => db.orm.em.fork() as EntityManager;
  beforeAll(async () => {
    // RecordWriter hands consented records over to inbox/ through a slot createApp connects; no app here.
    wireModules();
    db = await openTestDatabase();
    await addMunicipality(fresh(), '999998');
  });
  afterAll(() => db.close());

  const prepare = async (referenceNumber: string, key: string) => {
    const em = fresh();
    const record = em.create(PersonalRecord, { municipality: em.getReference(Municipality, '999998'), referenceNumber, source: RecordSource.INTAKE } as never);
    await new RecordWriter(em, '2026-11-28', 'ja').apply(
      record,
      {
        identity: { familyName: '一文', familyNameKana: 'いちぶん' },
        household: {
          children: [
            { birthDate: '2016-07-07', disability: false },
            { birthDate: '2019-01-20', disability: true },
          ],
          otherMembers: [],
        },
        income: { annualEmploymentIncome: 1_800_000, otherIncome: 0, childSupportReceivedYearly: 0 },
        benefits: [{ programmeId: 'child-allowance' }],
        concerns: { categories: ['work' as never], note: '質問? $1 と :name' },
        consent: { sharedWith: ['livelihood-support' as never], shareWithPartners: true, privacyNoticeVersion: '2026-04' },
      } as never,
      'input',
      null,
      true,
    );
    em.create(InboxItem, {
      municipality: record.municipality,
      department: DepartmentCode.SINGLE_PARENT,
      kind: InboxItemKind.INTAKE,
      record,
      referenceNumber,
      receivedAt: new Date(),
      urgent: false,
      idempotencyKey: key,
      inputHash: 'h'.repeat(64),
    });
    return { em, record };
  };

  it('stores the record, its rows and the inbox item in one statement, with the values em.flush() would store', async () => {
    const { em, record } = await prepare('ONE1-STMT', 'key-one-statement');
    db.statements.length = 0;
    await insertTogether(em);
    expect(db.statements).toHaveLength(1);
    expect(db.statements[0]).toMatch(/^with /);

    const read = fresh();
    const stored = await read.findOneOrFail(PersonalRecord, { id: record.id });
    expect(stored).toMatchObject({
      referenceNumber: 'ONE1-STMT',
      version: 1,
      source: RecordSource.INTAKE,
      searchName: record.searchName,
      sharedWith: ['livelihood-support', 'partners'],
    });
    expect(stored.identity.familyNameKana).toBe('イチブン');
    expect(stored.concerns).toMatchObject({ categories: ['work'], note: '質問? $1 と :name' });
    expect(stored.household.otherMembers).toEqual([]);
    expect((await read.find(Child, { record: record.id }, { orderBy: { position: 'asc' } })).map((c) => [c.birthDate, c.disability])).toEqual([
      ['2016-07-07', false],
      ['2019-01-20', true],
    ]);
    expect((await read.find(BenefitInUse, { record: record.id })).map((b) => b.programmeId)).toEqual(['child-allowance']);
    expect((await read.find(ConsentEvent, { record: record.id })).map((e) => [e.target, e.granted]).sort()).toEqual([
      ['livelihood-support', true],
      ['partners', true],
    ]);
    expect(await read.count(InboxItem, { record: record.id, idempotencyKey: 'key-one-statement' })).toBe(1);
  });

  it('stores nothing at all when one row is refused (here: a key already used)', async () => {
    const { em, record } = await prepare('TWO2-STMT', 'key-one-statement');
    await expect(insertTogether(em)).rejects.toBeInstanceOf(UniqueConstraintViolationException);
    const read = fresh();
    expect(await read.count(PersonalRecord, { id: record.id })).toBe(0);
    expect(await read.count(Child, { record: record.id })).toBe(0);
    expect(await read.count(ConsentEvent, { record: record.id })).toBe(0);
  });

  it('refuses entities that are already stored rather than inserting them twice', async () => {
    const em = fresh();
    const existing = await em.findOneOrFail(PersonalRecord, { referenceNumber: 'ZZZZ-ZZZZ' });
    em.persist(existing);
    await expect(insertTogether(em)).rejects.toThrow(/not new/);
  });
});
