import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { RecordRow } from '../record';
import { PartnerOrganization } from './partner-organization.entity';
import { ReferralStatus } from './referral-status';

/** The owning department refers a record to a partner NPO. */
@ObjectType({ simpleResolvers: true, description: 'A referral of a record to a partner NPO.' })
@Entity()
@Index({ properties: ['partner', 'status'] })
@Index({ properties: ['municipality', 'createdAt'] })
@Index({ properties: ['municipality', 'updatedAt'] })
export class Referral extends RecordRow {
  @Field(() => PartnerOrganization)
  @ManyToOne(() => PartnerOrganization)
  partner!: PartnerOrganization;

  @Field(() => ReferralStatus)
  @Enum({ items: () => ReferralStatus })
  status: ReferralStatus = ReferralStatus.REQUESTED;

  @Field(() => String, { description: 'Why the record is referred, or why the referral was closed.' })
  @Property({ type: 'text' })
  reason!: string;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Field(() => Date)
  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
