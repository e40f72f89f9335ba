import { defaultFieldResolver, GraphQLError, type GraphQLFieldResolver, type GraphQLSchema, isObjectType } from 'graphql';
import { allow, type IRules, rule, shield } from 'graphql-shield';
import { applyMiddlewareToDeclaredResolvers } from 'graphql-middleware';
import { apiError, UNAUTHENTICATED_TEXT } from '../core';
import type { Locale } from '../core';
import type { Viewer } from '../core';
import type { AccessGate } from './access-gate';
import type { DvFacts } from './dv';
import { OPERATIONS, type OperationAccess } from './operations';
import { SECTIONS, type Section } from '../core';

/** What the shield reads of a request's context (server/context.ts builds the whole of it). */
interface Context {
  viewer: Viewer;
  locale: Locale;
  gate: AccessGate;
}

/** A record as the section rules see it: what its access depends on (record/ hands in its RecordView). */
type PersonalRecord = DvFacts;

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
export const RECORD_FIELDS: ReadonlySet<string> = new Set([
  'id',
  'referenceNumber',
  'version',
  'ownerDepartment',
  'source',
  'createdAt',
  'updatedAt',
  'access',
]);

/** The decision of a section's rule: true, or the denial to return at that path. */
function sectionCheck(section: Section) {
  return (record: PersonalRecord, ctx: Context): true | GraphQLError => (ctx.gate.canRead(record, section) ? true : ctx.gate.denial(record, section));
}

function sectionRule(section: Section) {
  const check = sectionCheck(section);
  return rule(`section:${section}`, { cache: 'no_cache' })((record: PersonalRecord, _a, ctx: Context) => check(record, ctx));
}

const fallbackError = () => new GraphQLError(FORBIDDEN.ja, { extensions: { code: 'FORBIDDEN', messages: FORBIDDEN } });

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
        Object.keys(type.getFields()).flatMap((f): [string, IRules][] =>
          sections.has(f) ? [[f, sectionRule(f as Section)]] : RECORD_FIELDS.has(f) ? [[f, allow]] : [],
        ),
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
  const tree = permissions(schema);
  const shielded = applyMiddlewareToDeclaredResolvers(
    schema,
    shield(tree, {
      fallbackRule: rule('deny')(() => false),
      fallbackError,
      // Errors thrown by resolvers (BAD_USER_INPUT, NOT_FOUND…) reach the client as they are.
      allowExternalErrors: true,
    }),
  );
  synchronousRecordRules(schema, shielded, tree as Record<string, Record<string, unknown>>);
  withoutExplicitDefaultResolvers(shielded);
  return shielded;
}

/**
 * graphql-middleware gives every field it does not wrap `resolve: defaultFieldResolver`. graphql-js
 * uses that same resolver for a field without one, so leaving it unset changes nothing there; but the
 * compiled executor (schema/compiled-executor.ts) reads a field without a resolver as a plain
 * property, while one with a resolver costs a call and a resolve-info object — for ~2,000 scalar fields
 * of a records page. (defaultFieldResolver would call a function-valued property; no object the API
 * returns has one under a field name.)
 */
function withoutExplicitDefaultResolvers(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) if (field.resolve === defaultFieldResolver) field.resolve = undefined;
  }
}

/**
 * graphql-shield runs every rule as a chain of promises, so each guarded field of each record of a
 * page became a promise (400 per page of 50) even though our rules are synchronous look-ups. For the
 * fields a page repeats per record or per row — PersonalRecord's sections and other fields, and the
 * fields of the objects inside them — the same rules are evaluated here without the promise chain,
 * with graphql-shield's outcome for each case (see its generator.js and rules.js, v7.6.5):
 * - a section rule that passes calls the resolver; one that returns a denial returns that error at
 *   the path; one that throws counts as false, which returns the fallback error (FORBIDDEN);
 * - `allow` calls the resolver, and errors the resolver throws reach the client as they are
 *   (allowExternalErrors) — the same as calling the resolver directly.
 * Root operations keep graphql-shield's own middleware (once per request). Which rule applies to
 * which field is still `permissions()` alone; a field not covered by the two cases stays wrapped.
 */
function synchronousRecordRules(base: GraphQLSchema, shielded: GraphQLSchema, tree: Record<string, Record<string, unknown>>): void {
  const sections = new Set<string>(SECTIONS);
  for (const type of Object.values(shielded.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || type.name in OPERATIONS) continue;
    const original = base.getType(type.name);
    if (!isObjectType(original)) continue;
    const rules = tree[type.name] ?? {};
    for (const [name, field] of Object.entries(type.getFields())) {
      const inner = original.getFields()[name]?.resolve;
      if (!inner || field.resolve === inner) continue; // not wrapped (no resolver of its own)
      const fieldRule = rules[name] ?? rules['*'];
      if (
        type.name === 'PersonalRecord' &&
        sections.has(name) &&
        fieldRule === rules[name] &&
        (fieldRule as { name?: string } | undefined)?.name === `section:${name}`
      ) {
        field.resolve = guardSection(sectionCheck(name as Section), inner);
      } else if (fieldRule === allow) {
        field.resolve = inner;
      }
    }
  }
}

function guardSection(
  check: (record: PersonalRecord, ctx: Context) => true | GraphQLError,
  inner: GraphQLFieldResolver<unknown, unknown>,
): GraphQLFieldResolver<PersonalRecord, Context> {
  return (record, args, ctx, info) => {
    let decision: true | GraphQLError | false;
    try {
      decision = check(record, ctx);
    } catch {
      decision = false;
    }
    if (decision === true) return inner(record, args, ctx, info);
    return decision === false ? fallbackError() : decision;
  };
}
