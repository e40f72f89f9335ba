import {
  type BreakingChange,
  buildSchema,
  type DangerousChange,
  findBreakingChanges,
  findDangerousChanges,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
} from 'graphql';

/**
 * What may change in the partner API between releases (npm run schema:breaking, in CI).
 * A breaking change (graphql-js findBreakingChanges: a field, type, argument or enum value removed, a
 * type changed, a required argument or input field added…) fails the check unless CHANGELOG.md records
 * it with the date the element was deprecated, at least DEPRECATION_DAYS before it goes. Newly
 * deprecated elements must be in CHANGELOG.md too, with the date they were deprecated — that date
 * starts the period partners have to move.
 */
export const DEPRECATION_DAYS = 182;

export interface ChangelogEntry {
  kind: 'deprecated' | 'removed';
  coordinate: string;
  /** YYYY-MM-DD: when it was (or is) deprecated. */
  deprecatedOn: string;
  /** YYYY-MM-DD: when it was removed (only for `removed`). */
  removedOn?: string;
  line: number;
}

export interface Problem {
  coordinate: string;
  message: string;
}

export interface BreakingReport {
  breaking: BreakingChange[];
  dangerous: DangerousChange[];
  newlyDeprecated: string[];
  /** Coordinates added since the release (not breaking; for the changelog's "Added"). */
  added: string[];
  problems: Problem[];
}

/**
 * Changelog lines the check reads (anywhere in CHANGELOG.md, one per element):
 *   - Deprecated `Type.field` on 2027-01-10: <why, and what to use instead>
 *   - Removed `Type.field` on 2027-07-12 (deprecated 2027-01-10): <what to use instead>
 */
export function parseChangelog(text: string): ChangelogEntry[] {
  const entries: ChangelogEntry[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    const dep = /^[-*]\s+Deprecated\s+`([^`]+)`\s+on\s+(\d{4}-\d{2}-\d{2})/.exec(line);
    if (dep) entries.push({ kind: 'deprecated', coordinate: dep[1]!, deprecatedOn: dep[2]!, line: i + 1 });
    const rem = /^[-*]\s+Removed\s+`([^`]+)`\s+on\s+(\d{4}-\d{2}-\d{2})\s+\(deprecated\s+(\d{4}-\d{2}-\d{2})\)/.exec(line);
    if (rem) entries.push({ kind: 'removed', coordinate: rem[1]!, removedOn: rem[2]!, deprecatedOn: rem[3]!, line: i + 1 });
  });
  return entries;
}

/** The schema coordinate a graphql-js change description starts with (`Type.field`, `Type.field(arg:)` → `Type.field.arg`). */
export function coordinateOf(change: { description: string }): string {
  const d = change.description;
  const arg = /^(\w+)\.(\w+) arg (\w+)/.exec(d);
  if (arg) return `${arg[1]}.${arg[2]}(${arg[3]}:)`;
  const enumValue = /^(\w+) was removed from enum type (\w+)/.exec(d);
  if (enumValue) return `${enumValue[2]}.${enumValue[1]}`;
  const member = /^(\w+) was removed from union type (\w+)/.exec(d);
  if (member) return `${member[2]}`;
  const requiredArg = /^A required arg (\w+) on (\w+\.\w+)/.exec(d);
  if (requiredArg) return `${requiredArg[2]}(${requiredArg[1]}:)`;
  const requiredField = /^A required field (\w+) on input type (\w+)/.exec(d);
  if (requiredField) return `${requiredField[2]}.${requiredField[1]}`;
  const dotted = /^(\w+\.\w+)/.exec(d);
  if (dotted) return dotted[1]!;
  return /^(\w+)/.exec(d)?.[1] ?? d;
}

/** Coordinates of every type, field, argument and enum value of a schema (for listing what was added). */
export function allCoordinates(schema: GraphQLSchema): Set<string> {
  const out = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    out.add(type.name);
    if (isEnumType(type)) for (const v of type.getValues()) out.add(`${type.name}.${v.name}`);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const f of Object.values(type.getFields())) {
        out.add(`${type.name}.${f.name}`);
        for (const a of 'args' in f ? f.args : []) out.add(`${type.name}.${f.name}(${a.name}:)`);
      }
    }
  }
  return out;
}

/** Coordinates of everything deprecated in a schema. */
export function deprecatedCoordinates(schema: GraphQLSchema): Set<string> {
  const out = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isEnumType(type)) for (const v of type.getValues()) if (v.deprecationReason != null) out.add(`${type.name}.${v.name}`);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const f of Object.values(type.getFields())) {
        if (f.deprecationReason != null) out.add(`${type.name}.${f.name}`);
        for (const a of 'args' in f ? f.args : []) if (a.deprecationReason != null) out.add(`${type.name}.${f.name}(${a.name}:)`);
      }
    }
  }
  return out;
}

const days = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** Compares the current SDL with the released one under the changelog's records. */
export function checkBreaking(releasedSdl: string, currentSdl: string, changelog: string, today: string): BreakingReport {
  const released = buildSchema(releasedSdl);
  const current = buildSchema(currentSdl);
  const entries = parseChangelog(changelog);
  const problems: Problem[] = [];
  const breaking = findBreakingChanges(released, current);
  for (const change of breaking) {
    const coordinate = coordinateOf(change);
    const entry = entries.find((e) => e.kind === 'removed' && e.coordinate === coordinate);
    if (!entry) {
      problems.push({
        coordinate,
        message: `breaking change not in CHANGELOG.md: ${change.description} (deprecate it first; after ${DEPRECATION_DAYS} days record "- Removed \`${coordinate}\` on YYYY-MM-DD (deprecated YYYY-MM-DD): …")`,
      });
      continue;
    }
    const kept = days(entry.deprecatedOn, entry.removedOn!);
    if (kept < DEPRECATION_DAYS)
      problems.push({
        coordinate,
        message: `CHANGELOG.md line ${entry.line}: removed ${kept} days after it was deprecated; the policy is at least ${DEPRECATION_DAYS} days`,
      });
    if (entry.removedOn! > today)
      problems.push({ coordinate, message: `CHANGELOG.md line ${entry.line}: removal dated ${entry.removedOn}, after today (${today})` });
  }
  const before = deprecatedCoordinates(released);
  const newlyDeprecated = [...deprecatedCoordinates(current)].filter((c) => !before.has(c)).sort();
  for (const coordinate of newlyDeprecated) {
    if (!entries.some((e) => e.kind === 'deprecated' && e.coordinate === coordinate)) {
      problems.push({
        coordinate,
        message: `deprecated but not in CHANGELOG.md: add "- Deprecated \`${coordinate}\` on ${today}: <why, what to use instead>" (removal no earlier than ${DEPRECATION_DAYS} days later)`,
      });
    }
  }
  const releasedCoordinates = allCoordinates(released);
  const added = [...allCoordinates(current)].filter((c) => !releasedCoordinates.has(c)).sort();
  return { breaking, dangerous: findDangerousChanges(released, current), newlyDeprecated, added, problems };
}
