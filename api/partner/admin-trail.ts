import type { recordAdminEvent } from '../accounts';
import { Hook } from '../core';

/**
 * The administration trail (accounts/admin-events.ts) for a partner's tokens issued and revoked.
 * accounts/ builds on partner/ (its partner administration), so partner/ writes the trail through this
 * slot, connected by server/wiring.ts, instead of importing accounts/.
 */
export const PARTNER_ADMIN_EVENT = new Hook<typeof recordAdminEvent>('partner: PARTNER_ADMIN_EVENT');
