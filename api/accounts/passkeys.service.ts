import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import type { AccessGate } from '../access';
import { AuthService, type AuthSettings, LOCK_MINUTES, LOGIN_FAILURE_DELAY_MS, type LoginGuard, MAX_FAILED_LOGINS } from '../auth';
import { apiError, badInput, type Locale, notFound } from '../core';
import type { RateLimit } from '../limits';
import { Municipality } from '../municipality';
import { StaffMember } from '../staff';
import { recordAdminEvent } from './admin-events';
import { StaffPasskey } from './passkey.entity';
import { PASSKEY_LAST_SECOND_FACTOR, PASSKEY_NAME_NEEDED, PASSKEY_NONE, PASSKEY_NOT_FOUND, type PasskeyRefusal } from './passkey-texts';
import {
  issueChallenge,
  PASSKEY_CHALLENGE_TTL_MS,
  newPasskey,
  passkeyRefused,
  registrationOptions,
  relyingParty,
  signInOptions,
  takeChallenge,
  verifyRegistration,
  verifySignIn,
} from './passkeys';
import type { Passkey, PasskeyChallengeOptions, PasskeySignIn } from './passkeys.types';
import { startSession } from './sessions';
import { TOO_MANY_CODES } from './texts';

/** Characters (code points) in a passkey's name, e.g. 「職場のPC」「スマホ」. */
export const PASSKEY_NAME_MAX = 40;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const view = (p: StaffPasskey): Passkey => ({ id: p.id, name: p.name, transports: p.transports, createdAt: p.createdAt, lastUsedAt: p.lastUsedAt ?? null });

function tooMany(locale: Locale): GraphQLError {
  const e = apiError('TOO_MANY_REQUESTS', TOO_MANY_CODES, locale);
  return new GraphQLError(e.message, { extensions: { ...e.extensions, http: { status: 429 } } });
}

/**
 * Passkeys (WebAuthn) as a second factor (issue 21). Signed in, a staff member registers, names and
 * removes their own; at sign-in, after the right password, a passkey answer can stand in for the TOTP
 * code. Every change is in the administration trail; a removal that would leave a municipality that
 * requires two factors without any is refused (CONFLICT), never done silently.
 */
export class PasskeysService {
  constructor(
    private readonly em: EntityManager,
    private readonly locale: Locale,
    private readonly auth: AuthSettings,
    private readonly gate: AccessGate | null = null,
  ) {}

  private rp() {
    return relyingParty(this.auth.publicUrl);
  }

  private async me(): Promise<StaffMember> {
    const v = this.gate!.staff();
    return this.em.findOneOrFail(StaffMember, { id: v.staffId, municipality: v.municipalityCode });
  }

  /** One rule for a passkey's name at registration and rename: a short label that fits the list on a phone. */
  private name(raw: string): string {
    const name = String(raw ?? '')
      .normalize('NFKC')
      .replace(/\s+/g, ' ')
      .trim();
    if (!name || [...name].length > PASSKEY_NAME_MAX) throw badInput([{ field: 'input.name', messages: PASSKEY_NAME_NEEDED }], this.locale);
    return name;
  }

  private async mine(staffId: string, id: string): Promise<StaffPasskey> {
    const p = UUID.test(String(id)) ? await this.em.findOne(StaffPasskey, { id, staffId }) : null;
    if (!p) throw notFound(PASSKEY_NOT_FOUND, this.locale);
    return p;
  }

  async list(): Promise<Passkey[]> {
    const v = this.gate!.staff();
    return (await this.em.find(StaffPasskey, { staffId: v.staffId }, { orderBy: { createdAt: 'asc' } })).map(view);
  }

  async beginRegistration(): Promise<PasskeyChallengeOptions> {
    const staff = await this.me();
    const existing = await this.em.find(StaffPasskey, { staffId: staff.id });
    const options = await registrationOptions(staff, existing, this.rp());
    const ticket = await issueChallenge(this.em, staff.id, 'register', options.challenge);
    return { ticket, optionsJson: JSON.stringify(options), expiresAt: new Date(Date.now() + PASSKEY_CHALLENGE_TTL_MS) };
  }

  async finishRegistration(ticket: string, rawName: string, responseJson: string): Promise<Passkey> {
    const staff = await this.me();
    const name = this.name(rawName);
    const challenge = await takeChallenge(this.em, ticket, 'register', staff.id);
    if (typeof challenge === 'string') throw passkeyRefused(challenge, 'register', this.locale);
    const verified = await verifyRegistration(String(responseJson ?? ''), challenge, this.rp());
    if (typeof verified === 'string') throw passkeyRefused(verified, 'register', this.locale);
    if (await this.em.count(StaffPasskey, { credentialId: verified.credentialId })) throw passkeyRefused('PASSKEY_ALREADY_REGISTERED', 'register', this.locale);
    const passkey = await this.em.transactional(async (tx) => {
      const p = newPasskey(tx, staff, verified, name);
      recordAdminEvent(tx, staff.municipality.code, { id: staff.id, name: staff.name }, 'staff.passkey-registered', staff.id, `passkey ${p.id}`);
      return p;
    });
    return view(passkey);
  }

  async rename(id: string, rawName: string): Promise<Passkey> {
    const staff = await this.me();
    const name = this.name(rawName);
    const p = await this.mine(staff.id, id);
    p.name = name;
    recordAdminEvent(this.em, staff.municipality.code, { id: staff.id, name: staff.name }, 'staff.passkey-renamed', staff.id, `passkey ${p.id}`);
    await this.em.flush();
    return view(p);
  }

  /**
   * Removes one of one's passkeys. The person's row is locked first, so two removals at once cannot
   * each see "another one is left" and together remove the last second factor.
   */
  async remove(id: string): Promise<boolean> {
    const v = this.gate!.staff();
    await this.em.transactional(async (tx) => {
      await tx.getConnection().execute(`select id from staff_member where id = ? for update`, [v.staffId], 'all', tx.getTransactionContext());
      const staff = await tx.findOneOrFail(StaffMember, { id: v.staffId, municipality: v.municipalityCode });
      const p = await tx.findOne(StaffPasskey, { id: UUID.test(String(id)) ? id : '00000000-0000-0000-0000-000000000000', staffId: staff.id });
      if (!p) throw notFound(PASSKEY_NOT_FOUND, this.locale);
      const others = await tx.count(StaffPasskey, { staffId: staff.id, id: { $ne: p.id } });
      if (others === 0 && !staff.totpSecret) {
        const m = await tx.findOneOrFail(Municipality, { code: v.municipalityCode }, { fields: ['requireTwoFactor'] });
        if (m.requireTwoFactor) throw apiError('CONFLICT', PASSKEY_LAST_SECOND_FACTOR, this.locale, { reason: 'PASSKEY_LAST_SECOND_FACTOR' });
      }
      tx.remove(p);
      recordAdminEvent(tx, staff.municipality.code, { id: staff.id, name: staff.name }, 'staff.passkey-removed', staff.id, `passkey ${p.id}`);
    });
    return true;
  }

  /** Sign-in, step two by passkey: the password again (the same limits as a sign-in), then a challenge for this attempt. */
  async beginSignIn(email: string, password: string, guard?: LoginGuard): Promise<PasskeyChallengeOptions> {
    const staff = await new AuthService(this.em, this.auth, this.locale).checkPassword(email, password, guard);
    const passkeys = await this.em.find(StaffPasskey, { staffId: staff.id });
    if (passkeys.length === 0) throw apiError('NOT_FOUND', PASSKEY_NONE, this.locale, { reason: 'PASSKEY_NONE' });
    const options = await signInOptions(passkeys, this.rp());
    const ticket = await issueChallenge(this.em, staff.id, 'sign-in', options.challenge);
    return { ticket, optionsJson: JSON.stringify(options), expiresAt: new Date(Date.now() + PASSKEY_CHALLENGE_TTL_MS) };
  }

  /**
   * Sign-in, the passkey's answer: the challenge is used up whatever the outcome; a wrong answer counts
   * as a failed sign-in like a wrong TOTP code (the account locks after repeated failures). A passkey
   * is a second factor: the session is a two-factor one.
   */
  async finishSignIn(ticket: string, responseJson: string, perAddress: RateLimit, clientAddress: string): Promise<PasskeySignIn> {
    if (!(await perAddress.take(clientAddress))) throw tooMany(this.locale);
    const challenge = await takeChallenge(this.em, ticket, 'sign-in', null);
    if (typeof challenge === 'string') throw passkeyRefused(challenge, 'sign-in', this.locale);
    const staff = await this.em.findOne(StaffMember, { id: challenge.staffId }, { populate: ['department'] });
    const now = new Date();
    if (!staff || staff.disabled || staff.passwordHash == null || (staff.lockedUntil != null && staff.lockedUntil > now)) {
      throw passkeyRefused('PASSKEY_CHALLENGE_UNKNOWN', 'sign-in', this.locale);
    }
    const passkeys = await this.em.find(StaffPasskey, { staffId: staff.id });
    const passkey = await verifySignIn(this.em, String(responseJson ?? ''), challenge, passkeys, this.rp(), now);
    if (typeof passkey === 'string') return this.failed(staff, passkey, now);
    return startSession(this.em, staff, this.auth, true);
  }

  private async failed(staff: StaffMember, reason: PasskeyRefusal, now: Date): Promise<never> {
    staff.failedLogins += 1;
    if (staff.failedLogins >= MAX_FAILED_LOGINS) {
      staff.lockedUntil = new Date(now.getTime() + LOCK_MINUTES * 60_000);
      staff.failedLogins = 0;
    }
    await this.em.flush();
    await (this.auth.pause ?? sleep)(LOGIN_FAILURE_DELAY_MS);
    throw passkeyRefused(reason, 'sign-in', this.locale);
  }
}
