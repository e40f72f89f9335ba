import { OptimisticLockError } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AccessGate } from '../access';
import type { AuditCollector } from '../audit';
import { addDays } from '../core';
import { apiError, badInput } from '../core';
import { InputChecker } from '../core';
import { Municipality } from '../municipality';
import { RecordService } from '../record';
import { StaffMember } from '../staff';
import { StaffRole } from '../core';
import { CaseFile } from './case-file.entity';
import { CaseStatus } from './case-status';
import type { UpdateCaseInput } from './casework.inputs';
import type { CaseFileView } from './casework.types';

export const WRITE_ROLES = [StaffRole.CASEWORKER, StaffRole.SUPERVISOR, StaffRole.ADMIN] as const;
/** The name case writes carry in the audit log's sections (the case, not a section of the record). */
export const CASE_AUDIT = 'case';
/** How far ahead a next contact date may be set. */
const MAX_AHEAD_DAYS = 366;

const CONFLICT_TEXT = {
  ja: 'この担当情報はほかの人が先に更新しました。読み込み直してからもう一度保存してください。',
  en: 'Someone else changed this case first. Reload it, then save again.',
  'ja-easy': 'ほかの 人が 先に 変えました。もう一度 読みこんで ください。',
};

export function caseView(c: CaseFile): CaseFileView {
  return {
    recordId: c.record.id,
    department: c.department,
    status: c.status,
    assignee: c.assignee ? { id: c.assignee.id, name: c.assignee.name } : null,
    nextContactDate: c.nextContactDate ?? null,
    closedReason: c.closedReason ?? null,
    updatedAt: c.updatedAt,
    version: c.version,
  };
}

/**
 * Case fields per department (assignee, status, next contact date). Reading and writing a case needs
 * the record to be visible to the viewer (RecordService.require: NOT_FOUND otherwise, as for an
 * unknown id); writing needs a role that may write. Every change is a `write` of `case` in the audit log.
 */
export class CaseworkService {
  constructor(
    private readonly em: EntityManager,
    private readonly gate: AccessGate,
    private readonly audit: AuditCollector,
  ) {}

  /** Your department's case for a record, or null when there is none yet. */
  async caseFor(recordId: string): Promise<CaseFileView | null> {
    const viewer = this.gate.staff();
    const record = await new RecordService(this.em, this.gate, this.audit).require(recordId);
    const found = await this.em.findOne(
      CaseFile,
      { municipality: viewer.municipalityCode, record: record.id, department: viewer.department },
      { populate: ['assignee'] },
    );
    return found ? caseView(found) : null;
  }

  async update(input: UpdateCaseInput): Promise<CaseFileView> {
    const viewer = this.gate.staff(WRITE_ROLES);
    const c = new InputChecker(this.gate.today);
    const reason = c.text('input.closedReason', input.closedReason, { ja: '終了の理由', en: 'The reason for closing' }, 500);
    if (input.status === CaseStatus.CLOSED && !reason)
      c.custom('input.closedReason', '終了の理由を入力してください。', 'Say why the case is closed.', '終わる 理由を 書いて ください。');
    const next = input.nextContactDate;
    if (next != null && (next < this.gate.today || next > addDays(this.gate.today, MAX_AHEAD_DAYS))) {
      c.custom(
        'input.nextContactDate',
        '次回連絡日は今日から1年以内の日付にしてください。',
        'The next contact date must be between today and a year from now.',
        'つぎに 連絡する 日は 今日から 1年 いないに して ください。',
      );
    }
    let assignee: StaffMember | null | undefined;
    if (input.assigneeId != null) {
      assignee = /^[0-9a-f-]{36}$/i.test(input.assigneeId)
        ? await this.em.findOne(StaffMember, {
            id: input.assigneeId,
            municipality: viewer.municipalityCode,
            department: viewer.departmentId,
            disabled: false,
            role: { $in: [...WRITE_ROLES] },
          })
        : null;
      if (!assignee)
        c.custom(
          'input.assigneeId',
          '担当者には同じ部署の職員（閲覧者を除く）を選んでください。',
          'Choose a staff member of your department who may write.',
          'おなじ 係の 人を えらんで ください。',
        );
    } else if (input.assigneeId === null) assignee = null;
    if (!c.ok) throw badInput(c.problems, this.gate.locale);

    const record = await new RecordService(this.em, this.gate, this.audit).require(input.recordId);
    const where = { municipality: viewer.municipalityCode, record: record.id, department: viewer.department };
    let file = await this.em.findOne(CaseFile, where, { populate: ['assignee'] });
    if (file && input.expectedVersion != null && file.version !== input.expectedVersion)
      throw apiError('CONFLICT', CONFLICT_TEXT, this.gate.locale, { currentVersion: file.version });
    if (!file)
      file = this.em.create(CaseFile, {
        municipality: this.em.getReference(Municipality, viewer.municipalityCode),
        record,
        department: viewer.department,
      } as never);
    if (assignee !== undefined) file.assignee = assignee;
    if (input.status != null) {
      file.status = input.status;
      file.closedReason = input.status === CaseStatus.CLOSED ? reason! : null;
    } else if (assignee && file.status === CaseStatus.NEW) {
      file.status = CaseStatus.IN_PROGRESS;
    }
    if (input.nextContactDate !== undefined) file.nextContactDate = input.nextContactDate;
    file.updatedAt = new Date();
    try {
      // Of two saves of the same version, one wins: MikroORM's update is conditional on the version read.
      await this.em.flush();
    } catch (e) {
      if (e instanceof OptimisticLockError) throw apiError('CONFLICT', CONFLICT_TEXT, this.gate.locale);
      throw e;
    }
    this.audit.note(record.id, viewer.municipalityCode, 'write', CASE_AUDIT);
    return caseView(file);
  }

  /** Taking an inbox item assigns the department's case to the taker (inbox.service.ts take). */
  async assignOnTake(recordId: string, staffId: string, municipalityCode: string, department: CaseFile['department']): Promise<void> {
    const where = { municipality: municipalityCode, record: recordId, department };
    const file = await this.em.findOne(CaseFile, where);
    if (!file) {
      this.em.create(CaseFile, { municipality: municipalityCode, record: recordId, department, assignee: staffId, status: CaseStatus.IN_PROGRESS } as never);
    } else {
      file.assignee = this.em.getReference(StaffMember, staffId);
      if (file.status === CaseStatus.NEW) file.status = CaseStatus.IN_PROGRESS;
      file.updatedAt = new Date();
    }
    await this.em.flush();
    this.audit.note(recordId, municipalityCode, 'write', CASE_AUDIT);
  }
}
