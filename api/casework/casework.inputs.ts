import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDate } from '../core';
import { CaseStatus } from './case-status';

/** A field left out stays as it is; `null` clears the assignee or the next contact date. */
@InputType({ description: 'Change your department’s case for a record. Left-out fields stay as they are.' })
export class UpdateCaseInput {
  @Field(() => ID, { description: 'The record.' }) recordId!: string;
  @Field(() => Int, { nullable: true, description: 'The case’s version when read; CONFLICT if someone changed it since.' }) expectedVersion?: number | null;
  @Field(() => ID, { nullable: true, description: 'A staff member of your department who may write (null: nobody).' }) assigneeId?: string | null;
  @Field(() => CaseStatus, { nullable: true, description: 'The new status; CLOSED needs closedReason.' }) status?: CaseStatus | null;
  @Field(() => String, { nullable: true, description: 'Why the case is closed (up to 500 characters).' }) closedReason?: string | null;
  @Field(() => LocalDate, { nullable: true, description: 'Next contact date, today or within a year (null: none).' }) nextContactDate?: string | null;
}
