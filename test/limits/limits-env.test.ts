import { describe, expect, it } from 'vitest';
import { limitsFromEnv, resolveLimits } from '../../api/limits/limits';

/** What the environment makes of trusted documents: on in production, off on a developer's machine. */
const trustedOnly = (env: NodeJS.ProcessEnv) => resolveLimits(limitsFromEnv(env)).trustedDocumentsOnly;

describe('trusted documents only — production by default, the demo and development open', () => {
  it("is on with NODE_ENV=production, so anonymous callers send only the widgets' operations", () => {
    expect(trustedOnly({ NODE_ENV: 'production' })).toBe(true);
  });

  it("is off without NODE_ENV=production (the README's embedded demo, curl examples, a script signing in)", () => {
    expect(trustedOnly({})).toBe(false);
    expect(trustedOnly({ NODE_ENV: 'development' })).toBe(false);
  });

  it('TRUSTED_DOCUMENTS_ONLY decides when set, either way', () => {
    expect(trustedOnly({ TRUSTED_DOCUMENTS_ONLY: 'true' })).toBe(true);
    expect(trustedOnly({ NODE_ENV: 'production', TRUSTED_DOCUMENTS_ONLY: 'false' })).toBe(false);
    expect(() => limitsFromEnv({ TRUSTED_DOCUMENTS_ONLY: 'yes' })).toThrow(/TRUSTED_DOCUMENTS_ONLY: expected true or false/);
  });
});
