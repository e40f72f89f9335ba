import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { PolicyGrant } from '../access';
import { Section } from '../core';

@ObjectType({ simpleResolvers: true })
export class AccessPolicyName {
  @Field(() => String) key!: string;
  @Field(() => String) name!: string;
}

@ObjectType({ simpleResolvers: true })
export class AccessPolicyView {
  @Field(() => Int) version!: number;
  @Field(() => String) source!: string;
  @Field(() => String) yaml!: string;
  @Field(() => [PolicyGrant]) grants!: PolicyGrant[];
  @Field(() => [AccessPolicyName]) roles!: AccessPolicyName[];
  @Field(() => [AccessPolicyName]) sections!: AccessPolicyName[];
  @Field(() => [String]) rules!: string[];
  @Field(() => Date, { nullable: true }) updatedAt!: Date | null;
  @Field(() => String, { nullable: true }) updatedBy!: string | null;
}

@ObjectType({ simpleResolvers: true })
export class AccessPolicyProblem {
  @Field(() => String) key!: string;
  @Field(() => String) message!: string;
}

@ObjectType({ simpleResolvers: true })
export class AccessPolicyChange {
  @Field(() => String) path!: string;
  @Field(() => String, { nullable: true }) role!: string | null;
  @Field(() => Section, { nullable: true }) section!: Section | null;
  @Field(() => String) before!: string;
  @Field(() => String) after!: string;
  @Field(() => Boolean) widens!: boolean;
}

@ObjectType({ simpleResolvers: true })
export class AccessPolicyResult {
  @Field(() => Boolean) applied!: boolean;
  @Field(() => [AccessPolicyChange]) changes!: AccessPolicyChange[];
  @Field(() => AccessPolicyView) policy!: AccessPolicyView;
}

@InputType()
export class ResetAccessPolicyInput {
  @Field(() => String) municipalityCode!: string;
  @Field(() => Int) version!: number;
  @Field(() => Boolean, { defaultValue: false }) apply!: boolean;
}

@InputType()
export class AccessPolicyInput {
  @Field(() => String) municipalityCode!: string;
  @Field(() => Int) version!: number;
  @Field(() => String) yaml!: string;
  @Field(() => Boolean, { defaultValue: false }) apply!: boolean;
}
