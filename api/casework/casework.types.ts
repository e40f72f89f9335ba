import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDate } from '../core';
import { InboxItemKind } from '../inbox';
import { DepartmentCode } from '../core';
import { PersonalRecord } from '../record';
import type { RecordView } from '../record';
import { CaseStatus, WorklistScope } from './case-status';

@ObjectType({ simpleResolvers: true, description: 'A staff member assigned to a case, or who took an item.' })
export class CaseStaff {
  @Field(() => ID, { description: 'The staff member’s id.' }) id!: string;
  @Field(() => String, { description: 'Name as shown to colleagues.' }) name!: string;
}

@ObjectType('CaseFile', { simpleResolvers: true, description: 'One department’s work on one record: assignee, status, next contact date.' })
export class CaseFileView {
  @Field(() => ID, { description: 'The record this case is about.' }) recordId!: string;
  @Field(() => DepartmentCode, { description: 'The department working the case.' }) department!: DepartmentCode;
  @Field(() => CaseStatus, { description: 'Where the case stands.' }) status!: CaseStatus;
  @Field(() => CaseStaff, { nullable: true, description: 'Who is assigned; null when nobody is.' }) assignee!: CaseStaff | null;
  @Field(() => LocalDate, { nullable: true, description: 'When to contact the family next (Japan time).' }) nextContactDate!: string | null;
  @Field(() => String, { nullable: true, description: 'Why the case was closed (CLOSED only).' }) closedReason!: string | null;
  @Field(() => Date, { description: 'Last change (UTC).' }) updatedAt!: Date;
  @Field(() => Int, { description: 'Increases with every change; pass it as expectedVersion to refuse overwriting a newer change.' }) version!: number;
}

@ObjectType({ simpleResolvers: true, description: 'A line of the worklist: an item waiting to be taken, or a case.' })
export class WorkItem {
  @Field(() => ID, { nullable: true, description: 'The inbox item, for `takeInboxItem` (new items only).' }) inboxItemId!: string | null;
  @Field(() => InboxItemKind, { nullable: true, description: 'What arrived (new items only).' }) kind!: InboxItemKind | null;
  @Field(() => String, { description: 'The number the family quotes.' }) referenceNumber!: string;
  @Field(() => Date, { nullable: true, description: 'When the item arrived (UTC; new items only).' }) receivedAt!: Date | null;
  @Field(() => Int, { nullable: true, description: 'Open days (開庁日) waited since it arrived, not counting the day it arrived (new items only).' })
  openDaysWaiting!: number | null;
  @Field(() => Boolean, { description: 'Waited longer than the municipality’s target (開庁日) for a first contact.' }) overTarget!: boolean;
  @Field(() => Boolean, { description: 'Marked urgent at arrival (shown first).' }) urgent!: boolean;
  @Field(() => CaseFileView, { nullable: true, description: 'Your department’s case for the record, if one exists.' }) case!: CaseFileView | null;
  @Field(() => PersonalRecord, { nullable: true, description: 'The 電子個人票, read under the usual access rules.' }) record!: RecordView | null;
}

@ObjectType({ simpleResolvers: true, description: 'How many items each part of the worklist holds (beyond the first page).' })
export class WorklistCounts {
  @Field(() => Int, { description: 'Items nobody has taken yet.' }) newItems!: number;
  @Field(() => Int, { description: 'Of those, items past the target in open days.' }) overTarget!: number;
  @Field(() => Int, { description: 'Open cases assigned (to you, or to anyone for DEPARTMENT).' }) assigned!: number;
  @Field(() => Int, { description: 'Open cases whose next contact date is today.' }) dueToday!: number;
  @Field(() => Int, { description: 'Open cases whose next contact date has passed.' }) overdue!: number;
}

@ObjectType({ simpleResolvers: true, description: 'A caseworker’s day: new items, own cases, follow-ups due today and overdue.' })
export class Worklist {
  @Field(() => WorklistScope, { description: 'Whose cases the lists hold.' }) scope!: WorklistScope;
  @Field(() => LocalDate, { description: 'Today in Japan, as the lists were computed.' }) today!: string;
  @Field(() => Int, { description: 'The municipality’s target for a first contact, in open days (開庁日).' }) targetOpenDays!: number;
  @Field(() => [WorkItem], { description: 'Items nobody has taken, urgent first, then the longest waiting.' }) newItems!: WorkItem[];
  @Field(() => [WorkItem], { description: 'Open cases assigned, the nearest next contact first.' }) assigned!: WorkItem[];
  @Field(() => [WorkItem], { description: 'Open cases to contact today.' }) dueToday!: WorkItem[];
  @Field(() => [WorkItem], { description: 'Open cases whose next contact date has passed, the oldest first.' }) overdue!: WorkItem[];
  @Field(() => WorklistCounts, { description: 'How many of each there are.' }) counts!: WorklistCounts;
}

@ObjectType({ simpleResolvers: true, description: 'The one-stop hand-over to a department the family consented to share with (owning department).' })
export class HandoverView {
  @Field(() => DepartmentCode, { description: 'The department told.' }) department!: DepartmentCode;
  @Field(() => Date, { description: 'When the family’s consent put the record in its inbox (UTC).' }) sharedAt!: Date;
  @Field(() => CaseStaff, { nullable: true, description: 'Who there has taken it up; null while nobody has.' }) takenBy!: CaseStaff | null;
  @Field(() => Date, { nullable: true, description: 'When it was taken up (UTC).' }) takenAt!: Date | null;
  @Field(() => CaseStatus, { nullable: true, description: 'Where that department’s case stands, if it has one.' }) caseStatus!: CaseStatus | null;
}
