import { todayInJapan } from '../core';
import { DV_CONDITIONS, type DvCondition } from './policy';

/** The facts of a record DV protection depends on. */
export interface DvFacts {
  concerns: { categories: readonly string[] };
  protection: { supportMeasure: boolean; expiresOn?: string | null };
}

/** The concern category that makes a record DV-protected (ConcernCategory.DV in record/). */
const DV_CONCERN = 'dv';

/**
 * Each condition of rule 3 once, in both forms it is evaluated in: on a record in hand, and as SQL over
 * personal_record (for a contact search that must not confirm a DV-protected family's number).
 * test/record/record-criteria.test.ts checks that both select the same records.
 */
const CONDITIONS: Record<DvCondition, { holds(facts: DvFacts, today: string): boolean; sql(alias: string): string; today: boolean }> = {
  'dv-concern': {
    holds: (f) => f.concerns.categories.includes(DV_CONCERN),
    sql: (r) => `${r}.concerns_categories @> array['${DV_CONCERN}']::text[]`,
    today: false,
  },
  'support-measure': {
    // In force from when it was recorded until its end date (inclusive); without an end date, until lifted.
    holds: (f, today) => f.protection.supportMeasure && (f.protection.expiresOn == null || f.protection.expiresOn >= today),
    sql: (r) => `(${r}.protection_support_measure and (${r}.protection_expires_on is null or ${r}.protection_expires_on >= ?::date))`,
    today: true,
  },
};

/** True while DV protection is in force under `when` (the policy's rules.dv.when; all conditions when not given). */
export function isDvProtected(facts: DvFacts, today: string = todayInJapan(), when: readonly DvCondition[] = DV_CONDITIONS): boolean {
  return when.some((c) => CONDITIONS[c].holds(facts, today));
}

/** `not (DV-protected on today)` over personal_record aliased `alias`, with `?` placeholders and their values. */
export function notDvProtectedSql(alias: string, today: string, when: readonly DvCondition[]): { sql: string; params: unknown[] } {
  const parts = when.map((c) => CONDITIONS[c]);
  return { sql: `not (${parts.map((p) => p.sql(alias)).join(' or ')})`, params: parts.filter((p) => p.today).map(() => today) };
}
