/** The module's entities, for api/db/entities.ts (one import line there). */
export { AccountLink, AccountLinkPurpose } from './account-link.entity';
export { AdminEvent } from './admin-event.entity';
export { StaffSession } from './staff-session.entity';
export { PasskeyChallenge, StaffPasskey } from './passkey.entity';
