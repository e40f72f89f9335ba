import { GraphQLError } from 'graphql';
import type { Locale, LocalizedText } from './i18n';

/**
 * The error vocabulary of the API. Every error a client can act on has a code, and input errors
 * name the input field (`extensions.field`, e.g. `input.contact.phone`) so a form can show the
 * message next to that field. Messages never contain personal data: they describe the rule, not
 * the value that broke it.
 */
export type ErrorCode = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'TOO_MANY_REQUESTS';

export interface FieldProblem {
  field: string;
  messages: LocalizedText;
}

/**
 * Errors of this module are answers (denied, not found, bad input), not faults: they are built
 * without a stack trace, which is never sent or logged for them (format-error.ts) and which cost
 * more than the rest of the error — a department's page of 50 records can carry 50 denials.
 */
function answer(message: string, extensions: Record<string, unknown>): GraphQLError {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return new GraphQLError(message, { extensions });
  } finally {
    Error.stackTraceLimit = limit;
  }
}

export function apiError(code: ErrorCode, messages: LocalizedText, locale: Locale = 'ja', extra: Record<string, unknown> = {}): GraphQLError {
  return answer(messages[locale], { code, messages, ...extra });
}

/** One error for a whole rejected input: the first problem is the message, all are listed. */
export function badInput(problems: FieldProblem[], locale: Locale = 'ja'): GraphQLError {
  const first = problems[0];
  if (!first) throw new Error('badInput needs at least one problem');
  return answer(first.messages[locale], {
    code: 'BAD_USER_INPUT',
    field: first.field,
    messages: first.messages,
    problems: problems.map((p) => ({ field: p.field, message: p.messages[locale], messages: p.messages })),
  });
}

export function notFound(what: LocalizedText, locale: Locale = 'ja'): GraphQLError {
  return apiError('NOT_FOUND', what, locale);
}

export const RECORD_NOT_FOUND: LocalizedText = {
  ja: '指定された個人票は見つかりません。',
  en: 'No such record.',
  'ja-easy': 'その 記録は ありません。',
};

export const UNAUTHENTICATED_TEXT: LocalizedText = {
  ja: 'サインインが必要です。もう一度サインインしてください。',
  en: 'You need to sign in. Please sign in again.',
  'ja-easy': 'もう一度 サインイン してください。',
};
