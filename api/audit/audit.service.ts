import type { EntityManager } from '@mikro-orm/postgresql';
import type { AccessGate } from '../access';
import { apiError } from '../core';
import { OWNER_DEPARTMENT } from '../core';
import { RecordService } from '../record';
import { StaffRole } from '../core';
import type { AuditCollector } from './audit-collector';
import { AuditEntry } from './audit-entry.entity';
import type { AuditEntryView } from './audit.types';
import { sqlFor, verifyChain } from './audit-verifier';
import type { AuditSealSettings } from '../server/context';

export const SUPERVISORS_ONLY = {
  ja: '監査ログはひとり親支援担当課の監督者だけが見られます。',
  en: 'Only supervisors of the single-parent support division read the audit log.',
  'ja-easy': '記録の 履歴は 係長だけが 見られます。',
};

export class AuditService {
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

  /** Who read or wrote what of one record, newest first. */
  async forRecord(recordId: string): Promise<AuditEntryView[]> {
    this.supervisor();
    const record = await new RecordService(this.em, this.gate, this.audit).require(recordId);
    const rows = await this.em.find(
      AuditEntry,
      { recordIds: { $contains: [record.id] }, municipalityCode: record.municipality.code },
      { orderBy: { seq: 'desc' }, limit: 1000 },
    );
    return rows.map((r) => ({
      at: r.at,
      actorDepartment: r.actorDepartment,
      actorName: r.actorName,
      action: r.action,
      sections: r.sections,
      operationName: r.operationName ?? null,
    }));
  }

  /**
   * True when the municipality's chain is intact: checked in this process with the seal key and the
   * anchors (audit-verifier.ts), not by the database's audit_verify, which its owner could replace.
   */
  async chainIntact(seal: AuditSealSettings | undefined): Promise<boolean> {
    const v = this.supervisor();
    if (!seal) throw new Error('audit seal settings missing (createApp sets them)');
    const report = await verifyChain(sqlFor(this.em), seal.key, v.municipalityCode, seal.anchorDir);
    if (report.problems.length > 0) console.error(`[yorisoi] audit chain of ${v.municipalityCode} is broken: ${report.problems.join('; ')}`);
    return report.problems.length === 0;
  }
}
