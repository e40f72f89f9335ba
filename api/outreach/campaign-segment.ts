import type { EntityManager } from '@mikro-orm/postgresql';
import { Field, InputType, Int } from 'type-graphql';
import { type AccessGate, dvExclusion, notDvProtectedSql, recordScope } from '../access';
import { addDays, badInput, LocalDate, Section, startOfJapanDay, type Locale } from '../core';
import { rawQuery } from '../db';
import type { Catalogue } from '../programme';
import { ConcernCategory } from '../record';

/**
 * Who a campaign is for (issue 16, "a segment described with criteria the department may read"). Each
 * criterion reads one part of the record, and a department may use it only when the access policy lets
 * it read that part (the same rule as the record search's filters): a concern reads `concerns`, a
 * child's age `household`, "fits a programme" the last re-screening (computed from `household` and
 * `income`). The records considered are those the department sees at all (the policy's row rules, from
 * access/record-scope.ts), and, for a department from which DV protection withholds contact details,
 * never a DV-protected record (rule 3: only the owner reaches those, and then only on safe channels).
 */
@InputType('OutreachSegmentInput')
export class OutreachSegmentInput {
  @Field(() => ConcernCategory, { nullable: true, description: 'Records with this concern (section concerns).' }) concern?: ConcernCategory | null;
  @Field(() => Int, { nullable: true, description: 'A child at least this old today, in years (section household).' }) childAgeFrom?: number | null;
  @Field(() => Int, { nullable: true, description: 'A child at most this old today, in years (section household).' }) childAgeTo?: number | null;
  @Field(() => String, { nullable: true, description: 'The last re-screening found the family fits this programme (sections household and income).' })
  fitsProgramme?: string | null;
  @Field(() => LocalDate, { nullable: true, description: 'Records created on or after this date (Japan time).' }) createdFrom?: string | null;
  @Field(() => LocalDate, { nullable: true, description: 'Records created on or before this date (Japan time).' }) createdTo?: string | null;
}

/** The criteria as stored with a campaign (what it was sent to, for the trail). */
export type SegmentCriteria = { [K in keyof OutreachSegmentInput]?: OutreachSegmentInput[K] };

export function segmentCriteria(s: OutreachSegmentInput): SegmentCriteria {
  const out: SegmentCriteria = {};
  for (const key of ['concern', 'childAgeFrom', 'childAgeTo', 'fitsProgramme', 'createdFrom', 'createdTo'] as const)
    if (s[key] != null) (out as Record<string, unknown>)[key] = s[key];
  return out;
}

const text = (ja: string, en: string, easy: string) => ({ ja, en, 'ja-easy': easy });

/** `date` minus `years` whole years (29 February falls back to 28 February). */
function yearsBefore(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y - years, m - 1, d));
  if (t.getUTCMonth() !== m - 1) t.setUTCDate(0);
  return t.toISOString().slice(0, 10);
}

export interface SegmentSql {
  /** `from personal_record r where …` */
  from: string;
  params: unknown[];
}

/**
 * The segment as SQL over personal_record `r`, after checking each criterion against the viewer's
 * policy (FORBIDDEN naming the section when it may not read it) and its values (BAD_USER_INPUT naming
 * the field, never the value).
 */
export async function segmentSql(em: EntityManager, gate: AccessGate, catalogue: Catalogue, s: OutreachSegmentInput, field = 'segment'): Promise<SegmentSql> {
  const viewer = gate.signedIn();
  const locale: Locale = gate.locale;
  const policy = gate.policy();
  const scope = await recordScope(em, viewer, policy);
  // A record merged into another (名寄せ) is a tombstone: the family is its survivor, reached once.
  const and: string[] = ['r.municipality_code = ?', 'r.merged_into_id is null'];
  const params: unknown[] = [scope.municipality];
  const add = (sql: string, ...values: unknown[]) => {
    and.push(sql);
    params.push(...values);
  };
  if (scope.consentTo.length) add('r.shared_with @> ?::text[]', scope.consentTo);
  if (scope.ids) add('r.id = any(?::uuid[])', scope.ids);
  const dv = dvExclusion(viewer, policy, gate.today);
  if (dv) {
    const not = notDvProtectedSql('r', dv.on, dv.when);
    add(not.sql, ...not.params);
  }
  const needs = (section: Section) => {
    if (!gate.policyAllowsRead(section)) throw gate.filterDenied(section);
  };
  if (s.concern) {
    needs(Section.CONCERNS);
    add('r.concerns_categories @> ?::text[]', [s.concern]);
  }
  const from = s.childAgeFrom ?? null;
  const to = s.childAgeTo ?? null;
  if (from !== null || to !== null) {
    needs(Section.HOUSEHOLD);
    for (const [name, v] of [
      ['childAgeFrom', from],
      ['childAgeTo', to],
    ] as const) {
      if (v !== null && (!Number.isInteger(v) || v < 0 || v > 25))
        throw badInput(
          [
            {
              field: `${field}.${name}`,
              messages: text('子どもの年齢は0〜25歳で指定してください。', 'A child’s age is 0 to 25 years.', 'こどもの としは 0〜25 で かいて ください。'),
            },
          ],
          locale,
        );
    }
    if (from !== null && to !== null && from > to)
      throw badInput(
        [{ field: `${field}.childAgeTo`, messages: text('年齢の範囲が逆です。', 'The age range is the wrong way round.', 'としの はんいが ぎゃく です。') }],
        locale,
      );
    // Age a today: born on or before today − a years, and after today − (a + 1) years.
    const bornBy = from === null ? null : yearsBefore(gate.today, from);
    const bornAfter = to === null ? null : yearsBefore(gate.today, to + 1);
    add(
      `exists (select 1 from child c where c.record_id = r.id and (?::date is null or c.birth_date <= ?::date) and (?::date is null or c.birth_date > ?::date))`,
      bornBy,
      bornBy,
      bornAfter,
      bornAfter,
    );
  }
  if (s.fitsProgramme) {
    needs(Section.HOUSEHOLD);
    needs(Section.INCOME);
    if (!catalogue.get(s.fitsProgramme, viewer.municipalityCode))
      throw badInput(
        [{ field: `${field}.fitsProgramme`, messages: text('その制度はありません。', 'There is no such programme.', 'その しえんは ありません。') }],
        locale,
      );
    add(`exists (select 1 from outreach_screening_state s where s.record_id = r.id and (s.state -> ?) is not null)`, s.fitsProgramme);
  }
  if (s.createdFrom) add('r.created_at >= ?', startOfJapanDay(s.createdFrom));
  if (s.createdTo) add('r.created_at < ?', startOfJapanDay(addDays(s.createdTo, 1)));
  return { from: `from personal_record r where ${and.join(' and ')}`, params };
}

/** How many records the segment holds, and up to `first` of their ids (newest first) — or all when `first` is null. */
export async function segmentIds(em: EntityManager, sql: SegmentSql, first: number | null): Promise<string[]> {
  const rows = await rawQuery<{ id: string }>(
    em,
    `select r.id ${sql.from} order by r.created_at desc, r.id desc${first === null ? '' : ' limit ?'}`,
    first === null ? sql.params : [...sql.params, first],
  );
  return rows.map((r) => r.id);
}

export async function segmentCount(em: EntityManager, sql: SegmentSql): Promise<number> {
  const [row] = await rawQuery<{ n: number | string }>(em, `select count(*) as n ${sql.from}`, sql.params);
  return Number(row?.n ?? 0);
}
