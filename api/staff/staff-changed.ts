import type { endSessionsAfterChange, recordAdminEvent } from '../accounts';
import { Hook } from '../core';

/**
 * After an admin disables a staff member or changes their role or department: accounts/ signs them out
 * everywhere at once and writes the administration trail (accounts/account-admin.service.ts). accounts/
 * builds on staff/, so staff/ calls it through this slot, connected by server/wiring.ts.
 */
export const STAFF_CHANGED = new Hook<typeof endSessionsAfterChange>('staff: STAFF_CHANGED');

/** A staff account created by the deprecated createStaffMember goes into the administration trail (accounts/admin-events.ts). */
export const STAFF_ADMIN_EVENT = new Hook<typeof recordAdminEvent>('staff: STAFF_ADMIN_EVENT');
