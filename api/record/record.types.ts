import { Field, ObjectType } from 'type-graphql';
import { DenialReason } from '../access';
import { Section } from '../core';
import { encodeCursor, PageInfo } from '../core';
import { LocalDate } from '../core';
import { DepartmentCode } from '../core';
import { Child } from './child.entity';
import type { ChildView } from './child-rows';
import type { RecordView } from './record.view';
import { PersonalRecord } from './personal-record.entity';
import { HouseholdMember } from './sections/household.section';
import { MaritalStatus } from './marital-status';

/** GraphQL shapes of sections that are assembled from several tables, and the record list. */

@ObjectType('HouseholdSection', { simpleResolvers: true })
export class HouseholdView {
  @Field(() => [Child]) children!: ChildView[];
  @Field(() => [HouseholdMember]) otherMembers!: HouseholdMember[];
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => MaritalStatus, { nullable: true, description: '婚姻・事実婚; null = not asked yet.' }) maritalStatus!: MaritalStatus | null;
}

@ObjectType('ProtectionStatus', { simpleResolvers: true, description: 'Section `protection`, with what is in force today.' })
export class ProtectionView {
  @Field(() => Boolean, { description: 'Address and contact are withheld from other departments (a DV concern, or the support measure in force).' })
  dvProtected!: boolean;
  @Field(() => Boolean, { description: 'The family named DV as a concern.' }) dvConcern!: boolean;
  @Field(() => Boolean, { description: 'DV support measure (DV等支援措置) set by the owning department.' }) supportMeasure!: boolean;
  @Field(() => LocalDate, { nullable: true }) since!: string | null;
  @Field(() => LocalDate, { nullable: true, description: 'When the measure expires unless renewed (yearly).' }) expiresOn!: string | null;
}

@ObjectType('ConsentSection', { simpleResolvers: true })
export class ConsentView {
  recordId!: string;
  @Field(() => [DepartmentCode], { description: 'Departments the family currently consents to share with.' }) sharedWith!: DepartmentCode[];
  @Field(() => Boolean, { description: 'Consent to share with partner NPOs the record is referred to.' }) shareWithPartners!: boolean;
  @Field(() => String, { nullable: true }) privacyNoticeVersion!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'Whether the viewer may read and write a section, and why not.' })
export class SectionAccessInfo {
  @Field(() => Section) section!: Section;
  @Field(() => Boolean) readable!: boolean;
  @Field(() => Boolean) writable!: boolean;
  @Field(() => DenialReason, { nullable: true }) reason!: DenialReason | null;
}

@ObjectType({ simpleResolvers: true })
export class PersonalRecordEdge {
  constructor(node: RecordView) {
    this.node = node;
  }

  /** Encoded when a client asks for it (most pages never read their edges' cursors). */
  @Field(() => String)
  get cursor(): string {
    return encodeCursor(this.node);
  }

  @Field(() => PersonalRecord) node: RecordView;
}

@ObjectType({ simpleResolvers: true })
export class PersonalRecordConnection {
  @Field(() => [PersonalRecordEdge]) edges!: PersonalRecordEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  /** Resolved on demand (one count statement) by the resolver. */
  countQuery!: () => Promise<number>;
}
