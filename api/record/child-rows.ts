import type { GraphQLResolveInfo } from 'graphql';
import { Section } from '../core';
import { selectedFields } from '../core';
import type { ConsultationChannel } from './consultation/consultation-channel';
import type { DepartmentCode } from '../core';
import { toDate } from '../core';
import { decrypt } from '../crypto';

/**
 * The rows of a record that live in child tables — children (section `household`), benefits in use,
 * consultations — as one JSON array per record and kind, built by PostgreSQL (json_agg), in the order
 * the API lists them. Node then parses one value per record and kind instead of a row per child.
 *
 * The same expressions serve two read paths:
 * - `groupedChildRowsSql`: for a set of record ids (DataLoader, record.loaders.ts);
 * - `pageWithChildRowsSql`: joined to a page query (prefetch, record.reader.ts), so a page and its
 *   rows come in one statement.
 * The JSON keys are the GraphQL field names of ChildView / BenefitView / ConsultationView.
 */
export type ChildKind = 'children' | 'benefits' | 'consultations';

/** Plain rows of a record's child tables, shaped like their GraphQL types (read-only, not entities). */
export interface ChildView {
  id: string;
  givenName: string | null;
  birthDate: string;
  disability: boolean;
}
export interface BenefitView {
  id: string;
  programmeId: string;
  since: string | null;
  note: string | null;
}
export interface ConsultationView {
  id: string;
  date: string;
  channel: ConsultationChannel;
  summary: string;
  followUp: string | null;
  followUpDue: string | null;
  createdAt: Date;
  department: { code: DepartmentCode };
  staffMember: { name: string } | null;
}
export interface ChildRows {
  children: ChildView[];
  benefits: BenefitView[];
  consultations: ConsultationView[];
}

type Json = Record<string, any>;

/** The JSON array of one kind, as the driver hands it over (pg parses json columns; some drivers give text), to views. */
export function toChildRows<K extends ChildKind>(kind: K, value: unknown): ChildRows[K] {
  const rows = (typeof value === 'string' ? JSON.parse(value) : (value ?? [])) as Json[];
  if (kind !== 'consultations') return rows as ChildRows[K];
  // A prefetch may carry only some keys (the selected fields); the others stay undefined.
  return rows.map((c): ConsultationView => ({
    // summary and followUp are sealed (api/crypto ENCRYPTED_COLUMNS): opened here.
    id: c.id,
    date: c.date,
    channel: c.channel,
    summary: c.summary == null ? c.summary : decrypt(c.summary),
    followUp: c.followUp == null ? c.followUp : decrypt(c.followUp),
    followUpDue: c.followUpDue,
    createdAt: c.createdAt === undefined ? (undefined as never) : toDate(c.createdAt),
    department: { code: c.department },
    staffMember: c.staffName == null ? null : { name: c.staffName },
  })) as ChildRows[K];
}

export const CHILD_KINDS: readonly ChildKind[] = ['children', 'benefits', 'consultations'];

/** The section whose access decides whether a kind may be read. */
export const CHILD_KIND_SECTION: Readonly<Record<ChildKind, Section>> = {
  children: Section.HOUSEHOLD,
  benefits: Section.BENEFITS,
  consultations: Section.CONSULTATIONS,
};

interface KindSql {
  /** FROM (and joins), with `x` as the child table's alias. */
  from: string;
  /** Each GraphQL field of the row type, as the SQL value of its JSON key. */
  fields: Readonly<Record<string, string>>;
  /** ORDER BY inside json_agg. */
  order: string;
}

const KIND_SQL: Record<ChildKind, KindSql> = {
  children: {
    from: 'child x',
    fields: { id: 'x.id', givenName: 'x.given_name', birthDate: 'x.birth_date', disability: 'x.disability' },
    order: 'x.position',
  },
  benefits: {
    from: 'benefit_in_use x',
    fields: { id: 'x.id', programmeId: 'x.programme_id', since: 'x.since', note: 'x.note' },
    order: 'x.programme_id',
  },
  consultations: {
    from: 'consultation x join department d on d.id = x.department_id left join staff_member s on s.id = x.staff_member_id',
    fields: {
      id: 'x.id',
      date: 'x.date',
      channel: 'x.channel',
      summary: 'x.summary',
      followUp: 'x.follow_up',
      followUpDue: 'x.follow_up_due',
      createdAt: 'x.created_at',
      department: 'd.code',
      staffName: 's.name',
    },
    order: 'x.date desc, x.created_at desc',
  },
};

/** One row as a JSON object with the given fields (all of them when `fields` is null). */
function rowJson(kind: ChildKind, fields: readonly string[] | null): string {
  const sql = KIND_SQL[kind].fields;
  const keys = fields ?? Object.keys(sql);
  return `json_build_object(${keys.map((k) => `'${k}', ${sql[k]}`).join(', ')})`;
}

/**
 * One SELECT per kind giving (kind, record_id, rows) for the records whose ids are bound as one
 * comma-separated text parameter (`?`); record ids come from the database, so they are UUIDs.
 * Records without rows of a kind are absent from the result.
 */
export function groupedChildRowsSql(kind: ChildKind): string {
  const k = KIND_SQL[kind];
  return `select '${kind}' as kind, x.record_id, json_agg(${rowJson(kind, null)} order by ${k.order}) as rows
    from ${k.from} where x.record_id = any(string_to_array(?::text, ',')::uuid[]) group by x.record_id`;
}

/**
 * A page query with the child rows of its records: `pageSql` (the records, in order) becomes a
 * materialized CTE, and each wanted kind is aggregated per record for the page's ids in one pass
 * (an index scan over `record_id = any(...)`) and joined back — cheaper for PostgreSQL than a
 * subquery per record. Each kind carries only `fields` (the ones the query selects; null for all).
 * `orderSql` repeats the page's order over the CTE's columns (alias `page`).
 */
export function pageWithChildRowsSql(pageSql: string, wanted: readonly ChildRowsWanted[], orderSql: string): string {
  const joins = wanted.map(({ kind, fields }) => {
    const k = KIND_SQL[kind];
    return `left join (select x.record_id, json_agg(${rowJson(kind, fields)} order by ${k.order}) as rows
      from ${k.from} where x.record_id = any(array(select id from page)) group by x.record_id) as ${kind}_rows on ${kind}_rows.record_id = page.id`;
  });
  const columns = wanted.map(({ kind }) => `, ${kind}_rows.rows as ${prefetchColumn(kind)}`).join('');
  return `with page as materialized (${pageSql})
    select page.*${columns} from page
    ${joins.join('\n    ')}
    order by ${orderSql}`;
}

/** The column a prefetched kind arrives in. */
export function prefetchColumn(kind: ChildKind): string {
  return `prefetched_${kind}`;
}

/** Where each kind sits under a PersonalRecord in a query. */
const KIND_PATH: Readonly<Record<ChildKind, readonly string[]>> = {
  children: ['household', 'children'],
  benefits: ['benefits'],
  consultations: ['consultations'],
};

/** A kind to fetch ahead, with the fields of its rows the operation selects (null: all of them). */
export interface ChildRowsWanted {
  kind: ChildKind;
  fields: readonly string[] | null;
}

/**
 * The kinds an operation selects on the records found at `recordPath` below the current field, and
 * their selected row fields. A field this module does not know (`__typename`, a field added to the
 * type later) means all fields, so a prefetched row never lacks what a resolver reads.
 */
export function selectedChildRows(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>, recordPath: readonly string[]): ChildRowsWanted[] {
  const wanted: ChildRowsWanted[] = [];
  for (const kind of CHILD_KINDS) {
    const nodes = selectedFields(info, [...recordPath, ...KIND_PATH[kind]]);
    if (nodes.length === 0) continue;
    const names = new Set<string>(['id']);
    let all = false;
    for (const field of nodes.flatMap((node) => selectedFields({ fieldNodes: [node], fragments: info.fragments }, ['*']))) {
      if (field.name.value in KIND_SQL[kind].fields) names.add(field.name.value);
      else all = true;
    }
    wanted.push({ kind, fields: all ? null : Object.keys(KIND_SQL[kind].fields).filter((f) => names.has(f)) });
  }
  return wanted;
}
