import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../api/core/paths';
import { printApiSchema } from '../../api/server/schema/build';
import { checkBreaking, DEPRECATION_DAYS, parseChangelog } from '../../schema/breaking/breaking';

const RELEASED = readFileSync(join(ROOT_DIR, 'schema', 'released', '0.1.0.graphql'), 'utf8');
const CHANGELOG = readFileSync(join(ROOT_DIR, 'CHANGELOG.md'), 'utf8');
const TODAY = '2027-09-01';

/** The current schema with one edit made by `edit`, the way a careless change would make it. */
const current = printApiSchema();
const edited = (from: string | RegExp, to: string) => {
  const out = current.replace(from, to);
  expect(out).not.toBe(current);
  return out;
};

describe('npm run schema:breaking', () => {
  it('passes the schema as it is against the 0.1.0 release and the committed CHANGELOG.md', () => {
    const report = checkBreaking(RELEASED, current, CHANGELOG, TODAY);
    expect(report.problems).toEqual([]);
    expect(report.breaking).toEqual([]);
  });

  it('catches a removed field a partner queries (Referral.status) unless the changelog records it', () => {
    const sdl = edited(/\n  """[^"]*"""\n  status: ReferralStatus!\n/, '\n');
    const report = checkBreaking(RELEASED, sdl, CHANGELOG, TODAY);
    expect(report.problems.map((p) => p.coordinate)).toEqual(['Referral.status']);
    expect(report.problems[0]!.message).toContain('Referral.status was removed');
  });

  it('accepts a removal recorded after the deprecation period, and refuses one that is too soon or dated ahead', () => {
    const sdl = edited(/\n  """[^"]*"""\n  status: ReferralStatus!\n/, '\n');
    const ok = `${CHANGELOG}\n- Removed \`Referral.status\` on 2027-07-01 (deprecated 2026-12-31): use \`Referral.state\`.\n`;
    expect(checkBreaking(RELEASED, sdl, ok, TODAY).problems).toEqual([]);
    const soon = `${CHANGELOG}\n- Removed \`Referral.status\` on 2027-03-01 (deprecated 2026-12-31): use \`Referral.state\`.\n`;
    expect(checkBreaking(RELEASED, sdl, soon, TODAY).problems[0]!.message).toMatch(new RegExp(`60 days .* at least ${DEPRECATION_DAYS} days`));
    const ahead = `${CHANGELOG}\n- Removed \`Referral.status\` on 2027-10-01 (deprecated 2026-12-31): use \`Referral.state\`.\n`;
    expect(checkBreaking(RELEASED, sdl, ahead, TODAY).problems[0]!.message).toContain('after today');
  });

  it('names arguments, enum values and required input fields by coordinate', () => {
    const sdl = edited(/\n    filter: RecordFilter\n/, '\n    scope: String!\n').replace(/(enum ReferralStatus \{[^}]*?)\n  """[^"]*"""\n  CLOSED\n/, '$1\n');
    const withInput = sdl.replace(/input ReferRecordInput \{\n/, 'input ReferRecordInput {\n  """Urgency."""\n  urgency: Int!\n');
    const coordinates = checkBreaking(RELEASED, withInput, CHANGELOG, TODAY)
      .problems.map((p) => p.coordinate)
      .sort();
    expect(coordinates).toEqual(['Query.records(filter:)', 'Query.records(scope:)', 'ReferRecordInput.urgency', 'ReferralStatus.CLOSED']);
  });

  it('wants a newly deprecated field in the changelog with its date, and lists additions as safe', () => {
    // Referral.reason: the `reason` field just before Referral's `record` field (inside `type Referral`:
    // other types have a reason before a record too).
    const sdl = edited(
      /(\ntype Referral \{[^}]*?\n  reason: String!)(\n\n  """[^"]*"""\n  record: PersonalRecord\n)/,
      '$1 @deprecated(reason: "Use `Referral.note`.")$2',
    );
    const report = checkBreaking(RELEASED, sdl, CHANGELOG, TODAY);
    // HouseholdInput.married and the admin-set passwords were deprecated after 0.1.0 and are recorded in
    // CHANGELOG.md; Referral.reason is not.
    expect(report.newlyDeprecated).toEqual([
      'CreateStaffMemberInput.password',
      'HouseholdInput.married',
      'Mutation.createStaffMember',
      'Referral.reason',
      'UpdateStaffMemberInput.password',
    ]);
    expect(report.problems.map((p) => p.coordinate)).toEqual(['Referral.reason']);
    const recorded = `${CHANGELOG}\n- Deprecated \`Referral.reason\` on 2027-09-01: use \`Referral.note\`.\n`;
    expect(checkBreaking(RELEASED, sdl, recorded, TODAY).problems).toEqual([]);
    // PageInfo gained hasPreviousPage and startCursor since 0.1.0: additions break nobody, and are listed.
    expect(RELEASED).not.toContain('hasPreviousPage');
    expect(report.added).toEqual(expect.arrayContaining(['PageInfo.hasPreviousPage', 'PageInfo.startCursor']));
    expect(report.added).not.toContain('PageInfo.endCursor');
  });

  it('fails the real deprecation of HouseholdInput.married without its changelog line', () => {
    const withoutLine = CHANGELOG.split('\n')
      .filter((l) => !l.includes('Deprecated `HouseholdInput.married`'))
      .join('\n');
    expect(withoutLine).not.toBe(CHANGELOG);
    expect(checkBreaking(RELEASED, current, withoutLine, TODAY).problems.map((p) => p.coordinate)).toEqual(['HouseholdInput.married']);
  });

  it('reads only the exact changelog line forms', () => {
    const entries = parseChangelog(
      '- Deprecated `A.b` on 2027-01-02: x\n* Removed `C.d` on 2027-08-01 (deprecated 2027-01-02): y\n- Removed C.d on 2027-08-01\n',
    );
    expect(entries.map((e) => [e.kind, e.coordinate, e.deprecatedOn, e.removedOn])).toEqual([
      ['deprecated', 'A.b', '2027-01-02', undefined],
      ['removed', 'C.d', '2027-01-02', '2027-08-01'],
    ]);
  });
});
