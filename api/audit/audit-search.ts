import type { EntityManager } from '@mikro-orm/postgresql';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import type { AccessGate } from '../access';
import { addDays, apiError, badInput, csvText, DepartmentCode, LocalDate, OWNER_DEPARTMENT, Section, StaffRole, startOfJapanDay } from '../core';
import { normalizeReferenceNumber } from '../record';
import type { AuditCollector } from './audit-collector';
import { SUPERVISORS_ONLY } from './audit.service';
import { operationLabel } from './operation-labels';

@InputType({ description: 'Which audit entries: every field left out matches all. Dates are Japan time, inclusive.' })
export class AuditFilter {
  @Field(() => String, { nullable: true, description: 'Part of the name of who read or wrote (staff member or partner).' }) actorName?: string | null;
  @Field(() => DepartmentCode, { nullable: true, description: 'The department of who read or wrote.' }) department?: DepartmentCode | null;
  @Field(() => String, { nullable: true, description: 'The record, by its reference number.' }) referenceNumber?: string | null;
  @Field(() => String, { nullable: true, description: 'The operation name the client sent, e.g. StaffUpdateSection.' }) operationName?: string | null;
  @Field(() => Section, { nullable: true, description: 'Entries that touched this section.' }) section?: Section | null;
  @Field(() => String, { nullable: true, description: '`read`, `write` or `export`.' }) action?: string | null;
  @Field(() => LocalDate, { nullable: true, description: 'From this day.' }) from?: string | null;
  @Field(() => LocalDate, { nullable: true, description: 'Up to and including this day.' }) to?: string | null;
}

@ObjectType('AuditLine', { simpleResolvers: true, description: 'One audit entry with the reference numbers of its records.' })
export class AuditLine {
  @Field(() => String, { description: 'Its place in the log; newest first.' }) seq!: string;
  @Field(() => Date, { description: 'When.' }) at!: Date;
  @Field(() => String, { description: 'Who: the staff member or partner organisation.' }) actorName!: string;
  @Field(() => String, { description: 'Department code, or `partner:<name>`.' }) actorDepartment!: string;
  @Field(() => String, { description: '`read`, `write` or `export`.' }) action!: string;
  @Field(() => [String], { description: 'The sections read, written or exported (`auditLog` for an export of the log).' }) sections!: string[];
  @Field(() => String, { nullable: true, description: 'The GraphQL operation name the client sent.' }) operationName!: string | null;
  @Field(() => [String], { description: 'Reference numbers of the records (at most 20; recordCount says how many).' }) referenceNumbers!: string[];
  @Field(() => Int, { description: 'How many records the entry names.' }) recordCount!: number;
}

@ObjectType('AuditSearchResult', { simpleResolvers: true, description: 'A page of the filtered audit log, newest first.' })
export class AuditSearchResult {
  @Field(() => Int, { description: 'How many entries match the filter.' }) totalCount!: number;
  @Field(() => [AuditLine], { description: 'This page’s entries.' }) entries!: AuditLine[];
  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page; null on the last page.' }) endCursor!: string | null;
}

interface Row {
  seq: string;
  at: Date;
  actor_name: string;
  actor_department: string;
  action: string;
  sections: string[];
  operation_name: string | null;
  record_ids: string[];
  refs: string[] | null;
  record_count: number;
}

/** At most this many lines in one CSV: a longer export is a sign of a too-wide filter. */
export const AUDIT_CSV_MAX = 10_000;
const ACTIONS = ['read', 'write', 'export'];
const TEXT_MAX = 100;

const TOO_MANY = {
  ja: `出力できるのは ${AUDIT_CSV_MAX.toLocaleString('ja-JP')} 件までです。期間などで絞り込んでください。`,
  en: `At most ${AUDIT_CSV_MAX} entries can be exported. Narrow the filter, e.g. the period.`,
  'ja-easy': `${AUDIT_CSV_MAX} 件 までしか 出せません。期間を 短く して ください。`,
};
const BAD_ACTION = {
  ja: '操作の種類は read、write、export のどれかです。',
  en: 'action is read, write or export.',
  'ja-easy': 'read か write か export を えらんで ください。',
};
const BAD_RANGE = {
  ja: '終了日は開始日より後にしてください。',
  en: 'The end date must not be before the start date.',
  'ja-easy': '終わりの 日を 始めの 日より 後に して ください。',
};
const TOO_LONG = { ja: `${TEXT_MAX}文字以内で入力してください。`, en: `Up to ${TEXT_MAX} characters.`, 'ja-easy': `${TEXT_MAX}文字 までです。` };

/**
 * The municipality's audit log for its supervisors: filtered (who, department, record, operation,
 * section, action, period), paged newest first, and exported as CSV. The export is itself audited:
 * every record of the exported lines is noted as `export` of the pseudo-section `auditLog`.
 */
export class AuditSearch {
  constructor(
    private readonly em: EntityManager,
    private readonly gate: AccessGate,
    private readonly audit: AuditCollector,
  ) {}

  private supervisor() {
    const v = this.gate.staff();
    if (v.department !== OWNER_DEPARTMENT || (v.role !== StaffRole.SUPERVISOR && v.role !== StaffRole.ADMIN))
      throw apiError('FORBIDDEN', SUPERVISORS_ONLY, this.gate.locale);
    return v;
  }

  private async where(f: AuditFilter | null | undefined, municipalityCode: string): Promise<{ sql: string; params: unknown[] } | null> {
    const parts = ['e.municipality_code = ?'];
    const params: unknown[] = [municipalityCode];
    if (!f) return { sql: parts.join(' and '), params };
    for (const key of ['actorName', 'referenceNumber', 'operationName'] as const) {
      if ((f[key]?.length ?? 0) > TEXT_MAX) throw badInput([{ field: `filter.${key}`, messages: TOO_LONG }], this.gate.locale);
    }
    if (f.action && !ACTIONS.includes(f.action)) throw badInput([{ field: 'filter.action', messages: BAD_ACTION }], this.gate.locale);
    if (f.from && f.to && f.to < f.from) throw badInput([{ field: 'filter.to', messages: BAD_RANGE }], this.gate.locale);
    if (f.actorName?.trim()) {
      parts.push(`e.actor_name ilike ? escape '\\'`);
      params.push(`%${f.actorName.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    }
    if (f.department) (parts.push('e.actor_department = ?'), params.push(f.department));
    if (f.operationName?.trim()) (parts.push('e.operation_name = ?'), params.push(f.operationName.trim()));
    if (f.section) (parts.push('e.sections @> array[?]::text[]'), params.push(f.section));
    if (f.action) (parts.push('e.action = ?'), params.push(f.action));
    if (f.from) (parts.push('e.at >= ?'), params.push(startOfJapanDay(f.from)));
    if (f.to) (parts.push('e.at < ?'), params.push(startOfJapanDay(addDays(f.to, 1))));
    if (f.referenceNumber?.trim()) {
      const [found] = await sql<{ id: string }>(this.em, 'select id from personal_record where municipality_code = ? and reference_number = ?', [
        municipalityCode,
        normalizeReferenceNumber(f.referenceNumber),
      ]);
      const id = found?.id;
      if (!id) return null; // an unknown reference number matches nothing
      parts.push('e.record_ids @> array[?]::uuid[]');
      params.push(id);
    }
    return { sql: parts.join(' and '), params };
  }

  private async rows(where: { sql: string; params: unknown[] }, limit: number, after: string | null, refs: 'first20' | 'all'): Promise<Row[]> {
    const cursor = after && /^\d{1,19}$/.test(after) ? ' and e.seq < ?::bigint' : '';
    return sql<Row>(
      this.em,
      `select e.seq::text as seq, e.at, e.actor_name, e.actor_department, e.action, e.sections, e.operation_name, e.record_ids, cardinality(e.record_ids)::int as record_count,
              (select array_agg(r.reference_number order by r.reference_number) from personal_record r where r.id = any(${refs === 'all' ? 'e.record_ids' : 'e.record_ids[1:20]'})) as refs
         from audit_entry e where ${where.sql}${cursor} order by e.seq desc limit ?`,
      [...where.params, ...(cursor ? [after] : []), limit],
    );
  }

  async search(filter: AuditFilter | null | undefined, first: number, after: string | null | undefined): Promise<AuditSearchResult> {
    const v = this.supervisor();
    if (!Number.isInteger(first) || first < 1 || first > 200)
      throw badInput([{ field: 'first', messages: { ja: '件数は1〜200です。', en: 'first is 1–200.', 'ja-easy': '1から200 までです。' } }], this.gate.locale);
    const where = await this.where(filter, v.municipalityCode);
    if (!where) return { totalCount: 0, entries: [], endCursor: null };
    const [rows, [count]] = await Promise.all([
      this.rows(where, first + 1, after ?? null, 'first20'),
      sql<{ n: number }>(this.em, `select count(*)::int as n from audit_entry e where ${where.sql}`, where.params),
    ]);
    const page = rows.slice(0, first);
    return { totalCount: count!.n, entries: page.map(line), endCursor: rows.length > first ? page[page.length - 1]!.seq : null };
  }

  /** The filtered log as CSV, newest first; audited as an export of every record it names. */
  async csv(filter: AuditFilter | null | undefined): Promise<string> {
    const v = this.supervisor();
    const where = await this.where(filter, v.municipalityCode);
    const rows = where ? await this.rows(where, AUDIT_CSV_MAX + 1, null, 'all') : [];
    if (rows.length > AUDIT_CSV_MAX) throw badInput([{ field: 'filter', messages: TOO_MANY }], this.gate.locale);
    const en = this.gate.locale === 'en' ? 1 : 0;
    for (const r of rows) for (const id of r.record_ids) this.audit.note(id, v.municipalityCode, 'export', 'auditLog');
    const header = en
      ? ['At (Japan time)', 'Who', 'Department', 'Action', 'Sections', 'Operation', 'Operation name', 'Records', 'Reference numbers']
      : ['日時（日本時間）', '職員・団体', '部署', '操作', '項目', '操作の内容', '操作名（API）', '件数', '受付番号'];
    const actions: Record<string, readonly [string, string]> = { read: ['閲覧', 'read'], write: ['更新', 'write'], export: ['出力', 'export'] };
    return csvText(
      header,
      rows.map((r) => [
        japanTime(new Date(r.at)),
        r.actor_name,
        r.actor_department,
        actions[r.action]?.[en] ?? r.action,
        r.sections.join(' '),
        operationLabel(en, r.operation_name),
        r.operation_name,
        r.record_count,
        (r.refs ?? []).join(' '),
      ]),
    );
  }
}

/** A parameterised statement's rows (PGlite's and node-postgres' result shapes alike). */
async function sql<T>(em: EntityManager, text: string, params: readonly unknown[]): Promise<T[]> {
  const result = (await em.getKnex().raw(text, params as never)) as { rows?: T[] } | T[];
  return Array.isArray(result) ? result : (result.rows ?? []);
}

function line(r: Row): AuditLine {
  return {
    seq: r.seq,
    at: new Date(r.at),
    actorName: r.actor_name,
    actorDepartment: r.actor_department,
    action: r.action,
    sections: r.sections,
    operationName: r.operation_name,
    referenceNumbers: r.refs ?? [],
    recordCount: r.record_count,
  };
}

/** 2026-12-03 22:05:09 in Japan time: what a spreadsheet reads as a date and time. */
function japanTime(d: Date): string {
  return new Date(d.getTime() + 9 * 3600_000).toISOString().replace('T', ' ').slice(0, 19);
}
