/**
 * How each section of the 電子個人票 is shown and edited: its fields, how the record's value becomes
 * a form draft and how the draft becomes the `updateRecordSection` input. No DOM here.
 */
import { CONCERNS, DEPARTMENTS, type Key } from './i18n.js';
import type { RecordData, SectionName } from './queries.js';

/** `tri`: yes / no / not asked (null), e.g. whether a voicemail is safe — unknown is not the same as no. */
export type FieldType = 'text' | 'textarea' | 'date' | 'int' | 'yen' | 'bool' | 'tri' | 'select' | 'multi' | 'tel' | 'email';
export interface Field {
  key: string;
  label: Key;
  type: FieldType | 'list';
  options?: readonly string[];
  /** sub-fields of a list */
  fields?: Field[];
  /** shown, never edited */
  readOnly?: boolean;
}

export type Draft = Record<string, unknown>;

/** The input key of updateRecordSection for a section. */
export const INPUT_KEY: Partial<Record<SectionName, keyof RecordData>> = {
  IDENTITY: 'identity',
  ADDRESS: 'address',
  CONTACT: 'contact',
  HOUSEHOLD: 'household',
  INCOME: 'income',
  BENEFITS: 'benefits',
  CONCERNS: 'concerns',
  SELF_RELIANCE_PLAN: 'selfReliancePlan',
  PROTECTION: 'protection',
  CONSENT: 'consent',
};

/** Sections shown on the record's details tab, in order (consultations have their own tab). */
export const DETAIL_SECTIONS: SectionName[] = [
  'IDENTITY',
  'ADDRESS',
  'CONTACT',
  'HOUSEHOLD',
  'INCOME',
  'BENEFITS',
  'CONCERNS',
  'SELF_RELIANCE_PLAN',
  'PROTECTION',
  'CONSENT',
];

export const FIELDS: Partial<Record<SectionName, Field[]>> = {
  IDENTITY: [
    { key: 'familyName', label: 'familyName', type: 'text' },
    { key: 'givenName', label: 'givenName', type: 'text' },
    { key: 'familyNameKana', label: 'familyNameKana', type: 'text' },
    { key: 'givenNameKana', label: 'givenNameKana', type: 'text' },
    { key: 'birthDate', label: 'birthDate', type: 'date' },
  ],
  ADDRESS: [
    { key: 'postalCode', label: 'postalCode', type: 'text' },
    { key: 'prefecture', label: 'prefecture', type: 'text' },
    { key: 'city', label: 'cityField', type: 'text' },
    { key: 'street', label: 'street', type: 'text' },
  ],
  CONTACT: [
    { key: 'contactAllowed', label: 'contactAllowed', type: 'bool' },
    { key: 'phone', label: 'phone', type: 'tel' },
    { key: 'email', label: 'emailField', type: 'email' },
    { key: 'preferredChannel', label: 'preferredChannel', type: 'select', options: ['PHONE', 'EMAIL', 'LETTER'] },
    { key: 'safeTimes', label: 'safeTimes', type: 'text' },
    { key: 'voicemailSafe', label: 'voicemailSafe', type: 'tri', options: ['YES', 'NO'] },
    { key: 'smsSafe', label: 'smsSafe', type: 'tri', options: ['YES', 'NO'] },
  ],
  HOUSEHOLD: [
    {
      key: 'children',
      label: 'children',
      type: 'list',
      fields: [
        { key: 'givenName', label: 'givenName', type: 'text' },
        { key: 'birthDate', label: 'birthDate', type: 'date' },
        { key: 'disability', label: 'disability', type: 'bool' },
      ],
    },
    {
      key: 'otherMembers',
      label: 'otherMembers',
      type: 'list',
      fields: [
        { key: 'relation', label: 'relation', type: 'text' },
        { key: 'birthDate', label: 'birthDate', type: 'date' },
      ],
    },
    { key: 'note', label: 'note', type: 'textarea' },
    { key: 'maritalStatus', label: 'maritalStatus', type: 'select', options: ['NOT_MARRIED', 'MARRIED', 'DE_FACTO'] },
  ],
  INCOME: [
    { key: 'incomeYear', label: 'incomeYear', type: 'int' },
    { key: 'dependentsCount', label: 'dependentsCount', type: 'int' },
    { key: 'annualEmploymentIncome', label: 'annualEmploymentIncome', type: 'yen' },
    { key: 'otherIncome', label: 'otherIncome', type: 'yen' },
    { key: 'childSupportReceivedYearly', label: 'childSupportReceivedYearly', type: 'yen' },
  ],
  BENEFITS: [
    {
      key: 'items',
      label: 'BENEFITS',
      type: 'list',
      fields: [
        { key: 'programmeId', label: 'programmeId', type: 'text' },
        { key: 'since', label: 'since', type: 'date' },
        { key: 'note', label: 'note', type: 'text' },
      ],
    },
  ],
  CONCERNS: [
    { key: 'categories', label: 'categories', type: 'multi', options: CONCERNS },
    { key: 'note', label: 'note', type: 'textarea' },
  ],
  SELF_RELIANCE_PLAN: [
    { key: 'goal', label: 'goal', type: 'textarea' },
    { key: 'steps', label: 'steps', type: 'textarea' },
    { key: 'startedOn', label: 'startedOn', type: 'date' },
    { key: 'reviewOn', label: 'reviewOn', type: 'date' },
  ],
  PROTECTION: [
    { key: 'dvConcern', label: 'dvConcern', type: 'bool', readOnly: true },
    { key: 'dvProtected', label: 'dvProtected', type: 'bool', readOnly: true },
    { key: 'supportMeasure', label: 'supportMeasure', type: 'bool' },
    { key: 'since', label: 'since', type: 'date' },
    { key: 'expiresOn', label: 'expiresOn', type: 'date' },
  ],
  CONSENT: [
    { key: 'sharedWith', label: 'sharedWith', type: 'multi', options: DEPARTMENTS.filter((d) => d !== 'SINGLE_PARENT') },
    { key: 'shareWithPartners', label: 'shareWithPartners', type: 'bool' },
    { key: 'privacyNoticeVersion', label: 'privacyNoticeVersion', type: 'text' },
  ],
};

/** The record's value of a section as a plain object (benefits, a list, are wrapped as `items`). */
export function valueOf(record: RecordData, section: SectionName): Draft | null {
  const key = INPUT_KEY[section];
  if (!key) return null;
  const v = record[key] as unknown;
  if (v == null) return null;
  if (section === 'BENEFITS') return { items: v };
  return v as Draft;
}

/** A deep copy for editing, with the record's values as form strings/booleans. */
export function draftOf(record: RecordData, section: SectionName): Draft {
  const value = valueOf(record, section) ?? {};
  const draft: Draft = {};
  for (const f of FIELDS[section] ?? []) {
    if (f.readOnly) continue;
    const v = value[f.key];
    if (f.type === 'list') {
      draft[f.key] = ((v as Draft[] | undefined) ?? []).map((item) => {
        const row: Draft = {};
        for (const sub of f.fields ?? []) row[sub.key] = sub.type === 'bool' ? item[sub.key] === true : item[sub.key] == null ? '' : String(item[sub.key]);
        return row;
      });
    } else if (f.type === 'bool') draft[f.key] = v === true;
    else if (f.type === 'tri') draft[f.key] = v === true ? 'YES' : v === false ? 'NO' : '';
    else if (f.type === 'multi') draft[f.key] = [...((v as string[] | undefined) ?? [])];
    else draft[f.key] = v == null ? '' : String(v);
  }
  return draft;
}

const text = (v: unknown): string | null => {
  const s = String(v ?? '').trim();
  return s === '' ? null : s;
};
/** Full-width digits, commas and 円 are fine: "１，８００，０００円" → 1800000. */
export function toInt(v: unknown): number | null {
  const s = String(v ?? '')
    .normalize('NFKC')
    .replace(/[,円\s]/g, '');
  if (s === '') return null;
  const n = Number(s);
  return Number.isFinite(n) ? Math.trunc(n) : Number.NaN;
}

function convert(f: Field, v: unknown): unknown {
  switch (f.type) {
    case 'bool':
      return v === true;
    case 'tri':
      return v === 'YES' ? true : v === 'NO' ? false : null;
    case 'multi':
      return v;
    case 'int':
    case 'yen':
      return toInt(v);
    default:
      return text(v);
  }
}

/** The draft as the section's input of updateRecordSection. */
export function inputOf(section: SectionName, draft: Draft): unknown {
  const out: Draft = {};
  for (const f of FIELDS[section] ?? []) {
    if (f.readOnly) continue;
    if (f.type === 'list') {
      out[f.key] = ((draft[f.key] as Draft[]) ?? []).map((row) => {
        const r: Draft = {};
        for (const sub of f.fields ?? []) r[sub.key] = convert(sub, row[sub.key]);
        return r;
      });
    } else out[f.key] = convert(f, draft[f.key]);
  }
  if (section === 'BENEFITS') return out.items;
  if (section === 'CONTACT' && out.preferredChannel == null) delete out.preferredChannel;
  return out;
}
