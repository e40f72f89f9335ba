import { Embeddable, Enum, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { ContactChannel } from '../contact-channel';

/** Section `contact`: withheld from everyone but the owner when the record is DV-protected. */
@ObjectType('ContactSection', { simpleResolvers: true })
@Embeddable()
export class ContactSection {
  @Field(() => String, { nullable: true, description: 'Normalised, e.g. 090-1234-5678.' }) @Property({ type: 'string', nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true }) @Property({ type: 'string', nullable: true })
  email?: string | null;

  @Field(() => ContactChannel, { nullable: true }) @Enum({ items: () => ContactChannel, nullable: true })
  preferredChannel?: ContactChannel | null;

  @Field(() => Boolean, { description: 'Whether the municipality may contact the family.' }) @Property({ type: 'boolean', default: false })
  contactAllowed: boolean = false;

  /** Keyed hash of the phone number for exact-match search (api/crypto/search-hash.ts); not in the API. */
  @Property({ type: 'string', length: 64, nullable: true })
  phoneHash?: string | null;

  /** Keyed hash of the e-mail address for exact-match search; not in the API. */
  @Property({ type: 'string', length: 64, nullable: true })
  emailHash?: string | null;
}
