import { GraphQLError, Kind } from 'graphql';
import { describe, expect, it } from 'vitest';
import { LocalDate } from '../../api/core/local-date.scalar';

const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as GraphQLError).extensions?.code;
  }
  return 'no error';
};

/** The Date scalar: input is checked as a real calendar date; output (stored dates) by shape only. */
describe('LocalDate scalar', () => {
  it.each([
    ['2026-11-28', 'no error'],
    ['2024-02-29', 'no error'],
    ['2026-02-29', 'BAD_USER_INPUT'],
    ['2026-13-01', 'BAD_USER_INPUT'],
    ['2026-1-01', 'BAD_USER_INPUT'],
    ['令和8年', 'BAD_USER_INPUT'],
  ])('input %s → %s', (value, expected) => {
    expect(code(() => LocalDate.parseValue(value))).toBe(expected);
    expect(code(() => LocalDate.parseLiteral({ kind: Kind.STRING, value }))).toBe(expected);
  });

  it('refuses a literal that is not a string', () => {
    expect(code(() => LocalDate.parseLiteral({ kind: Kind.INT, value: '20261128' }))).toBe('BAD_USER_INPUT');
  });

  it('serializes stored dates as they are, and reports anything else as a server fault, not the client’s', () => {
    expect(LocalDate.serialize('2026-11-28')).toBe('2026-11-28');
    expect(code(() => LocalDate.serialize(new Date('2026-11-28')))).toBe('INTERNAL_SERVER_ERROR');
    expect(code(() => LocalDate.serialize('28/11/2026'))).toBe('INTERNAL_SERVER_ERROR');
    expect(code(() => LocalDate.serialize(null))).toBe('INTERNAL_SERVER_ERROR');
  });
});
