import type { EntityManager } from '@mikro-orm/postgresql';
import type { AccessGate } from '../access';
import { apiError, badInput, notFound } from '../core';
import { InputChecker } from '../core';
import { Department } from '../municipality';
import type { DepartmentCode } from '../core';
import type { AuthSettings } from '../auth';
import { STAFF_ADMIN_EVENT, STAFF_CHANGED } from './staff-changed';
import { StaffMember } from './staff-member.entity';
import { StaffRole } from '../core';
import type { CreateStaffMemberInput, UpdateStaffMemberInput } from './staff.inputs';

const STAFF_NOT_FOUND = { ja: '職員が見つかりません。', en: 'No such staff member.', 'ja-easy': 'その 職員は いません。' };
const PASSWORD_BY_INVITATION = {
  ja: '管理者が他の人のパスワードを決めることはできません。招待リンクを発行し、本人がパスワードを決めます。',
  en: 'An administrator cannot choose a password for someone else. Send an invitation link; the person chooses their own password.',
  'ja-easy': 'ほかの 人の パスワードは 決められません。招待の リンクを 送って、本人が 決めます。',
};
const PASSWORD_BY_RESET_LINK = {
  ja: '管理者が他の人のパスワードを決めることはできません。再設定リンクを発行し、本人が新しいパスワードを決めます。',
  en: 'An administrator cannot choose a password for someone else. Issue a reset link; the person chooses the new password.',
  'ja-easy': 'ほかの 人の パスワードは 決められません。やり直しの リンクを 送って、本人が 決めます。',
};
const EMAIL_TAKEN = {
  ja: 'このメールアドレスはすでに使われています。',
  en: 'This e-mail address is already in use.',
  'ja-easy': 'この メールアドレスは もう 使われて います。',
};

/** Admins manage the staff of their own municipality (never another's). */
export class StaffService {
  constructor(
    private readonly em: EntityManager,
    private readonly gate: AccessGate,
    private readonly auth?: AuthSettings,
  ) {}

  private admin() {
    return this.gate.staff([StaffRole.ADMIN]);
  }

  list(): Promise<StaffMember[]> {
    const v = this.admin();
    return this.em.find(StaffMember, { municipality: v.municipalityCode }, { populate: ['department'], orderBy: { department: { code: 'asc' }, name: 'asc' } });
  }

  /** Nobody chooses a password for someone else (issue 21): the person sets it with a one-time link. */
  private refusePassword(password: string | null | undefined, instead: 'invite' | 'reset'): void {
    if (password == null) return;
    throw badInput([{ field: 'input.password', messages: instead === 'invite' ? PASSWORD_BY_INVITATION : PASSWORD_BY_RESET_LINK }], this.gate.locale);
  }

  private async department(municipalityCode: string, code: DepartmentCode): Promise<Department> {
    return this.em.findOneOrFail(Department, { municipality: municipalityCode, code });
  }

  async create(input: CreateStaffMemberInput): Promise<StaffMember> {
    const v = this.admin();
    const c = new InputChecker(this.gate.today);
    const name = c.text('input.name', input.name, { ja: '氏名', en: 'Name' }, 100);
    if (!name) c.custom('input.name', '氏名を入力してください。', 'Enter the name.', '名前を 書いて ください。');
    const email = c.email('input.email', input.email)?.toLowerCase();
    if (!email) c.custom('input.email', 'メールアドレスを入力してください。', 'Enter the e-mail address.', 'メールアドレスを 書いて ください。');
    if (!c.ok) throw badInput(c.problems, this.gate.locale);
    this.refusePassword(input.password, 'invite');
    if (await this.em.count(StaffMember, { email: email! })) throw badInput([{ field: 'input.email', messages: EMAIL_TAKEN }], this.gate.locale);
    const member = this.em.create(StaffMember, {
      municipality: v.municipalityCode,
      department: await this.department(v.municipalityCode, input.department),
      name: name!,
      email: email!,
      role: input.role,
      passwordHash: null,
      failedLogins: 0,
      disabled: false,
    } as never);
    await this.em.flush();
    STAFF_ADMIN_EVENT.get()(
      this.em,
      v.municipalityCode,
      { id: v.staffId, name: v.name },
      'staff.invited',
      member.id,
      `role ${input.role}, department ${input.department}; no link yet (createStaffMember)`,
    );
    await this.em.flush();
    return member;
  }

  async update(input: UpdateStaffMemberInput): Promise<StaffMember> {
    const v = this.admin();
    this.refusePassword(input.password, 'reset');
    const member = /^[0-9a-f-]{36}$/i.test(input.id)
      ? await this.em.findOne(StaffMember, { id: input.id, municipality: v.municipalityCode }, { populate: ['department'] })
      : null;
    if (!member) throw notFound(STAFF_NOT_FOUND, this.gate.locale);
    if (member.id === v.staffId && (input.disabled || (input.role && input.role !== StaffRole.ADMIN))) {
      throw apiError(
        'FORBIDDEN',
        { ja: '自分自身の管理者権限は外せません。', en: 'You cannot remove your own admin rights.', 'ja-easy': '自分の 管理者の 権限は 外せません。' },
        this.gate.locale,
      );
    }
    const roleOrDepartment = (input.role != null && input.role !== member.role) || (input.department != null && input.department !== member.department.code);
    const disabled = input.disabled != null && input.disabled !== member.disabled ? input.disabled : null;
    if (input.role) member.role = input.role;
    if (input.department) member.department = await this.department(v.municipalityCode, input.department);
    if (input.disabled != null) member.disabled = input.disabled;
    await this.em.flush();
    // Tokens carry the role and department: a change, or disabling, signs the member out everywhere at once (accounts/, through STAFF_CHANGED).
    if (this.auth) await STAFF_CHANGED.get()(this.em, this.auth, member, v, { disabled, roleOrDepartment });
    return member;
  }
}
