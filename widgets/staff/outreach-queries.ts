/** GraphQL operations of the outreach screen (プッシュ型支援, issue 16) and the shapes they return. */

export interface OutreachRecord {
  id: string;
  referenceNumber: string;
  /** Null when the department may not read the identity section (the name is not shown). */
  identity: { familyName: string | null; givenName: string | null } | null;
}

export interface OutreachCandidate {
  id: string;
  recordId: string;
  record: OutreachRecord | null;
  kind: string;
  programmeId: string;
  programmeName: string | null;
  amountBefore: number | null;
  amountAfter: number | null;
  asOf: string | null;
  channel: string;
  createdAt: string;
}

export interface OutreachNotice {
  id: string;
  record: OutreachRecord | null;
  kind: string;
  programmeName: string | null;
  channel: string;
  status: string;
  attempts: number;
  lastError: string | null;
  statusAt: string;
  deliveredAt: string | null;
  openedAt: string | null;
}

const RECORD = 'record { id referenceNumber identity { familyName givenName } }';

export const OUTREACH_CANDIDATES = `query StaffOutreachCandidates { outreachCandidates(first: 100) {
  id recordId ${RECORD} kind programmeId programmeName amountBefore amountAfter asOf channel createdAt } }`;

export const OUTREACH_NOTICES = `query StaffOutreachNotices($status: NoticeStatus) { outreachNotices(first: 100, status: $status) {
  id ${RECORD} kind programmeName channel status attempts lastError statusAt deliveredAt openedAt } }`;

export const DECIDE_OUTREACH = `mutation StaffDecideOutreach($input: OutreachDecisionInput!) { decideOutreachCandidates(input: $input) }`;
