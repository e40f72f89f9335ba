import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, ObjectType } from 'type-graphql';
import { Municipality } from '../municipality';

/** 委託先・連携NPO: sees only records referred to it, only its policy column, only with consent. */
@ObjectType({ simpleResolvers: true, description: 'A partner NPO (委託先・連携NPO) of one municipality.' })
@Entity()
export class PartnerOrganization {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Municipality, { fieldName: 'municipality_code' })
  municipality!: Municipality;

  @Field(() => String)
  @Property({ type: 'string' })
  name!: string;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
