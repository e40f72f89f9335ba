import { Embeddable, Property } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../../core';

export enum ProtectionSource {
  /** The family named DV as a concern (at intake or later). */
  DV_CONCERN = 'dv-concern',
  /** The owning department set the DV support measure (DV等支援措置); renewed yearly. */
  SUPPORT_MEASURE = 'support-measure',
}
registerEnumType(ProtectionSource, { name: 'ProtectionSource' });

/** Section `protection`: the DV support measure set by the owning department. */
@ObjectType('ProtectionSection', { simpleResolvers: true })
@Embeddable()
export class ProtectionSection {
  @Field(() => Boolean, { description: 'DV support measure (DV等支援措置) in force.' })
  @Property({ type: 'boolean', default: false })
  supportMeasure: boolean = false;

  @Field(() => LocalDate, { nullable: true, description: 'When the measure was set.' })
  @Property({ type: 'date', nullable: true })
  since?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'When the measure expires unless renewed (yearly).' })
  @Property({ type: 'date', nullable: true })
  expiresOn?: string | null;
}
