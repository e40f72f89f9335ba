import { Embeddable, Enum, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { LocalDate } from '../../core';
import { MaritalStatus } from '../marital-status';

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

  /** 婚姻・事実婚 as the family answered (intake) or staff recorded; null = not asked yet (older records). */
  @Enum({ items: () => MaritalStatus, nullable: true })
  maritalStatus?: MaritalStatus | null;
}
