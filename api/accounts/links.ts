import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AccountLink, AccountLinkPurpose } from './account-link.entity';
import { withoutTrailingSlashes } from '../core';

/** How long each kind of link works. An invitation may wait for a weekend; a reset or an enrolment may not. */
export const LINK_TTL_MS: Record<AccountLinkPurpose, number> = {
  [AccountLinkPurpose.FIRST_ADMIN]: 72 * 3600_000,
  [AccountLinkPurpose.INVITATION]: 72 * 3600_000,
  [AccountLinkPurpose.RESET]: 24 * 3600_000,
  [AccountLinkPurpose.TOTP_ENROLMENT]: 10 * 60_000,
};

export function linkTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Where a link opens: the console's page, the token in the fragment (never sent to a server, never in a log or Referer). */
export function linkUrl(publicUrl: string, token: string): string {
  return `${withoutTrailingSlashes(publicUrl)}/staff/#link=${token}`;
}

export interface IssuedLink {
  token: string;
  link: AccountLink;
}

/** A new link (persisted with the caller's flush). Earlier unused links of the same person and purpose stop working. */
export async function issueLink(
  em: EntityManager,
  input: { municipalityCode: string; staffId: string | null; purpose: AccountLinkPurpose; resetTwoFactor?: boolean },
  now = new Date(),
): Promise<IssuedLink> {
  if (input.staffId) await em.nativeUpdate(AccountLink, { staffId: input.staffId, purpose: input.purpose, usedAt: null }, { usedAt: now });
  const token = randomBytes(32).toString('base64url');
  const link = em.create(AccountLink, {
    municipalityCode: input.municipalityCode,
    staffId: input.staffId,
    purpose: input.purpose,
    tokenHash: linkTokenHash(token),
    createdAt: now,
    expiresAt: new Date(now.getTime() + LINK_TTL_MS[input.purpose]),
    usedAt: null,
    resetTwoFactor: input.resetTwoFactor ?? false,
  });
  return { token, link };
}

/** The link a token opens if it is unused, unexpired and of one of the purposes; null otherwise (all alike to the caller). */
export async function usableLink(em: EntityManager, token: string, purposes: readonly AccountLinkPurpose[], now = new Date()): Promise<AccountLink | null> {
  if (typeof token !== 'string' || !/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const link = await em.findOne(AccountLink, { tokenHash: linkTokenHash(token) });
  if (!link || link.usedAt || link.expiresAt <= now || !purposes.includes(link.purpose)) return null;
  return link;
}

/**
 * Marks the link used, atomically: of two requests racing with one token, exactly one wins (the
 * update names usedAt null). Returns whether this caller won.
 */
export async function consumeLink(em: EntityManager, link: AccountLink, now = new Date()): Promise<boolean> {
  const n = await em.nativeUpdate(AccountLink, { id: link.id, usedAt: null }, { usedAt: now });
  if (n === 1) link.usedAt = now;
  return n === 1;
}
