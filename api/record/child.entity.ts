import { Entity, Index, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { LocalDate } from '../core';
import { RecordRow } from './record-row';

/** A child in the household (part of section `household`). */
@ObjectType({ simpleResolvers: true })
@Entity()
@Index({ properties: ['record', 'position'] })
export class Child extends RecordRow {
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
