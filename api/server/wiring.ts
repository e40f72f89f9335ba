import { checkSecondFactor, endSessionsAfterChange, recordAdminEvent, secondFactorError, startSession } from '../accounts';
import { SIGN_IN_STEPS } from '../auth';
import { CaseworkService } from '../casework';
import { handOver, ITEM_TAKEN } from '../inbox';
import { PARTNER_ADMIN_EVENT } from '../partner';
import { CONSENT_GRANTED } from '../record';
import { STAFF_ADMIN_EVENT, STAFF_CHANGED } from '../staff';

/**
 * The calls that go up the folder graph (core/hook.ts), connected in one place: each line is a lower
 * module's slot and the higher module that fills it. Without these the lower module would import the
 * higher one and close a folder cycle (tools/folder-cycles.mjs). createApp calls this; every function
 * connected takes all it needs as arguments, so calling it again (tests build many apps) is harmless.
 */
export function wireModules(): void {
  // Sign-in's second factor and sessions (accounts/ builds on auth/).
  SIGN_IN_STEPS.use({ checkSecondFactor, secondFactorError, startSession });
  // A disabled or moved staff member is signed out everywhere (accounts/ builds on staff/).
  STAFF_CHANGED.use(endSessionsAfterChange);
  // An account created without an invitation link goes into the administration trail.
  STAFF_ADMIN_EVENT.use(recordAdminEvent);
  // Partner tokens issued and revoked go into the administration trail (accounts/ builds on partner/).
  PARTNER_ADMIN_EVENT.use(recordAdminEvent);
  // Consent given to a department puts the record in that department's inbox (inbox/ reads records).
  CONSENT_GRANTED.use(handOver);
  // Taking an inbox item assigns the department's case to the caseworker (casework/ lists inbox items).
  ITEM_TAKEN.use((em, gate, audit, t) => new CaseworkService(em, gate, audit).assignOnTake(t.recordId, t.staffId, t.municipalityCode, t.department));
}
