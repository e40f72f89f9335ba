import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type GraphQLType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
  isIntrospectionType,
  DEFAULT_DEPRECATION_REASON,
} from 'graphql';
import { LINT_CONFIG, type LintConfig } from './config';

/**
 * The conventions of the partner API, checked on the schema (npm run schema:lint, 0 findings in CI).
 * Each finding names the rule and the schema coordinate (`Type.field(arg:)`), so whoever adds a field
 * knows exactly what to describe or rename. Why each rule exists is said at the rule.
 */
export interface Finding {
  rule: string;
  coordinate: string;
  message: string;
}

type Emit = (rule: string, coordinate: string, message: string) => void;

const PASCAL = /^[A-Z][A-Za-z0-9]*$/;
const CAMEL = /^[a-z][A-Za-z0-9]*$/;
const UPPER = /^[A-Z][A-Z0-9_]*$/;

/** A description a reader can use: present, and more than the element's own name repeated. */
function describedEnough(description: string | null | undefined, name: string): boolean {
  const text = (description ?? '').trim();
  return text.length > 0 && text.replace(/[\s.`]/g, '').toLowerCase() !== name.toLowerCase();
}

/** `[X]` whose items may be null makes every client handle a null it never gets; lists hold non-null items. */
function nullableListItem(type: GraphQLType): boolean {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (!isListType(inner)) return false;
  return !isNonNullType(inner.ofType) || nullableListItem(inner.ofType.ofType);
}

function typeString(type: GraphQLType): string {
  return String(type);
}

export function lintSchema(schema: GraphQLSchema, config: LintConfig = LINT_CONFIG): Finding[] {
  const findings: Finding[] = [];
  const emit: Emit = (rule, coordinate, message) => {
    if (config.exceptions[rule]?.[coordinate] === undefined) findings.push({ rule, coordinate, message });
  };
  const types = Object.values(schema.getTypeMap()).filter((t) => !isIntrospectionType(t) && !isSpecifiedScalarType(t));
  for (const type of types) {
    lintType(type, emit, config);
  }
  lintMutations(schema, emit);
  lintConnections(schema, types, emit);
  return findings.sort((a, b) => a.coordinate.localeCompare(b.coordinate) || a.rule.localeCompare(b.rule));
}

/** Descriptions, names, list items, deprecations of one type and its members. */
function lintType(type: GraphQLNamedType, emit: Emit, config: LintConfig): void {
  // Partners read the schema, not the code: every element says what it means (units, formats, who may read it).
  if (!describedEnough(type.description, type.name)) emit('described', type.name, `type ${type.name} has no description`);
  if (!PASCAL.test(type.name)) emit('type-names', type.name, 'type names are PascalCase');
  if (isInputObjectType(type)) {
    if (!config.inputSuffixes.some((s) => type.name.endsWith(s)))
      emit('input-names', type.name, `input type names end with ${config.inputSuffixes.join(' or ')}`);
  } else if (type.name.endsWith('Input')) {
    emit('input-names', type.name, 'only input types end with Input');
  }
  if (isEnumType(type)) {
    for (const value of type.getValues()) {
      const at = `${type.name}.${value.name}`;
      if (!describedEnough(value.description, value.name)) emit('described', at, `enum value ${at} has no description`);
      if (!UPPER.test(value.name)) emit('enum-values', at, 'enum values are UPPER_CASE');
      lintDeprecation(at, value.deprecationReason, emit);
    }
  }
  if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
    for (const field of Object.values(type.getFields()) as (GraphQLField<unknown, unknown> | GraphQLInputField)[]) {
      const at = `${type.name}.${field.name}`;
      if (!describedEnough(field.description, field.name)) emit('described', at, `field ${at} has no description`);
      if (!CAMEL.test(field.name)) emit('field-names', at, 'field names are camelCase');
      if (nullableListItem(field.type)) emit('list-items-non-null', at, `${typeString(field.type)}: list items are non-null`);
      if (field.name === 'id' && !(isNonNullType(field.type) && getNamedType(field.type).name === 'ID')) emit('id-type', at, 'a field named id is ID!');
      lintDeprecation(at, field.deprecationReason, emit);
      for (const arg of ('args' in field ? field.args : []) as GraphQLArgument[]) {
        const argAt = `${at}(${arg.name}:)`;
        if (!describedEnough(arg.description, arg.name)) emit('described', argAt, `argument ${argAt} has no description`);
        if (!CAMEL.test(arg.name)) emit('field-names', argAt, 'argument names are camelCase');
        if (nullableListItem(arg.type)) emit('list-items-non-null', argAt, `${typeString(arg.type)}: list items are non-null`);
        lintDeprecation(argAt, arg.deprecationReason, emit);
      }
    }
  }
}

/** Something on its way out says why and what to use instead (a coordinate in backticks), never graphql's default text. */
function lintDeprecation(at: string, reason: string | null | undefined, emit: Emit): void {
  if (reason == null) return;
  if (reason === DEFAULT_DEPRECATION_REASON || !/`[^`]+`/.test(reason)) {
    emit('deprecation-reason', at, 'a deprecation reason names the replacement in backticks (e.g. "Use `Record.contactSafety`.") and the removal date');
  }
}

/**
 * Mutations take one non-null `input` object (fields can be added later without breaking anyone) or act
 * on one object by `id: ID!`; they return a non-null payload, so a client never guesses what null meant.
 */
function lintMutations(schema: GraphQLSchema, emit: Emit): void {
  const mutation = schema.getMutationType();
  if (!mutation) return;
  for (const field of Object.values(mutation.getFields())) {
    const at = `Mutation.${field.name}`;
    const [arg, ...more] = field.args;
    const oneInput = arg && more.length === 0 && arg.name === 'input' && isNonNullType(arg.type) && isInputObjectType(arg.type.ofType);
    const oneId = arg && more.length === 0 && arg.name === 'id' && String(arg.type) === 'ID!';
    if (arg && !oneInput && !oneId) emit('mutation-arguments', at, 'a mutation takes one `input: …Input!` argument, or one `id: ID!`');
    if (!isNonNullType(field.type)) emit('mutation-payload', at, 'a mutation returns a non-null payload');
  }
}

/** The Relay cursor connection spec: Connection, Edge and PageInfo shapes, and forward-paging arguments. */
function lintConnections(schema: GraphQLSchema, types: GraphQLNamedType[], emit: Emit): void {
  const pageInfo = schema.getType('PageInfo');
  const connections = types.filter((t) => isObjectType(t) && t.name.endsWith('Connection'));
  if (connections.length === 0) return;
  if (!pageInfo || !isObjectType(pageInfo)) {
    emit('relay-page-info', 'PageInfo', 'connections need a PageInfo type');
  } else {
    const want: Record<string, string> = { hasNextPage: 'Boolean!', hasPreviousPage: 'Boolean!', startCursor: 'String', endCursor: 'String' };
    const fields = pageInfo.getFields();
    for (const [name, type] of Object.entries(want)) {
      if (!fields[name] || String(fields[name].type) !== type) emit('relay-page-info', `PageInfo.${name}`, `PageInfo.${name} is ${type}`);
    }
  }
  for (const connection of connections) {
    if (!isObjectType(connection)) continue;
    const fields = connection.getFields();
    const edges = fields.edges;
    const edge = edges ? getNamedType(edges.type) : null;
    if (!edges || !edge || String(edges.type) !== `[${edge.name}!]!` || !edge.name.endsWith('Edge')) {
      emit('relay-connection', `${connection.name}.edges`, 'a connection has edges: [<X>Edge!]!');
    } else if (isObjectType(edge)) {
      const ef = edge.getFields();
      if (!ef.cursor || String(ef.cursor.type) !== 'String!') emit('relay-connection', `${edge.name}.cursor`, 'an edge has cursor: String!');
      if (!ef.node || isListType(isNonNullType(ef.node.type) ? ef.node.type.ofType : ef.node.type))
        emit('relay-connection', `${edge.name}.node`, 'an edge has a node that is not a list');
    }
    if (!fields.pageInfo || String(fields.pageInfo.type) !== 'PageInfo!')
      emit('relay-connection', `${connection.name}.pageInfo`, 'a connection has pageInfo: PageInfo!');
  }
  // Every field returning a connection pages forward with first and after.
  for (const type of types) {
    if (!isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      if (!getNamedType(field.type).name.endsWith('Connection') || isScalarType(getNamedType(field.type))) continue;
      const args = new Map(field.args.map((a) => [a.name, String(a.type)]));
      if (!/^Int!?$/.test(args.get('first') ?? '') || args.get('after') !== 'String') {
        emit('relay-connection', `${type.name}.${field.name}`, 'a connection field takes first: Int and after: String');
      }
    }
  }
}
