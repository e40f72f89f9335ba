import { GraphQLError } from 'graphql';
import { apiError, UNAUTHENTICATED_TEXT } from '../core';
import type { Locale, LocalizedText } from '../core';
import { todayInJapan } from '../core';
import { StaffRole } from '../core';
import { type DvFacts, isDvProtected } from './dv';
import type { Policy, PolicyBook } from './policy';
import { DenialReason, policyRole, sectionAccessWhen, type SectionAccess, withholdsForDv } from './record-access';
import type { Section } from '../core';
import type { SignedInViewer, Viewer } from '../core';

const DENIAL_TEXT: Record<DenialReason, LocalizedText> = {
  [DenialReason.NOT_PERMITTED]: {
    ja: 'この項目を見る権限がありません。',
    // Not "your department": partners' systems get this too.
    en: 'You may not see this section.',
    'ja-easy': 'この 項目は 見られません。',
  },
  [DenialReason.NO_CONSENT]: { ja: '本人の同意がありません。', en: 'The family has not consented to share this.', 'ja-easy': '本人の 同意が ありません。' },
  [DenialReason.DV_PROTECTED]: { ja: 'DV等支援措置のため表示できません。', en: 'Withheld under DV protection.', 'ja-easy': 'DVの 支援の ため 見られません。' },
};

const WRITE_DENIED: LocalizedText = {
  ja: 'この項目を変更する権限がありません。',
  en: 'Your department may not change this section.',
  'ja-easy': 'この 項目は 変えられません。',
};
const ROLE_DENIED: LocalizedText = { ja: 'この操作をする権限がありません。', en: 'Your role does not allow this.', 'ja-easy': 'これは できません。' };

/**
 * The one place that answers "may this viewer do this with this record?" during a request.
 * Section access depends on the viewer and on one fact of the record (DV protection), so the two
 * possible answers are computed once per request and each record is mapped to one of them (cached):
 * shield rules and resolvers are look-ups.
 */
export class AccessGate {
  private readonly cache = new WeakMap<DvFacts, ReadonlyMap<Section, SectionAccess>>();
  private readonly answers = new Map<boolean, ReadonlyMap<Section, SectionAccess>>();
  readonly today = todayInJapan();

  constructor(
    readonly viewer: Viewer,
    private readonly policies: PolicyBook,
    readonly locale: Locale,
  ) {}

  signedIn(): SignedInViewer {
    if (this.viewer.kind === 'anonymous') throw apiError('UNAUTHENTICATED', UNAUTHENTICATED_TEXT, this.locale);
    return this.viewer;
  }

  staff(roles?: readonly StaffRole[]): Extract<SignedInViewer, { kind: 'staff' }> {
    const v = this.signedIn();
    if (v.kind !== 'staff' || (roles && !roles.includes(v.role))) throw apiError('FORBIDDEN', ROLE_DENIED, this.locale);
    return v;
  }

  /** The policy of the viewer's municipality. */
  policy(): Policy {
    return this.policies.for(this.signedIn().municipalityCode);
  }

  /** Whether DV protection is in force for this record (rule 3's conditions of the viewer's policy). */
  dvProtected(record: DvFacts): boolean {
    return isDvProtected(record, this.today, this.policy().rules.dv.when);
  }

  /** Section access for a record the viewer can see (records reach resolvers only through visibility-filtered queries). */
  of(record: DvFacts): ReadonlyMap<Section, SectionAccess> {
    let access = this.cache.get(record);
    if (!access) {
      const viewer = this.signedIn();
      const policy = this.policy();
      const dvWithheld = withholdsForDv(viewer, policy, record, this.today);
      access = this.answers.get(dvWithheld);
      if (!access) this.answers.set(dvWithheld, (access = sectionAccessWhen(viewer, policy, dvWithheld)));
      this.cache.set(record, access);
    }
    return access;
  }

  canRead(record: DvFacts, section: Section): boolean {
    return this.viewer.kind !== 'anonymous' && this.of(record).get(section)!.readable;
  }

  /** What a viewer's department may read by policy alone (for search filters over a section). */
  policyAllowsRead(section: Section): boolean {
    return this.policy().get(policyRole(this.signedIn()))!.get(section)!.read;
  }

  denial(record: DvFacts, section: Section): GraphQLError {
    const reason = this.of(record).get(section)!.reason ?? DenialReason.NOT_PERMITTED;
    return apiError('FORBIDDEN', DENIAL_TEXT[reason], this.locale, { reason, section });
  }

  filterDenied(section: Section): GraphQLError {
    return apiError('FORBIDDEN', DENIAL_TEXT[DenialReason.NOT_PERMITTED], this.locale, { reason: DenialReason.NOT_PERMITTED, section });
  }

  assertWritable(record: DvFacts, section: Section): void {
    if (!this.of(record).get(section)!.writable) throw apiError('FORBIDDEN', WRITE_DENIED, this.locale, { section });
  }
}
