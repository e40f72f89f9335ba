/**
 * Who may call each root field. A root field missing here is denied by the shield's fallback rule
 * (api/access/shield.ts) — adding an operation means adding it here, on purpose.
 *   public    anyone, including the widgets' anonymous visitors
 *   signedIn  staff or a partner token
 *   staff     staff only (roles are checked in the services)
 */
export type OperationAccess = 'public' | 'signedIn' | 'staff';

export const OPERATIONS: Record<'Query' | 'Mutation', Record<string, OperationAccess>> = {
  Query: {
    intakeSettings: 'public',
    me: 'signedIn',
    record: 'signedIn',
    records: 'signedIn',
    partners: 'staff',
    referrals: 'signedIn',
    auditLog: 'staff',
    auditChainIntact: 'staff',
    accessPolicy: 'staff',
    staffMembers: 'staff',
    programmes: 'public',
    programme: 'public',
    eligibility: 'public',
    recordEligibility: 'signedIn',
    postalAddress: 'public',
    chatSatisfaction: 'staff',
    inbox: 'staff',
    allowedOrigins: 'staff',
    worklist: 'staff',
    caseFile: 'staff',
  },
  Mutation: {
    submitIntake: 'public',
    login: 'public',
    logout: 'signedIn',
    createRecord: 'staff',
    updateRecordSection: 'staff',
    addConsultation: 'staff',
    issuePartnerToken: 'staff',
    revokePartnerToken: 'staff',
    referRecord: 'staff',
    updateReferral: 'signedIn',
    createStaffMember: 'staff',
    updateStaffMember: 'staff',
    chat: 'public',
    rateChat: 'public',
    requestConsultation: 'public',
    takeInboxItem: 'staff',
    addAllowedOrigin: 'staff',
    removeAllowedOrigin: 'staff',
    updateCase: 'staff',
  },
};
