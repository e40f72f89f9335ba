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

/** Groups rows by record id in the order of the requested ids (DataLoader's contract). */
function byRecord<T>(ids: readonly string[], rows: Row[], map: (r: Row) => T): T[][] {
  const groups = new Map<string, T[]>(ids.map((id) => [id, []]));
  for (const row of rows) groups.get(row.record_id)?.push(map(row));
  return ids.map((id) => groups.get(id)!);
}

const placeholders = (ids: readonly string[]) => ids.map(() => '?').join(', ');

/**
 * Per-request loaders for a record's child rows: one statement per kind for a whole page of
 * records, however many records it has (test/record/statement-count.test.ts). Read-only, so rows
 * are mapped to plain objects rather than hydrated into managed entities.
 */
export function createRecordLoaders(em: EntityManager) {
  const sql = (query: string, ids: readonly string[]) => rawQuery<Row>(em, query, ids);
  return {
    children: new DataLoader<string, ChildView[]>(async (ids) =>
      byRecord(ids, await sql(`select id, record_id, given_name, birth_date, disability from child where record_id in (${placeholders(ids)}) order by record_id, position`, ids),
        (r) => ({ id: r.id, givenName: r.given_name, birthDate: r.birth_date, disability: r.disability })),
    ),
    benefits: new DataLoader<string, BenefitView[]>(async (ids) =>
      byRecord(ids, await sql(`select id, record_id, programme_id, since, note from benefit_in_use where record_id in (${placeholders(ids)}) order by record_id, programme_id`, ids),
        (r) => ({ id: r.id, programmeId: r.programme_id, since: r.since, note: r.note })),
    ),
    consultations: new DataLoader<string, ConsultationView[]>(async (ids) =>
      byRecord(
        ids,
        await sql(
          `select c.id, c.record_id, c.date, c.channel, c.summary, c.follow_up, c.follow_up_due, c.created_at, d.code as department_code, s.name as staff_name
           from consultation c join department d on d.id = c.department_id left join staff_member s on s.id = c.staff_member_id
           where c.record_id in (${placeholders(ids)}) order by c.date desc, c.created_at desc`,
          ids,
        ),
        (r) => ({
          id: r.id, date: r.date, channel: r.channel, summary: r.summary, followUp: r.follow_up, followUpDue: r.follow_up_due, createdAt: toDate(r.created_at),
          department: { code: r.department_code }, staffMember: r.staff_name == null ? null : { name: r.staff_name },
        }),
      ),
    ),
    consentHistory: new DataLoader<string, ConsentEvent[]>(async (ids) => {
      const rows = await em.find(ConsentEvent, { record: { $in: [...ids] } }, { orderBy: { at: 'desc' } });
      return ids.map((id) => rows.filter((r) => r.record.id === id));
    }),
  };
}

export type RecordLoaders = ReturnType<typeof createRecordLoaders>;
