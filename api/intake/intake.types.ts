import { Field, ObjectType } from 'type-graphql';
import { DepartmentCode } from '../core';

@ObjectType({ simpleResolvers: true, description: 'What the family keeps after submitting: the number to quote, and what happens next.' })
export class IntakeReceipt {
  @Field(() => String) referenceNumber!: string;
  @Field(() => Date) receivedAt!: Date;
  @Field(() => Boolean, { description: 'Whether the municipality may contact the family.' }) contactAllowed!: boolean;
  @Field(() => Boolean, { description: 'Address and contact are withheld from every department but the owner (DV).' }) dvProtected!: boolean;
  @Field(() => [String], { description: 'Plain sentences in the request locale.' }) nextSteps!: string[];
  @Field(() => String, {
    nullable: true,
    description:
      'A signed link (30 days) to receive notices on the municipality’s LINE official account; null when it has none, without consent to be contacted, and for a DV-protected family. Show it to the family only.',
  })
  lineLinkUrl?: string | null;
}

@ObjectType({ simpleResolvers: true })
export class IntakeDepartment {
  @Field(() => DepartmentCode) code!: DepartmentCode;
  @Field(() => String, { description: 'The department’s name (Japanese).' }) name!: string;
  @Field(() => String, { description: 'One plain line: why this department would see the record (request locale).' }) purpose!: string;
}

@ObjectType({ simpleResolvers: true, description: 'What the intake form needs to show before asking for consent.' })
export class IntakeSettings {
  @Field(() => String) municipalityCode!: string;
  @Field(() => String) municipalityName!: string;
  @Field(() => String) privacyNoticeVersion!: string;
  @Field(() => String, { description: 'The privacy notice in the request locale.' }) privacyNotice!: string;
  @Field(() => Date, {
    nullable: true,
    description:
      'When the municipality published this version (null: the text that came with Yorisoi). The form marks a notice published in the last 30 days as new.',
  })
  privacyNoticePublishedAt!: Date | null;
  @Field(() => [IntakeDepartment], { description: 'Departments the family may agree to share with (the owner always sees the record).' })
  departments!: IntakeDepartment[];
  @Field(() => String, { description: 'What sharing with partner NPOs means.' }) partnersPurpose!: string;
  @Field(() => String, { description: 'The declared purpose of receiving notices (push-type support), shown beside the opt-in question (request locale).' })
  outreachPurpose!: string;
  @Field(() => String, { description: 'Its version, recorded with each channel the family opts in to.' }) outreachPurposeVersion!: string;
}
