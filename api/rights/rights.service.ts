import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AccessGate } from '../access';
import { recordAdminEvent } from '../accounts';
import { documentIdsOfRecord, removeErasedDocuments, type DocumentStore } from '../application';
import type { AuditCollector } from '../audit';
import { appendAudit } from './audit-entry';
import { apiError, badInput, notFound } from '../core';
import { OWNER_DEPARTMENT } from '../core';
import type { Locale } from '../core';
import { StaffRole } from '../core';
import { SECTIONS } from '../core';
import { PersonalRecord } from '../record';
import { discloseRecord, disclosureText } from './disclosure';
import { disclosureHtml } from './disclosure-html';
import { Municipality } from '../municipality';
import { eraseFamily } from './erasure';
import { allIds, familyRecords, type FamilyRecords } from './family';
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
  /** `documents`: the store of uploaded files, emptied of an erased family's files after the erasure commits. */
  constructor(
    private readonly em: EntityManager,
    private readonly locale: Locale,
    private readonly documents: DocumentStore,
  ) {}

  private async disclosure(municipalityCode: string, family: FamilyRecords): Promise<DataDisclosure> {
    const d = await discloseRecord(this.em, municipalityCode, family.survivorId);
    // A request made on a record before it was merged away is the family's too.
    const open = await this.em.findOne(ErasureRequest, { recordId: { $in: allIds(family) } }, { orderBy: { requestedAt: 'desc' } });
    const m = await this.em.findOne(Municipality, { code: municipalityCode }, { fields: ['name'] });
    const html = disclosureHtml(d, m?.name ?? municipalityCode, typeof d.record.referenceNumber === 'string' ? d.record.referenceNumber : null);
    return {
      generatedAt: new Date(d.generatedAt),
      json: JSON.stringify(d, null, 2),
      summary: disclosureText(d, this.locale),
      html,
      erasureRequest: open ? await this.info(open) : null,
    };
  }

  /** The family's own download; written to the audit log as the family reading every section. */
  async familyExport(who: FamilyWho): Promise<DataDisclosure> {
    const family = await this.family(who.municipalityCode, who.recordId);
    const out = await this.disclosure(who.municipalityCode, family);
    await this.familyAudit({ ...who, recordId: family.survivorId }, allIds(family), 'read', 'FamilyDataExport');
    return out;
  }

  /** The family's records from any one of them (family.ts: a merged-away record's id resolves to its survivor). */
  private async family(municipalityCode: string, recordId: string): Promise<FamilyRecords> {
    const family = UUID.test(recordId) ? await familyRecords(this.em, municipalityCode, recordId) : null;
    if (!family) throw notFound(REQUEST_NOT_FOUND, this.locale);
    return family;
  }

  /** The owning department's supervisors and admins answer a request made at the desk (audited as a read of every section). */
  async staffDisclosure(gate: AccessGate, audit: AuditCollector, recordId: string): Promise<DataDisclosure> {
    const v = gate.staff([StaffRole.SUPERVISOR, StaffRole.ADMIN]);
    if (v.department !== OWNER_DEPARTMENT) throw apiError('FORBIDDEN', OWNER_ONLY, this.locale);
    const family = await this.family(v.municipalityCode, recordId);
    for (const id of allIds(family)) for (const s of SECTIONS) audit.note(id, v.municipalityCode, 'read', s);
    recordAdminEvent(this.em, v.municipalityCode, { id: v.staffId, name: v.name }, 'family.exported', family.survivorId);
    await this.em.flush();
    return this.disclosure(v.municipalityCode, family);
  }

  /** The family asks for erasure: one open request per family, named by its surviving record (CONFLICT for a second). */
  async request(who: FamilyWho): Promise<ErasureRequestInfo> {
    const family = await this.family(who.municipalityCode, who.recordId);
    const survivorId = family.survivorId;
    // One made on a record before it was merged away is the family's open request too.
    if (await this.em.count(ErasureRequest, { recordId: { $in: allIds(family) }, status: 'requested' }))
      throw apiError('CONFLICT', ALREADY_REQUESTED, this.locale);
    const row = this.em.create(ErasureRequest, {
      municipalityCode: who.municipalityCode,
      recordId: survivorId,
      status: 'requested',
      requestedAt: new Date(),
    });
    recordAdminEvent(this.em, who.municipalityCode, { id: null, name: 'family' }, 'family.erasure-requested', survivorId);
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
    if (reason && reason.length > 500)
      throw badInput(
        [
          {
            field: 'input.reason',
            messages: { ja: '理由は500文字までです。', en: 'The reason has at most 500 characters.', 'ja-easy': '500文字 までに して ください。' },
          },
        ],
        this.locale,
      );
    const actor = { id: v.staffId, name: v.name };
    const rules = retentionRules(v.municipalityCode);
    const files: string[] = [];
    await this.em.transactional(async (tx) => {
      const mine = tx.merge(row);
      // Only one decision wins, also between two admins at once.
      const claimed = await tx.execute<{ id: string }[]>(`update erasure_request set status = ? where id = ? and status = 'requested' returning id`, [
        input.approve ? 'erased' : 'rejected',
        row.id,
      ]);
      if (claimed.length !== 1) throw apiError('CONFLICT', ALREADY_DECIDED, this.locale);
      mine.status = input.approve ? 'erased' : 'rejected';
      mine.decidedAt = new Date();
      mine.decidedBy = v.staffId;
      mine.decidedByName = v.name;
      mine.reason = reason;
      if (input.approve) {
        // The family as it is now: a merge since the request (either way round) is erased with it.
        const family = await familyRecords(tx, v.municipalityCode, row.recordId);
        const ids = family ? allIds(family) : [row.recordId];
        for (const id of ids) files.push(...(await documentIdsOfRecord(tx, id)));
        const outcome = await eraseFamily(tx, ids, rules, mine.decidedAt, false);
        mine.retained = outcome.retained;
        const counts = Object.entries(outcome.deleted)
          .map(([t, n]) => `${t} ${n}`)
          .join(', ');
        recordAdminEvent(
          tx,
          v.municipalityCode,
          actor,
          'family.erased',
          row.recordId,
          `deleted: ${counts || 'nothing'}; kept: ${outcome.retained.map((r) => `${r.table} ${r.rows}`).join(', ') || 'nothing'}`,
        );
        for (const id of ids) for (const s of SECTIONS) audit.note(id, v.municipalityCode, 'write', s);
      } else {
        recordAdminEvent(tx, v.municipalityCode, actor, 'family.erasure-rejected', row.recordId);
      }
    });
    // The files of the documents whose rows went (their keys went with them): out of the store as well.
    // A store that fails now leaves only sealed bytes nobody can open; said in the log, without names.
    await removeErasedDocuments(this.em, this.documents, files).catch((e: Error) => console.error(`[yorisoi] erasure: ${e.message}`));
    return this.info(row);
  }

  /** A request as staff see it; an open one with what approving it would keep (a dry run). */
  private async info(r: ErasureRequest): Promise<ErasureRequestInfo> {
    const rec = await this.em.findOne(PersonalRecord, { id: r.recordId }, { fields: ['referenceNumber'] });
    let retained: RetainedItem[] = r.retained ?? [];
    if (r.status === 'requested') {
      const family = await familyRecords(this.em, r.municipalityCode, r.recordId);
      const ids = family ? allIds(family) : [r.recordId];
      retained = (await eraseFamily(this.em, ids, retentionRules(r.municipalityCode), new Date(), true)).retained;
    }
    return {
      id: r.id,
      recordId: r.recordId,
      referenceNumber: rec?.referenceNumber ?? null,
      status: r.status as ErasureRequestStatus,
      requestedAt: r.requestedAt,
      decidedAt: r.decidedAt ?? null,
      decidedByName: r.decidedByName ?? null,
      reason: r.reason ?? null,
      retained: retained.map((x) => ({ table: x.table, rows: x.rows, years: x.years, until: x.until, basis: x.basis[this.locale] })),
    };
  }

  /** One audit entry with the family as actor (as api/line/link.ts writes for LINE links). */
  private familyAudit(who: FamilyWho, recordIds: string[], action: 'read' | 'write', operation: string): Promise<void> {
    return appendAudit(this.em, { kind: 'family', id: who.recordId, name: 'family', department: 'family' }, who.municipalityCode, recordIds, action, operation);
  }
}
