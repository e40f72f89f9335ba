import type { FilterQuery } from '@mikro-orm/core';
import { notDvProtectedSql } from '../access';
import type { DvCondition } from '../access';
import type { SortKey } from '../core';
import type { PersonalRecord } from './personal-record.entity';

/**
 * Which records a read may return: the visibility rules (the policy's rules 2, 4, 5 — access/record-scope.ts) and a list's filters, as plain data. It is rendered two ways:
 * - `criteriaSql`: the WHERE clause of the read path (record.reader.ts), with bound parameters. Its
 *   text depends only on which conditions are present, so a page runs as a prepared statement
 *   reused across requests (no query building per request);
 * - `criteriaFilter`: a MikroORM FilterQuery, for loading a record as an entity to write it.
 * test/record/record-criteria.test.ts checks that both select the same records.
 */
export interface RecordCriteria {
  municipality: string;
  /** Consents the record must carry, all of them (the viewer's department, `partners`, a consentedTo filter). */
  consentTo: readonly string[];
  /** Only these records (a partner's open referrals; look-ups by id). */
  ids: readonly string[] | null;
  /** A LIKE pattern over the normalised search name (already escaped). */
  nameLike: string | null;
  concern: string | null;
  createdFrom: Date | null;
  createdBefore: Date | null;
  referenceNumber: string | null;
  /** Exact birth date (section `identity`), ISO. */
  birthDate: string | null;
  /** Exact match on an encrypted contact detail, through its keyed hash (api/crypto/search-hash.ts). */
  contactHash: { column: 'phone' | 'email'; hash: string } | null;
  /**
   * Leave out records under DV protection on this day (Japan time): a contact search by a viewer from
   * whom DV protection withholds contact must not confirm a DV-protected family's number (rule 3).
   */
  excludeDvProtected: { on: string; when: readonly DvCondition[] } | null;
  /** Keyset pagination: records strictly after this key in (created_at desc, id desc) order. */
  after: SortKey | null;
}

export function criteria(municipality: string, more: Partial<Omit<RecordCriteria, 'municipality'>> = {}): RecordCriteria {
  return {
    municipality,
    consentTo: [],
    ids: null,
    nameLike: null,
    concern: null,
    createdFrom: null,
    createdBefore: null,
    referenceNumber: null,
    birthDate: null,
    contactHash: null,
    excludeDvProtected: null,
    after: null,
    ...more,
  };
}

/** The WHERE condition over personal_record aliased `alias`, with `?` placeholders and their values in order. */
export function criteriaSql(c: RecordCriteria, alias: string): { sql: string; params: unknown[] } {
  const r = alias;
  // A record merged into another is a tombstone: never listed, found or looked up (its survivor is).
  const and: string[] = [`${r}.municipality_code = ?`, `${r}.merged_into_id is null`];
  const params: unknown[] = [c.municipality];
  const add = (sql: string, ...values: unknown[]) => {
    and.push(sql);
    params.push(...values);
  };
  if (c.consentTo.length > 0) add(`${r}.shared_with @> ?::text[]`, [...new Set(c.consentTo)]);
  if (c.ids) add(`${r}.id = any(?::uuid[])`, [...c.ids]);
  if (c.nameLike != null) add(`${r}.search_name like ?`, c.nameLike);
  if (c.concern != null) add(`${r}.concerns_categories @> ?::text[]`, [c.concern]);
  if (c.createdFrom) add(`${r}.created_at >= ?`, c.createdFrom);
  if (c.createdBefore) add(`${r}.created_at < ?`, c.createdBefore);
  // The number of a record merged into this one still finds it (the family may quote either).
  if (c.referenceNumber != null)
    add(
      `(${r}.reference_number = ? or ${r}.id = (select m.merged_into_id from personal_record m where m.municipality_code = ? and m.reference_number = ?))`,
      c.referenceNumber,
      c.municipality,
      c.referenceNumber,
    );
  if (c.birthDate != null) add(`${r}.identity_birth_date = ?::date`, c.birthDate);
  if (c.contactHash) add(c.contactHash.column === 'phone' ? `${r}.contact_phone_hash = ?` : `${r}.contact_email_hash = ?`, c.contactHash.hash);
  if (c.excludeDvProtected != null) {
    // The negation of isDvProtected, in SQL (both from access/dv.ts).
    const dv = notDvProtectedSql(r, c.excludeDvProtected.on, c.excludeDvProtected.when);
    add(dv.sql, ...dv.params);
  }
  if (c.after) add(`(${r}.created_at < ? or (${r}.created_at = ? and ${r}.id < ?))`, c.after.createdAt, c.after.createdAt, c.after.id);
  return { sql: and.join(' and '), params };
}

/** The visibility part as a FilterQuery (what loading an entity for a write needs). */
export function criteriaFilter(c: Pick<RecordCriteria, 'municipality' | 'consentTo' | 'ids'>): FilterQuery<PersonalRecord> {
  const filter: Record<string, unknown> = { municipality: c.municipality, mergedIntoId: null };
  if (c.consentTo.length > 0) filter.sharedWith = { $contains: [...new Set(c.consentTo)] };
  if (c.ids) filter.id = { $in: [...c.ids] };
  return filter as FilterQuery<PersonalRecord>;
}
