import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DepartmentCode } from '../../api/core/departments';
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
    // Less the revocation list's refresh (once a second at most: a slow run can land it in any request).
    return t.db.statements.filter((sql) => !/revoked_token/.test(sql));
  }

  it('is the same small number for 5 and for 50 records', async () => {
    await statementsFor(5); // warm the revocation list
    const five = await statementsFor(5);
    const fifty = await statementsFor(50);
    expect(fifty.length).toBe(five.length);
    // The records with their child rows (children, benefits, consultations with department and staff
    // joined) in one statement; the audit append.
    expect(fifty).toHaveLength(2);
    expect(fifty[0]).toMatch(/from "?personal_record"?/);
    for (const table of ['child', 'benefit_in_use', 'consultation']) expect(fifty[0], table).toMatch(new RegExp(`from ${table}\\b`));
    expect(fifty[1]).toMatch(/audit_append/);
  });
});
