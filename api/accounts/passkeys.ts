import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransportFuture,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { apiError, type Locale } from '../core';
import type { StaffMember } from '../staff';
import { PasskeyChallenge, type PasskeyChallengePurpose, StaffPasskey } from './passkey.entity';
import { PASSKEY_REFUSAL_TEXT, type PasskeyRefusal } from './passkey-texts';

/** A challenge works once, for this long: enough to find the security key or unlock the phone. */
export const PASSKEY_CHALLENGE_TTL_MS = 5 * 60_000;

/**
 * The relying party: passkeys are bound to the origin staff use (PUBLIC_URL) and to its host name as
 * RP ID, so PUBLIC_URL must be the https origin of the console in production. http://localhost is a
 * secure context for browsers, which is what development and the tests use.
 */
export function relyingParty(publicUrl: string | undefined): { id: string; origin: string } {
  const url = new URL(publicUrl ?? 'http://localhost:4000');
  return { id: url.hostname, origin: url.origin };
}

/** A refusal: UNAUTHENTICATED at sign-in (no session comes of it), BAD_USER_INPUT when registering. */
export function passkeyRefused(reason: PasskeyRefusal, purpose: PasskeyChallengePurpose, locale: Locale) {
  return purpose === 'sign-in'
    ? apiError('UNAUTHENTICATED', PASSKEY_REFUSAL_TEXT[reason], locale, { reason })
    : apiError('BAD_USER_INPUT', PASSKEY_REFUSAL_TEXT[reason], locale, { reason, field: 'input.responseJson' });
}

const ticketHash = (ticket: string) => createHash('sha256').update(ticket).digest('hex');

/** Stores a new challenge (flushed here); returns the ticket the browser sends back with its answer. */
export async function issueChallenge(
  em: EntityManager,
  staffId: string,
  purpose: PasskeyChallengePurpose,
  challenge: string,
  now = new Date(),
): Promise<string> {
  const ticket = randomBytes(32).toString('base64url');
  em.create(PasskeyChallenge, {
    ticketHash: ticketHash(ticket),
    staffId,
    purpose,
    challenge,
    createdAt: now,
    expiresAt: new Date(now.getTime() + PASSKEY_CHALLENGE_TTL_MS),
    usedAt: null,
  });
  await em.flush();
  return ticket;
}

/**
 * Uses up a challenge, atomically (of two finishes with one ticket exactly one gets it), and returns
 * it; or the reason it cannot be used. A refused answer has still used its challenge: begin again.
 */
export async function takeChallenge(
  em: EntityManager,
  ticket: string,
  purpose: PasskeyChallengePurpose,
  staffId: string | null,
  now = new Date(),
): Promise<PasskeyChallenge | PasskeyRefusal> {
  if (typeof ticket !== 'string' || !/^[A-Za-z0-9_-]{20,100}$/.test(ticket)) return 'PASSKEY_CHALLENGE_UNKNOWN';
  const hash = ticketHash(ticket);
  const row = await em.findOne(PasskeyChallenge, { ticketHash: hash });
  if (!row || row.purpose !== purpose || (staffId != null && row.staffId !== staffId)) return 'PASSKEY_CHALLENGE_UNKNOWN';
  if (row.usedAt) return 'PASSKEY_CHALLENGE_USED';
  if (row.expiresAt <= now) return 'PASSKEY_CHALLENGE_EXPIRED';
  const taken = await em
    .getConnection()
    .execute<{ ticket_hash: string }[]>(
      `update passkey_challenge set used_at = ? where ticket_hash = ? and used_at is null and expires_at > ? returning ticket_hash`,
      [now, hash, now],
    );
  if (taken.length !== 1) return 'PASSKEY_CHALLENGE_USED';
  return row;
}

/** The origin in the answer's clientDataJSON, checked before anything else so that refusal is named. */
function answeredOrigin(clientDataJSON: unknown): string | null {
  try {
    const parsed = JSON.parse(Buffer.from(String(clientDataJSON), 'base64url').toString('utf8')) as { origin?: unknown };
    return typeof parsed.origin === 'string' ? parsed.origin : null;
  } catch {
    return null;
  }
}

function parseAnswer<T>(json: string): T | null {
  try {
    const v = JSON.parse(json) as T & { response?: { clientDataJSON?: unknown } };
    return v && typeof v === 'object' && v.response && typeof v.response === 'object' ? v : null;
  } catch {
    return null;
  }
}

/** What the browser needs for navigator.credentials.create(): the existing passkeys are excluded. */
export async function registrationOptions(staff: StaffMember, existing: readonly StaffPasskey[], rp: { id: string }) {
  return generateRegistrationOptions({
    rpName: 'Yorisoi',
    rpID: rp.id,
    userName: staff.email,
    userDisplayName: staff.name,
    userID: new TextEncoder().encode(staff.id),
    attestationType: 'none',
    excludeCredentials: existing.map((p) => ({ id: p.credentialId, transports: p.transports as AuthenticatorTransportFuture[] })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
  });
}

export type VerifiedRegistration = { credentialId: string; publicKey: string; counter: number; transports: string[] };

/** Checks a registration answer against its challenge and the relying party. */
export async function verifyRegistration(
  responseJson: string,
  challenge: PasskeyChallenge,
  rp: { id: string; origin: string },
): Promise<VerifiedRegistration | PasskeyRefusal> {
  const response = parseAnswer<RegistrationResponseJSON>(responseJson);
  if (!response) return 'PASSKEY_INVALID';
  if (answeredOrigin(response.response.clientDataJSON) !== rp.origin) return 'PASSKEY_WRONG_ORIGIN';
  try {
    const r = await verifyRegistrationResponse({
      response,
      expectedChallenge: challenge.challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: false,
    });
    if (!r.verified) return 'PASSKEY_INVALID';
    const c = r.registrationInfo.credential;
    return { credentialId: c.id, publicKey: Buffer.from(c.publicKey).toString('base64url'), counter: c.counter, transports: (c.transports ?? []).slice(0, 10) };
  } catch {
    return 'PASSKEY_INVALID';
  }
}

/** What the browser needs for navigator.credentials.get(): only this person's passkeys are allowed. */
export function signInOptions(passkeys: readonly StaffPasskey[], rp: { id: string }) {
  return generateAuthenticationOptions({
    rpID: rp.id,
    allowCredentials: passkeys.map((p) => ({ id: p.credentialId, transports: p.transports as AuthenticatorTransportFuture[] })),
    userVerification: 'preferred',
  });
}

/**
 * Checks a sign-in answer: one of the person's passkeys, the right origin, a valid signature over the
 * challenge, and a counter that went up (or an authenticator that never counts). Then stores the new
 * counter, conditionally, so that two answers racing with one counter value cannot both pass.
 */
export async function verifySignIn(
  em: EntityManager,
  responseJson: string,
  challenge: PasskeyChallenge,
  passkeys: readonly StaffPasskey[],
  rp: { id: string; origin: string },
  now = new Date(),
): Promise<StaffPasskey | PasskeyRefusal> {
  const response = parseAnswer<AuthenticationResponseJSON>(responseJson);
  if (!response) return 'PASSKEY_INVALID';
  if (answeredOrigin(response.response.clientDataJSON) !== rp.origin) return 'PASSKEY_WRONG_ORIGIN';
  const passkey = passkeys.find((p) => p.credentialId === response.id);
  if (!passkey) return 'PASSKEY_UNKNOWN_CREDENTIAL';
  let newCounter: number;
  try {
    const r = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge.challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      credential: {
        id: passkey.credentialId,
        publicKey: new Uint8Array(Buffer.from(passkey.publicKey, 'base64url')),
        counter: Number(passkey.counter),
        transports: passkey.transports as AuthenticatorTransportFuture[],
      },
      requireUserVerification: false,
    });
    if (!r.verified) return 'PASSKEY_INVALID';
    newCounter = r.authenticationInfo.newCounter;
  } catch (e) {
    return /counter/i.test(String((e as Error)?.message)) ? 'PASSKEY_COUNTER_REGRESSION' : 'PASSKEY_INVALID';
  }
  const stored = await em
    .getConnection()
    .execute<{ id: string }[]>(
      `update staff_passkey set counter = ?, last_used_at = ? where id = ? and (counter < ? or (counter = 0 and ? = 0)) returning id`,
      [newCounter, now, passkey.id, newCounter, newCounter],
    );
  if (stored.length !== 1) return 'PASSKEY_COUNTER_REGRESSION';
  passkey.counter = String(newCounter);
  passkey.lastUsedAt = now;
  return passkey;
}

/** A new passkey row (persisted with the caller's flush). */
export function newPasskey(em: EntityManager, staff: StaffMember, v: VerifiedRegistration, name: string, now = new Date()): StaffPasskey {
  return em.create(StaffPasskey, {
    id: randomUUID(),
    staffId: staff.id,
    municipalityCode: staff.municipality.code,
    credentialId: v.credentialId,
    publicKey: v.publicKey,
    counter: String(v.counter),
    transports: v.transports,
    name,
    createdAt: now,
    lastUsedAt: null,
  });
}
