/** GraphQL operations of the online applications screens (schema/schema.graphql) and their shapes. */

export type AppStatus = 'SUBMITTED' | 'IN_REVIEW' | 'INFO_REQUESTED' | 'ACCEPTED' | 'NOT_ACCEPTED' | 'WITHDRAWN';
export const APP_STATUSES: AppStatus[] = ['SUBMITTED', 'IN_REVIEW', 'INFO_REQUESTED', 'ACCEPTED', 'NOT_ACCEPTED', 'WITHDRAWN'];
/** What the queue shows first: everything still waiting for the department. */
export const OPEN_STATUSES: AppStatus[] = ['SUBMITTED', 'IN_REVIEW', 'INFO_REQUESTED'];

export interface QueueRow {
  id: string;
  procedureId: string;
  procedureName: string;
  status: AppStatus;
  receiptNumber: string | null;
  referenceNumber: string;
  submittedAt: string | null;
  ageOpenDays: number;
  targetDays: number;
  overdue: boolean;
  interviewNeeded: boolean;
}

export interface Interview {
  id: string;
  applicationId: string;
  procedureName: string;
  receiptNumber: string | null;
  referenceNumber: string;
  startsAt: string;
  endsAt: string;
  status: 'BOOKED' | 'CANCELLED' | 'KEPT' | 'MISSED';
  markedAt: string | null;
}

export interface AppDetail extends QueueRow {
  version: number;
  recordId: string;
  answers: { question: string; value: string | null; prefilled: boolean }[];
  recordChanges: { question: string; path: string; recordValue: string | null; answer: string | null; writable: boolean }[];
  history: { status: AppStatus; actor: 'FAMILY' | 'STAFF'; at: string; message: string | null }[];
  documents: { id: string; documentId: string; name: string; contentType: string; size: number; uploadedAt: string }[];
  interviews: Interview[];
}

export interface ProcedureInfo {
  id: string;
  name: string;
  questions: { id: string; type: string; label: string; choices: { value: string; label: string }[] }[];
}

const ROW = 'id procedureId procedureName status receiptNumber referenceNumber submittedAt ageOpenDays targetDays overdue interviewNeeded';
const INTERVIEW = 'id applicationId procedureName receiptNumber referenceNumber startsAt endsAt status markedAt';

export const QUEUE = `query StaffApplications($status: [ApplicationStatus!], $procedureId: String, $limit: Int!) {
  applications(status: $status, procedureId: $procedureId, limit: $limit) { ${ROW} }
}`;
export const PROCEDURES = `query StaffProcedures($code: String!) { procedures(municipalityCode: $code) { id name questions { id type label choices { value label } } } }`;
export const INTERVIEWS = `query StaffInterviews($from: String!, $to: String!) { applicationInterviews(from: $from, to: $to) { ${INTERVIEW} } }`;
const DETAIL = `${ROW} version recordId answers { question value prefilled } recordChanges { question path recordValue answer writable }
  history { status actor at message } documents { id documentId name contentType size uploadedAt } interviews { ${INTERVIEW} }`;
export const APPLICATION = `query StaffApplication($id: ID!) { application(id: $id) { ${DETAIL} } }`;
export const DECIDE = `mutation StaffDecideApplication($input: ApplicationDecisionInput!) { decideApplication(input: $input) { ${DETAIL} } }`;
export const MARK = `mutation StaffMarkInterview($input: MarkInterviewInput!) { markInterview(input: $input) { ${INTERVIEW} } }`;

/** Where a document's bytes are served (with the staff token; audited): api/application/documents. */
export function documentUrl(endpoint: string, id: string): string {
  return new URL(`/applications/documents/${encodeURIComponent(id)}`, new URL(endpoint, location.href)).href;
}
