import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ConsultationChannel } from '../consultation/consultation-channel';
import type { DepartmentCode } from '../municipality/department-code';
import { ConsentEvent } from './consent-event.entity';
import { toDate } from './record.reader';
import { rawQuery } from '../db/raw-query';

/** Plain rows of a record's child tables, shaped like their GraphQL types. */
export interface ChildView { id: string; givenName: string | null; birthDate: string; disability: boolean }
export interface BenefitView { id: string; programmeId: string; since: string | null; note: string | null }
export interface ConsultationView {
  id: string; date: string; channel: ConsultationChannel; summary: string; followUp: string | null; followUpDue: string | null; createdAt: Date;
  department: { code: DepartmentCode }; staffMember: { name: string } | null;
}

type Row = Record<string, any>;

type Kind = 'children' | 'benefits' | 'consultations';

/**
 * One branch of the page's child-row statement per kind: the rows of each record as one JSON array,
 * in the order the API lists them. `$ids` stands for the record ids, sent as one comma-separated
 * parameter (record ids come from the database, so they are UUIDs).
 */
const BRANCHES: Record<Kind, string> = {
  children: `select 'children' as kind, record_id, json_agg(json_build_object('id', id, 'givenName', given_name, 'birthDate', birth_date, 'disability', disability) order by position) as rows
    from child where record_id = any(string_to_array(?::text, ',')::uuid[]) group by record_id`,
  benefits: `select 'benefits' as kind, record_id, json_agg(json_build_object('id', id, 'programmeId', programme_id, 'since', since, 'note', note) order by programme_id) as rows
    from benefit_in_use where record_id = any(string_to_array(?::text, ',')::uuid[]) group by record_id`,
  consultations: `select 'consultations' as kind, c.record_id, json_agg(json_build_object('id', c.id, 'date', c.date, 'channel', c.channel, 'summary', c.summary, 'followUp', c.follow_up,
      'followUpDue', c.follow_up_due, 'createdAt', c.created_at, 'department', d.code, 'staffName', s.name) order by c.date desc, c.created_at desc) as rows
    from consultation c join department d on d.id = c.department_id left join staff_member s on s.id = c.staff_member_id
    where c.record_id = any(string_to_array(?::text, ',')::uuid[]) group by c.record_id`,
};
const KINDS = Object.keys(BRANCHES) as Kind[];

const toConsultation = (c: Row): ConsultationView => ({
  id: c.id, date: c.date, channel: c.channel, summary: c.summary, followUp: c.followUp, followUpDue: c.followUpDue, createdAt: toDate(c.createdAt),
  department: { code: c.department }, staffMember: c.staffName == null ? null : { name: c.staffName },
});

/**
 * Per-request loaders for a record's child rows. The kinds a page asks for (children, benefits,
 * consultations) are fetched together: one statement for a whole page of records, however many
 * records and kinds it has (test/record/statement-count.test.ts), each record's rows aggregated
 * into JSON by PostgreSQL, so Node parses one value per record and kind rather than a row per child.
 * Read-only, so rows are plain objects rather than managed entities. A kind is fetched only for the
 * records whose section resolver asked for it (after the access check in readSection).
 */
export function createRecordLoaders(em: EntityManager) {
  const rows = new DataLoader<string, Row[]>(async (keys) => {
    const ids = new Map<Kind, string[]>();
    for (const key of keys) {
      const sep = key.indexOf(':');
      const kind = key.slice(0, sep) as Kind;
      let list = ids.get(kind);
      if (!list) ids.set(kind, (list = []));
      list.push(key.slice(sep + 1));
    }
    const kinds = KINDS.filter((k) => ids.has(k));
    const found = new Map<string, Row[]>();
    for (const r of await rawQuery<Row>(em, kinds.map((k) => BRANCHES[k]).join('\nunion all\n'), kinds.map((k) => ids.get(k)!.join(',')))) {
      // pg hands json columns over parsed; some drivers give the text.
      found.set(`${r.kind}:${r.record_id}`, typeof r.rows === 'string' ? JSON.parse(r.rows) : r.rows);
    }
    return keys.map((key) => found.get(key) ?? []);
  });
  return {
    children: { load: (id: string): Promise<ChildView[]> => rows.load(`children:${id}`) as Promise<ChildView[]> },
    benefits: { load: (id: string): Promise<BenefitView[]> => rows.load(`benefits:${id}`) as Promise<BenefitView[]> },
    consultations: { load: async (id: string): Promise<ConsultationView[]> => (await rows.load(`consultations:${id}`)).map(toConsultation) },
    consentHistory: new DataLoader<string, ConsentEvent[]>(async (ids) => {
      const rows = await em.find(ConsentEvent, { record: { $in: [...ids] } }, { orderBy: { at: 'desc' } });
      return ids.map((id) => rows.filter((r) => r.record.id === id));
    }),
  };
}

export type RecordLoaders = ReturnType<typeof createRecordLoaders>;
