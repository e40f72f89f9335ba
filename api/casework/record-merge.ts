import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AccessGate } from '../access';
import type { AuditCollector } from '../audit';
import { apiError, badInput, isDepartmentCode, OWNER_DEPARTMENT, PARTNERS_CONSENT, Section, SECTIONS } from '../core';
import type { DepartmentCode } from '../core';
import { ConsentEvent, PersonalRecord, RecordService, searchNameOf } from '../record';
import { WRITE_ROLES } from './casework.service';
import { applyFields, planFields } from './merge-plan';
import { moveRows, type RowMove } from './merge-rows';
import type { MergePreview, MergeRecordsConfirmInput, MergeRecordsInput, MergeResultView } from './merge.types';
import { MergeSourceKind } from './merge.types';
import { PossibleDuplicates } from './possible-duplicates';

/** The name merges carry in the audit log's sections (on both records). */
export const MERGE_AUDIT = 'recordMerge';

const OWNER_ONLY = {
  ja: '個人票の統合（名寄せ）は、ひとり親支援担当課が行います。',
  en: 'Only the single-parent support division merges records.',
  'ja-easy': '票を 1つに するのは ひとり親の 係です。',
};
const DV_ONLY_OWNER = {
  ja: 'DV等支援措置中の個人票は、ひとり親支援担当課のほかは統合できません。',
  en: 'A record under DV protection can be merged by the single-parent support division only.',
  'ja-easy': 'DVの 支援中の 票は ひとり親の 係だけが 1つに できます。',
};
const NOT_A_PAIR = {
  ja: 'この2つの個人票は同一人物の候補ではないため統合できません（別人と判断済みの組も統合できません）。',
  en: 'These two records are not possible duplicates of each other (or were decided to be different people), so they cannot be merged.',
  'ja-easy': 'この 2つは 同じ 人の 候補では ないので 1つに できません。',
};
const CHANGED = {
  ja: 'プレビューの後にどちらかの個人票が更新されました。もう一度プレビューしてください。',
  en: 'One of the records changed after the preview. Preview again.',
  'ja-easy': 'とちゅうで 票が 変わりました。もう一度 見て ください。',
};

/** The sections of the record's own fields (child-row sections are planned by merge-rows.ts; consent separately). */
const FIELD_SECTIONS = SECTIONS.filter((s) => s !== Section.CONSENT && s !== Section.BENEFITS && s !== Section.CONSULTATIONS);

/**
 * Merging two records of the same family (名寄せ), by the owning department, previewed first. The record
 * that stays takes, field by field, what it lacks from the other (merge-plan.ts) for the sections the
 * viewer may read — the others it keeps as they are, and the merged-away record keeps its own. Rows about
 * the merged-away record move to the one that stays, or stay linked (merge-rows.ts); the merged-away
 * record becomes a tombstone pointing to the one that stays (its reference number still finds it). The
 * consent becomes what both records consent to; the history of both stays, with the withdrawals written.
 * Both records' audit trails stay under their ids, and the merge is a write on both.
 */
export class RecordMerge {
  constructor(
    private readonly em: EntityManager,
    private readonly gate: AccessGate,
    private readonly audit: AuditCollector,
  ) {}

  /** Both records (visible to the viewer), after the refusals: another department (DV-protected records say so), a pair that is no candidate. */
  private async pair(input: MergeRecordsInput, roles?: readonly (typeof WRITE_ROLES)[number][]): Promise<[PersonalRecord, PersonalRecord]> {
    const viewer = this.gate.staff(roles);
    const service = new RecordService(this.em, this.gate, this.audit);
    const survivor = await service.require(input.survivorId);
    const merged = input.mergedId === survivor.id ? null : await service.require(input.mergedId);
    if (viewer.department !== OWNER_DEPARTMENT) {
      if (this.gate.dvProtected(survivor) || (merged && this.gate.dvProtected(merged)))
        throw apiError('FORBIDDEN', DV_ONLY_OWNER, this.gate.locale, { reason: 'DV_PROTECTED' });
      throw apiError('FORBIDDEN', OWNER_ONLY, this.gate.locale, { reason: 'NOT_OWNER' });
    }
    if (!merged || !(await new PossibleDuplicates(this.em, this.gate, this.audit).mergeable(survivor.id, merged.id))) {
      throw badInput([{ field: 'input.mergedId', messages: NOT_A_PAIR }], this.gate.locale);
    }
    return [survivor, merged];
  }

  private readable(survivor: PersonalRecord, merged: PersonalRecord) {
    return (s: Section) => this.gate.canRead(survivor, s) && this.gate.canRead(merged, s);
  }

  private describe(survivor: PersonalRecord, merged: PersonalRecord, rows: RowMove[]): MergePreview {
    const readable = this.readable(survivor, merged);
    const shared = survivor.sharedWith.filter((d) => merged.sharedWith.includes(d));
    const withdrawn = [...new Set([...survivor.sharedWith, ...merged.sharedWith])].filter((d) => !shared.includes(d)).sort();
    return {
      survivorId: survivor.id,
      mergedId: merged.id,
      survivorReferenceNumber: survivor.referenceNumber,
      mergedReferenceNumber: merged.referenceNumber,
      survivorVersion: survivor.version,
      mergedVersion: merged.version,
      fields: planFields(survivor, merged, readable).map((f) => ({
        section: f.section,
        field: f.field,
        survivorValue: f.survivor,
        otherValue: f.other,
        result: f.result,
        source: f.source as MergeSourceKind,
      })),
      keptSections: [...FIELD_SECTIONS, Section.BENEFITS, Section.CONSULTATIONS].filter((s) => !readable(s)),
      rows: rows.map((r) => ({ ...r })),
      sharedWith: shared.filter(isDepartmentCode) as DepartmentCode[],
      shareWithPartners: shared.includes(PARTNERS_CONSENT),
      consentsWithdrawn: withdrawn,
    };
  }

  async preview(input: MergeRecordsInput): Promise<MergePreview> {
    const [survivor, merged] = await this.pair(input);
    const preview = this.describe(survivor, merged, await moveRows(this.em, merged.id, survivor.id, true));
    // Reading both records' sections for the preview is a read of each.
    const shown = new Set(preview.fields.map((f) => f.section));
    for (const section of shown) for (const id of [survivor.id, merged.id]) this.audit.note(id, survivor.municipality.code, 'read', section);
    return preview;
  }

  async merge(input: MergeRecordsConfirmInput): Promise<MergeResultView> {
    const viewer = this.gate.staff(WRITE_ROLES);
    const [s0, m0] = await this.pair(input, WRITE_ROLES);
    const readable = this.readable(s0, m0);
    const result = await this.em.transactional(async (tx) => {
      // Both rows locked, then their versions compared with the preview's: a change in between refuses the merge.
      const survivor = await tx.findOneOrFail(PersonalRecord, { id: s0.id, mergedIntoId: null }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      const merged = await tx.findOneOrFail(PersonalRecord, { id: m0.id, mergedIntoId: null }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      if (survivor.version !== input.survivorVersion || merged.version !== input.mergedVersion) throw apiError('CONFLICT', CHANGED, this.gate.locale);
      const now = new Date();

      const identityBefore = searchNameOf(survivor.identity);
      applyFields(survivor, merged, readable);
      if (searchNameOf(survivor.identity) !== identityBefore) survivor.searchName = searchNameOf(survivor.identity);

      // Consent: what both consent to. Every consent only one record gave is withdrawn on the survivor's history,
      // at the merge's instant (merged.mergedAt below): the usage figures tell these from a family's withdrawal by it.
      const shared = survivor.sharedWith.filter((d) => merged.sharedWith.includes(d));
      for (const target of new Set([...survivor.sharedWith, ...merged.sharedWith])) {
        if (shared.includes(target)) continue;
        tx.persist(
          tx.create(ConsentEvent, {
            municipality: survivor.municipality,
            record: survivor,
            target,
            granted: false,
            at: now,
            privacyNoticeVersion: survivor.privacyNoticeVersion ?? merged.privacyNoticeVersion ?? 'merge',
            recordedBy: viewer.staffId,
          }),
        );
      }
      survivor.sharedWith = [...shared].sort();
      await tx.flush();

      const rows = await moveRows(tx, merged.id, survivor.id, false);
      // Moved inbox items carry the number of the record they now belong to.
      await tx.execute(`update inbox_item set reference_number = ? where record_id = ? and reference_number = ?`, [
        survivor.referenceNumber,
        survivor.id,
        merged.referenceNumber,
      ]);
      // A case the merged-away record had in a department that has one on the survivor stays with it, closed.
      await tx.execute(
        `update case_file set status = 'closed', closed_reason = ?, version = version + 1, updated_at = ? where record_id = ? and status <> 'closed'`,
        [`名寄せにより ${survivor.referenceNumber} に統合`, now, merged.id],
      );
      // A notice still waiting for approval on the merged-away record (the survivor had its like, so it
      // stayed) is rejected: the family hears once, through the survivor (queued ones: outreach/sender.ts).
      await tx.execute(`update outreach_notice set approval = 'REJECTED', status_at = ? where record_id = ? and approval = 'PENDING'`, [now, merged.id]);
      // Records merged into the merged-away one earlier now point to the survivor (one hop for a look-up).
      await tx.execute(`update personal_record set merged_into_id = ? where merged_into_id = ?`, [survivor.id, merged.id]);
      merged.mergedIntoId = survivor.id;
      merged.mergedAt = now;
      await tx.flush();
      return { survivorId: survivor.id, survivorReferenceNumber: survivor.referenceNumber, mergedId: merged.id, rows };
    });
    this.audit.note(result.survivorId, viewer.municipalityCode, 'write', MERGE_AUDIT);
    this.audit.note(result.mergedId, viewer.municipalityCode, 'write', MERGE_AUDIT);
    return result;
  }
}
