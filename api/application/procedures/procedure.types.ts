/**
 * Typed shape of the online-application procedures (オンライン申請の手続): pure data, no ORM, no GraphQL.
 * The YAML files under seeds/procedures/ are validated into these types by procedure.loader.ts.
 */
import type { DepartmentCode, LocalizedText } from '../../core';
import type { RecordPath } from './record-paths';

/** The procedure ids of docs/design.md ("Names for what comes next"): a contract, never renamed. */
export const PROCEDURE_IDS = [
  'cra-claim', // 児童扶養手当 認定請求の事前申請
  'cra-status-report', // 児童扶養手当 現況届
  'child-allowance-claim', // 児童手当 認定請求
  'medical-subsidy', // ひとり親家庭等医療費助成
  'school-expense-aid', // 就学援助
  'welfare-loan-consultation', // 母子父子寡婦福祉資金 相談予約
  'training-benefit-consultation', // 高等職業訓練促進給付金 相談予約
] as const;
export type ProcedureId = (typeof PROCEDURE_IDS)[number];

/**
 * What the submission is in law, so that the family and staff are never misled:
 *   pre-application       gathers answers and books the interview; the legal claim is made at the counter
 *   application           the application itself (a municipal programme's own rules allow it online)
 *   notification          a notification (届出) the law requires, e.g. 現況届
 *   consultation-booking  a request for a consultation; nothing is claimed
 */
export const LEGAL_KINDS = ['pre-application', 'application', 'notification', 'consultation-booking'] as const;
export type LegalKind = (typeof LEGAL_KINDS)[number];

/** Whether an interview at the counter is part of the procedure. */
export const INTERVIEW_KINDS = ['required', 'optional', 'none'] as const;
export type InterviewKind = (typeof INTERVIEW_KINDS)[number];

/**
 * Answer types. Each has its own parser and limits (answers.ts), so no procedure file carries a regex.
 * `text` is the only free text; `yen`, `count` and `year` are numbers; the rest have fixed shapes.
 */
export const QUESTION_TYPES = ['text', 'kana', 'date', 'yen', 'count', 'year', 'boolean', 'choice', 'phone', 'email', 'postalCode'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export interface Choice {
  readonly value: string;
  readonly label: LocalizedText;
}

export interface Question {
  /** camelCase, unique in the procedure; also the CSV column name of the export. */
  readonly id: string;
  readonly type: QuestionType;
  readonly label: LocalizedText;
  readonly help: LocalizedText;
  readonly required: boolean;
  /** `text` only: the longest answer in characters (default 200) and whether it may span lines. */
  readonly maxLength?: number;
  readonly multiline?: boolean;
  /** `yen`, `count`, `year`: inclusive bounds. */
  readonly min?: number;
  readonly max?: number;
  /** `choice` only. */
  readonly choices?: readonly Choice[];
  /** The record field that pre-fills the answer (record-paths.ts); the family may change it. */
  readonly prefill?: RecordPath;
}

export interface DocumentRequirement {
  readonly id: string;
  readonly name: LocalizedText;
  /** What the document is and where to get it. */
  readonly description: LocalizedText;
  readonly required: boolean;
  /** The original must still be brought to the counter (e.g. 戸籍謄本): an upload is a copy for preparation. */
  readonly bringOriginal: boolean;
}

/** A yearly window, month-day inclusive, e.g. 現況届 08-01 … 08-31. */
export interface YearlyWindow {
  readonly from: string;
  readonly to: string;
}

export interface ProcedureDefinition {
  readonly id: ProcedureId;
  /** The programme of the catalogue (docs/design.md programme ids). */
  readonly programme: string;
  readonly name: LocalizedText;
  readonly summary: LocalizedText;
  readonly legalKind: LegalKind;
  /** What the submission legally is, in words for the family (and what still has to happen). */
  readonly legalNature: LocalizedText;
  /** Deadlines and rules the family must know before starting (e.g. 児童手当's 15-day rule). */
  readonly deadlineNote?: LocalizedText;
  readonly window?: YearlyWindow;
  readonly department: DepartmentCode;
  readonly interview: InterviewKind;
  /**
   * A boolean question whose `true` answer lets the interview be skipped — only where the municipality
   * allows it (overrides `allowInterviewWaiver`), e.g. 現況届 of a 全部支給停止者.
   */
  readonly interviewWaiverQuestion?: string;
  /** A legally signed online filing exists (ぴったりサービス): the page links to the municipality's page. */
  readonly signedFilingOnline: boolean;
  readonly whatHappensNext: LocalizedText;
  readonly questions: readonly Question[];
  readonly documents: readonly DocumentRequirement[];
  /** Open days within which staff aim to decide (the queue's ageing); a municipality may change it. */
  readonly targetDays: number;
}

/** A procedure as one municipality offers it. */
export interface MunicipalProcedure extends ProcedureDefinition {
  readonly enabled: boolean;
  readonly allowInterviewWaiver: boolean;
  /** The municipality's ぴったりサービス page for this procedure (https), when it has one. */
  readonly pittariUrl?: string;
  readonly contact?: LocalizedText;
}

export interface ProcedureIssue {
  readonly file: string;
  readonly field: string;
  readonly message: string;
}

/** Thrown at startup when any procedure or override file is invalid; lists every problem with file and field. */
export class ProcedureError extends Error {
  readonly issues: readonly ProcedureIssue[];

  constructor(issues: readonly ProcedureIssue[]) {
    const lines = issues.map((i) => `  ${i.file}: ${i.field ? `${i.field}: ` : ''}${i.message}`);
    super(`Procedures are invalid (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n${lines.join('\n')}`);
    this.name = 'ProcedureError';
    this.issues = issues;
  }
}
