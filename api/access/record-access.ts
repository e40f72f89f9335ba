import { registerEnumType } from 'type-graphql';
import { StaffRole } from '../core';
import { Section, SECTIONS } from '../core';
import type { SignedInViewer } from '../core';
import { type DvFacts, isDvProtected } from './dv';
import type { Policy, PolicyRole } from './policy';

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

export function policyRole(viewer: SignedInViewer): PolicyRole {
  return viewer.kind === 'partner' ? 'partner' : viewer.department;
}

/** The viewer belongs to the department that owns every record (rule 1). */
export function isOwner(viewer: SignedInViewer, policy: Policy): boolean {
  return policyRole(viewer) === policy.rules.owner;
}

/** Whether DV protection withholds sections of this record from this viewer (rule 3; never from the owner). */
export function withholdsForDv(viewer: SignedInViewer, policy: Policy, facts: DvFacts, today: string): boolean {
  return !isOwner(viewer, policy) && isDvProtected(facts, today, policy.rules.dv.when);
}

/**
 * Section by section, what the viewer may do with a record it can see, given the one fact of the
 * record this depends on (`withholdsForDv`): for one viewer there are only two possible answers, so
 * a request computes each once (AccessGate) and every shield rule and resolver is a look-up.
 * The grants already carry rule 1 (policy.ts gives the owner every section).
 */
export function sectionAccessWhen(viewer: SignedInViewer, policy: Policy, dvWithheld: boolean): ReadonlyMap<Section, SectionAccess> {
  const result = new Map<Section, SectionAccess>();
  const mayWrite = viewer.kind === 'staff' && viewer.role !== StaffRole.VIEWER;
  const grants = policy.get(policyRole(viewer))!;
  // A department that may read neither protection nor concerns must not learn of DV from the reason
  // either: a section withheld for DV is then denied with the generic reason (issue 14, finding 7).
  const knowsDv = grants.get(Section.PROTECTION)!.read || grants.get(Section.CONCERNS)!.read;
  const dvReason = knowsDv ? DenialReason.DV_PROTECTED : DenialReason.NOT_PERMITTED;
  const withheld = new Set(policy.rules.dv.withhold);
  for (const section of SECTIONS) {
    const grant = grants.get(section)!;
    let reason: DenialReason | null = null;
    if (!grant.read) reason = DenialReason.NOT_PERMITTED;
    else if (dvWithheld && withheld.has(section)) reason = dvReason;
    result.set(section, Object.freeze({ readable: reason === null, writable: reason === null && grant.write && mayWrite, reason }));
  }
  return result;
}
