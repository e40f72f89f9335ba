import { Embeddable, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { LocalDate } from '../../core';

/** Section `selfReliancePlan`: the 母子・父子自立支援プログラム drawn up with the family. */
@ObjectType('SelfReliancePlan', { simpleResolvers: true })
@Embeddable()
export class SelfReliancePlan {
  @Field(() => String, { nullable: true, description: 'The goal in the family’s words.' })
  @Property({ type: 'text', nullable: true })
  goal?: string | null;

  @Field(() => String, { nullable: true, description: 'Agreed steps (training, job search, childcare…).' })
  @Property({ type: 'text', nullable: true })
  steps?: string | null;

  @Field(() => LocalDate, { nullable: true })
  @Property({ type: 'date', nullable: true })
  startedOn?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Date of the next review.' })
  @Property({ type: 'date', nullable: true })
  reviewOn?: string | null;
}
