import { Embeddable, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';

/** Section `address`: withheld from everyone but the owner when the record is DV-protected. */
@ObjectType('AddressSection', { simpleResolvers: true })
@Embeddable()
export class AddressSection {
  @Field(() => String, { nullable: true, description: '123-4567' })
  @Property({ type: 'string', nullable: true })
  postalCode?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true })
  prefecture?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true })
  city?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true })
  street?: string | null;
}
