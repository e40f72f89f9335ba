import type { GatewayExecutionResult, GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { type DocumentNode, execute, type ExecutionResult, getVariableValues, GraphQLError, type GraphQLSchema, printSchema } from 'graphql';
import { compileQuery, type CompiledQuery, isCompiledQuery } from 'graphql-jit';

/**
 * Queries executed by graphql-jit: each operation is compiled once into a JavaScript function (plain
 * property reads for fields without a resolver, no per-field promise unless a resolver returns one)
 * instead of graphql-js walking the selection for every field of every record of a page.
 * Plugged into Apollo Server through its `gateway` hook, which hands over execution only: parsing,
 * validation, the context, plugins (audit) and error formatting stay Apollo's.
 *
 * Behaviour is graphql-js's (test/schema/compiled-execution.test.ts compares both):
 * - mutations and subscriptions, and anything graphql-jit cannot compile, go to graphql-js `execute`;
 * - variables are coerced by graphql-js first; if they are invalid, graphql-js `execute` answers, so
 *   the errors (and Apollo's BAD_USER_INPUT / 400 for them) are exactly graphql-js's;
 * - the result has graphql-js's key order (`errors` before `data`).
 * Compiled queries are kept per parsed document (Apollo's document store hands back the same
 * DocumentNode for the same text), so they go when the store evicts the document.
 */
export function compiledExecutionGateway(schema: GraphQLSchema): GatewayInterface {
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | null>>();

  const compiledFor = (document: DocumentNode, operationName: string | null | undefined): CompiledQuery | null => {
    let byName = compiled.get(document);
    if (!byName) compiled.set(document, (byName = new Map()));
    const key = operationName ?? '';
    let query = byName.get(key);
    if (query === undefined) {
      // disablingCapturingStackErrors: stack traces are never sent (includeStacktraceInErrorResponses: false).
      const result = compileQuery(schema, document, operationName ?? undefined, { disablingCapturingStackErrors: true });
      query = isCompiledQuery(result) ? result : null;
      byName.set(key, query);
    }
    return query;
  };

  const executor: GatewayExecutor = async ({ request, document, operation, context }) => {
    const graphqlJs = () =>
      execute({ schema, document, contextValue: context, variableValues: request.variables, operationName: request.operationName }) as
        Promise<ExecutionResult> | ExecutionResult;
    if (operation.operation !== 'query') return graphqlJs();
    const query = compiledFor(document, request.operationName);
    if (!query) return graphqlJs();
    if (
      operation.variableDefinitions?.length &&
      'errors' in getVariableValues(schema, operation.variableDefinitions, request.variables ?? {}, { maxErrors: 50 })
    )
      return graphqlJs();
    const result = (await query.query(undefined, context, request.variables ?? {})) as GatewayExecutionResult;
    if (!('data' in result)) return graphqlJs(); // graphql-jit refused the variables graphql-js accepted
    return result.errors?.length ? { errors: result.errors.map(asGraphQLJsError), data: result.data } : { data: result.data };
  };

  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => {};
    },
    async load() {
      return { executor };
    },
    async stop() {},
  };
}

/**
 * graphql-jit reports an error thrown by a resolver as its own GraphQLError look-alike whose
 * `extensions` is undefined unless the thrown error had some. Apollo reads `error.extensions.code`
 * before formatError runs; on undefined that throws, and Apollo then answers its bare English
 * "Internal server error" without path or messages (formatError never reached). Such errors are
 * rebuilt as graphql-js errors — same message, path, locations and original error — so they take
 * the path graphql-js's own do (test/schema/compiled-execution.test.ts compares the two).
 */
function asGraphQLJsError(error: GraphQLError): GraphQLError {
  if (error.extensions) return error;
  const rebuilt = new GraphQLError(error.message, { path: error.path, originalError: error.originalError ?? undefined });
  if (error.locations) (rebuilt as { locations?: GraphQLError['locations'] }).locations = error.locations;
  return rebuilt;
}
