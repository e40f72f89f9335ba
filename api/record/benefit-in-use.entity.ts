import { Entity, Index, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { LocalDate } from '../core';
import { RecordRow } from './record-row';

/** A programme the family already uses (section `benefits`). */
@ObjectType({ simpleResolvers: true })
@Entity()
@Index({ properties: ['record'] })
export class BenefitInUse extends RecordRow {
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
