import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AccessGate } from '../access';
import { recordAdminEvent } from '../accounts';
import { auditAppenderFor, canonicalLine, canonicalTime, type AuditCollector } from '../audit';
import { apiError, badInput, notFound } from '../core';
import { OWNER_DEPARTMENT } from '../core';
import type { Locale } from '../core';
import { StaffRole } from '../core';
import { SECTIONS } from '../core';
import { PersonalRecord } from '../record';
import { discloseRecord, disclosureText } from './disclosure';
import { eraseRecord } from './erasure';
import { ErasureRequest, type RetainedItem } from './erasure-request.entity';
import { retentionRules } from './retention';
import { ErasureRequestStatus, type DataDisclosure, type DecideErasureRequestInput, type ErasureRequestInfo } from './rights.types';
import { ALREADY_DECIDED, ALREADY_REQUESTED, OWNER_ONLY, REASON_NEEDED, REQUEST_NOT_FOUND } from './texts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface FamilyWho {
  recordId: string;
  municipalityCode: string;
}

/**
 * The family's rights over its data (個人情報保護法: 開示・消去): the family downloads everything held
 * about it; it asks for erasure, which an administrator approves (or refuses with a reason); approval
 * erases in one transaction what the retention rules do not keep, and says what they kept. The audit
 * log gets who read or wrote which sections (never what), and the administration trail the decision.
 */
export class DataRights {
  constructor(private readonly em: EntityManager, private readonly locale: Locale) {}

  private async disclosure(municipalityCode: string, recordId: string): Promise<DataDisclosure> {
    const d = await discloseRecord(this.em, municipalityCode, recordId);
    const open = await this.em.findOne(ErasureRequest, { recordId }, { orderBy: { requestedAt: 'desc' } });
    return { generatedAt: new Date(d.generatedAt), json: JSON.stringify(d, null, 2), summary: disclosureText(d, this.locale), erasureRequest: open ? await this.info(open) : null };
  }

  /** The family's own download; written to the audit log as the family reading every section. */
  async familyExport(who: FamilyWho): Promise<DataDisclosure> {
    const out = await this.disclosure(who.municipalityCode, who.recordId);
    await this.familyAudit(who, 'read', 'FamilyDataExport');
    return out;
  }

  /** The owning department's supervisors and admins answer a request made at the desk (audited as a read of every section). */
  async staffDisclosure(gate: AccessGate, audit: AuditCollector, recordId: string): Promise<DataDisclosure> {
    const v = gate.staff([StaffRole.SUPERVISOR, StaffRole.ADMIN]);
    if (v.department !== OWNER_DEPARTMENT) throw apiError('FORBIDDEN', OWNER_ONLY, this.locale);
    const exists = UUID.test(recordId) && (await this.em.count(PersonalRecord, { id: recordId, municipality: v.municipalityCode }));
    if (!exists) throw notFound(REQUEST_NOT_FOUND, this.locale);
    for (const s of SECTIONS) audit.note(recordId, v.municipalityCode, 'read', s);
    recordAdminEvent(this.em, v.municipalityCode, { id: v.staffId, name: v.name }, 'family.exported', recordId);
    await this.em.flush();
    return this.disclosure(v.municipalityCode, recordId);
  }

  /** The family asks for erasure: one open request per record (CONFLICT for a second). */
  async request(who: FamilyWho): Promise<ErasureRequestInfo> {
    const row = this.em.create(ErasureRequest, { municipalityCode: who.municipalityCode, recordId: who.recordId, status: 'requested', requestedAt: new Date() });
    recordAdminEvent(this.em, who.municipalityCode, { id: null, name: 'family' }, 'family.erasure-requested', who.recordId);
    try {
      await this.em.flush();
    } catch (e) {
      if (e instanceof UniqueConstraintViolationException) throw apiError('CONFLICT', ALREADY_REQUESTED, this.locale);
      throw e;
    }
    return this.info(row);
  }

  async list(gate: AccessGate, status: ErasureRequestStatus): Promise<ErasureRequestInfo[]> {
    const v = gate.staff([StaffRole.ADMIN]);
    const rows = await this.em.find(ErasureRequest, { municipalityCode: v.municipalityCode, status }, { orderBy: { requestedAt: 'asc' }, limit: 200 });
    return Promise.all(rows.map((r) => this.info(r)));
  }

  /** Approve (erase now) or refuse (a reason is required); CONFLICT when already decided. */
  async decide(gate: AccessGate, audit: AuditCollector, input: DecideErasureRequestInput): Promise<ErasureRequestInfo> {
    const v = gate.staff([StaffRole.ADMIN]);
    const row = UUID.test(input.id) ? await this.em.findOne(ErasureRequest, { id: input.id, municipalityCode: v.municipalityCode }) : null;
    if (!row) throw notFound(REQUEST_NOT_FOUND, this.locale);
    if (row.status !== 'requested') throw apiError('CONFLICT', ALREADY_DECIDED, this.locale);
    const reason = input.reason?.trim() || null;
    if (!input.approve && !reason) throw badInput([{ field: 'input.reason', messages: REASON_NEEDED }], this.locale);
    if (reason && reason.length > 500) throw badInput([{ field: 'input.reason', messages: { ja: '理由は500文字までです。', en: 'The reason has at most 500 characters.', 'ja-easy': '500文字 までに して ください。' } }], this.locale);
    const actor = { id: v.staffId, name: v.name };
    const rules = retentionRules(v.municipalityCode);
    await this.em.transactional(async (tx) => {
      const mine = tx.merge(row);
      // Only one decision wins, also between two admins at once.
      const claimed = await tx.execute<{ id: string }[]>(`update erasure_request set status = ? where id = ? and status = 'requested' returning id`, [input.approve ? 'erased' : 'rejected', row.id]);
      if (claimed.length !== 1) throw apiError('CONFLICT', ALREADY_DECIDED, this.locale);
      mine.status = input.approve ? 'erased' : 'rejected';
      mine.decidedAt = new Date();
      mine.decidedBy = v.staffId;
      mine.decidedByName = v.name;
      mine.reason = reason;
      if (input.approve) {
        const outcome = await eraseRecord(tx, row.recordId, rules, mine.decidedAt, false);
        mine.retained = outcome.retained;
        const counts = Object.entries(outcome.deleted).map(([t, n]) => `${t} ${n}`).join(', ');
        recordAdminEvent(tx, v.municipalityCode, actor, 'family.erased', row.recordId, `deleted: ${counts || 'nothing'}; kept: ${outcome.retained.map((r) => `${r.table} ${r.rows}`).join(', ') || 'nothing'}`);
        for (const s of SECTIONS) audit.note(row.recordId, v.municipalityCode, 'write', s);
      } else {
        recordAdminEvent(tx, v.municipalityCode, actor, 'family.erasure-rejected', row.recordId);
      }
    });
    return this.info(row);
  }

  /** A request as staff see it; an open one with what approving it would keep (a dry run). */
  private async info(r: ErasureRequest): Promise<ErasureRequestInfo> {
    const rec = await this.em.findOne(PersonalRecord, { id: r.recordId }, { fields: ['referenceNumber'] });
    let retained: RetainedItem[] = r.retained ?? [];
    if (r.status === 'requested') retained = (await eraseRecord(this.em, r.recordId, retentionRules(r.municipalityCode), new Date(), true)).retained;
    return {
      id: r.id, recordId: r.recordId, referenceNumber: rec?.referenceNumber ?? null, status: r.status as ErasureRequestStatus, requestedAt: r.requestedAt,
      decidedAt: r.decidedAt ?? null, decidedByName: r.decidedByName ?? null, reason: r.reason ?? null,
      retained: retained.map((x) => ({ table: x.table, rows: x.rows, years: x.years, until: x.until, basis: x.basis[this.locale] })),
    };
  }

  /** One audit entry with the family as actor (as api/line/link.ts writes for LINE links). */
  private async familyAudit(who: FamilyWho, action: 'read' | 'write', operation: string): Promise<void> {
    const at = new Date();
    const list = [...SECTIONS].sort();
    const actor = { actor_kind: 'family', actor_id: who.recordId, actor_name: 'family', actor_department: 'family' };
    const entry = { ...actor, at: at.toISOString(), municipality_code: who.municipalityCode, record_ids: [who.recordId], action, sections: list, operation_name: operation };
    const line = canonicalLine({ ...actor, at: canonicalTime(at), municipality_code: who.municipalityCode, record_ids: who.recordId.toLowerCase(), action, sections: list.join(','), operation_name: operation });
    await auditAppenderFor(this.em).append(JSON.stringify(entry), 1, new Map([[who.municipalityCode, [line]]]));
  }
}
