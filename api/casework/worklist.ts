import type { EntityManager } from '@mikro-orm/postgresql';
import { recordScope } from '../access';
import type { AccessGate } from '../access';
import type { AuditCollector } from '../audit';
import { checkPageSize } from '../core';
import { addDays, startOfJapanDay, todayInJapan, toDate } from '../core';
import { openDaysBetween } from '../core';
import { rawQuery } from '../db';
import type { InboxItemKind } from '../inbox';
import type { DepartmentCode } from '../core';
import { type RecordSelection, RecordService } from '../record';
import { CONTACT_TARGET_OPEN_DAYS, type CaseStatus, WorklistScope } from './case-status';
import type { CaseFileView, WorkItem, Worklist } from './casework.types';

/** The latest day whose items have waited more than `target` open days by `today` (items of that day or before are over). */
export function lastDayOverTarget(today: string, target: number): string {
  let day = addDays(today, -1);
  // At most target open days plus the weekends and closings between: a few weeks of days.
  while (openDaysBetween(day, today) <= target) day = addDays(day, -1);
  return day;
}

interface CaseRow {
  record_id: string;
  reference_number: string;
  status: CaseStatus;
  assignee_id: string | null;
  assignee_name: string | null;
  next_contact_date: string | null;
  closed_reason: string | null;
  updated_at: Date | string;
  version: number;
}

interface ItemRow extends Partial<CaseRow> {
  id: string;
  kind: InboxItemKind;
  record_id: string;
  reference_number: string;
  received_at: Date | string;
  urgent: boolean;
  case_status: CaseStatus | null;
}

const CASE_COLUMNS = `c.record_id, r.reference_number, c.status, c.assignee_id, s.name as assignee_name, to_char(c.next_contact_date, 'YYYY-MM-DD') as next_contact_date, c.closed_reason, c.updated_at, c.version`;

/**
 * The worklist: a few short statements over indexed columns (inbox_item's department index, case_file's
 * partial open-case indexes), then the page's records in one statement under the usual visibility
 * (RecordService.getMany). For a department other than the owner, items and cases count only while the
 * family consents to share with it (rule 2): a withdrawn consent takes the family off the list.
 */
export class WorklistService {
  constructor(
    private readonly em: EntityManager,
    private readonly gate: AccessGate,
    private readonly audit: AuditCollector,
  ) {}

  /** `selected`: the record parts the query asks for on its lines (look-ahead), so only those columns are read. */
  async build(scope: WorklistScope, first: number, selected?: RecordSelection): Promise<Worklist> {
    const v = this.gate.staff();
    checkPageSize(first, this.gate.locale);
    const today = this.gate.today;
    // Which records the viewer sees at all is the policy's (rules 2 and 5, access/record-scope.ts); the department and municipality are the queries' own.
    // The response target is the municipality's (an admin sets it on the settings screen); read beside the scope, one primary-key row.
    const [{ consentTo }, [setting]] = await Promise.all([
      recordScope(this.em, v, this.gate.policy()),
      rawQuery<{ target: number }>(this.em, 'select contact_target_open_days as target from municipality where code = ?', [v.municipalityCode], {
        prepared: true,
      }),
    ]);
    const target = setting?.target ?? CONTACT_TARGET_OPEN_DAYS;
    const overCutoff = startOfJapanDay(addDays(lastDayOverTarget(today, target), 1));
    const consent = consentTo.length > 0 ? ' and r.shared_with @> ?::text[]' : '';
    const consentParams: unknown[] = consentTo.length > 0 ? [consentTo] : [];
    // No consent filter (the owner): the counts can read the inbox and case indexes alone.
    const owner = consentTo.length === 0;
    const base: unknown[] = [v.municipalityCode, v.department, ...consentParams];
    const mine = scope === WorklistScope.MINE;
    const ownCase = mine ? ' and c.assignee_id = ?' : '';
    const ownParams: unknown[] = mine ? [v.staffId] : [];

    const itemsFrom = `from inbox_item i join personal_record r on r.id = i.record_id where i.municipality_code = ? and i.department = ? and i.taken_at is null${consent}`;
    const casesFrom = `from case_file c join personal_record r on r.id = c.record_id left join staff_member s on s.id = c.assignee_id where c.municipality_code = ? and c.department = ? and c.status <> 'closed'${consent}`;
    // The record is needed only for another department's consent test; the owner's list and counts read inbox_item's index alone
    // (with the join, PostgreSQL hashed all 100,000 records for 50 lines: 76 ms of 80 in test/bench/worklist.bench.mjs).
    const itemsRead = owner ? `from inbox_item i where i.municipality_code = ? and i.department = ? and i.taken_at is null` : itemsFrom;
    const casesCounted = owner
      ? `from case_file c where c.municipality_code = ? and c.department = ? and c.status <> 'closed'`
      : `from case_file c join personal_record r on r.id = c.record_id where c.municipality_code = ? and c.department = ? and c.status <> 'closed'${consent}`;
    const [items, [itemCounts], assigned, dueToday, overdue, [caseCounts]] = await Promise.all([
      rawQuery<ItemRow>(
        this.em,
        `select i.id, i.kind, i.record_id, i.reference_number, i.received_at, i.urgent ${itemsRead} order by i.urgent desc, i.received_at asc, i.id asc limit ?`,
        [...base, first],
        { prepared: true },
      ),
      rawQuery<{ n: number; over: number }>(
        this.em,
        `select count(*)::int as n, (count(*) filter (where i.received_at < ?))::int as over ${itemsRead}`,
        [overCutoff, ...base],
        { prepared: true },
      ),
      rawQuery<CaseRow>(
        this.em,
        `select ${CASE_COLUMNS} ${casesFrom}${mine ? ownCase : ' and c.assignee_id is not null'} order by c.next_contact_date asc nulls last, c.updated_at desc, c.id limit ?`,
        [...base, ...ownParams, first],
        { prepared: true },
      ),
      rawQuery<CaseRow>(
        this.em,
        `select ${CASE_COLUMNS} ${casesFrom}${ownCase} and c.next_contact_date = ?::date order by c.updated_at desc, c.id limit ?`,
        [...base, ...ownParams, today, first],
        { prepared: true },
      ),
      rawQuery<CaseRow>(
        this.em,
        `select ${CASE_COLUMNS} ${casesFrom}${ownCase} and c.next_contact_date < ?::date order by c.next_contact_date asc, c.id limit ?`,
        [...base, ...ownParams, today, first],
        { prepared: true },
      ),
      rawQuery<{ assigned: number; due: number; overdue: number }>(
        this.em,
        `select (count(*) filter (where ${mine ? 'c.assignee_id = ?' : 'c.assignee_id is not null'}))::int as assigned,
                (count(*) filter (where c.next_contact_date = ?::date${ownCase}))::int as due,
                (count(*) filter (where c.next_contact_date < ?::date${ownCase}))::int as overdue ${casesCounted}`,
        [...ownParams, today, ...ownParams, today, ...ownParams, ...base],
        { prepared: true },
      ),
    ]);
    // Cases of the new items (a case may exist before anyone takes the item), and every record in one statement.
    const itemCases =
      items.length === 0
        ? []
        : await rawQuery<CaseRow>(
            this.em,
            `select ${CASE_COLUMNS} from case_file c join personal_record r on r.id = c.record_id left join staff_member s on s.id = c.assignee_id where c.municipality_code = ? and c.department = ? and c.record_id = any(?::uuid[])`,
            [v.municipalityCode, v.department, items.map((i) => i.record_id)],
          );
    const caseOf = new Map(itemCases.map((c) => [c.record_id, c]));
    const records = await new RecordService(this.em, this.gate, this.audit).getMany(
      [...items, ...assigned, ...dueToday, ...overdue].map((r) => r.record_id),
      selected,
    );
    const department = v.department;
    const asCase = (row: CaseRow): WorkItem => ({
      inboxItemId: null,
      kind: null,
      referenceNumber: row.reference_number,
      receivedAt: null,
      openDaysWaiting: null,
      overTarget: false,
      urgent: false,
      case: caseFrom(row, department),
      record: records.get(row.record_id) ?? null,
    });
    const newItems = items.map((i): WorkItem => {
      const waited = openDaysBetween(todayInJapan(toDate(i.received_at)), today);
      const c = caseOf.get(i.record_id);
      return {
        inboxItemId: i.id,
        kind: i.kind,
        referenceNumber: i.reference_number,
        receivedAt: toDate(i.received_at),
        openDaysWaiting: waited,
        overTarget: waited > target,
        urgent: i.urgent,
        case: c ? caseFrom(c, department) : null,
        record: records.get(i.record_id) ?? null,
      };
    });
    return {
      scope,
      today,
      targetOpenDays: target,
      newItems,
      assigned: assigned.map(asCase),
      dueToday: dueToday.map(asCase),
      overdue: overdue.map(asCase),
      counts: {
        newItems: itemCounts!.n,
        overTarget: itemCounts!.over,
        assigned: caseCounts!.assigned,
        dueToday: caseCounts!.due,
        overdue: caseCounts!.overdue,
      },
    };
  }
}

function caseFrom(row: CaseRow, department: DepartmentCode): CaseFileView {
  return {
    recordId: row.record_id,
    department,
    status: row.status,
    assignee: row.assignee_id ? { id: row.assignee_id, name: row.assignee_name ?? '' } : null,
    nextContactDate: row.next_contact_date,
    closedReason: row.closed_reason,
    updatedAt: toDate(row.updated_at),
    version: Number(row.version),
  };
}
