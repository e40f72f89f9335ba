import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DepartmentCode } from '../../api/core/departments';
import { startTestApp, type TestApp } from '../support/app';

/** Every top-level field of PersonalRecord a client can ask for, with a full sub-selection. */
const FIELDS: Record<string, string> = {
  id: 'id',
  referenceNumber: 'referenceNumber',
  version: 'version',
  ownerDepartment: 'ownerDepartment',
  source: 'source',
  createdAt: 'createdAt',
  updatedAt: 'updatedAt',
  access: 'access { section readable writable reason }',
  identity: 'identity { familyName givenName familyNameKana givenNameKana birthDate }',
  address: 'address { postalCode prefecture city street }',
  contact: 'contact { phone email preferredChannel contactAllowed }',
  household: 'household { children { id givenName birthDate disability } otherMembers { relation } note }',
  income: 'income { incomeYear annualEmploymentIncome otherIncome childSupportReceivedYearly }',
  benefits: 'benefits { id programmeId since note }',
  concerns: 'concerns { categories note }',
  selfReliancePlan: 'selfReliancePlan { goal steps startedOn reviewOn }',
  consultations: 'consultations { id date channel summary followUp followUpDue createdAt department staffName }',
  protection: 'protection { dvProtected dvConcern supportMeasure since expiresOn }',
  consent: 'consent { sharedWith shareWithPartners privacyNoticeVersion }',
};
const ALL = Object.keys(FIELDS);
/** Not a field of the record: it makes the look-ahead read every column (checked like the rest). */
const TYPENAME: Record<string, string> = { __typename: '__typename' };

const page = (fields: readonly string[]) => `{ records(first: 40) { edges { node { ${fields.map((f) => FIELDS[f] ?? TYPENAME[f]).join(' ')} } } } }`;
const pick = (node: Record<string, unknown>, fields: readonly string[]) => Object.fromEntries(fields.map((f) => [f, node[f]]));
/** Errors as (path, code, reason), order-free. */
const errorsOf = (body: { errors?: { path?: unknown[]; extensions?: Record<string, unknown> }[] }) =>
  (body.errors ?? []).map((e) => `${(e.path ?? []).join('.')}:${e.extensions?.code}:${e.extensions?.reason ?? ''}`).sort();

/**
 * A read fetches only the columns of the sections a query selects (record.reader.ts, record-selection.ts).
 * Whatever a client selects, the answer is the full answer restricted to that selection: same data,
 * same denials — for the owner, and for a department that has DV-withheld and not-permitted sections.
 */
describe('records read only the selected sections’ columns, with the same answers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ records: 40 });
  });
  afterAll(() => t.close());

  it.each([DepartmentCode.SINGLE_PARENT, DepartmentCode.LIVELIHOOD_SUPPORT, DepartmentCode.PUBLIC_HOUSING])(
    '%s: any selection equals the full read restricted to it',
    async (department) => {
      const token = await t.login(department);
      const full = await t.gql(page(['id', ...ALL.filter((f) => f !== 'id')]), {}, token);
      const fullNodes: Record<string, unknown>[] = full.body.data!.records.edges.map((e: { node: Record<string, unknown> }) => e.node);
      expect(fullNodes.length).toBeGreaterThan(5);
      const fullErrors = (fields: readonly string[]) => errorsOf(full.body).filter((e) => fields.some((f) => e.split(':')[0]!.split('.')[4] === f));
      await fc.assert(
        fc.asyncProperty(fc.subarray(ALL, { minLength: 1 }), fc.boolean(), async (fields, typename) => {
          const res = await t.gql(page(typename ? [...fields, '__typename'] : fields), {}, token);
          const nodes: Record<string, unknown>[] = res.body.data!.records.edges.map((e: { node: Record<string, unknown> }) => e.node);
          expect(nodes.map((n) => pick(n, fields))).toEqual(fullNodes.map((n) => pick(n, fields)));
          expect(errorsOf(res.body)).toEqual(fullErrors(fields));
        }),
        { numRuns: 25, seed: 2026 },
      );
    },
  );

  it('a single record too', async () => {
    const token = await t.login(DepartmentCode.SINGLE_PARENT);
    const first = await t.gql('{ records(first: 1) { edges { node { id } } } }', {}, token);
    const id = first.body.data!.records.edges[0].node.id;
    const one = (fields: readonly string[]) => `query($id: ID!) { record(id: $id) { ${fields.map((f) => FIELDS[f]).join(' ')} } }`;
    const full = (await t.gql(one(ALL), { id }, token)).body.data!.record;
    for (const fields of [['identity'], ['consent', 'protection'], ['household', 'income'], ['access', 'version']]) {
      const res = await t.gql(one(fields), { id }, token);
      expect(res.body.data!.record).toEqual(pick(full, fields));
    }
  });
});
