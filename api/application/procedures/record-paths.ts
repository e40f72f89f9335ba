/**
 * The record fields a procedure may pre-fill from (`prefill: income.annualEmploymentIncome`), each with
 * the section it belongs to and the answer types it can fill. A procedure file naming anything else is
 * refused at startup, so a typo never silently leaves a question empty.
 *
 * Values leave here as the canonical answer strings of answers.ts (yen "1200000", dates "2024-05-01"),
 * so a pre-filled answer and a typed one are stored alike.
 */
import { Section } from '../../core';
import type { QuestionType } from './procedure.types';

/** What the procedures may read of one family's record: a flat, plain copy (no ORM object). */
export interface RecordFacts {
  identity: { familyName: string | null; givenName: string | null; familyNameKana: string | null; givenNameKana: string | null; birthDate: string | null };
  address: { postalCode: string | null; prefecture: string | null; city: string | null; street: string | null };
  contact: { phone: string | null; email: string | null };
  household: { childrenCount: number; eldestChildBirthDate: string | null; youngestChildBirthDate: string | null; maritalStatus: string | null };
  income: {
    incomeYear: number | null;
    annualEmploymentIncome: number | null;
    otherIncome: number | null;
    childSupportReceivedYearly: number | null;
    dependentsCount: number | null;
  };
}

interface PathSpec {
  readonly section: Section;
  readonly types: readonly QuestionType[];
  /** For `choice` questions: the values the record can hold, all of which the question must offer. */
  readonly values?: readonly string[];
  readonly get: (facts: RecordFacts) => string | number | null;
}

const text = ['text'] as const;
const spec = (section: Section, types: readonly QuestionType[], get: PathSpec['get'], values?: readonly string[]): PathSpec => ({
  section,
  types,
  get,
  ...(values ? { values } : {}),
});

export const RECORD_PATHS = {
  'identity.familyName': spec(Section.IDENTITY, text, (f) => f.identity.familyName),
  'identity.givenName': spec(Section.IDENTITY, text, (f) => f.identity.givenName),
  'identity.familyNameKana': spec(Section.IDENTITY, ['kana'], (f) => f.identity.familyNameKana),
  'identity.givenNameKana': spec(Section.IDENTITY, ['kana'], (f) => f.identity.givenNameKana),
  'identity.birthDate': spec(Section.IDENTITY, ['date'], (f) => f.identity.birthDate),
  'address.postalCode': spec(Section.ADDRESS, ['postalCode'], (f) => f.address.postalCode),
  'address.prefecture': spec(Section.ADDRESS, text, (f) => f.address.prefecture),
  'address.city': spec(Section.ADDRESS, text, (f) => f.address.city),
  'address.street': spec(Section.ADDRESS, text, (f) => f.address.street),
  'contact.phone': spec(Section.CONTACT, ['phone'], (f) => f.contact.phone),
  'contact.email': spec(Section.CONTACT, ['email'], (f) => f.contact.email),
  'household.childrenCount': spec(Section.HOUSEHOLD, ['count'], (f) => f.household.childrenCount),
  'household.eldestChildBirthDate': spec(Section.HOUSEHOLD, ['date'], (f) => f.household.eldestChildBirthDate),
  'household.youngestChildBirthDate': spec(Section.HOUSEHOLD, ['date'], (f) => f.household.youngestChildBirthDate),
  'household.maritalStatus': spec(Section.HOUSEHOLD, ['choice'], (f) => f.household.maritalStatus, ['married', 'de-facto', 'not-married']),
  'income.incomeYear': spec(Section.INCOME, ['year'], (f) => f.income.incomeYear),
  'income.annualEmploymentIncome': spec(Section.INCOME, ['yen'], (f) => f.income.annualEmploymentIncome),
  'income.otherIncome': spec(Section.INCOME, ['yen'], (f) => f.income.otherIncome),
  'income.childSupportReceivedYearly': spec(Section.INCOME, ['yen'], (f) => f.income.childSupportReceivedYearly),
  'income.dependentsCount': spec(Section.INCOME, ['count'], (f) => f.income.dependentsCount),
} as const satisfies Record<string, PathSpec>;

export type RecordPath = keyof typeof RECORD_PATHS;

export function isRecordPath(value: unknown): value is RecordPath {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(RECORD_PATHS, value);
}

export function pathSpec(path: RecordPath): PathSpec {
  return RECORD_PATHS[path];
}

/** The canonical answer string of a record value, or null when the record does not hold it. */
export function recordValue(facts: RecordFacts, path: RecordPath): string | null {
  const value = RECORD_PATHS[path].get(facts);
  if (value === null || value === undefined || value === '') return null;
  return String(value);
}
