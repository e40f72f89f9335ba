import type { EntityManager } from '@mikro-orm/postgresql';
import type { AccessGate } from '../access/access-gate';
import { apiError } from '../common/errors';
import { OWNER_DEPARTMENT } from '../municipality/department-code';
import { RecordService } from '../record/record.service';
import { StaffRole } from '../staff/staff-role';
import type { AuditCollector } from './audit-collector';
import { AuditEntry } from './audit-entry.entity';
import type { AuditEntryView } from './audit.types';

const SUPERVISORS_ONLY = { ja: '監査ログはひとり親支援担当課の監督者だけが見られます。', en: 'Only supervisors of the single-parent support division read the audit log.', 'ja-easy': '記録の 履歴は 係長だけが 見られます。' };

export class AuditService {
  constructor(private readonly em: EntityManager, private readonly gate: AccessGate, private readonly audit: AuditCollector) {}

  private supervisor() {
    const v = this.gate.staff();
    if (v.department !== OWNER_DEPARTMENT || (v.role !== StaffRole.SUPERVISOR && v.role !== StaffRole.ADMIN)) throw apiError('FORBIDDEN', SUPERVISORS_ONLY, this.gate.locale);
    return v;
  }

  /** Who read or wrote what of one record, newest first. */
  async forRecord(recordId: string): Promise<AuditEntryView[]> {
    this.supervisor();
    const record = await new RecordService(this.em, this.gate, this.audit).require(recordId);
    const rows = await this.em.find(AuditEntry, { recordIds: { $contains: [record.id] }, municipalityCode: record.municipality.code }, { orderBy: { seq: 'desc' }, limit: 1000 });
    return rows.map((r) => ({ at: r.at, actorDepartment: r.actorDepartment, actorName: r.actorName, action: r.action, sections: r.sections, operationName: r.operationName ?? null }));
  }

  /** True when the municipality's hash chain is intact (nothing changed or removed). */
  async chainIntact(): Promise<boolean> {
    const v = this.supervisor();
    const [row] = await this.em.getConnection().execute<{ broken: string | null }[]>('select audit_verify(?) as broken', [v.municipalityCode]);
    return row?.broken == null;
  }
}
