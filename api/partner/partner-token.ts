import { createHash } from 'node:crypto';

/** A partner's bearer token starts with this, so sign-in tells it from a staff token without a look-up. */
export const PARTNER_TOKEN_PREFIX = 'yp_';

/** Only this hash of a partner token is stored (the secret is shown once, when it is issued). */
export function hashPartnerToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
