import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, ObjectType } from 'type-graphql';
import { Municipality } from '../municipality';
import { PersonalRecord } from './personal-record.entity';
import { LocalDate } from '../core';

/** A child in the household (part of section `household`). */
@ObjectType({ simpleResolvers: true })
@Entity()
@Index({ properties: ['record', 'position'] })
export class Child {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Municipality, { fieldName: 'municipality_code' })
  municipality!: Municipality;

  @ManyToOne(() => PersonalRecord, { deleteRule: 'cascade' })
  record!: PersonalRecord;

  /** Order in the household as entered (eldest first by convention). */
  @Property({ type: 'smallint' })
  position!: number;

  @Field(() => String, { nullable: true, description: 'Given name (optional).' })
  @Property({ type: 'string', nullable: true })
  givenName?: string | null;

  @Field(() => LocalDate)
  @Property({ type: 'date' })
  birthDate!: string;

  @Field(() => Boolean, { description: 'Has a disability (障害) relevant to allowances.' })
  @Property({ type: 'boolean', default: false })
  disability: boolean = false;
}
