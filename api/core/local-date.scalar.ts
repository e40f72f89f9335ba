import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { isIsoDate } from './dates';

function check(value: unknown): string {
  if (typeof value !== 'string' || !isIsoDate(value)) {
    throw new GraphQLError('日付は YYYY-MM-DD の形式で入力してください。/ Dates must be YYYY-MM-DD.', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return value;
}

/** The shape alone: what leaves the API was checked as a date when it came in (a page serializes hundreds). */
const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

function stored(value: unknown): string {
  if (typeof value === 'string' && DATE_SHAPE.test(value)) return value;
  throw new GraphQLError('Internal error: a stored date is not YYYY-MM-DD.', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}

/** A calendar date `YYYY-MM-DD` (Japan time), without time or zone. */
export const LocalDate = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD (evaluated in Japan time).',
  serialize: (value) => stored(value),
  parseValue: (value) => check(value),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING)
      throw new GraphQLError('日付は文字列 "YYYY-MM-DD" で指定してください。/ Dates must be strings "YYYY-MM-DD".', { extensions: { code: 'BAD_USER_INPUT' } });
    return check(ast.value);
  },
});
