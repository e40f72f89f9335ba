import type { EntityManager } from '@mikro-orm/postgresql';
import { rawQuery } from '../db';

/** Push-type support's work waiting in one department, for the caseworker's worklist (casework/worklist.ts). */
export interface OutreachWork {
  /** Notice candidates waiting for the department's approval (the outreach screen decides them). */
  approvals: number;
  /** When the oldest of them was created. */
  oldestApprovalAt: Date | null;
  /** Phone-call tasks (channel PHONE) still open in the department. */
  phoneTasks: number;
}

/**
 * Counts only — no family is named, so no record is read or audited here. Both counts read this
 * module's indexes (outreach_notice_municipality_status_index, outreach_phone_task_open_index).
 */
export async function outreachWork(em: EntityManager, municipalityCode: string, department: string): Promise<OutreachWork> {
  const [row] = await rawQuery<{ approvals: number; oldest: Date | string | null; phone_tasks: number }>(
    em,
    `select (select count(*)::int from outreach_notice where municipality_code = ? and approval = 'PENDING' and department = ?) as approvals,
            (select min(created_at) from outreach_notice where municipality_code = ? and approval = 'PENDING' and department = ?) as oldest,
            (select count(*)::int from outreach_phone_task where municipality_code = ? and department = ? and status = 'OPEN') as phone_tasks`,
    [municipalityCode, department, municipalityCode, department, municipalityCode, department],
    { prepared: true },
  );
  return { approvals: row?.approvals ?? 0, oldestApprovalAt: row?.oldest ? new Date(row.oldest) : null, phoneTasks: row?.phone_tasks ?? 0 };
}
