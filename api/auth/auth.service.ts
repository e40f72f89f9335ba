import { GraphQLError } from 'graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { apiError, UNAUTHENTICATED_TEXT } from '../core';
import type { Locale, LocalizedText } from '../core';
import { ANONYMOUS, type Viewer } from '../core';
import { isDepartmentCode } from '../core';
import { PartnerToken } from '../partner';
import { hashPartnerToken, PARTNER_TOKEN_PREFIX } from '../partner';
import { StaffMember } from '../staff';
import { StaffRole } from '../core';
import { DUMMY_HASH, verifyPassword } from '../staff';
import type { RevocationList } from './revocations';
import { RevokedToken } from './revoked-token.entity';
import { verifyAccessToken } from './token';
import type { RateLimit } from '../limits';
import { SIGN_IN_STEPS } from './sign-in-steps';

export const MAX_FAILED_LOGINS = 5;

/**
 * A partner's system has no sign-in: "sign in again" sent its developer looking for one. The text says
 * what to do instead, and never which of the three it was (that would tell a guesser a token existed).
 */
const PARTNER_TOKEN_INVALID: LocalizedText = {
  ja: 'この連携トークンは使えません（誤り・期限切れ・失効のいずれかです）。自治体に新しいトークンの発行を依頼してください。',
  en: 'This partner token is not valid (unknown, expired or revoked). Ask the municipality for a new one.',
  'ja-easy': 'この トークンは 使えません。市に 新しい トークンを たのんで ください。',
};
export const LOCK_MINUTES = 15;

export interface AuthSettings {
  secret: string;
  ttlSeconds: number;
  revocations: RevocationList;
  /** How a failed sign-in waits (tests record it; default a timer). */
  pause?: (ms: number) => Promise<void>;
  /** Where the console is reached from outside (PUBLIC_URL): one-time links point there (api/accounts). */
  publicUrl?: string;
}

/** Sign-in rate limits (api/limits): per client address and per account, shared by all API processes. */
export interface LoginGuard {
  clientAddress: string;
  perAddress: RateLimit;
  perAccount: RateLimit;
}

/**
 * Every failed sign-in waits this long, whatever the reason — unknown e-mail, wrong password, locked
 * or disabled account — so the time tells nothing about the account (issue 14: unknown e-mails took
 * 1,087 ms, locked accounts 580 ms). Repeated guessing is slowed by the rate limits instead.
 */
export const LOGIN_FAILURE_DELAY_MS = 300;

const TOO_MANY_LOGINS = {
  ja: 'サインインの試行が多すぎます。1分ほど待ってからもう一度お試しください。',
  en: 'Too many sign-in attempts. Please wait a minute and try again.',
  'ja-easy': 'サインインを たくさん しました。1分 まって から もう一度 して ください。',
};

const LOGIN_FAILED = {
  ja: 'サインインできませんでした。メールアドレスとパスワードを確かめてください。失敗が続くと、しばらくの間ロックされます。',
  en: 'Sign-in failed. Check your e-mail address and password. After repeated failures the account is locked for a while.',
  'ja-easy': 'サインイン できませんでした。メールアドレスと パスワードを 見て ください。何回も まちがえると しばらく 使えません。',
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Sign-in, sign-out and turning a bearer token into a Viewer. */
export class AuthService {
  constructor(
    private readonly em: EntityManager,
    private readonly settings: AuthSettings,
    private readonly locale: Locale,
  ) {}

  /**
   * Password, then the second factor where the account has one or the municipality requires one
   * (api/accounts/sign-in.ts). A wrong code counts as a failed sign-in like a wrong password; a
   * missing code or a missing enrolment does not (the console asks for it and sends again).
   * Every sign-in is a session (api/accounts/sessions.ts) that its owner and admins can revoke.
   */
  async login(email: string, password: string, guard?: LoginGuard, oneTimeCode?: string | null): Promise<{ token: string; expiresAt: Date }> {
    const staff = await this.checkPassword(email, password, guard);
    const { checkSecondFactor, secondFactorError, startSession } = SIGN_IN_STEPS.get();
    const second = await checkSecondFactor(this.em, staff, oneTimeCode);
    if (!second.ok) {
      const refusal = secondFactorError(second.reason, this.locale, second.passkey, second.totp);
      if (second.reason === 'TWO_FACTOR_INVALID') await this.failed(staff, new Date(), refusal);
      throw refusal;
    }
    return startSession(this.em, staff, this.settings, second.twoFactor);
  }

  /** The staff member whose e-mail and password these are (unlocked, enabled), or UNAUTHENTICATED after the failure delay. */
  async checkPassword(email: string, password: string, guard?: LoginGuard): Promise<StaffMember> {
    const address = email.normalize('NFKC').trim().toLowerCase();
    if (guard) {
      // Both counted on every attempt (the account by the address typed, known or not: no enumeration).
      const [byAddress, byAccount] = await Promise.all([guard.perAddress.take(guard.clientAddress), guard.perAccount.take(address)]);
      if (!byAddress || !byAccount) {
        const e = apiError('TOO_MANY_REQUESTS', TOO_MANY_LOGINS, this.locale);
        throw new GraphQLError(e.message, { extensions: { ...e.extensions, http: { status: 429 } } });
      }
    }
    const staff = await this.em.findOne(StaffMember, { email: address }, { populate: ['department'] });
    const now = new Date();
    const locked = staff?.lockedUntil != null && staff.lockedUntil > now;
    // Always verify a hash, so an unknown e-mail takes as long as a wrong password.
    const ok = (await verifyPassword(staff?.passwordHash ?? DUMMY_HASH, password)) && staff != null && !locked && !staff.disabled && staff.passwordHash != null;
    if (!ok || !staff) return this.failed(staff && !locked ? staff : null, now);
    if (staff.failedLogins !== 0 || staff.lockedUntil) {
      staff.failedLogins = 0;
      staff.lockedUntil = null;
      await this.em.flush();
    }
    return staff;
  }

  /** Counts a failure against the account (locking it after MAX_FAILED_LOGINS), waits, refuses. */
  private async failed(staff: StaffMember | null, now: Date, error = apiError('UNAUTHENTICATED', LOGIN_FAILED, this.locale)): Promise<never> {
    if (staff) {
      staff.failedLogins += 1;
      if (staff.failedLogins >= MAX_FAILED_LOGINS) {
        staff.lockedUntil = new Date(now.getTime() + LOCK_MINUTES * 60_000);
        staff.failedLogins = 0;
      }
      await this.em.flush();
    }
    await (this.settings.pause ?? sleep)(LOGIN_FAILURE_DELAY_MS);
    throw error;
  }

  /** Revokes the staff token in use; partners' tokens are revoked by the owning department instead. */
  async logout(viewer: Viewer): Promise<boolean> {
    if (viewer.kind !== 'staff') return false;
    this.em.persist(this.em.create(RevokedToken, { jti: viewer.tokenId, expiresAt: viewer.tokenExpiresAt }));
    await this.em.flush();
    this.settings.revocations.add(viewer.tokenId, viewer.tokenExpiresAt);
    return true;
  }

  /**
   * The viewer for an Authorization header. No header: anonymous (public queries only). A header
   * that is present but not valid — expired, tampered, revoked, unknown — is an error, never a
   * silent downgrade to anonymous, so a client learns its sign-in has ended.
   */
  async viewerFor(authorization: string | undefined): Promise<Viewer> {
    if (!authorization) return ANONYMOUS;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match) throw apiError('UNAUTHENTICATED', UNAUTHENTICATED_TEXT, this.locale);
    const token = match[1]!;
    if (token.startsWith(PARTNER_TOKEN_PREFIX)) return this.partnerViewer(token);
    const claims = verifyAccessToken(this.settings.secret, token);
    if (!claims || !isDepartmentCode(claims.dep) || !Object.values(StaffRole).includes(claims.role as StaffRole)) {
      throw apiError('UNAUTHENTICATED', UNAUTHENTICATED_TEXT, this.locale);
    }
    if (await this.settings.revocations.isRevoked(this.em, claims.jti)) throw apiError('UNAUTHENTICATED', UNAUTHENTICATED_TEXT, this.locale);
    return {
      kind: 'staff',
      staffId: claims.sub,
      name: claims.name,
      municipalityCode: claims.mun,
      department: claims.dep,
      departmentId: claims.did,
      role: claims.role as StaffRole,
      tokenId: claims.jti,
      tokenExpiresAt: new Date(claims.exp * 1000),
    };
  }

  private async partnerViewer(token: string): Promise<Viewer> {
    const row = await this.em.findOne(PartnerToken, { tokenHash: hashPartnerToken(token) }, { populate: ['partner'] });
    if (!row || row.revokedAt || row.expiresAt <= new Date()) throw apiError('UNAUTHENTICATED', PARTNER_TOKEN_INVALID, this.locale);
    return { kind: 'partner', partnerId: row.partner.id, name: row.partner.name, municipalityCode: row.municipality.code, tokenId: row.id };
  }
}
