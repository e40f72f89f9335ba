import { GraphQLObjectType, GraphQLSchema, GraphQLString, graphql } from 'graphql';
import { describe, expect, it } from 'vitest';
import { permissions, RECORD_FIELDS, withShield } from '../../api/access/shield';
import { OPERATIONS } from '../../api/access/operations';
import { SECTIONS } from '../../api/core/sections';
import { buildApiSchema } from '../../api/server/schema/build';

describe('the shield', () => {
  const schema = buildApiSchema();
  const tree = permissions(schema) as Record<string, Record<string, unknown>>;

  it('gives every section of PersonalRecord its own rule and names the record’s other fields', () => {
    const fields = Object.keys((schema.getType('PersonalRecord') as GraphQLObjectType).getFields()).sort();
    expect(Object.keys(tree.PersonalRecord!).sort()).toEqual(fields);
    for (const s of SECTIONS) expect((tree.PersonalRecord![s] as { name: string }).name).toBe(`section:${s}`);
    for (const f of fields) expect(SECTIONS.includes(f as never) || RECORD_FIELDS.has(f), f).toBe(true);
  });

  it('denies a root field that the operation catalogue does not name (fallbackRule: deny)', async () => {
    // A schema with every catalogued operation, plus one field nobody catalogued.
    const fieldsOf = (names: string[]) => Object.fromEntries(names.map((n) => [n, { type: GraphQLString, resolve: () => 'ok' }]));
    const query = new GraphQLObjectType({
      name: 'Query',
      fields: { ...fieldsOf(Object.keys(OPERATIONS.Query)), secret: { type: GraphQLString, resolve: () => 'leak' } },
    });
    const mutation = new GraphQLObjectType({ name: 'Mutation', fields: fieldsOf(Object.keys(OPERATIONS.Mutation)) });
    const shielded = withShield(new GraphQLSchema({ query, mutation }));
    const allowed = await graphql({ schema: shielded, source: '{ programmes }', contextValue: { viewer: { kind: 'anonymous' }, locale: 'ja' } });
    expect(allowed.data?.programmes).toBe('ok');
    const res = await graphql({ schema: shielded, source: '{ secret }', contextValue: { viewer: { kind: 'anonymous' }, locale: 'ja' } });
    expect(res.data?.secret ?? null).toBeNull();
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(res)).not.toContain('leak');
  });
});
