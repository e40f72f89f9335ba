import type { EntityManager } from '@mikro-orm/postgresql';
import { Section } from '../core';
import { toDate } from '../core';
import { encryptedColumnsOf, openRow } from '../crypto';
import { rawQuery } from '../db';
import { type ChildKind, type ChildRows, type ChildRowsWanted, pageWithChildRowsSql, prefetchColumn, toChildRows } from './child-rows';
import type { ConcernCategory } from './concern-category';
import type { ContactChannel } from './contact-channel';
import { type RecordCriteria, criteriaSql } from './record-criteria';
import type { RecordView } from './record.view';
import type { HouseholdMember } from './sections/household.section';
import type { MaritalStatus } from './marital-status';

type Row = Record<string, any>;
const SEALED = encryptedColumnsOf('personal_record');

/** One database row of personal_record → the plain shape resolvers read (column names from the migration). */
export function toRecordView(r: Row, prefetched: readonly ChildKind[] = []): RecordView {
  // Sealed columns (api/crypto ENCRYPTED_COLUMNS) are opened here, for every read path alike.
  openRow('personal_record', r, SEALED);
  const view: RecordView = {
    id: r.id,
    municipality: { code: r.municipality_code },
    referenceNumber: r.reference_number,
    version: r.version,
    ownerDepartment: r.owner_department,
    source: r.source,
    createdAt: toDate(r.created_at),
    updatedAt: toDate(r.updated_at),
    identity: {
      familyName: r.identity_family_name,
      givenName: r.identity_given_name,
      familyNameKana: r.identity_family_name_kana,
      givenNameKana: r.identity_given_name_kana,
      birthDate: r.identity_birth_date,
    },
    address: { postalCode: r.address_postal_code, prefecture: r.address_prefecture, city: r.address_city, street: r.address_street },
    contact: {
      phone: r.contact_phone,
      email: r.contact_email,
      preferredChannel: r.contact_preferred_channel as ContactChannel | null,
      contactAllowed: r.contact_contact_allowed,
      safeTimes: r.contact_safe_times,
      voicemailSafe: r.contact_voicemail_safe,
      smsSafe: r.contact_sms_safe,
    },
    household: {
      otherMembers: r.household_other_members as HouseholdMember[] | null,
      note: r.household_note,
      maritalStatus: r.household_marital_status as MaritalStatus | null,
    },
    income: {
      incomeYear: r.income_income_year,
      annualEmploymentIncome: r.income_annual_employment_income,
      otherIncome: r.income_other_income,
      childSupportReceivedYearly: r.income_child_support_received_yearly,
      dependentsCount: r.income_dependents_count,
    },
    concerns: { categories: r.concerns_categories as ConcernCategory[], note: r.concerns_note },
    selfReliancePlan: { goal: r.plan_goal, steps: r.plan_steps, startedOn: r.plan_started_on, reviewOn: r.plan_review_on },
    protection: { supportMeasure: r.protection_support_measure, since: r.protection_since, expiresOn: r.protection_expires_on },
    sharedWith: r.shared_with,
    privacyNoticeVersion: r.privacy_notice_version,
  };
  if (prefetched.length > 0) {
    const rows: Partial<ChildRows> = {};
    for (const kind of prefetched) (rows as Record<ChildKind, unknown>)[kind] = toChildRows(kind, r[prefetchColumn(kind)]);
    view.prefetched = rows;
  }
  return view;
}

/**
 * The columns of personal_record behind each section (as toRecordView reads them). A read that
 * knows which sections the query selects fetches only theirs, plus the envelope and the facts
 * access depends on (consent, DV protection, concerns), which are always read.
 */
const ALWAYS = [
  'id',
  'municipality_code',
  'reference_number',
  'version',
  'owner_department',
  'source',
  'created_at',
  'updated_at',
  'shared_with',
  'protection_support_measure',
  'protection_since',
  'protection_expires_on',
  'concerns_categories',
];
const SECTION_COLUMNS: Readonly<Record<Section, readonly string[]>> = {
  [Section.IDENTITY]: ['identity_family_name', 'identity_given_name', 'identity_family_name_kana', 'identity_given_name_kana', 'identity_birth_date'],
  [Section.ADDRESS]: ['address_postal_code', 'address_prefecture', 'address_city', 'address_street'],
  [Section.CONTACT]: [
    'contact_phone',
    'contact_email',
    'contact_preferred_channel',
    'contact_contact_allowed',
    'contact_safe_times',
    'contact_voicemail_safe',
    'contact_sms_safe',
  ],
  [Section.HOUSEHOLD]: ['household_other_members', 'household_note', 'household_marital_status'],
  [Section.INCOME]: [
    'income_income_year',
    'income_annual_employment_income',
    'income_other_income',
    'income_child_support_received_yearly',
    'income_dependents_count',
  ],
  [Section.BENEFITS]: [],
  [Section.CONCERNS]: ['concerns_note'],
  [Section.SELF_RELIANCE_PLAN]: ['plan_goal', 'plan_steps', 'plan_started_on', 'plan_review_on'],
  [Section.CONSULTATIONS]: [],
  [Section.PROTECTION]: [],
  [Section.CONSENT]: ['privacy_notice_version'],
};

/** The select list: every column (`sections` null), or those of the given sections. */
function columnsSql(sections: readonly Section[] | null, alias: string): string {
  if (!sections) return `${alias}.*`;
  return [...ALWAYS, ...sections.flatMap((s) => SECTION_COLUMNS[s])].map((c) => `${alias}.${c}`).join(', ');
}

/** The orders a read can ask for: the API's lists (newest first, ties by id), or by id. */
const ORDER = { newest: 'created_at desc, id desc', id: 'id asc' } as const;
export type RecordOrder = keyof typeof ORDER;
const orderOver = (order: RecordOrder, alias: string) =>
  ORDER[order]
    .split(', ')
    .map((term) => `${alias}.${term}`)
    .join(', ');

/**
 * The read path for records, in SQL: the WHERE clause comes from RecordCriteria (visibility rules
 * and filters, record-criteria.ts) and each statement runs prepared — its text depends only on which
 * conditions are present. Rows are not hydrated into managed entities: for a page of 50 that is the
 * difference between ~15 ms and ~3 ms of CPU (test/bench/RESULTS.md). Writes go through entities
 * and the unit of work as usual.
 *
 * `prefetch` names child-row kinds to bring along in the same statement (pageWithChildRowsSql,
 * child-rows.ts): the caller asks only for kinds the query selects and the viewer's
 * policy lets it read, and resolvers still check each record before returning them (readSection).
 */
export class RecordReader {
  constructor(private readonly em: EntityManager) {}

  /**
   * `sections`: the sections the query selects, when the caller knows them exactly; a section left
   * out has its columns unread (its fields in the view are undefined), null reads every column.
   */
  async find(
    where: RecordCriteria,
    order: RecordOrder,
    limit: number,
    prefetch: readonly ChildRowsWanted[] = [],
    sections: readonly Section[] | null = null,
  ): Promise<RecordView[]> {
    const condition = criteriaSql(where, 'r');
    const page = `select ${columnsSql(sections, 'r')} from personal_record r where ${condition.sql} order by ${orderOver(order, 'r')} limit ?`;
    const sql = prefetch.length === 0 ? page : pageWithChildRowsSql(page, prefetch, orderOver(order, 'page'));
    const rows = await rawQuery<Row>(this.em, sql, [...condition.params, limit], { prepared: true });
    const kinds = prefetch.map((w) => w.kind);
    return rows.map((r) => toRecordView(r, kinds));
  }

  async count(where: RecordCriteria): Promise<number> {
    const condition = criteriaSql(where, 'r');
    const [row] = await rawQuery<{ n: number }>(this.em, `select count(*)::int as n from personal_record r where ${condition.sql}`, condition.params, {
      prepared: true,
    });
    return row?.n ?? 0;
  }
}
