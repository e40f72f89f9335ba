import { Field, ID, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../core';
import { PersonalRecord } from '../record';
import type { RecordView } from '../record';
import { InboxItemKind, InboxStatus } from './inbox-item-kind';

@ObjectType({ simpleResolvers: true, description: 'The staff member who took an inbox item.' })
export class InboxTaker {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
}

/** An inbox item as read for staff; `record` is null when the viewer may not see the record. */
@ObjectType('InboxItem', { description: 'Something new for your department: an intake submission or a chat request to talk to a caseworker.' })
export class InboxItemView {
  @Field(() => ID) id!: string;
  @Field(() => InboxItemKind) kind!: InboxItemKind;
  @Field(() => Date) receivedAt!: Date;
  @Field(() => String, { description: 'The number the family quotes.' }) referenceNumber!: string;
  @Field(() => InboxStatus, { description: 'NEW or TAKEN.' }) status!: InboxStatus;
  @Field(() => Boolean, { description: 'The family mentioned violence or danger (DV at intake, or an urgent chat).' }) urgent!: boolean;
  @Field(() => Date, { nullable: true }) takenAt!: Date | null;
  @Field(() => InboxTaker, { nullable: true }) takenBy!: InboxTaker | null;
  @Field(() => PersonalRecord, { nullable: true, description: 'The 電子個人票, read under the usual access rules.' }) record!: RecordView | null;
  /** Read under the record's `concerns` rules (resolver); kept here for it. */
  preferredTimeText!: string | null;
}

@ObjectType({ simpleResolvers: true })
export class InboxEdge {
  @Field(() => String) cursor!: string;
  @Field(() => InboxItemView) node!: InboxItemView;
}

@ObjectType({ simpleResolvers: true })
export class InboxConnection {
  @Field(() => [InboxEdge]) edges!: InboxEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int, { description: 'Items with this status in your inbox.' }) totalCount!: number;
}
