import { Embeddable, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { LocalDate } from '../../common/local-date.scalar';

@ObjectType('HouseholdMember', { simpleResolvers: true, description: 'A household member other than the parent and the children.' })
export class HouseholdMember {
  @Field(() => String, { description: 'e.g. 祖母 / grandmother' })
  relation!: string;

  @Field(() => LocalDate, { nullable: true })
  birthDate?: string | null;
}

/** The stored part of section `household`; children live in their own table (see child.entity.ts). */
@Embeddable()
export class HouseholdData {
  @Property({ type: 'json', nullable: true })
  otherMembers?: HouseholdMember[] | null;

  @Property({ type: 'text', nullable: true })
  note?: string | null;
}
