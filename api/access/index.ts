// The access decision, in one module: the policy file's grants and row rules (policy.ts), evaluated once
// for every path — the shield (shield.ts), a request's per-record answers (access-gate.ts), the records a
// viewer sees as SQL criteria (record-scope.ts), DV protection in code and SQL (dv.ts) — and the document
// generated from it (policy-docs.ts). Never imports record/: records come in as the facts access needs.
export { AccessGate } from './access-gate';
export { ACCESS_DOCS } from './access.docs';
export { AccessResolver } from './access.resolver';
export { PolicyGrant } from './access.types';
export { type DvFacts, isDvProtected, notDvProtectedSql } from './dv';
export { OPERATIONS, type OperationAccess } from './operations';
export {
  DV_CONDITIONS,
  type DvCondition,
  type Grant,
  parsePolicy,
  type Policy,
  PolicyBook,
  PolicyError,
  type PolicySource,
  type PolicyRole,
  POLICY_ROLES,
  REFERRAL_STATUSES,
  type RowRules,
} from './policy';
export { policyRulesInWords, renderPolicyDocs } from './policy-docs';
export { AccessPolicySettings } from './settings/access-policy-settings.entity';
export { AccessPolicySync } from './settings/access-policy.sync';
export { DenialReason, isOwner, policyRole, type SectionAccess } from './record-access';
export { dvExclusion, partnerReferralFilter, partnerSeesReferral, type RecordScope, recordScope } from './record-scope';
export { permissions, RECORD_FIELDS, withShield } from './shield';
