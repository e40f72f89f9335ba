import { Entity, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { MunicipalityRow } from '../municipality';

/** 委託先・連携NPO: sees only records referred to it, only its policy column, only with consent. */
@ObjectType({ simpleResolvers: true, description: 'A partner NPO (委託先・連携NPO) of one municipality.' })
@Entity()
export class PartnerOrganization extends MunicipalityRow {
  @Field(() => String)
  @Property({ type: 'string' })
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Who to contact there and how (a person, a phone number, an address); shown to staff of the municipality.',
  })
  @Property({ type: 'text', nullable: true })
  contact?: string | null;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
