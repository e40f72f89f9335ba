/** GraphQL operations of the staff console and the shapes they return (schema/schema.graphql). */

export type SectionName =
  'IDENTITY' | 'ADDRESS' | 'CONTACT' | 'HOUSEHOLD' | 'INCOME' | 'BENEFITS' | 'CONCERNS' | 'SELF_RELIANCE_PLAN' | 'CONSULTATIONS' | 'PROTECTION' | 'CONSENT';
export type Reason = 'NOT_PERMITTED' | 'NO_CONSENT' | 'DV_PROTECTED';

export interface Access {
  section: SectionName;
  readable: boolean;
  writable: boolean;
  reason: Reason | null;
}

export interface Me {
  id: string;
  name: string;
  kind: string;
  department: string | null;
  departmentName: string | null;
  role: string | null;
  municipalityCode: string;
}

export interface Consultation {
  id: string;
  date: string;
  channel: string;
  summary: string;
  followUp: string | null;
  followUpDue: string | null;
  department: string;
  staffName: string | null;
  createdAt: string;
}

/** A record as far as the viewer may see it: denied sections are null. */
export interface RecordData {
  id: string;
  referenceNumber: string;
  version: number;
  source: string;
  ownerDepartment: string;
  createdAt: string;
  updatedAt: string;
  access: Access[];
  identity: {
    familyName: string | null;
    givenName: string | null;
    familyNameKana: string | null;
    givenNameKana: string | null;
    birthDate: string | null;
  } | null;
  address: { postalCode: string | null; prefecture: string | null; city: string | null; street: string | null } | null;
  contact: {
    contactAllowed: boolean;
    phone: string | null;
    email: string | null;
    preferredChannel: string | null;
    safeTimes?: string | null;
    voicemailSafe?: boolean | null;
    smsSafe?: boolean | null;
  } | null;
  household: {
    note: string | null;
    maritalStatus?: string | null;
    children: { birthDate: string; disability: boolean; givenName: string | null }[];
    otherMembers: { relation: string; birthDate: string | null }[];
  } | null;
  income: {
    incomeYear: number | null;
    annualEmploymentIncome: number | null;
    otherIncome: number | null;
    childSupportReceivedYearly: number | null;
    dependentsCount?: number | null;
  } | null;
  benefits: { programmeId: string; since: string | null; note: string | null }[] | null;
  concerns: { categories: string[]; note: string | null } | null;
  selfReliancePlan: { goal: string | null; steps: string | null; startedOn: string | null; reviewOn: string | null } | null;
  protection: { supportMeasure: boolean; since: string | null; expiresOn: string | null; dvConcern: boolean; dvProtected: boolean } | null;
  consent: {
    sharedWith: string[];
    shareWithPartners: boolean;
    privacyNoticeVersion: string | null;
    history: { id: string; target: string; granted: boolean; at: string; privacyNoticeVersion: string }[];
  } | null;
  consultations: Consultation[] | null;
}

export interface Connection<N> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: N }[];
}

export const ACCESS = 'access { section readable writable reason }';

export const ME = 'query StaffMe { me { id name kind department departmentName role municipalityCode } }';
export const LOGIN = 'mutation StaffLogin($email: String!, $password: String!) { login(email: $email, password: $password) { token expiresAt } }';
export const LOGOUT = 'mutation StaffLogout { logout }';

const SECTIONS = `
  identity { familyName givenName familyNameKana givenNameKana birthDate }
  address { postalCode prefecture city street }
  contact { contactAllowed phone email preferredChannel safeTimes voicemailSafe smsSafe }
  household { note maritalStatus children { birthDate disability givenName } otherMembers { relation birthDate } }
  income { incomeYear annualEmploymentIncome otherIncome childSupportReceivedYearly dependentsCount }
  benefits { programmeId since note }
  concerns { categories note }
  selfReliancePlan { goal steps startedOn reviewOn }
  protection { supportMeasure since expiresOn dvConcern dvProtected }
  consent { sharedWith shareWithPartners privacyNoticeVersion history { id target granted at privacyNoticeVersion } }
  consultations { id date channel summary followUp followUpDue department staffName createdAt }`;

export const RECORD_FIELDS = `id referenceNumber version source ownerDepartment createdAt updatedAt ${ACCESS} ${SECTIONS}`;
export const RECORD = `query StaffRecord($id: ID!) { record(id: $id) { ${RECORD_FIELDS} } }`;

/** The list asks only for the columns it shows. */
export interface RecordRow {
  id: string;
  referenceNumber: string;
  createdAt: string;
  access: Access[];
  identity: RecordData['identity'];
  address: { city: string | null } | null;
  concerns: { categories: string[] } | null;
}
export const RECORDS = `query StaffRecords($filter: RecordFilter, $first: Int!, $after: String) {
  records(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id referenceNumber createdAt ${ACCESS}
      identity { familyName givenName familyNameKana givenNameKana birthDate } address { city } concerns { categories } } }
  }
}`;

export const UPDATE_SECTION = `mutation StaffUpdateSection($input: UpdateRecordSectionInput!) { updateRecordSection(input: $input) { ${RECORD_FIELDS} } }`;

export const ADD_CONSULTATION = `mutation StaffAddConsultation($input: AddConsultationInput!) {
  addConsultation(input: $input) { id date channel summary followUp followUpDue department staffName createdAt }
}`;

export interface InboxItem {
  id: string;
  kind: string;
  receivedAt: string;
  referenceNumber: string;
  status: string;
  urgent: boolean;
  preferredTime: string | null;
  takenAt: string | null;
  takenBy: { id: string; name: string } | null;
  message: string | null;
  record: {
    id: string;
    access: Access[];
    concerns: { categories: string[] } | null;
    identity: { familyName: string | null; givenName: string | null } | null;
  } | null;
}
const INBOX_ITEM = `id kind receivedAt referenceNumber status urgent preferredTime takenAt takenBy { id name } message
  record { id ${ACCESS} concerns { categories } identity { familyName givenName } }`;
export const INBOX = `query StaffInbox($status: InboxStatus!, $first: Int!, $after: String) {
  inbox(status: $status, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${INBOX_ITEM} } } }
}`;
export const TAKE = `mutation StaffTakeInboxItem($id: ID!) { takeInboxItem(id: $id) { ${INBOX_ITEM} } }`;

export interface EligibilityResult {
  programme: { id: string; name: string };
  status: 'ELIGIBLE' | 'NOT_ELIGIBLE' | 'NEEDS_MORE_INFO';
  amount: { monthly: number | null; yearly: number | null } | null;
  reasons: string[];
  nextSteps: string[];
}
/** Desk eligibility on the stored record (recordEligibility): the server reads only what the viewer may. */
export const ELIGIBILITY = `query StaffEligibility($id: ID!, $asOf: Date) {
  recordEligibility(recordId: $id, asOf: $asOf) { asOf incomeYear incomeAssessment { explanation }
    results { programme { id name } status amount { monthly yearly } reasons nextSteps } }
}`;
export interface RecordEligibility {
  incomeYear: number | null;
  incomeAssessment: { explanation: string } | null;
  results: EligibilityResult[];
}

export interface Partner {
  id: string;
  name: string;
}
export interface Referral {
  id: string;
  status: string;
  reason: string;
  createdAt: string;
  updatedAt: string;
  partner: Partner;
  record: { id: string } | null;
}
const REFERRAL = 'id status reason createdAt updatedAt partner { id name } record { id }';
export const REFERRALS = `query StaffReferrals { partners { id name } referrals { ${REFERRAL} } }`;
export const REFER = `mutation StaffRefer($input: ReferRecordInput!) { referRecord(input: $input) { ${REFERRAL} } }`;
export const UPDATE_REFERRAL = `mutation StaffUpdateReferral($input: UpdateReferralInput!) { updateReferral(input: $input) { ${REFERRAL} } }`;

export interface AuditEntry {
  at: string;
  action: string;
  actorName: string;
  actorDepartment: string;
  operationName: string | null;
  sections: string[];
}
export const AUDIT = `query StaffAudit($id: ID!) { auditLog(recordId: $id) { at action actorName actorDepartment operationName sections } auditChainIntact }`;

export const PROGRAMMES = 'query StaffProgrammes($code: String) { programmes(municipalityCode: $code) { id name } }';

export interface AllowedOrigins {
  origins: string[];
  fromEnvironment: string[];
  changes: { at: string; action: 'ADDED' | 'REMOVED'; origin: string; actorName: string }[];
}
const ORIGIN_FIELDS = 'origins fromEnvironment changes { at action origin actorName }';
export const ORIGINS = `query StaffAllowedOrigins { allowedOrigins { ${ORIGIN_FIELDS} } }`;
export const ADD_ORIGIN = `mutation StaffAddAllowedOrigin($input: AllowedOriginInput!) { addAllowedOrigin(input: $input) { ${ORIGIN_FIELDS} } }`;
export const REMOVE_ORIGIN = `mutation StaffRemoveAllowedOrigin($input: AllowedOriginInput!) { removeAllowedOrigin(input: $input) { ${ORIGIN_FIELDS} } }`;

export interface CaseFile {
  recordId: string;
  department: string;
  status: 'NEW' | 'IN_PROGRESS' | 'WAITING_FOR_FAMILY' | 'CLOSED';
  assignee: { id: string; name: string } | null;
  nextContactDate: string | null;
  closedReason: string | null;
  version: number;
}
const CASE = 'recordId department status assignee { id name } nextContactDate closedReason version';
export interface WorkItem {
  inboxItemId: string | null;
  kind: string | null;
  referenceNumber: string;
  receivedAt: string | null;
  openDaysWaiting: number | null;
  overTarget: boolean;
  urgent: boolean;
  wantsContact: boolean | null;
  case: CaseFile | null;
  record: { id: string; identity: { familyName: string | null; givenName: string | null } | null } | null;
}
export interface Worklist {
  today: string;
  targetOpenDays: number;
  newItems: WorkItem[];
  assigned: WorkItem[];
  dueToday: WorkItem[];
  overdue: WorkItem[];
  counts: { newItems: number; overTarget: number; assigned: number; dueToday: number; overdue: number };
  outreach: { approvals: number; oldestApprovalAt: string | null; phoneTasks: number };
}
const WORK_ITEM = `inboxItemId kind referenceNumber receivedAt openDaysWaiting overTarget urgent wantsContact case { ${CASE} } record { id identity { familyName givenName } }`;
// The list size goes as a variable: written into the text, GraphQL Armor multiplies the whole selection's
// cost by it (18,437 against the production limit of 5,000; test/limits/first-party-limits.test.ts).
export const WORKLIST = `query StaffWorklist($scope: WorklistScope!, $first: Int!) { worklist(scope: $scope, first: $first) {
  today targetOpenDays newItems { ${WORK_ITEM} } assigned { ${WORK_ITEM} } dueToday { ${WORK_ITEM} } overdue { ${WORK_ITEM} }
  counts { newItems overTarget assigned dueToday overdue } outreach { approvals oldestApprovalAt phoneTasks } } }`;
export const CASE_FILE = `query StaffCaseFile($id: ID!) { caseFile(recordId: $id) { ${CASE} } }`;
export const UPDATE_CASE = `mutation StaffUpdateCase($input: UpdateCaseInput!) { updateCase(input: $input) { ${CASE} } }`;
export interface Handover {
  department: string;
  sharedAt: string;
  takenBy: { name: string } | null;
  takenAt: string | null;
  caseStatus: string | null;
}
export const HANDOVERS = `query StaffHandovers($id: ID!) { handovers(recordId: $id) { department sharedAt takenBy { name } takenAt caseStatus } }`;
