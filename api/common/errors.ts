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

export function apiError(code: ErrorCode, messages: LocalizedText, locale: Locale = 'ja', extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(messages[locale], { extensions: { code, messages, ...extra } });
}

/** One error for a whole rejected input: the first problem is the message, all are listed. */
export function badInput(problems: FieldProblem[], locale: Locale = 'ja'): GraphQLError {
  const first = problems[0];
  if (!first) throw new Error('badInput needs at least one problem');
  return new GraphQLError(first.messages[locale], {
    extensions: {
      code: 'BAD_USER_INPUT',
      field: first.field,
      messages: first.messages,
      problems: problems.map((p) => ({ field: p.field, message: p.messages[locale], messages: p.messages })),
    },
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
