import type { EntityManager } from '@mikro-orm/postgresql';
import { AdminEvent } from './admin-event.entity';

/** What is recorded. Stable strings: the trail is read by people and by tests. */
export type AdminAction =
  | 'municipality.created'
  | 'municipality.settings-changed'
  | 'municipality.settings-imported'
  | 'staff.first-admin-joined'
  | 'staff.invited'
  | 'staff.joined'
  | 'staff.reset-link-issued'
  | 'staff.password-reset'
  | 'staff.password-changed'
  | 'staff.updated'
  | 'staff.disabled'
  | 'staff.enabled'
  | 'staff.two-factor-enrolled'
  | 'staff.recovery-code-used'
  | 'staff.passkey-registered'
  | 'staff.passkey-renamed'
  | 'staff.passkey-removed'
  | 'session.revoked'
  | 'partner.created'
  | 'partner.token-issued'
  | 'partner.token-revoked'
  | 'partner.updated'
  | 'department.renamed'
  | 'department.added'
  | 'privacy-notice.published'
  | 'programme-settings.changed'
  | 'access-policy.changed'
  | 'family.exported'
  | 'family.erased'
  | 'family.retention-erased'
  | 'family.erasure-requested'
  | 'family.erasure-rejected'
  | 'line.settings-changed'
  | 'line.connection-tested';

export interface Actor {
  id: string | null;
  name: string;
}

/** The operator at the command line (npm run municipality:create). */
export const OPERATOR: Actor = { id: null, name: 'operator (command line)' };

/** Adds one entry to the administration trail (flushed with the change it records). */
export function recordAdminEvent(
  em: EntityManager,
  municipalityCode: string,
  actor: Actor,
  action: AdminAction,
  subjectId: string | null = null,
  detail: string | null = null,
): AdminEvent {
  return em.create(AdminEvent, { municipalityCode, at: new Date(), actorId: actor.id, actorName: actor.name, action, subjectId, detail });
}
