import type { EntityManager } from '@mikro-orm/postgresql';
import type { AccessGate, AccessPolicySync, PolicyBook } from '../access';
import type { AuthSettings } from '../auth';
import { hashPassword, StaffMember, verifyPassword } from '../staff';
import { badInput, InputChecker, notFound, StaffRole } from '../core';
import { Department, Municipality } from '../municipality';
import type { Catalogue, ProgrammeSettingsSync } from '../programme';
import { AccountLinkPurpose } from './account-link.entity';
import { AdminEvent } from './admin-event.entity';
import { recordAdminEvent } from './admin-events';
import type {
  AdminEventInfo,
  InviteStaffMemberInput,
  IssuedAccountLink,
  MunicipalitySettings,
  MyTwoFactor,
  StaffSessionInfo,
  UpdateMunicipalitySettingsInput,
} from './accounts.types';
import { issueLink, linkUrl } from './links';
import { passwordProblem } from './password-policy';
import { announceRevoked, liveSessions, revokeAllSessions, revokeSessions } from './sessions';
import { StaffSession } from './staff-session.entity';
import { exportSettingsYaml, importSettings, SettingsInputError } from './settings-yaml';
import type { MunicipalitySettingsImport } from './settings-yaml.types';
import { CURRENT_PASSWORD_WRONG, EMAIL_NEEDED, EMAIL_TAKEN, NAME_NEEDED, SAME_PASSWORD, SESSION_NOT_FOUND, STAFF_NOT_FOUND } from './texts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Accounts as their owners and their municipality's admins manage them: invitations and reset links
 * (never a password chosen by someone else), one's own password, sessions, the two-factor setting.
 * Every change is in the administration trail (admin-events.ts), in the change's transaction.
 */
export class AccountAdminService {
  constructor(
    private readonly em: EntityManager,
    private readonly gate: AccessGate,
    private readonly auth: AuthSettings,
    /** For the settings file's `programmes:` (programme-settings.ts). */
    private readonly programmes?: { catalogue: Catalogue; sync: ProgrammeSettingsSync | undefined },
    /** For the settings file's `policy:` (access-policy-settings.ts). */
    private readonly policy?: { policies: PolicyBook; policySync: AccessPolicySync | undefined },
  ) {}

  private admin() {
    return this.gate.staff([StaffRole.ADMIN]);
  }

  private actor(v: { staffId: string; name: string }) {
    return { id: v.staffId, name: v.name };
  }

  private async member(id: string, municipalityCode: string): Promise<StaffMember> {
    const m = UUID.test(id) ? await this.em.findOne(StaffMember, { id, municipality: municipalityCode }, { populate: ['department'] }) : null;
    if (!m) throw notFound(STAFF_NOT_FOUND, this.gate.locale);
    return m;
  }

  private url(token: string): string {
    return linkUrl(this.auth.publicUrl ?? 'http://localhost:4000', token);
  }

  /** A new staff member without a password, and the one-time link with which they choose one. */
  async invite(input: InviteStaffMemberInput): Promise<IssuedAccountLink> {
    const v = this.admin();
    const c = new InputChecker(this.gate.today);
    const name = c.text('input.name', input.name, { ja: '氏名', en: 'Name' }, 100);
    if (!name) c.problems.push({ field: 'input.name', messages: NAME_NEEDED });
    const email = c.email('input.email', input.email)?.toLowerCase();
    if (!email) c.problems.push({ field: 'input.email', messages: EMAIL_NEEDED });
    if (!c.ok) throw badInput(c.problems, this.gate.locale);
    if (await this.em.count(StaffMember, { email: email! })) throw badInput([{ field: 'input.email', messages: EMAIL_TAKEN }], this.gate.locale);
    const department = await this.em.findOne(Department, { municipality: v.municipalityCode, code: input.department });
    if (!department)
      throw badInput(
        [
          {
            field: 'input.department',
            messages: { ja: 'この部署はこの自治体にありません。', en: 'Your municipality has no such department.', 'ja-easy': 'その 部署は ありません。' },
          },
        ],
        this.gate.locale,
      );
    return this.em.transactional(async (tx) => {
      const member = tx.create(StaffMember, {
        municipality: v.municipalityCode,
        department,
        name: name!,
        email: email!,
        role: input.role,
        passwordHash: null,
        failedLogins: 0,
        disabled: false,
      } as never);
      await tx.flush();
      const { token, link } = await issueLink(tx, { municipalityCode: v.municipalityCode, staffId: member.id, purpose: AccountLinkPurpose.INVITATION });
      recordAdminEvent(tx, v.municipalityCode, this.actor(v), 'staff.invited', member.id, `role ${input.role}, department ${input.department}`);
      await tx.flush();
      return { member, url: this.url(token), expiresAt: link.expiresAt };
    });
  }

  /** A one-time link with which the member chooses a new password (earlier links stop working). */
  async resetLink(staffId: string, resetTwoFactor: boolean): Promise<IssuedAccountLink> {
    const v = this.admin();
    const member = await this.member(staffId, v.municipalityCode);
    const { token, link } = await issueLink(this.em, {
      municipalityCode: v.municipalityCode,
      staffId: member.id,
      purpose: member.passwordHash ? AccountLinkPurpose.RESET : AccountLinkPurpose.INVITATION,
      resetTwoFactor,
    });
    recordAdminEvent(this.em, v.municipalityCode, this.actor(v), 'staff.reset-link-issued', member.id, resetTwoFactor ? 'with two-factor removal' : null);
    await this.em.flush();
    return { member, url: this.url(token), expiresAt: link.expiresAt };
  }

  /** Changes one's own password; every other sign-in of the account ends. */
  async changePassword(current: string, next: string): Promise<boolean> {
    const v = this.gate.staff();
    const member = await this.member(v.staffId, v.municipalityCode);
    if (!member.passwordHash || !(await verifyPassword(member.passwordHash, current)))
      throw badInput([{ field: 'input.currentPassword', messages: CURRENT_PASSWORD_WRONG }], this.gate.locale);
    if (current === next) throw badInput([{ field: 'input.newPassword', messages: SAME_PASSWORD }], this.gate.locale);
    const m = await this.em.findOneOrFail(Municipality, { code: v.municipalityCode });
    const weak = passwordProblem(next, [member.name, member.email, m.name]);
    if (weak) throw badInput([{ field: 'input.newPassword', messages: weak }], this.gate.locale);
    const hash = await hashPassword(next);
    const revoked = await this.em.transactional(async (tx) => {
      member.passwordHash = hash;
      member.passwordChangedAt = new Date();
      recordAdminEvent(tx, v.municipalityCode, this.actor(v), 'staff.password-changed', member.id);
      return revokeAllSessions(tx, member.id, v.tokenId);
    });
    announceRevoked(this.auth.revocations, revoked);
    return true;
  }

  /** One's own live sessions, or (admins) a member's. */
  async sessions(staffId?: string | null): Promise<StaffSessionInfo[]> {
    const v = staffId && staffId !== this.gate.staff().staffId ? this.admin() : this.gate.staff();
    const member = await this.member(staffId ?? v.staffId, v.municipalityCode);
    const rows = await liveSessions(this.em, member.id, 100);
    return rows.map((s) => ({ id: s.id, createdAt: s.createdAt, expiresAt: s.expiresAt, twoFactor: s.twoFactor, current: s.id === v.tokenId }));
  }

  /** Whether one's own account signs in with an authenticator app, and how many recovery codes are left. */
  async myTwoFactor(): Promise<MyTwoFactor> {
    const v = this.gate.staff();
    const member = await this.member(v.staffId, v.municipalityCode);
    return { enabled: member.totpSecret != null, recoveryCodesLeft: member.totpSecret ? member.recoveryCodeHashes.length : 0 };
  }

  /** Ends a session at once: one's own, or (admins) any of the municipality's. */
  async revokeSession(id: string): Promise<boolean> {
    const v = this.gate.staff();
    const session = typeof id === 'string' && id.length <= 64 ? await this.em.findOne(StaffSession, { id, municipalityCode: v.municipalityCode }) : null;
    if (!session || (session.staffId !== v.staffId && v.role !== StaffRole.ADMIN)) throw notFound(SESSION_NOT_FOUND, this.gate.locale);
    const revoked = await this.em.transactional(async (tx) => {
      const done = await revokeSessions(tx, [session]);
      if (done.length) recordAdminEvent(tx, v.municipalityCode, this.actor(v), 'session.revoked', session.staffId);
      return done;
    });
    announceRevoked(this.auth.revocations, revoked);
    return true;
  }

  async settings(): Promise<MunicipalitySettings> {
    const v = this.admin();
    const m = await this.em.findOneOrFail(Municipality, { code: v.municipalityCode });
    return settingsOf(m);
  }

  async updateSettings(input: UpdateMunicipalitySettingsInput): Promise<MunicipalitySettings> {
    const v = this.admin();
    const target = input.contactTargetOpenDays;
    if (target != null && (!Number.isInteger(target) || target < 1 || target > 30))
      throw badInput([{ field: 'input.contactTargetOpenDays', messages: TARGET_RANGE }], this.gate.locale);
    const m = await this.em.findOneOrFail(Municipality, { code: v.municipalityCode });
    if (input.requireTwoFactor != null && input.requireTwoFactor !== m.requireTwoFactor) {
      m.requireTwoFactor = input.requireTwoFactor;
      recordAdminEvent(
        this.em,
        v.municipalityCode,
        this.actor(v),
        'municipality.settings-changed',
        m.code,
        `two-factor ${m.requireTwoFactor ? 'required' : 'optional'}`,
      );
    }
    if (input.contactTargetOpenDays != null && input.contactTargetOpenDays !== m.contactTargetOpenDays) {
      m.contactTargetOpenDays = input.contactTargetOpenDays;
      recordAdminEvent(
        this.em,
        v.municipalityCode,
        this.actor(v),
        'municipality.settings-changed',
        m.code,
        `response target ${m.contactTargetOpenDays} open days`,
      );
    }
    await this.em.flush();
    return settingsOf(m);
  }

  /** The settings as YAML for version control (admins; settings-yaml.ts). */
  async exportSettings(): Promise<string> {
    const v = this.admin();
    return exportSettingsYaml(this.em, v.municipalityCode);
  }

  /** A dry run lists the differences; with apply, they take effect (admins; each recorded). */
  async importSettings(yaml: string, apply: boolean): Promise<MunicipalitySettingsImport> {
    const v = this.admin();
    try {
      return await importSettings(this.em, v.municipalityCode, yaml, {
        apply,
        actor: this.actor(v),
        catalogue: this.programmes?.catalogue,
        sync: this.programmes?.sync,
        policies: this.policy?.policies,
        policySync: this.policy?.policySync,
      });
    } catch (e) {
      if (e instanceof SettingsInputError) throw badInput(e.problems, this.gate.locale);
      throw e;
    }
  }

  /** The administration trail of the municipality, newest first (admins). */
  async events(limit: number): Promise<AdminEventInfo[]> {
    const v = this.admin();
    if (!Number.isInteger(limit) || limit < 1 || limit > 200)
      throw badInput(
        [
          {
            field: 'limit',
            messages: { ja: '件数は1から200までです。', en: 'limit must be between 1 and 200.', 'ja-easy': '1から 200 までに して ください。' },
          },
        ],
        this.gate.locale,
      );
    const rows = await this.em.find(AdminEvent, { municipalityCode: v.municipalityCode }, { orderBy: { id: 'desc' }, limit });
    return rows.map((e) => ({ id: e.id, at: e.at, actorName: e.actorName, action: e.action, subjectId: e.subjectId ?? null, detail: e.detail ?? null }));
  }
}

/** For StaffService.update: a disabled account, or one whose role or department changed, is signed out everywhere at once. */
export async function endSessionsAfterChange(
  em: EntityManager,
  auth: AuthSettings,
  member: StaffMember,
  actor: { staffId: string; name: string },
  change: { disabled?: boolean | null; roleOrDepartment: boolean },
): Promise<void> {
  const revoked = change.disabled || change.roleOrDepartment ? await revokeAllSessions(em, member.id) : [];
  if (change.disabled != null)
    recordAdminEvent(em, member.municipality.code, { id: actor.staffId, name: actor.name }, change.disabled ? 'staff.disabled' : 'staff.enabled', member.id);
  if (change.roleOrDepartment)
    recordAdminEvent(
      em,
      member.municipality.code,
      { id: actor.staffId, name: actor.name },
      'staff.updated',
      member.id,
      `role ${member.role}, department ${member.department.code}`,
    );
  await em.flush();
  announceRevoked(auth.revocations, revoked);
}

const TARGET_RANGE = {
  ja: '対応目標は1から30開庁日までです。',
  en: 'The response target must be between 1 and 30 open days.',
  'ja-easy': '1から 30 までの 日数に して ください。',
};

function settingsOf(m: Municipality): MunicipalitySettings {
  return { code: m.code, name: m.name, requireTwoFactor: m.requireTwoFactor, contactTargetOpenDays: m.contactTargetOpenDays };
}
