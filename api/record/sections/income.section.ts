import { Embeddable, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';

/** Section `income`: integer yen, for one calendar income year. */
@ObjectType('IncomeSection', { simpleResolvers: true })
@Embeddable()
export class IncomeSection {
  @Field(() => Int, { nullable: true, description: 'The calendar year the figures are for.' })
  @Property({ type: 'integer', nullable: true })
  incomeYear?: number | null;

  @Field(() => Int, { nullable: true, description: '給与収入 (gross salary), yen per year.' })
  @Property({ type: 'integer', nullable: true })
  annualEmploymentIncome?: number | null;

  @Field(() => Int, { nullable: true, description: 'Other income (所得), yen per year.' })
  @Property({ type: 'integer', nullable: true })
  otherIncome?: number | null;

  @Field(() => Int, { nullable: true, description: '養育費 received, yen per year.' })
  @Property({ type: 'integer', nullable: true })
  childSupportReceivedYearly?: number | null;

  @Field(() => Int, { nullable: true, description: '扶養親族等の数, where it differs from the number of children; null = the children.' })
  @Property({ type: 'smallint', nullable: true })
  dependentsCount?: number | null;
}
