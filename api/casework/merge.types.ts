import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DepartmentCode, Section } from '../core';

export enum MergeSourceKind {
  SURVIVOR = 'survivor',
  OTHER = 'other',
  COMBINED = 'combined',
  SAME = 'same',
  EMPTY = 'empty',
}
registerEnumType(MergeSourceKind, {
  name: 'MergeSource',
  description: 'Where a field of the merged record comes from.',
  valuesConfig: {
    SURVIVOR: { description: 'The record that stays (統合先).' },
    OTHER: { description: 'The record merged into it (統合元): the one that stays had nothing there.' },
    COMBINED: { description: 'Both joined (concerns), or the safer of both (contact allowed only if both allow it; a DV measure on either).' },
    SAME: { description: 'Both hold the same.' },
    EMPTY: { description: 'Neither holds anything.' },
  },
});

@ObjectType('MergeField', { simpleResolvers: true, description: 'One field of a merge preview: both records’ values and what the merged record will hold.' })
export class MergeFieldView {
  @Field(() => Section, { description: 'The section.' }) section!: Section;
  @Field(() => String, { description: 'The field, as named in PersonalRecord’s section.' }) field!: string;
  @Field(() => String, { nullable: true, description: 'The value on the record that stays.' }) survivorValue!: string | null;
  @Field(() => String, { nullable: true, description: 'The value on the record merged into it.' }) otherValue!: string | null;
  @Field(() => String, { nullable: true, description: 'What the merged record will hold.' }) result!: string | null;
  @Field(() => MergeSourceKind, { description: 'Where the result comes from.' }) source!: MergeSourceKind;
}

@ObjectType('MergeRows', {
  simpleResolvers: true,
  description: 'Rows of one table about the merged-away record: how many move to the record that stays, how many stay linked through the tombstone.',
})
export class MergeRowsView {
  @Field(() => String, { description: 'The table (consultation, consent_event, application, outreach_notice, inbox_item, case_file, child …).' })
  table!: string;
  @Field(() => Int, { description: 'Rows that move to the record that stays.' }) moved!: number;
  @Field(() => Int, {
    description:
      'Rows that stay with the merged-away record (the record that stays already has their like, e.g. a case of the same department); nothing is deleted.',
  })
  kept!: number;
}

@ObjectType('MergePreview', { simpleResolvers: true, description: 'What merging two records (名寄せ) will do, before it is done (owning department).' })
export class MergePreview {
  @Field(() => ID, { description: 'The record that stays (統合先).' }) survivorId!: string;
  @Field(() => ID, { description: 'The record merged into it; it stays as a tombstone pointing to the record that stays (統合元).' }) mergedId!: string;
  @Field(() => String, { description: 'The reference number of the record that stays.' }) survivorReferenceNumber!: string;
  @Field(() => String, { description: 'Still finds the record that stays after the merge.' }) mergedReferenceNumber!: string;
  @Field(() => Int, { description: 'Pass as survivorVersion to mergeRecords.' }) survivorVersion!: number;
  @Field(() => Int, { description: 'Pass as mergedVersion to mergeRecords.' }) mergedVersion!: number;
  @Field(() => [MergeFieldView], { description: 'Field by field, for the sections your department may read.' }) fields!: MergeFieldView[];
  @Field(() => [Section], {
    description: 'Sections your department may not read: not shown; the record that stays keeps its own, the merged-away record keeps its own.',
  })
  keptSections!: Section[];
  @Field(() => [MergeRowsView], { description: 'Consultations, consents, applications, notices, inbox items, cases…: moved or kept, per table.' })
  rows!: MergeRowsView[];
  @Field(() => [DepartmentCode], { description: 'Departments the merged record will be shared with: those both records consent to (the narrower consent).' })
  sharedWith!: DepartmentCode[];
  @Field(() => Boolean, { description: 'Shared with partners after the merge (only if both records consent).' }) shareWithPartners!: boolean;
  @Field(() => [String], { description: 'Consents only one record gave, withdrawn on the merged record (recorded in its consent history).' })
  consentsWithdrawn!: string[];
}

@InputType({ description: 'Two records that are the same family: which one stays.' })
export class MergeRecordsInput {
  @Field(() => ID, { description: 'The record that stays (統合先).' }) survivorId!: string;
  @Field(() => ID, { description: 'The record merged into it (統合元); one of the survivor’s possible duplicates.' }) mergedId!: string;
}

@InputType({ description: 'Merge two records as previewed.' })
export class MergeRecordsConfirmInput extends MergeRecordsInput {
  @Field(() => Int, { description: 'The survivor’s version in the preview; CONFLICT if either record changed since.' }) survivorVersion!: number;
  @Field(() => Int, { description: 'The merged-away record’s version in the preview.' }) mergedVersion!: number;
}

@ObjectType('MergeResult', { simpleResolvers: true, description: 'A merge done.' })
export class MergeResultView {
  @Field(() => ID, { description: 'The record that stays.' }) survivorId!: string;
  @Field(() => String, { description: 'The reference number of the record that stays.' }) survivorReferenceNumber!: string;
  @Field(() => ID, { description: 'The tombstone.' }) mergedId!: string;
  @Field(() => [MergeRowsView], { description: 'What moved and what stayed linked, per table.' }) rows!: MergeRowsView[];
}
