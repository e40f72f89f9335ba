import { buildSchema, graphqlSync, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { applyDocs } from '../../api/core/docs';
import { buildApiSchema, printApiSchema } from '../../api/server/schema/build';
import { LINT_CONFIG } from '../../schema/lint/config';
import { lintSchema } from '../../schema/lint/rules';

/** A small schema that follows every convention; each test breaks one. */
const GOOD = `
"""Root reads."""
type Query {
  """A page of things."""
  things("""Page size.""" first: Int! = 20, """Start after this one.""" after: String): ThingConnection!
}
"""Root writes."""
type Mutation {
  """Make a thing."""
  makeThing("""What to make.""" input: MakeThingInput!): Thing!
  """Drop a thing."""
  dropThing("""Which.""" id: ID!): Thing!
}
"""A thing."""
type Thing {
  """Its id."""
  id: ID!
  """Its tags."""
  tags: [String!]!
  """Its kind."""
  kind: Kind!
}
"""Kinds."""
enum Kind {
  """A big one."""
  BIG
}
"""A new thing."""
input MakeThingInput {
  """Its tags."""
  tags: [String!]
}
"""Page."""
type ThingConnection {
  """The things of the page."""
  edges: [ThingEdge!]!
  """Where the page stands."""
  pageInfo: PageInfo!
}
"""Edge."""
type ThingEdge {
  """Where it is."""
  cursor: String!
  """The thing."""
  node: Thing!
}
"""Relay page info."""
type PageInfo {
  """More after."""
  hasNextPage: Boolean!
  """More before."""
  hasPreviousPage: Boolean!
  """First cursor."""
  startCursor: String
  """Last cursor."""
  endCursor: String
}
`;

const lint = (sdl: string) => lintSchema(buildSchema(sdl), { ...LINT_CONFIG, exceptions: {} });
const found = (sdl: string) => lint(sdl).map((f) => `${f.rule} ${f.coordinate}`);

describe('npm run schema:lint', () => {
  it('finds nothing in the API schema (every type, field, argument and enum value described; conventions kept)', () => {
    expect(lintSchema(buildApiSchema())).toEqual([]);
    expect(lintSchema(buildSchema(printApiSchema()))).toEqual([]);
  });

  it('finds nothing in a schema that keeps the conventions', () => {
    expect(lint(GOOD)).toEqual([]);
  });

  it('names each undescribed element by its coordinate, and a description that only repeats the name', () => {
    const sdl = GOOD.replace('"""Its tags."""\n  tags: [String!]!', 'tags: [String!]!')
      .replace('"""A big one."""\n  BIG', 'BIG')
      .replace('"""Which.""" id', 'id')
      .replace('"""A thing."""\ntype Thing', '"""Thing."""\ntype Thing');
    expect(found(sdl)).toEqual(['described Kind.BIG', 'described Mutation.dropThing(id:)', 'described Thing', 'described Thing.tags']);
  });

  it('finds nullable list items, bad names, input suffixes and id types', () => {
    const sdl = GOOD.replace('tags: [String!]!', 'tags: [String]!')
      .replace('"""A big one."""\n  BIG', '"""A big one."""\n  Big')
      .replace(/MakeThingInput/g, 'MakeThing')
      .replace('"""Its id."""\n  id: ID!', '"""Its id."""\n  id: String!\n  """Odd."""\n  Odd_name: Int');
    expect(found(sdl)).toEqual(
      ['enum-values Kind.Big', 'input-names MakeThing', 'list-items-non-null Thing.tags', 'field-names Thing.Odd_name', 'id-type Thing.id'].sort(
        (a, b) => a.split(' ')[1]!.localeCompare(b.split(' ')[1]!) || a.localeCompare(b),
      ),
    );
  });

  it('wants one input object (or one id) per mutation and a non-null payload', () => {
    const sdl = GOOD.replace(
      'makeThing("""What to make.""" input: MakeThingInput!): Thing!',
      'makeThing("""Its tags.""" tags: [String!]!, """Its kind.""" kind: Kind): Thing',
    );
    expect(found(sdl)).toEqual(['mutation-arguments Mutation.makeThing', 'mutation-payload Mutation.makeThing']);
  });

  it('checks the Relay connection shapes and PageInfo (hasPreviousPage, startCursor)', () => {
    expect(found(GOOD.replace('"""More before."""\n  hasPreviousPage: Boolean!', '').replace('startCursor: String', 'startCursor: String!'))).toEqual([
      'relay-page-info PageInfo.hasPreviousPage',
      'relay-page-info PageInfo.startCursor',
    ]);
    expect(found(GOOD.replace('edges: [ThingEdge!]!', 'edges: [ThingEdge!]').replace('cursor: String!', 'cursor: String'))).toEqual([
      'relay-connection ThingConnection.edges',
    ]);
    expect(found(GOOD.replace('after: String)', 'offset: Int)'))).toEqual(['relay-connection Query.things']);
  });

  it('wants a deprecation reason that names the replacement', () => {
    const withReason = (reason: string) => GOOD.replace('kind: Kind!', `kind: Kind! ${reason}`);
    expect(found(withReason('@deprecated'))).toEqual(['deprecation-reason Thing.kind']);
    expect(found(withReason('@deprecated(reason: "old")'))).toEqual(['deprecation-reason Thing.kind']);
    expect(found(withReason('@deprecated(reason: "Use `Thing.tags`; removed after 2027-06-01.")'))).toEqual([]);
  });

  it('leaves out the configured exceptions, and only those', () => {
    const sdl = GOOD.replace('"""Its id."""\n  id: ID!', '"""Its id."""\n  id: String!');
    expect(lintSchema(buildSchema(sdl), { ...LINT_CONFIG, exceptions: { 'id-type': { 'Thing.id': 'kept for a test' } } })).toEqual([]);
    expect(lintSchema(buildSchema(sdl), { ...LINT_CONFIG, exceptions: { 'id-type': { 'Other.id': 'kept for a test' } } })).toHaveLength(1);
  });
});

describe('module docs (applyDocs)', () => {
  const small = (): GraphQLSchema => buildSchema(GOOD.replace(/"""[^"]*"""/g, ''));

  it('describes types, fields, arguments and enum values, as introspection shows them', () => {
    const schema = small();
    applyDocs(schema, {
      Thing: { description: '物 — a thing.', fields: { tags: 'タグ.' } },
      Kind: { values: { BIG: '大.' } },
      Query: { fields: { things: { description: 'Things.', args: { first: 'Page size.' } } } },
    });
    const r = graphqlSync({
      schema,
      source:
        '{ __type(name: "Thing") { description fields { name description } } k: __type(name: "Kind") { enumValues { description } } q: __type(name: "Query") { fields { args { name description } } } }',
    });
    const data = r.data as any;
    expect(data.__type.description).toBe('物 — a thing.');
    expect(data.__type.fields.find((f: any) => f.name === 'tags').description).toBe('タグ.');
    expect(data.k.enumValues[0].description).toBe('大.');
    expect(data.q.fields[0].args.find((a: any) => a.name === 'first').description).toBe('Page size.');
  });

  it('refuses docs for what the schema does not have, so they cannot drift', () => {
    expect(() => applyDocs(small(), { Nope: { description: 'x' } })).toThrow('no type Nope');
    expect(() => applyDocs(small(), { Thing: { fields: { colour: 'x' } } })).toThrow('no field Thing.colour');
    expect(() => applyDocs(small(), { Query: { fields: { things: { description: 'x', args: { last: 'x' } } } } })).toThrow('no argument Query.things(last:)');
    expect(() => applyDocs(small(), { Kind: { values: { SMALL: 'x' } } })).toThrow('no enum value Kind.SMALL');
  });

  it('may extend what the code says of an element, never replace it (a changed code text is named at build)', () => {
    const schema = buildSchema(GOOD);
    applyDocs(schema, { Thing: { description: '物. A thing. Made by makeThing.' } });
    expect(schema.getType('Thing')!.description).toBe('物. A thing. Made by makeThing.');
    expect(() => applyDocs(buildSchema(GOOD), { Thing: { description: 'Something else.' } })).toThrow('Thing is described in the code ("A thing.")');
    expect(() => applyDocs(buildSchema(GOOD), { Query: { fields: { things: { description: 'A page of things.', args: { first: 'How many.' } } } } })).toThrow(
      'Query.things(first:) is described in the code',
    );
  });

  it('gives partners the Japanese term on the record types they read', () => {
    const schema = buildApiSchema();
    const field = (t: string, f: string) => (schema.getType(t) as any).getFields()[f].description as string;
    expect(schema.getType('PersonalRecord')!.description).toContain('電子個人票');
    expect(field('PersonalRecord', 'consultations')).toContain('相談対応履歴');
    expect(schema.getType('Referral')!.description).toContain('紹介');
    expect(field('PageInfo', 'hasPreviousPage')).toMatch(/after/);
  });
});
