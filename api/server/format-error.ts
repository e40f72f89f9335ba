import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';

/** Codes a client can act on; docs/partners.md's error table lists these and INTERNAL_SERVER_ERROR (test/partner/guide.test.ts). */
export const CLIENT_CODES: ReadonlySet<string> = new Set([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'TOO_MANY_REQUESTS',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
]);

const INTERNAL = {
  ja: 'サーバーで問題が起きました。時間をおいてもう一度お試しください。',
  en: 'Something went wrong on the server. Please try again later.',
  'ja-easy': 'サーバーで 問題が ありました。あとで もう一度 して ください。',
};

/**
 * What leaves the server as an error. Errors the API raised on purpose keep their code, message
 * and field. Anything else (a database error may quote SQL with values in it) becomes a generic
 * INTERNAL_SERVER_ERROR; the log gets its class and database error code only — never the message,
 * which can contain personal data.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && CLIENT_CODES.has(code)) {
    const { stacktrace: _s, ...extensions } = formatted.extensions ?? {};
    void _s;
    return { ...formatted, extensions };
  }
  const original = unwrapResolverError(error);
  const name = original instanceof Error ? original.constructor.name : typeof original;
  const dbCode = (original as { code?: unknown } | null)?.code;
  console.error(`[yorisoi] internal error ${name}${typeof dbCode === 'string' ? ` (${dbCode})` : ''} at ${(formatted.path ?? []).join('.')}`);

  return { message: INTERNAL.ja, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR', messages: INTERNAL } };
}
