import { Field, ID, InputType, Int } from 'type-graphql';
import { ReferralStatus } from './referral-status';

@InputType()
export class IssuePartnerTokenInput {
  @Field(() => ID) partnerId!: string;
  @Field(() => String, { description: 'What the token is for, e.g. "case system".' }) label!: string;
  @Field(() => Int, { defaultValue: 90, description: 'Days until it expires (1–365).' }) validDays!: number;
}

@InputType()
export class ReferRecordInput {
  @Field(() => ID) recordId!: string;
  @Field(() => ID) partnerId!: string;
  @Field(() => String) reason!: string;
}

@InputType()
export class UpdateReferralInput {
  @Field(() => ID) referralId!: string;
  @Field(() => ReferralStatus) status!: ReferralStatus;
  @Field(() => String, { description: 'Why (required when closing).' }) reason!: string;
}
