/** The operations of <yorisoi-mypage>; also listed as trusted documents (widgets/trusted-documents.ts). */
const APP =
  'id procedureId procedureName status version receiptNumber interviewNeeded answers { question value prefilled } history { status actor at message }';
const PROC =
  'id name summary legalNature deadlineNote interview pittariUrl whatHappensNext questions { id type label help required maxLength multiline min max choices { value label } prefillable } documents { id name description required bringOriginal }';
const BOOKING = 'id applicationId procedureName startsAt endsAt status calendar';
const CONTACT = 'contactAllowed channels { channel available granted }';

export const REQUEST_CODE = `mutation MypageRequestCode($i: FamilySignInRequestInput!) { requestFamilySignIn(input: $i) { message } }`;
export const FROM_INTAKE = `mutation MypageFromIntake($i: FamilyHandoffSignInInput!) { requestFamilySignInFromIntake(input: $i) { referenceNumber message } }`;
export const SIGN_IN = `mutation MypageSignIn($i: FamilySignInInput!) { signInFamily(input: $i) { session expiresAt } }`;
export const SIGN_OUT = `mutation MypageSignOut($i: FamilySessionInput!) { signOutFamily(input: $i) }`;
export const PAGE = `query MypagePage($s: String!) { familyPage(session: $s) { referenceNumber applications { ${APP} } procedures { ${PROC} } interviews { ${BOOKING} } contact { ${CONTACT} } } }`;
export const START = `mutation MypageStart($i: StartApplicationInput!) { startApplication(input: $i) { ${APP} } }`;
export const SAVE = `mutation MypageSave($i: SaveApplicationInput!) { saveApplication(input: $i) { ${APP} } }`;
export const SUBMIT = `mutation MypageSubmit($i: SubmitApplicationInput!) { submitApplication(input: $i) { receiptNumber submittedAt procedureName whatHappensNext legalNature interviewNeeded bringOriginals pittariUrl } }`;
export const WITHDRAW = `mutation MypageWithdraw($i: WithdrawApplicationInput!) { withdrawApplication(input: $i) { ${APP} } }`;
export const SLOTS = `query MypageSlots($s: String!, $a: ID!) { interviewSlots(session: $s, applicationId: $a) { id startsAt endsAt remaining } }`;
export const BOOK = `mutation MypageBook($i: BookInterviewInput!) { bookInterview(input: $i) { ${BOOKING} } }`;
export const CANCEL = `mutation MypageCancel($i: CancelInterviewInput!) { cancelInterview(input: $i) { ${BOOKING} } }`;

export const UPDATE_CONTACT = `mutation MypageContact($i: UpdateFamilyContactInput!) { updateFamilyContact(input: $i) { ${CONTACT} } }`;

const ERASURE = 'status requestedAt reason';
export const EXPORT_DATA = `query MypageExportData($s: String!) { familyDataExport(session: $s) { json erasureRequest { ${ERASURE} } } }`;
export const REQUEST_ERASURE = `mutation MypageRequestErasure($i: FamilyErasureInput!) { requestFamilyErasure(input: $i) { ${ERASURE} } }`;

export const MYPAGE_OPERATIONS = [
  REQUEST_CODE,
  FROM_INTAKE,
  SIGN_IN,
  SIGN_OUT,
  PAGE,
  START,
  SAVE,
  SUBMIT,
  WITHDRAW,
  SLOTS,
  BOOK,
  CANCEL,
  UPDATE_CONTACT,
  EXPORT_DATA,
  REQUEST_ERASURE,
];

export interface Question {
  id: string;
  type: string;
  label: string;
  help: string;
  required: boolean;
  maxLength: number | null;
  multiline: boolean;
  min: number | null;
  max: number | null;
  choices: { value: string; label: string }[];
  prefillable: boolean;
}
export interface Procedure {
  id: string;
  name: string;
  summary: string;
  legalNature: string;
  deadlineNote: string | null;
  interview: string;
  pittariUrl: string | null;
  whatHappensNext: string;
  questions: Question[];
  documents: { id: string; name: string; description: string; required: boolean; bringOriginal: boolean }[];
}
export interface Answer {
  question: string;
  value: string | null;
  prefilled: boolean;
}
export interface App {
  id: string;
  procedureId: string;
  procedureName: string;
  status: string;
  version: number;
  receiptNumber: string | null;
  interviewNeeded: boolean;
  answers: Answer[];
  history: { status: string; actor: string; at: string; message: string | null }[];
}
export interface Booking {
  id: string;
  applicationId: string;
  procedureName: string;
  startsAt: string;
  endsAt: string;
  status: string;
  calendar: string;
}
export interface Receipt {
  receiptNumber: string;
  submittedAt: string;
  procedureName: string;
  whatHappensNext: string;
  legalNature: string;
  interviewNeeded: boolean;
  bringOriginals: string[];
  pittariUrl: string | null;
}
export interface Contact {
  contactAllowed: boolean;
  channels: { channel: 'EMAIL' | 'SMS' | 'PHONE' | 'LINE'; available: boolean; granted: boolean }[];
}
export interface Page {
  referenceNumber: string;
  applications: App[];
  procedures: Procedure[];
  interviews: Booking[];
  contact: Contact;
}
export interface Slot {
  id: string;
  startsAt: string;
  endsAt: string;
  remaining: number;
}
export interface ErasureState {
  status: 'REQUESTED' | 'ERASED' | 'REJECTED';
  requestedAt: string;
  reason: string | null;
}

/** An error of the API as the family page reads it (message in the page's language, code, field). */
export interface ApiError {
  message: string;
  extensions?: { code?: string; field?: string };
}
