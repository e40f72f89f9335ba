import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePolicy, PolicyError } from '../../api/access/policy';
import { SEEDS_DIR } from '../../api/core/paths';

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
    ['an unknown department', DEFAULT.replace('family-register: r, public-housing: r, long-term-care: r, disability-welfare: r, partner: r }', 'family-registry: r, public-housing: r, long-term-care: r, disability-welfare: r, partner: r }'), /unknown department "family-registry"/],
    ['a cell that is not r, rw or -', DEFAULT.replace('income:           { single-parent: rw, livelihood-support: r,', 'income:           { single-parent: rw, livelihood-support: yes,'), /"yes" is not r, rw or -/],
    ['a missing cell', DEFAULT.replace(', partner: r }\n  address', ' }\n  address'), /does not say what partner may do/],
    ['a missing version', DEFAULT.replace('version: 1', 'version: 2'), /version: 1/],
  ])('refuses %s at start instead of allowing anything', (_what, text, message) => {
    expect(() => parsePolicy(text, 'test.yaml')).toThrow(PolicyError);
    expect(() => parsePolicy(text, 'test.yaml')).toThrow(message);
  });
});
