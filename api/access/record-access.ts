import { registerEnumType } from 'type-graphql';
import { todayInJapan } from '../core/dates';
import { OWNER_DEPARTMENT } from '../core/departments';
import { ConcernCategory } from '../record/concern-category';
import { PARTNERS_CONSENT, type PersonalRecord } from '../record/personal-record.entity';
import { StaffRole } from '../core/roles';
import type { Policy, PolicyRole } from './policy';
import { DV_WITHHELD, Section, SECTIONS } from '../core/sections';
import type { SignedInViewer } from '../core/viewer';

/** Why a section is not readable; shown to staff as 権限がありません / 本人の同意がありません / DV等支援措置のため非表示. */
export enum DenialReason {
  NOT_PERMITTED = 'NOT_PERMITTED',
  NO_CONSENT = 'NO_CONSENT',
  DV_PROTECTED = 'DV_PROTECTED',
}
registerEnumType(DenialReason, { name: 'DenialReason' });

export interface SectionAccess {
  readable: boolean;
  writable: boolean;
  reason: DenialReason | null;
}

/** The facts of a record that access depends on; loaded with the record itself (no extra query). */
export type AccessFacts = Pick<PersonalRecord, 'sharedWith' | 'protection' | 'concerns'> & { municipalityCode: string };

/** True while DV protection is in force: a DV concern, or the support measure not yet expired. */
export function isDvProtected(facts: Pick<AccessFacts, 'protection' | 'concerns'>, today: string = todayInJapan()): boolean {
  if (facts.concerns.categories.includes(ConcernCategory.DV)) return true;
  const p = facts.protection;
  return p.supportMeasure && (p.expiresOn == null || p.expiresOn >= today);
}

export function policyRole(viewer: SignedInViewer): PolicyRole {
  return viewer.kind === 'partner' ? 'partner' : viewer.department;
}

/**
 * Whether the record exists at all for the viewer (rules 2, 4, 5). Lists and searches apply the same
 * test in SQL (record.service.ts visibleTo); this is the check for a record already in hand.
 * `referred` says whether an open referral to the partner exists (only asked for partners).
 */
export function canSeeRecord(viewer: SignedInViewer, facts: AccessFacts, referred: boolean): boolean {
  if (facts.municipalityCode !== viewer.municipalityCode) return false;
  if (viewer.kind === 'partner') return referred && facts.sharedWith.includes(PARTNERS_CONSENT);
  return viewer.department === OWNER_DEPARTMENT || facts.sharedWith.includes(viewer.department);
}

/** Whether DV protection withholds sections of this record from this viewer (rule 3; never from the owner). */
export function withholdsForDv(viewer: SignedInViewer, facts: Pick<AccessFacts, 'protection' | 'concerns'>, today: string): boolean {
  return policyRole(viewer) !== OWNER_DEPARTMENT && isDvProtected(facts, today);
}

/**
 * Section by section, what the viewer may do with a record it can see, given the one fact of the
 * record this depends on (`withholdsForDv`): for one viewer there are only two possible answers, so
 * a request computes each once (AccessGate) and every shield rule and resolver is a look-up.
 */
export function sectionAccessWhen(viewer: SignedInViewer, policy: Policy, dvWithheld: boolean): ReadonlyMap<Section, SectionAccess> {
  const result = new Map<Section, SectionAccess>();
  const role = policyRole(viewer);
  const owner = role === OWNER_DEPARTMENT;
  const mayWrite = viewer.kind === 'staff' && viewer.role !== StaffRole.VIEWER;
  const grants = policy.get(role)!;
  // A department that may read neither protection nor concerns must not learn of DV from the reason
  // either: a section withheld for DV is then denied with the generic reason (issue 14, finding 7).
  const knowsDv = owner || grants.get(Section.PROTECTION)!.read || grants.get(Section.CONCERNS)!.read;
  const dvReason = knowsDv ? DenialReason.DV_PROTECTED : DenialReason.NOT_PERMITTED;
  for (const section of SECTIONS) {
    // Rule 1: the owner reads and writes everything, whatever the table says.
    const grant = owner ? { read: true, write: true } : grants.get(section)!;
    let reason: DenialReason | null = null;
    if (!grant.read) reason = DenialReason.NOT_PERMITTED;
    else if (dvWithheld && DV_WITHHELD.has(section)) reason = dvReason;
    result.set(section, Object.freeze({ readable: reason === null, writable: reason === null && grant.write && mayWrite, reason }));
  }
  return result;
}
