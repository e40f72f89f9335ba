import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import { hashPassword, StaffMember } from '../staff';
import { AuthService, type AuthSettings, type LoginGuard } from '../auth';
import { apiError, badInput, InputChecker, type Locale, notFound, OWNER_DEPARTMENT, StaffRole } from '../core';
import type { RateLimit } from '../limits';
import { Department, Municipality } from '../municipality';
import { AccountLinkPurpose } from './account-link.entity';
import { StaffPasskey } from './passkey.entity';
import { recordAdminEvent } from './admin-events';
import {
  AccountLinkKind,
  type AccountLinkInfo,
  type CompletedTwoFactorEnrolment,
  type RedeemAccountLinkInput,
  type RedeemedAccountLink,
  type TwoFactorEnrolment,
} from './accounts.types';
import { consumeLink, issueLink, linkTokenHash, usableLink } from './links';
import { passwordProblem } from './password-policy';
import { announceRevoked, revokeAllSessions, startSession } from './sessions';
import { ALREADY_ENROLLED, CODE_WRONG, EMAIL_NEEDED, EMAIL_TAKEN, LINK_NOT_USABLE, NAME_NEEDED, TICKET_NOT_USABLE, TOO_MANY_CODES } from './texts';
import { acceptedTotpStep, newRecoveryCodes, newTotpSecret, otpauthUri, recoveryCodeHash } from './totp';

const PERSON_LINKS = [AccountLinkPurpose.FIRST_ADMIN, AccountLinkPurpose.INVITATION, AccountLinkPurpose.RESET] as const;
const KIND: Record<(typeof PERSON_LINKS)[number], AccountLinkKind> = {
  [AccountLinkPurpose.FIRST_ADMIN]: AccountLinkKind.FIRST_ADMIN,
  [AccountLinkPurpose.INVITATION]: AccountLinkKind.INVITATION,
  [AccountLinkPurpose.RESET]: AccountLinkKind.RESET,
};

/**
 * What a person does with a one-time link before they can sign in (public operations: the link's
 * token is the credential): see what it is for, choose their own password, and — where the
 * municipality requires it — enrol an authenticator app after proving the password.
 */
export class AccountLinksService {
  constructor(
    private readonly em: EntityManager,
    private readonly locale: Locale,
    private readonly auth: AuthSettings,
    private readonly codeLimit: RateLimit,
  ) {}

  async info(token: string): Promise<AccountLinkInfo> {
    const link = await usableLink(this.em, token, PERSON_LINKS);
    const staff = link?.staffId ? await this.em.findOne(StaffMember, { id: link.staffId }) : null;
    if (!link || (link.staffId && (!staff || staff.disabled))) throw notFound(LINK_NOT_USABLE, this.locale);
    const m = await this.em.findOneOrFail(Municipality, { code: link.municipalityCode });
    return {
      kind: KIND[link.purpose as (typeof PERSON_LINKS)[number]],
      municipalityName: m.name,
      name: staff?.name ?? null,
      email: staff?.email ?? null,
      expiresAt: link.expiresAt,
      requireTwoFactor: m.requireTwoFactor,
    };
  }

  /** Sets the holder's own password (and, for the first administrator, creates the account); the link is used up. */
  async redeem(input: RedeemAccountLinkInput): Promise<RedeemedAccountLink> {
    const link = await usableLink(this.em, input.token, PERSON_LINKS);
    if (!link) throw notFound(LINK_NOT_USABLE, this.locale);
    const m = await this.em.findOneOrFail(Municipality, { code: link.municipalityCode });
    const c = new InputChecker();
    let staff: StaffMember | null = null;
    let name: string | null | undefined;
    let email: string | null | undefined;
    if (link.purpose === AccountLinkPurpose.FIRST_ADMIN) {
      name = c.text('input.name', input.name ?? '', { ja: '氏名', en: 'Name' }, 100);
      if (!name) c.problems.push({ field: 'input.name', messages: NAME_NEEDED });
      email = c.email('input.email', input.email ?? '')?.toLowerCase();
      if (!email) c.problems.push({ field: 'input.email', messages: EMAIL_NEEDED });
    } else {
      staff = await this.em.findOne(StaffMember, { id: link.staffId! }, { populate: ['department'] });
      if (!staff || staff.disabled) throw notFound(LINK_NOT_USABLE, this.locale);
      name = staff.name;
      email = staff.email;
    }
    const weak = passwordProblem(input.password ?? '', [name ?? '', email ?? '', m.name]);
    if (weak) c.problems.push({ field: 'input.password', messages: weak });
    if (!c.ok) throw badInput(c.problems, this.locale);
    if (link.purpose === AccountLinkPurpose.FIRST_ADMIN && (await this.em.count(StaffMember, { email: email! })))
      throw badInput([{ field: 'input.email', messages: EMAIL_TAKEN }], this.locale);
    const passwordHash = await hashPassword(input.password);
    const revoked = await this.em.transactional(async (tx) => {
      if (!(await consumeLink(tx, link))) throw notFound(LINK_NOT_USABLE, this.locale);
      const now = new Date();
      if (link.purpose === AccountLinkPurpose.FIRST_ADMIN) {
        const department = await tx.findOneOrFail(Department, { municipality: m.code, code: OWNER_DEPARTMENT });
        staff = tx.create(StaffMember, {
          municipality: m.code,
          department,
          name: name!,
          email: email!,
          role: StaffRole.ADMIN,
          passwordHash,
          passwordChangedAt: now,
          failedLogins: 0,
          disabled: false,
        } as never);
        await tx.flush();
        recordAdminEvent(tx, m.code, { id: staff.id, name: staff.name }, 'staff.first-admin-joined', staff.id, `role admin, department ${OWNER_DEPARTMENT}`);
        return [];
      }
      const member = tx.merge(staff!);
      member.passwordHash = passwordHash;
      member.passwordChangedAt = now;
      member.failedLogins = 0;
      member.lockedUntil = null;
      if (link.purpose === AccountLinkPurpose.INVITATION) {
        recordAdminEvent(tx, m.code, { id: member.id, name: member.name }, 'staff.joined', member.id);
        return [];
      }
      if (link.resetTwoFactor) {
        member.totpSecret = null;
        member.totpPendingSecret = null;
        member.totpLastStep = null;
        member.recoveryCodeHashes = [];
        // Passkeys too: a reset with two-factor removal is for a person who lost their devices.
        await tx.nativeDelete(StaffPasskey, { staffId: member.id });
      }
      recordAdminEvent(tx, m.code, { id: member.id, name: member.name }, 'staff.password-reset', member.id, link.resetTwoFactor ? 'two-factor removed' : null);
      // A reset ends every sign-in made with the old password.
      return revokeAllSessions(tx, member.id);
    });
    announceRevoked(this.auth.revocations, revoked);
    return { email: staff!.email, twoFactorEnrolmentRequired: m.requireTwoFactor && !staff!.totpSecret };
  }

  /** Step one of enrolment: the password proves who it is; a new secret is shown with a ticket for step two. */
  async beginEnrolment(email: string, password: string, guard?: LoginGuard): Promise<TwoFactorEnrolment> {
    const staff = await new AuthService(this.em, this.auth, this.locale).checkPassword(email, password, guard);
    if (staff.totpSecret) throw apiError('CONFLICT', ALREADY_ENROLLED, this.locale);
    const m = await this.em.findOneOrFail(Municipality, { code: staff.municipality.code });
    const secret = newTotpSecret();
    staff.totpPendingSecret = secret;
    const { token } = await issueLink(this.em, { municipalityCode: m.code, staffId: staff.id, purpose: AccountLinkPurpose.TOTP_ENROLMENT });
    await this.em.flush();
    return { ticket: token, secret, otpauthUri: otpauthUri(secret, staff.email, m.name) };
  }

  /** Step two: a code from the app confirms the secret; recovery codes are shown once; the person is signed in. */
  async completeEnrolment(ticket: string, code: string): Promise<CompletedTwoFactorEnrolment> {
    // Guessing a 6-digit code against one ticket is limited like sign-ins to one account.
    if (!(await this.codeLimit.take(`enrol:${linkTokenHash(String(ticket))}`))) {
      const e = apiError('TOO_MANY_REQUESTS', TOO_MANY_CODES, this.locale);
      throw new GraphQLError(e.message, { extensions: { ...e.extensions, http: { status: 429 } } });
    }
    const link = await usableLink(this.em, ticket, [AccountLinkPurpose.TOTP_ENROLMENT]);
    const staff = link ? await this.em.findOne(StaffMember, { id: link.staffId! }, { populate: ['department'] }) : null;
    if (!link || !staff || staff.disabled || !staff.totpPendingSecret) throw notFound(TICKET_NOT_USABLE, this.locale);
    const step = acceptedTotpStep(staff.totpPendingSecret, String(code ?? ''), null);
    if (step == null) throw badInput([{ field: 'input.code', messages: CODE_WRONG }], this.locale);
    const recoveryCodes = newRecoveryCodes();
    await this.em.transactional(async (tx) => {
      if (!(await consumeLink(tx, link))) throw notFound(TICKET_NOT_USABLE, this.locale);
      const member = tx.merge(staff);
      member.totpSecret = member.totpPendingSecret;
      member.totpPendingSecret = null;
      member.totpLastStep = String(step);
      member.recoveryCodeHashes = recoveryCodes.map(recoveryCodeHash);
      recordAdminEvent(tx, member.municipality.code, { id: member.id, name: member.name }, 'staff.two-factor-enrolled', member.id);
    });
    const session = await startSession(this.em, staff, this.auth, true);
    return { recoveryCodes, ...session };
  }
}
