import { Embeddable, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { LocalDate } from '../../core';

/** Section `identity`: name, name in kana, birth date. */
@ObjectType('IdentitySection', { simpleResolvers: true })
@Embeddable()
export class IdentitySection {
  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true })
  familyName?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true })
  givenName?: string | null;

  @Field(() => String, { nullable: true, description: 'Family name in katakana.' })
  @Property({ type: 'string', nullable: true })
  familyNameKana?: string | null;

  @Field(() => String, { nullable: true, description: 'Given name in katakana.' })
  @Property({ type: 'string', nullable: true })
  givenNameKana?: string | null;

  @Field(() => LocalDate, { nullable: true })
  @Property({ type: 'date', nullable: true })
  birthDate?: string | null;
}
