import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AccessGate } from '../access';
import { partnerReferralFilter, partnerSeesReferral } from '../access';
import { hashPartnerToken, PARTNER_TOKEN_PREFIX } from './partner-token';
import { apiError, badInput, notFound } from '../core';
import { InputChecker } from '../core';
import { OWNER_DEPARTMENT } from '../core';
import { DenialReason } from '../access';
import { Section } from '../core';
import { RecordService } from '../record';
import type { AuditCollector } from '../audit';
import { StaffRole } from '../core';
import { PartnerOrganization } from './partner-organization.entity';
import { PartnerToken } from './partner-token.entity';
import type { IssuePartnerTokenInput, ReferRecordInput, UpdateReferralInput } from './partner.inputs';
import type { IssuedPartnerToken } from './partner.types';
import { Referral } from './referral.entity';
import { ReferralStatus } from './referral-status';
import { PARTNER_ADMIN_EVENT } from './admin-trail';

const PARTNER_NOT_FOUND = { ja: '連携団体が見つかりません。', en: 'No such partner organisation.', 'ja-easy': 'その 団体は ありません。' };
const REFERRAL_NOT_FOUND = { ja: '紹介が見つかりません。', en: 'No such referral.', 'ja-easy': 'その 紹介は ありません。' };
const NO_PARTNER_CONSENT = {
  ja: '本人が連携団体への情報提供に同意していないため、紹介できません。先に同意を確認してください。',
  en: 'The family has not consented to share their record with partner organisations, so it cannot be referred. Ask for consent first.',
  'ja-easy': '本人が 団体に 伝える ことに 同意して いないので 紹介 できません。',
};
const OWNER_ONLY = {
  ja: 'この操作はひとり親支援担当課だけができます。',
  en: 'Only the single-parent support division can do this.',
  'ja-easy': 'これは ひとり親の 係だけが できます。',
};

/** The name referral writes carry in the audit log's sections (not a record section: the referral itself). */
export const REFERRAL_AUDIT = 'referral';

/** Allowed status changes; the partner accepts or declines, the owner closes. */
const NEXT: Record<ReferralStatus, ReferralStatus[]> = {
  [ReferralStatus.REQUESTED]: [ReferralStatus.ACCEPTED, ReferralStatus.CLOSED],
  [ReferralStatus.ACCEPTED]: [ReferralStatus.CLOSED],
  [ReferralStatus.CLOSED]: [],
};

export class PartnerService {
  constructor(
    private readonly em: EntityManager,
    private readonly gate: AccessGate,
    private readonly audit: AuditCollector,
  ) {}

  private ownerStaff(roles: StaffRole[] = [StaffRole.CASEWORKER, StaffRole.SUPERVISOR, StaffRole.ADMIN]) {
    const v = this.gate.staff(roles);
    if (v.department !== OWNER_DEPARTMENT) throw apiError('FORBIDDEN', OWNER_ONLY, this.gate.locale);
    return v;
  }

  list(): Promise<PartnerOrganization[]> {
    const v = this.gate.staff();
    return this.em.find(PartnerOrganization, { municipality: v.municipalityCode }, { orderBy: { name: 'asc' } });
  }

  private async partner(id: string, municipalityCode: string): Promise<PartnerOrganization> {
    const p = /^[0-9a-f-]{36}$/i.test(id) ? await this.em.findOne(PartnerOrganization, { id, municipality: municipalityCode }) : null;
    if (!p) throw notFound(PARTNER_NOT_FOUND, this.gate.locale);
    return p;
  }

  /** Admins of the owning department issue tokens; the secret is returned once and only its hash is kept. */
  async issueToken(input: IssuePartnerTokenInput): Promise<IssuedPartnerToken> {
    const v = this.ownerStaff([StaffRole.ADMIN, StaffRole.SUPERVISOR]);
    const c = new InputChecker(this.gate.today);
    const label = c.text('input.label', input.label, { ja: '用途', en: 'Label' }, 100);
    if (!label) c.custom('input.label', '用途を入力してください。', 'Enter what the token is for.', '何に 使うか 書いて ください。');
    if (!Number.isInteger(input.validDays) || input.validDays < 1 || input.validDays > 365) {
      c.custom('input.validDays', '有効期間は1日から365日までです。', 'validDays must be between 1 and 365.', '1日から 365日までに して ください。');
    }
    if (!c.ok) throw badInput(c.problems, this.gate.locale);
    const partner = await this.partner(input.partnerId, v.municipalityCode);
    const secret = `${PARTNER_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    const token = this.em.create(PartnerToken, {
      municipality: partner.municipality,
      partner,
      tokenHash: hashPartnerToken(secret),
      label: label!,
      createdAt: new Date(),
      expiresAt: new Date(Date.now() + input.validDays * 86_400_000),
      revokedAt: null,
    });
    PARTNER_ADMIN_EVENT.get()(
      this.em,
      v.municipalityCode,
      { id: v.staffId, name: v.name },
      'partner.token-issued',
      partner.id,
      `valid ${input.validDays} days`,
    );
    await this.em.flush();
    return { secret, token };
  }

  async revokeToken(id: string): Promise<PartnerToken> {
    const v = this.ownerStaff([StaffRole.ADMIN, StaffRole.SUPERVISOR]);
    const token = /^[0-9a-f-]{36}$/i.test(id) ? await this.em.findOne(PartnerToken, { id, municipality: v.municipalityCode }) : null;
    if (!token) throw notFound({ ja: 'トークンが見つかりません。', en: 'No such token.', 'ja-easy': 'その トークンは ありません。' }, this.gate.locale);
    if (!token.revokedAt) PARTNER_ADMIN_EVENT.get()(this.em, v.municipalityCode, { id: v.staffId, name: v.name }, 'partner.token-revoked', token.id);
    token.revokedAt ??= new Date();
    await this.em.flush();
    return token;
  }

  /** The owning department refers a record; the partner sees it only with the family's consent to share with partners. */
  async refer(input: ReferRecordInput): Promise<Referral> {
    const v = this.ownerStaff();
    const c = new InputChecker(this.gate.today);
    const reason = c.text('input.reason', input.reason, { ja: '紹介の理由', en: 'Reason' }, 1000);
    if (!reason) c.custom('input.reason', '紹介の理由を入力してください。', 'Say why the record is referred.', '紹介する 理由を 書いて ください。');
    if (!c.ok) throw badInput(c.problems, this.gate.locale);
    const record = await new RecordService(this.em, this.gate, this.audit).require(input.recordId);
    // Rule 4 of docs/design.md: without consent the partner could never see the record; a referral
    // it cannot read would still tell it (through the reason) about the family. Refused, not warned.
    if (!record.sharedWith.includes(partnerReferralFilter(this.gate.policy()).consent))
      throw apiError('FORBIDDEN', NO_PARTNER_CONSENT, this.gate.locale, { reason: DenialReason.NO_CONSENT, section: Section.CONSENT });
    const partner = await this.partner(input.partnerId, v.municipalityCode);
    const referral = this.em.create(Referral, {
      municipality: record.municipality,
      record,
      partner,
      reason: reason!,
      status: ReferralStatus.REQUESTED,
      createdAt: new Date(),
      updatedAt: new Date(),
    });
    await this.em.flush();
    this.audit.note(record.id, v.municipalityCode, 'write', REFERRAL_AUDIT);
    return referral;
  }

  /** The partner accepts (or closes) a referral made to it; the owner closes any. */
  async update(input: UpdateReferralInput): Promise<Referral> {
    const v = this.gate.signedIn();
    // Closing is a write: a viewer of the owning department reads referrals but cannot change them (issue 14, finding 6).
    if (v.kind === 'staff') this.ownerStaff();
    const referral = /^[0-9a-f-]{36}$/i.test(input.referralId)
      ? await this.em.findOne(Referral, { id: input.referralId, municipality: v.municipalityCode }, { populate: ['partner', 'record'] })
      : null;
    // A partner acts only on referrals it can see (the policy's rule 4: open, and with the family's consent to share with partners).
    const mine =
      referral &&
      (v.kind === 'partner'
        ? partnerSeesReferral(v, this.gate.policy(), {
            partnerId: referral.partner.id,
            status: referral.status,
            municipalityCode: v.municipalityCode,
            recordSharedWith: referral.record.sharedWith,
          })
        : v.department === OWNER_DEPARTMENT);
    if (!referral || !mine) throw notFound(REFERRAL_NOT_FOUND, this.gate.locale);
    if (v.kind === 'staff' && input.status !== ReferralStatus.CLOSED)
      throw apiError(
        'FORBIDDEN',
        { ja: '受け入れは連携団体が行います。', en: 'Only the partner accepts a referral.', 'ja-easy': '受け入れは 団体が します。' },
        this.gate.locale,
      );
    const c = new InputChecker(this.gate.today);
    const reason = c.text('input.reason', input.reason, { ja: '理由', en: 'Reason' }, 1000);
    if (!NEXT[referral.status].includes(input.status))
      c.custom('input.status', 'この状態には変更できません。', `A ${referral.status} referral cannot become ${input.status}.`, 'この 状態には できません。');
    if (input.status === ReferralStatus.CLOSED && !reason)
      c.custom('input.reason', '終了の理由を入力してください。', 'Say why the referral is closed.', '終わる 理由を 書いて ください。');
    if (!c.ok) throw badInput(c.problems, this.gate.locale);
    referral.status = input.status;
    if (reason) referral.reason = reason;
    await this.em.flush();
    this.audit.note(referral.record.id, v.municipalityCode, 'write', REFERRAL_AUDIT);
    return referral;
  }

  /** Referrals visible to the viewer: all of the municipality for the owner, its own for a partner. */
  referrals(): Promise<Referral[]> {
    const v = this.gate.signedIn();
    if (v.kind === 'partner') {
      // Without consent to share with partners, or once closed, a referral (and its free-text reason) is not the partner's to see (rule 4).
      const { statuses, consent } = partnerReferralFilter(this.gate.policy());
      return this.em.find(
        Referral,
        {
          municipality: v.municipalityCode,
          partner: v.partnerId,
          status: { $in: statuses as ReferralStatus[] },
          record: { sharedWith: { $contains: [consent] } },
        },
        { populate: ['partner'], orderBy: { createdAt: 'desc' } },
      );
    }
    if (v.department !== OWNER_DEPARTMENT) throw apiError('FORBIDDEN', OWNER_ONLY, this.gate.locale);
    return this.em.find(Referral, { municipality: v.municipalityCode }, { populate: ['partner'], orderBy: { createdAt: 'desc' } });
  }
}
