/** Small field validators shared by the procedure and override loaders (same style as the catalogue's). */
import { isPlainObject, type IssueList } from '../../programme';

export { isPlainObject };

export function at(prefix: string, field: string): string {
  return prefix ? `${prefix}.${field}` : field;
}

export function unknownFields(raw: Record<string, unknown>, known: readonly string[], file: string, prefix: string, issues: IssueList): void {
  for (const key of Object.keys(raw)) {
    if (!known.includes(key)) issues.add(file, at(prefix, key), `unknown field (expected ${known.join(', ')})`);
  }
}

export function oneOf<T extends string>(raw: unknown, allowed: readonly T[], file: string, field: string, issues: IssueList): T | undefined {
  if (typeof raw === 'string' && (allowed as readonly string[]).includes(raw)) return raw as T;
  issues.add(file, field, `must be one of ${allowed.join(', ')} (got ${JSON.stringify(raw)})`);
  return undefined;
}

export function bool(raw: unknown, file: string, field: string, issues: IssueList, fallback?: boolean): boolean | undefined {
  if (raw === undefined && fallback !== undefined) return fallback;
  if (typeof raw === 'boolean') return raw;
  issues.add(file, field, 'must be true or false');
  return undefined;
}

export function integer(raw: unknown, file: string, field: string, issues: IssueList, min: number, max: number): number | undefined {
  if (typeof raw === 'number' && Number.isInteger(raw) && raw >= min && raw <= max) return raw;
  issues.add(file, field, `must be a whole number from ${min} to ${max}`);
  return undefined;
}

const CAMEL = /^[a-z][A-Za-z0-9]{0,39}$/;
const KEBAB = /^[a-z][a-z0-9]*(?:-[a-z0-9]+){0,7}$/;

export function camelId(raw: unknown, file: string, field: string, issues: IssueList): string | undefined {
  if (typeof raw === 'string' && CAMEL.test(raw)) return raw;
  issues.add(file, field, 'must be a camelCase id of at most 40 letters and digits');
  return undefined;
}

export function kebabId(raw: unknown, file: string, field: string, issues: IssueList): string | undefined {
  if (typeof raw === 'string' && raw.length <= 60 && KEBAB.test(raw)) return raw;
  issues.add(file, field, 'must be a kebab-case id (e.g. income-certificate)');
  return undefined;
}

/** "MM-DD" of a day that exists in a leap year. */
export function monthDay(raw: unknown, file: string, field: string, issues: IssueList): string | undefined {
  if (typeof raw === 'string' && raw.length === 5 && raw[2] === '-') {
    const m = Number(raw.slice(0, 2));
    const d = Number(raw.slice(3));
    const days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    if (Number.isInteger(m) && Number.isInteger(d) && m >= 1 && m <= 12 && d >= 1 && d <= days[m - 1]!) return raw;
  }
  issues.add(file, field, 'must be a month and day "MM-DD", e.g. "08-01"');
  return undefined;
}
