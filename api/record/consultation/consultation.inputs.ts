import { Field, ID, InputType } from 'type-graphql';
import { LocalDate } from '../../core';
import { ConsultationChannel } from './consultation-channel';

@InputType()
export class AddConsultationInput {
  @Field(() => ID) recordId!: string;
  @Field(() => LocalDate) date!: string;
  @Field(() => ConsultationChannel) channel!: ConsultationChannel;
  @Field(() => String) summary!: string;
  @Field(() => String, { nullable: true }) followUp?: string | null;
  @Field(() => LocalDate, { nullable: true }) followUpDue?: string | null;
}
