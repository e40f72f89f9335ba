import type { EntityManager } from '@mikro-orm/postgresql';
import { rawQuery } from '../db';
import { Section } from '../core';
import type { SignedInViewer } from '../core';
import type { DvCondition, Policy } from './policy';
import { isOwner } from './record-access';

/**
 * Which records a viewer sees at all (rules 2, 4 and 5), as plain data the record reader renders into
 * SQL (record/record-criteria.ts): every list, search, count and look-up starts from this, so a record
 * the viewer may not see is absent everywhere — the same "not found" as an unknown id.
 */
export interface RecordScope {
  /** Rule 5. */
  municipality: string;
  /** Consents the record must carry, all of them (rule 2: the viewer's department; rule 4: partners). */
  consentTo: string[];
  /** Only these records (rule 4: those referred to the partner); null for no such limit. */
  ids: string[] | null;
}

/** The records `viewer` may see; for a partner, one statement reads its open referrals. */
export async function recordScope(em: EntityManager, viewer: SignedInViewer, policy: Policy): Promise<RecordScope> {
  const municipality = viewer.municipalityCode;
  if (viewer.kind === 'partner') {
    const { consent, referral } = policy.rules.partner;
    const rows = await rawQuery<{ record_id: string }>(
      em,
      'select record_id from referral where partner_id = ? and municipality_code = ? and status = any(?::text[])',
      [viewer.partnerId, municipality, [...referral]],
    );
    return { municipality, consentTo: [consent], ids: rows.map((r) => r.record_id) };
  }
  if (isOwner(viewer, policy)) return { municipality, consentTo: [], ids: null };
  return { municipality, consentTo: [viewer.department], ids: null };
}

/** The facts of a referral a partner's access to it depends on. */
export interface ReferralFacts {
  partnerId: string;
  status: string;
  municipalityCode: string;
  recordSharedWith: readonly string[];
}

/**
 * Whether a referral (and so its record) is the partner's to see and act on (rules 4 and 5), for a
 * referral in hand; `partnerReferralFilter` is the same test for a list.
 */
export function partnerSeesReferral(viewer: SignedInViewer, policy: Policy, referral: ReferralFacts): boolean {
  const { consent, referral: statuses } = policy.rules.partner;
  return (
    viewer.kind === 'partner' &&
    referral.municipalityCode === viewer.municipalityCode &&
    referral.partnerId === viewer.partnerId &&
    (statuses as readonly string[]).includes(referral.status) &&
    referral.recordSharedWith.includes(consent)
  );
}

/** The referrals a partner sees, as the parts of a filter over referral (its status and its record's consent). */
export function partnerReferralFilter(policy: Policy): { statuses: string[]; consent: string } {
  return { statuses: [...policy.rules.partner.referral], consent: policy.rules.partner.consent };
}

/**
 * A contact search by a viewer from whom DV protection withholds contact must leave DV-protected
 * records out, or the search would confirm a protected family's number (rule 3): the conditions and
 * the day to evaluate them on, or null when nothing is withheld from this viewer.
 */
export function dvExclusion(viewer: SignedInViewer, policy: Policy, today: string): { on: string; when: readonly DvCondition[] } | null {
  if (isOwner(viewer, policy) || !policy.rules.dv.withhold.includes(Section.CONTACT)) return null;
  return { on: today, when: policy.rules.dv.when };
}
