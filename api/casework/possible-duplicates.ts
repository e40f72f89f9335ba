import type { EntityManager } from '@mikro-orm/postgresql';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import type { AccessGate } from '../access';
import type { AuditCollector } from '../audit';
import { apiError, badInput, OWNER_DEPARTMENT } from '../core';
import { rawQuery } from '../db';
import { PersonalRecord, RecordService } from '../record';
import type { RecordView } from '../record';
import { WRITE_ROLES } from './casework.service';
import { DuplicateDecisionKind } from './duplicate-decision.entity';

/** The name duplicate decisions carry in the audit log's sections (a link between records, not a section). */
export const DUPLICATE_AUDIT = 'duplicateLink';

@ObjectType('DuplicateCandidate', {
  simpleResolvers: true,
  description: 'Another record that looks like the same family (same birth date and the same name, kana or phone).',
})
export class DuplicateCandidateView {
  @Field(() => ID, { description: 'The other record.' }) recordId!: string;
  @Field(() => String, { description: 'Its reference number.' }) referenceNumber!: string;
  @Field(() => [String], { description: 'What matched: birthDate, nameKana, name, phone.' }) reasons!: string[];
  @Field(() => DuplicateDecisionKind, { nullable: true, description: 'What the owning department decided; null while undecided.' })
  decision!: DuplicateDecisionKind | null;
  @Field(() => String, { nullable: true, description: 'Who decided.' }) decidedBy!: string | null;
  @Field(() => Date, { nullable: true, description: 'When it was decided.' }) decidedAt!: Date | null;
  @Field(() => PersonalRecord, { nullable: true, description: 'The other record, read under the usual access rules.' }) record!: RecordView | null;
}

@InputType({ description: 'Link two records as the same family, or dismiss the pair as different people.' })
export class DecideDuplicateInput {
  @Field(() => ID, { description: 'The record.' }) recordId!: string;
  @Field(() => ID, { description: 'The record it looks like (one of possibleDuplicates).' }) otherRecordId!: string;
  @Field(() => DuplicateDecisionKind, { description: 'SAME_PERSON or DIFFERENT.' }) decision!: DuplicateDecisionKind;
}

interface PairRow {
  id: string;
  reference_number: string;
  same_kana: boolean;
  same_name: boolean;
  same_phone: boolean;
  decision: DuplicateDecisionKind | null;
  decided_at: Date | string | null;
  decided_by: string | null;
}

const OWNER_ONLY = {
  ja: '同一人物の確認（名寄せ）は、ひとり親支援担当課が行います。',
  en: 'Only the single-parent support division checks possible duplicates.',
  'ja-easy': '同じ 人か どうかは ひとり親の 係が 決めます。',
};
const NOT_A_CANDIDATE = {
  ja: 'この2つの個人票は同一人物の候補ではありません。',
  en: 'These two records are not possible duplicates of each other.',
  'ja-easy': 'この 2つは 同じ 人の 候補では ありません。',
};

/**
 * Possible duplicates (名寄せ): records of the same municipality with the same birth date and the same
 * name, kana (normalised: search_name) or phone (its keyed hash), found on demand so a record created
 * by intake, chat or staff is checked as soon as it exists. Only the owning department — which sees every
 * record — looks and decides; another department would learn of records it may not see.
 */
export class PossibleDuplicates {
  constructor(
    private readonly em: EntityManager,
    private readonly gate: AccessGate,
    private readonly audit: AuditCollector,
  ) {}

  private owner(roles?: readonly (typeof WRITE_ROLES)[number][]) {
    const v = this.gate.staff(roles);
    if (v.department !== OWNER_DEPARTMENT) throw apiError('FORBIDDEN', OWNER_ONLY, this.gate.locale);
    return v;
  }

  private pairs(recordId: string, otherId: string | null): Promise<PairRow[]> {
    return rawQuery<PairRow>(
      this.em,
      `select o.id, o.reference_number,
              (split_part(o.search_name, '|', 2) <> '' and split_part(o.search_name, '|', 2) = split_part(r.search_name, '|', 2)) as same_kana,
              (split_part(o.search_name, '|', 1) <> '' and split_part(o.search_name, '|', 1) = split_part(r.search_name, '|', 1)) as same_name,
              (o.contact_phone_hash is not null and o.contact_phone_hash = r.contact_phone_hash) as same_phone,
              d.decision, d.decided_at, s.name as decided_by
         from personal_record r
         join personal_record o on o.municipality_code = r.municipality_code and o.id <> r.id and o.identity_birth_date = r.identity_birth_date and o.merged_into_id is null
         left join duplicate_decision d on d.municipality_code = r.municipality_code and d.record_a_id = least(r.id, o.id) and d.record_b_id = greatest(r.id, o.id)
         left join staff_member s on s.id = d.decided_by_id
        where r.id = ? and r.municipality_code = ?${otherId ? ' and o.id = ?' : ''}
          and ((split_part(o.search_name, '|', 2) <> '' and split_part(o.search_name, '|', 2) = split_part(r.search_name, '|', 2))
            or (split_part(o.search_name, '|', 1) <> '' and split_part(o.search_name, '|', 1) = split_part(r.search_name, '|', 1))
            or (o.contact_phone_hash is not null and o.contact_phone_hash = r.contact_phone_hash))
        order by o.created_at, o.id limit 20`,
      otherId ? [recordId, this.gate.staff().municipalityCode, otherId] : [recordId, this.gate.staff().municipalityCode],
    );
  }

  private async views(rows: PairRow[]): Promise<DuplicateCandidateView[]> {
    const records = await new RecordService(this.em, this.gate, this.audit).getMany(rows.map((r) => r.id));
    return rows.map((r) => ({
      recordId: r.id,
      referenceNumber: r.reference_number,
      reasons: ['birthDate', ...(r.same_kana ? ['nameKana'] : []), ...(r.same_name ? ['name'] : []), ...(r.same_phone ? ['phone'] : [])],
      decision: r.decision ?? null,
      decidedBy: r.decided_by ?? null,
      decidedAt: r.decided_at ? new Date(r.decided_at) : null,
      record: records.get(r.id) ?? null,
    }));
  }

  /** Whether two records may be merged: a possible pair, not decided to be different people. */
  async mergeable(recordId: string, otherId: string): Promise<boolean> {
    const [row] = await this.pairs(recordId, otherId);
    return !!row && row.decision !== DuplicateDecisionKind.DIFFERENT;
  }

  async of(recordId: string): Promise<DuplicateCandidateView[]> {
    this.owner();
    const record = await new RecordService(this.em, this.gate, this.audit).require(recordId);
    return this.views(await this.pairs(record.id, null));
  }

  /** Records the decision on the pair (a later decision replaces an earlier one) and audits it on both records. */
  async decide(input: DecideDuplicateInput): Promise<DuplicateCandidateView[]> {
    const v = this.owner(WRITE_ROLES);
    const service = new RecordService(this.em, this.gate, this.audit);
    const record = await service.require(input.recordId);
    const other = input.otherRecordId === record.id ? null : await service.require(input.otherRecordId).catch(() => null);
    if (!other || (await this.pairs(record.id, other.id)).length === 0)
      throw badInput([{ field: 'input.otherRecordId', messages: NOT_A_CANDIDATE }], this.gate.locale);
    const [a, b] = record.id < other.id ? [record.id, other.id] : [other.id, record.id];
    await rawQuery(
      this.em,
      `insert into duplicate_decision (id, municipality_code, record_a_id, record_b_id, decision, decided_by_id, decided_at) values (gen_random_uuid(), ?, ?, ?, ?, ?, now())
       on conflict (municipality_code, record_a_id, record_b_id) do update set decision = excluded.decision, decided_by_id = excluded.decided_by_id, decided_at = excluded.decided_at`,
      [v.municipalityCode, a, b, input.decision, v.staffId],
    );
    this.audit.note(record.id, v.municipalityCode, 'write', DUPLICATE_AUDIT);
    this.audit.note(other.id, v.municipalityCode, 'write', DUPLICATE_AUDIT);
    return this.views(await this.pairs(record.id, null));
  }
}
