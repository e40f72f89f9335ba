import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { DepartmentCode } from '../core';

@InputType()
export class DepartmentNameInput {
  @Field(() => DepartmentCode) department!: DepartmentCode;
  @Field(() => String, { description: 'The local name, e.g. 子ども家庭課 (1 to 50 characters).' }) name!: string;
}

@InputType()
export class UpdatePartnerOrganizationInput {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true, description: 'A new name (left out: unchanged).' }) name?: string | null;
  @Field(() => String, { nullable: true, description: 'Who to contact there and how (at most 500 characters; empty clears it; left out: unchanged).' })
  contact?: string | null;
}

@ObjectType({ simpleResolvers: true })
export class PrivacyNoticeText {
  @Field(() => String) version!: string;
  @Field(() => String) ja!: string;
  @Field(() => String) en!: string;
  @Field(() => String) jaEasy!: string;
  @Field(() => Date, { nullable: true, description: 'When an admin published it; null for the text of the seed file.' }) publishedAt!: Date | null;
  @Field(() => String, { nullable: true }) publishedBy!: string | null;
}

@ObjectType({ simpleResolvers: true })
export class PrivacyNotices {
  @Field(() => PrivacyNoticeText, { description: 'The notice in force (the intake form and the chatbot show it).' }) current!: PrivacyNoticeText;
  @Field(() => [PrivacyNoticeText], { description: 'Every version published here, newest first.' }) versions!: PrivacyNoticeText[];
}

@InputType()
export class PublishPrivacyNoticeInput {
  @Field(() => String, { description: 'A new version name, e.g. 2027-04 (letters, digits, . _ -; at most 50; never used before here).' }) version!: string;
  @Field(() => String) ja!: string;
  @Field(() => String) en!: string;
  @Field(() => String) jaEasy!: string;
}
