import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum ErasureRequestStatus {
  REQUESTED = 'requested',
  ERASED = 'erased',
  REJECTED = 'rejected',
}
registerEnumType(ErasureRequestStatus, { name: 'ErasureRequestStatus' });

@ObjectType({ simpleResolvers: true })
export class RetainedItemInfo {
  @Field(() => String) table!: string;
  @Field(() => Int) rows!: number;
  @Field(() => Int, { nullable: true }) years!: number | null;
  @Field(() => String, { nullable: true }) until!: string | null;
  @Field(() => String) basis!: string;
}

@ObjectType({ simpleResolvers: true })
export class ErasureRequestInfo {
  @Field(() => ID) id!: string;
  @Field(() => ID) recordId!: string;
  @Field(() => String, { nullable: true }) referenceNumber!: string | null;
  @Field(() => ErasureRequestStatus) status!: ErasureRequestStatus;
  @Field(() => Date) requestedAt!: Date;
  @Field(() => Date, { nullable: true }) decidedAt!: Date | null;
  @Field(() => String, { nullable: true }) decidedByName!: string | null;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => [RetainedItemInfo]) retained!: RetainedItemInfo[];
}

@ObjectType({ simpleResolvers: true })
export class DataDisclosure {
  @Field(() => Date) generatedAt!: Date;
  @Field(() => String) json!: string;
  @Field(() => String) summary!: string;
  @Field(() => String) html!: string;
  @Field(() => ErasureRequestInfo, { nullable: true }) erasureRequest!: ErasureRequestInfo | null;
}

@InputType()
export class FamilyErasureInput {
  @Field(() => String) session!: string;
}

@InputType()
export class DecideErasureRequestInput {
  @Field(() => ID) id!: string;
  @Field(() => Boolean) approve!: boolean;
  @Field(() => String, { nullable: true }) reason?: string | null;
}
