import type { EntityManager } from '@mikro-orm/postgresql';
import { type RevocationList, RevokedToken, signAccessToken } from '../auth';
import type { StaffMember } from '../staff';
import { StaffSession } from './staff-session.entity';

export interface SessionSettings {
  secret: string;
  ttlSeconds: number;
  revocations: RevocationList;
}

/** Signs a staff access token and records its session (the token's jti); flushed here. */
export async function startSession(
  em: EntityManager,
  staff: StaffMember,
  settings: SessionSettings,
  twoFactor: boolean,
): Promise<{ token: string; expiresAt: Date }> {
  const { token, claims } = signAccessToken(
    settings.secret,
    { sub: staff.id, mun: staff.municipality.code, dep: staff.department.code, did: staff.department.id, role: staff.role, name: staff.name },
    settings.ttlSeconds,
  );
  const expiresAt = new Date(claims.exp * 1000);
  em.create(StaffSession, {
    id: claims.jti,
    staffId: staff.id,
    municipalityCode: staff.municipality.code,
    createdAt: new Date(claims.iat * 1000),
    expiresAt,
    revokedAt: null,
    twoFactor,
  });
  await em.flush();
  return { token, expiresAt };
}

/** A member's sessions that still work (unexpired, not revoked), newest first. */
export function liveSessions(em: EntityManager, staffId: string, limit?: number): Promise<StaffSession[]> {
  return em.find(StaffSession, { staffId, revokedAt: null, expiresAt: { $gt: new Date() } }, { orderBy: { createdAt: 'desc' }, ...(limit ? { limit } : {}) });
}

/**
 * Revokes sessions: their token ids join the revocation list (revoked_token), which every API process
 * checks on every request — at once here, within milliseconds elsewhere (change feed), at most a
 * second (re-read). Call inside the change's transaction; `announce` after it commits.
 */
export async function revokeSessions(em: EntityManager, sessions: readonly StaffSession[], now = new Date()): Promise<StaffSession[]> {
  const revoked: StaffSession[] = [];
  for (const s of sessions) {
    if (s.revokedAt || s.expiresAt <= now) continue;
    s.revokedAt = now;
    em.create(RevokedToken, { jti: s.id, expiresAt: s.expiresAt });
    revoked.push(s);
  }
  await em.flush();
  return revoked;
}

/** Every live session of a member (disable, role change, password reset), except one to keep. */
export async function revokeAllSessions(em: EntityManager, staffId: string, keepId: string | null = null): Promise<StaffSession[]> {
  const sessions = (await liveSessions(em, staffId)).filter((s) => s.id !== keepId);
  return revokeSessions(em, sessions);
}

/** Tells this process and the others (after commit). */
export function announceRevoked(revocations: RevocationList, sessions: readonly StaffSession[]): void {
  for (const s of sessions) revocations.add(s.id, s.expiresAt);
}
