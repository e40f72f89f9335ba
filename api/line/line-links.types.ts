import { Field, InputType, ObjectType } from 'type-graphql';
import { PageInfo } from '../core';
import { PersonalRecord, type RecordView } from '../record';

@ObjectType({ simpleResolvers: true, description: "A family's LINE account linked to their 電子個人票 (never the LINE user id)." })
export class LineLinkedRecord {
  @Field(() => PersonalRecord, { description: 'The 電子個人票, read under the usual access rules.' })
  record!: RecordView;

  @Field(() => Date, { description: 'When the family linked the account (UTC).' })
  linkedAt!: Date;

  @Field(() => Boolean, { description: 'The family opted in to notices on LINE.' })
  notices!: boolean;

  @Field(() => Boolean, { description: 'The family blocked the official account: nothing is sent until they add it again.' })
  blocked!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'One linked account in a page.' })
export class LineLinkedRecordEdge {
  @Field(() => String, { description: 'Opaque cursor of this edge.' })
  cursor!: string;

  @Field(() => LineLinkedRecord, { description: 'The link.' })
  node!: LineLinkedRecord;
}

@ObjectType({ simpleResolvers: true, description: 'Records with a linked LINE account, newest link first.' })
export class LineLinkedRecordConnection {
  @Field(() => [LineLinkedRecordEdge], { description: 'This page.' })
  edges!: LineLinkedRecordEdge[];

  @Field(() => PageInfo, { description: 'Paging.' })
  pageInfo!: PageInfo;
}

@InputType({ description: "Remove a family's LINE link from their record." })
export class UnlinkLineInput {
  @Field(() => String, { description: 'The 電子個人票.' })
  recordId!: string;
}

@ObjectType({ simpleResolvers: true, description: 'What unlinkLine did.' })
export class UnlinkLinePayload {
  @Field(() => String, { description: 'The 電子個人票.' })
  recordId!: string;

  @Field(() => Boolean, { description: 'True when a link was removed; false when there was none.' })
  unlinked!: boolean;
}
