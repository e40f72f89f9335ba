import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePolicy, PolicyError, REFERRAL_STATUSES, renderPolicyDocs } from '../../api/access';
import { ReferralStatus } from '../../api/partner/referral-status';
import { ROOT_DIR, SEEDS_DIR } from '../../api/core/paths';

const DEFAULT = readFileSync(join(SEEDS_DIR, 'policy', 'default.yaml'), 'utf8');

describe('the policy file', () => {
  it('reads the default table of docs/design.md', () => {
    const policy = parsePolicy(DEFAULT, 'default.yaml');
    expect(policy.get('family-register' as never)!.get('income' as never)).toEqual({ read: false, write: false });
    expect(policy.get('family-register' as never)!.get('address' as never)).toEqual({ read: true, write: false });
    expect(policy.get('partner' as never)!.get('contact' as never)).toEqual({ read: true, write: false });
    expect(policy.get('livelihood-support' as never)!.get('consultations' as never)).toEqual({ read: true, write: true });
    expect(policy.get('public-housing' as never)!.get('protection' as never)).toEqual({ read: false, write: false });
  });

  it.each([
    ['an unknown section', DEFAULT.replace('  identity:', '  identty:'), /unknown section "identty"/],
    [
      'an unknown department',
      DEFAULT.replace(
        'family-register: r, public-housing: r, long-term-care: r, disability-welfare: r, partner: r }',
        'family-registry: r, public-housing: r, long-term-care: r, disability-welfare: r, partner: r }',
      ),
      /unknown department "family-registry"/,
    ],
    [
      'a cell that is not r, rw or -',
      DEFAULT.replace('income:           { single-parent: rw, livelihood-support: r,', 'income:           { single-parent: rw, livelihood-support: yes,'),
      /"yes" is not r, rw or -/,
    ],
    ['a missing cell', DEFAULT.replace(', partner: r }\n  address', ' }\n  address'), /does not say what partner may do/],
    ['a missing version', DEFAULT.replace('version: 1', 'version: 2'), /version: 1/],
    ['a file without row rules', DEFAULT.replace(/\nrules:[\s\S]*?\nsections:/, '\nsections:'), /`rules` is missing/],
    ['another owner', DEFAULT.replace('owner: single-parent', 'owner: public-housing'), /rules.owner must be `single-parent`/],
    ['a department seeing records without consent', DEFAULT.replace('consent: department', 'consent: none'), /rules.consent must be `department`/],
    ['one municipality seeing another', DEFAULT.replace('municipality: own', 'municipality: all'), /rules.municipality must be `own`/],
    ['DV protection withholding nothing', DEFAULT.replace('withhold: [address, contact]', 'withhold: []'), /rules.dv.withhold must be a non-empty list/],
    ['an unknown DV condition', DEFAULT.replace('when: [dv-concern, support-measure]', 'when: [dv-concern, rumour]'), /unknown condition "rumour"/],
    ['partners without consent', DEFAULT.replace('consent: partners', 'consent: department'), /rules.partner.consent must be `partners`/],
    [
      'closed referrals still showing the record',
      DEFAULT.replace('referral: [requested, accepted]', 'referral: [requested, accepted, closed]'),
      /closed referral/,
    ],
    ['an unknown rule', DEFAULT.replace('  municipality: own', '  municipality: own\n  everyone: r'), /unknown rule "everyone"/],
    ['no rule for LINE links', DEFAULT.replace(/\n {2}line:\n {4}follows: contact/, ''), /rules.line is missing/],
    [
      'LINE links following a section DV protection does not withhold',
      DEFAULT.replace('follows: contact', 'follows: household'),
      /rules.line.follows must be a section DV protection withholds/,
    ],
    ['LINE links following an unknown section', DEFAULT.replace('follows: contact', 'follows: phone'), /unknown section "phone"/],
  ])('refuses %s at start instead of allowing anything', (_what, text, message) => {
    expect(() => parsePolicy(text, 'test.yaml')).toThrow(PolicyError);
    expect(() => parsePolicy(text, 'test.yaml')).toThrow(message);
  });

  it('applies rule 1 once, at load: the owner reads and writes every section whatever its column says', () => {
    const policy = parsePolicy(DEFAULT.replace('protection:       { single-parent: rw,', "protection:       { single-parent: '-',"), 'test.yaml');
    expect(policy.get('single-parent' as never)!.get('protection' as never)).toEqual({ read: true, write: true });
    expect(policy.rules).toEqual({
      owner: 'single-parent',
      consent: 'department',
      dv: { withhold: ['address', 'contact'], when: ['dv-concern', 'support-measure'] },
      partner: { consent: 'partners', referral: ['requested', 'accepted'] },
      municipality: 'own',
      line: { follows: 'contact' },
    });
  });

  it('names the referral statuses the partner module stores', () => {
    expect([...REFERRAL_STATUSES].sort()).toEqual(Object.values(ReferralStatus).sort());
  });

  it('docs/access-policy.md is the document generated from the file (npm run policy:docs)', () => {
    const committed = readFileSync(join(ROOT_DIR, 'docs', 'access-policy.md'), 'utf8');
    const overrides = readdirSync(join(SEEDS_DIR, 'policy'))
      .filter((f) => f !== 'default.yaml')
      .sort();
    expect(committed).toBe(renderPolicyDocs(parsePolicy(DEFAULT, 'default.yaml'), 'seeds/policy/default.yaml', overrides));
    // The newcomer's question is answered by one row of the generated table.
    expect(committed).toContain('| 収入 (`income`) | rw | r | - | r | - | - | - |');
  });
});
