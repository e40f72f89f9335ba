import { parse, Kind, type FragmentDefinitionNode, type OperationDefinitionNode, type FieldNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectedChildRows } from '../../api/record/child-rows';
import { DepartmentCode } from '../../api/core/departments';
import { startTestApp, type TestApp } from '../support/app';

/** The look-ahead's view of an operation: its first root field, as a resolver's info would give it. */
function infoOf(source: string) {
  const doc = parse(source);
  const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  return { fieldNodes: [op.selectionSet.selections[0] as FieldNode], fragments };
}

describe('which child rows a query selects (look-ahead)', () => {
  const cases: [string, string, string[]][] = [
    ['no child rows', '{ records { edges { node { id identity { familyName } } } } }', []],
    ['household without children', '{ records { edges { node { household { note } } } } }', []],
    [
      'all three, directly',
      '{ records { edges { node { household { children { birthDate } } benefits { programmeId } consultations { date } } } } }',
      ['children', 'benefits', 'consultations'],
    ],
    ['through an alias', '{ records { edges { node { kids: household { list: children { birthDate } } } } } }', ['children']],
    ['through an inline fragment', '{ records { edges { node { ... on PersonalRecord { benefits { programmeId } } } } } }', ['benefits']],
    [
      'through a fragment spread, nested',
      'query { records { edges { ...E } } } fragment E on PersonalRecordEdge { node { ...N } } fragment N on PersonalRecord { consultations { date } }',
      ['consultations'],
    ],
    ['a spread used twice', 'query { records { edges { node { ...N ...N } } } } fragment N on PersonalRecord { benefits { programmeId } }', ['benefits']],
    [
      'under @skip (fetched anyway; never returned unless selected)',
      '{ records { edges { node { benefits @skip(if: true) { programmeId } } } } }',
      ['benefits'],
    ],
    ['outside the node', '{ records { pageInfo { hasNextPage } } }', []],
  ];
  it.each(cases)('%s', (_name, query, kinds) => {
    expect(selectedChildRows(infoOf(query), ['edges', 'node']).map((w) => w.kind)).toEqual(kinds);
  });

  it('names the selected row fields (with the id), across aliases and fragments; an unknown field means all', () => {
    const rows = selectedChildRows(
      infoOf(`query { records { edges { node { a: consultations { date } b: consultations { ...C } household { children { birthDate } } benefits { __typename programmeId } } } } }
        fragment C on Consultation { summary department }`),
      ['edges', 'node'],
    );
    expect(rows).toEqual([
      { kind: 'children', fields: ['id', 'birthDate'] },
      { kind: 'benefits', fields: null },
      { kind: 'consultations', fields: ['id', 'date', 'summary', 'department'] },
    ]);
  });

  it('finds them on a single record too', () => {
    expect(selectedChildRows(infoOf('{ record(id: "x") { household { children { birthDate } } } }'), []).map((w) => w.kind)).toEqual(['children']);
  });
});

const PAGE = `query Page($first: Int) { records(first: $first) { edges { node { ...Rows } } } }
fragment Rows on PersonalRecord { id household { children { birthDate disability } } benefits { programmeId } consultations { date summary department } }`;

/** A page brings its records' child rows in its own statement; what a viewer may not read is never fetched. */
describe('child rows fetched with the page', () => {
  let t: TestApp;
  /** The request's statements, less the revocation list's refresh (once a second at most: a slow run can land it in any request). */
  const ofRequest = () => t.db.statements.filter((sql) => !/revoked_token/.test(sql));
  beforeAll(async () => {
    t = await startTestApp({ records: 30 });
  });
  afterAll(() => t.close());

  it('owner: records and child rows in one statement, then the audit append — the same rows the per-record loader gives', async () => {
    const token = await t.login(DepartmentCode.SINGLE_PARENT);
    await t.gql(PAGE, { first: 1 }, token); // warm the revocation list
    t.db.statements.length = 0;
    const page = await t.gql(PAGE, { first: 30 }, token);
    expect(page.body.errors).toBeUndefined();
    expect(ofRequest()).toHaveLength(2);
    for (const table of ['personal_record', 'child', 'benefit_in_use', 'consultation'])
      expect(ofRequest()[0], table).toMatch(new RegExp(`from "?${table}"?\\b`));
    expect(ofRequest()[1]).toMatch(/audit_append/);

    // The loader path (a mutation's result is an entity without prefetched rows) gives the same rows.
    const nodes = page.body.data!.records.edges.map((e: { node: Record<string, unknown> }) => e.node);
    expect(nodes.some((n: { household: { children: unknown[] } }) => n.household.children.length > 0)).toBe(true);
    for (const node of nodes.slice(0, 5)) {
      const one = await t.gql(`query($id: ID!) { record(id: $id) { version } }`, { id: node.id }, token);
      const updated = await t.gql(
        `mutation($input: UpdateRecordSectionInput!) { updateRecordSection(input: $input) { ...Rows } } fragment Rows on PersonalRecord { id household { children { birthDate disability } } benefits { programmeId } consultations { date summary department } }`,
        { input: { id: node.id, expectedVersion: one.body.data!.record.version, selfReliancePlan: { goal: '就労に向けた準備' } } },
        token,
      );
      expect(updated.body.errors).toBeUndefined();
      expect(updated.body.data!.updateRecordSection).toEqual(node);
    }
  });

  it('戸籍担当課 (family-register): children only; benefits and consultations are neither fetched nor returned', async () => {
    const token = await t.login(DepartmentCode.FAMILY_REGISTER);
    await t.gql(PAGE, { first: 1 }, token);
    t.db.statements.length = 0;
    const page = await t.gql(PAGE, { first: 30 }, token);
    expect(page.body.data!.records.edges.length).toBeGreaterThan(0);
    const [records] = ofRequest();
    expect(records).toMatch(/from "?child"?\b/);
    expect(records).not.toMatch(/benefit_in_use|consultation/);
    const denied = new Set((page.body.errors ?? []).map((e) => `${e.extensions?.code}:${String(e.path?.at(-1))}`));
    expect(denied).toEqual(new Set(['FORBIDDEN:benefits', 'FORBIDDEN:consultations']));
    for (const e of page.body.data!.records.edges) {
      expect(e.node.benefits).toBeNull();
      expect(e.node.consultations).toBeNull();
      expect(Array.isArray(e.node.household.children)).toBe(true);
    }
  });

  it('a single record: its child rows come with it', async () => {
    const token = await t.login(DepartmentCode.SINGLE_PARENT);
    const list = await t.gql('{ records(first: 1) { edges { node { id } } } }', {}, token);
    const id = list.body.data!.records.edges[0].node.id;
    t.db.statements.length = 0;
    const res = await t.gql('query($id: ID!) { record(id: $id) { household { children { birthDate } } benefits { programmeId } } }', { id }, token);
    expect(res.body.errors).toBeUndefined();
    expect(ofRequest()).toHaveLength(2);
    expect(ofRequest()[0]).toMatch(/from "?child"?\b/);
  });
});
