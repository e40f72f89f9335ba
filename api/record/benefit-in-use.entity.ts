import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, ObjectType } from 'type-graphql';
import { Municipality } from '../municipality';
import { PersonalRecord } from './personal-record.entity';
import { LocalDate } from '../core';

/** A programme the family already uses (section `benefits`). */
@ObjectType({ simpleResolvers: true })
@Entity()
@Index({ properties: ['record'] })
export class BenefitInUse {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Municipality, { fieldName: 'municipality_code' })
  municipality!: Municipality;

  @ManyToOne(() => PersonalRecord, { deleteRule: 'cascade' })
  record!: PersonalRecord;

  @Field(() => String, { description: 'Programme id as in the catalogue (`Query.programmes`), e.g. child-rearing-allowance.' })
  @Property({ type: 'string' })
  programmeId!: string;

  @Field(() => LocalDate, { nullable: true })
  @Property({ type: 'date', nullable: true })
  since?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  note?: string | null;
}
