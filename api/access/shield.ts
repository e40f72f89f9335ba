import { GraphQLError, type GraphQLSchema, isObjectType } from 'graphql';
import { allow, type IRules, rule, shield } from 'graphql-shield';
import { applyMiddlewareToDeclaredResolvers } from 'graphql-middleware';
import { apiError, UNAUTHENTICATED_TEXT } from '../common/errors';
import type { Context } from '../context';
import type { PersonalRecord } from '../record/personal-record.entity';
import { OPERATIONS, type OperationAccess } from './operations';
import { SECTIONS, type Section } from './sections';

const FORBIDDEN = { ja: 'この操作をする権限がありません。', en: 'You may not do this.', 'ja-easy': 'これは できません。' };

// Rules are cheap look-ups into what the request already computed (AccessGate): no I/O, no not().
const signedIn = rule('signedIn', { cache: 'contextual' })((_p, _a, ctx: Context) =>
  ctx.viewer.kind === 'anonymous' ? apiError('UNAUTHENTICATED', UNAUTHENTICATED_TEXT, ctx.locale) : true,
);
const staffOnly = rule('staffOnly', { cache: 'contextual' })((_p, _a, ctx: Context) => {
  if (ctx.viewer.kind === 'anonymous') return apiError('UNAUTHENTICATED', UNAUTHENTICATED_TEXT, ctx.locale);
  return ctx.viewer.kind === 'staff' ? true : apiError('FORBIDDEN', FORBIDDEN, ctx.locale);
});
const OPERATION_RULES: Record<OperationAccess, IRules> = { public: allow, signedIn, staff: staffOnly };

/** PersonalRecord fields that are not personal sections (the record's envelope). */
export const RECORD_FIELDS: ReadonlySet<string> = new Set(['id', 'referenceNumber', 'version', 'ownerDepartment', 'source', 'createdAt', 'updatedAt', 'access']);

function sectionRule(section: Section) {
  return rule(`section:${section}`, { cache: 'no_cache' })((record: PersonalRecord, _a, ctx: Context) =>
    ctx.gate.canRead(record, section) ? true : ctx.gate.denial(record, section),
  );
}

/**
 * The shield over the whole schema, with `fallbackRule: deny`:
 * - root fields get the rule named in operations.ts (unnamed → denied);
 * - PersonalRecord's section fields get the section rule (policy × consent × DV, via AccessGate);
 * - other object types are reachable only through those, and are allowed field by field.
 */
export function permissions(schema: GraphQLSchema): IRules {
  const tree: Record<string, Record<string, unknown>> = {};
  for (const [rootName, ops] of Object.entries(OPERATIONS)) {
    tree[rootName] = Object.fromEntries(Object.entries(ops).map(([field, access]) => [field, OPERATION_RULES[access]]));
  }
  const sections = new Set<string>(SECTIONS);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || type.name in OPERATIONS) continue;
    if (type.name === 'PersonalRecord') {
      // Sections get their rule; the record's own non-personal fields are named here; anything else falls to deny.
      tree[type.name] = Object.fromEntries(
        Object.keys(type.getFields()).flatMap((f): [string, IRules][] => (sections.has(f) ? [[f, sectionRule(f as Section)]] : RECORD_FIELDS.has(f) ? [[f, allow]] : [])),
      );
    } else {
      tree[type.name] = { '*': allow };
    }
  }
  return tree as IRules;
}

/**
 * Fields without a resolver of their own (plain properties of an object already returned by a
 * guarded field) are not wrapped: wrapping them would make every scalar of every section a promise
 * and cost a third of the throughput, while `allow` on them decides nothing. Every field with a
 * resolver — root operations, sections, nested look-ups — goes through the shield.
 */
export function withShield(schema: GraphQLSchema): GraphQLSchema {
  return applyMiddlewareToDeclaredResolvers(
    schema,
    shield(permissions(schema), {
      fallbackRule: rule('deny')(() => false),
      fallbackError: () => new GraphQLError(FORBIDDEN.ja, { extensions: { code: 'FORBIDDEN', messages: FORBIDDEN } }),
      // Errors thrown by resolvers (BAD_USER_INPUT, NOT_FOUND…) reach the client as they are.
      allowExternalErrors: true,
    }),
  );
}
