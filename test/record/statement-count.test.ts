import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DepartmentCode } from '../../api/municipality/department-code';
import { startTestApp, type TestApp } from '../support/app';

const PAGE = `query($first: Int) { records(first: $first) { edges { node {
  id referenceNumber identity { familyName familyNameKana }
  household { children { birthDate disability } otherMembers { relation } }
  benefits { programmeId since } consultations { date summary department staffName }
  concerns { categories } access { section readable }
} } } }`;

/** Nested reads never go N+1: a page of 50 costs what a page of 5 costs. */
describe('SQL statements per page', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await startTestApp({ records: 60 });
    token = await t.login(DepartmentCode.SINGLE_PARENT);
  });
  afterAll(() => t.close());

  async function statementsFor(first: number): Promise<string[]> {
    t.db.statements.length = 0;
    const res = await t.gql(PAGE, { first }, token);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.records.edges).toHaveLength(first);
    return [...t.db.statements];
  }

  it('is the same small number for 5 and for 50 records', async () => {
    await statementsFor(5); // warm the revocation list
    const five = await statementsFor(5);
    const fifty = await statementsFor(50);
    expect(fifty.length).toBe(five.length);
    // records, children, benefits, consultations (with department and staff joined), audit append
    const kinds = fifty.map((sql) => /from "?(personal_record|child|benefit_in_use|consultation)"?|audit_append/.exec(sql)?.[0] ?? sql.slice(0, 40));
    expect(kinds).toHaveLength(5);
    for (const table of ['personal_record', 'child', 'benefit_in_use', 'consultation', 'audit_append']) {
      expect(kinds.filter((k) => k.includes(table)), table).toHaveLength(1);
    }
  });
});
