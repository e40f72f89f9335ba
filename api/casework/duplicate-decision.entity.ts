import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';
import { MunicipalityRow } from '../municipality';
import { PersonalRecord } from '../record';
import { StaffMember } from '../staff';

/** What the owning department decided about two records that look like the same family. Values are stored; keep them stable. */
export enum DuplicateDecisionKind {
  SAME_PERSON = 'same-person',
  DIFFERENT = 'different',
}
registerEnumType(DuplicateDecisionKind, {
  name: 'DuplicateDecision',
  description: 'SAME_PERSON 同一人物として紐づけ · DIFFERENT 別人（候補から外す）.',
  valuesConfig: {
    SAME_PERSON: { description: 'The same family: linked (sections are not merged).' },
    DIFFERENT: { description: 'Different people: no longer a candidate to decide.' },
  },
});

/**
 * A decision on a pair of records that looked alike (possible-duplicates.ts finds the pairs on demand;
 * only the decision is stored). The pair is kept in one order (record_a < record_b) so it has one row.
 * A same-person link is the 名寄せ this version offers: both records and their consents and audit
 * trails stay as they are, and each shows the other as the same family (no merge of sections).
 */
@Entity()
@Unique({ properties: ['municipality', 'recordA', 'recordB'] })
@Index({ properties: ['recordB'] })
export class DuplicateDecision extends MunicipalityRow {
  @ManyToOne(() => PersonalRecord, { deleteRule: 'cascade' })
  recordA!: PersonalRecord;

  @ManyToOne(() => PersonalRecord, { deleteRule: 'cascade' })
  recordB!: PersonalRecord;

  @Enum({ items: () => DuplicateDecisionKind })
  decision!: DuplicateDecisionKind;

  @ManyToOne(() => StaffMember, { nullable: true, deleteRule: 'set null' })
  decidedBy?: StaffMember | null;

  @Property({ type: 'timestamptz' })
  decidedAt: Date = new Date();
}
