import { Embeddable, Enum, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { ContactChannel } from '../contact-channel';

/** Section `contact`: withheld from everyone but the owner when the record is DV-protected. */
@ObjectType('ContactSection', { simpleResolvers: true })
@Embeddable()
export class ContactSection {
  @Field(() => String, { nullable: true, description: 'Normalised, e.g. 090-1234-5678.' })
  @Property({ type: 'string', nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true })
  email?: string | null;

  @Field(() => ContactChannel, { nullable: true })
  @Enum({ items: () => ContactChannel, nullable: true })
  preferredChannel?: ContactChannel | null;

  @Field(() => Boolean, { description: 'Whether the municipality may contact the family.' })
  @Property({ type: 'boolean', default: false })
  contactAllowed: boolean = false;

  // Safe contact (DV): a call at the wrong time, a voicemail or an SMS that someone else hears or reads
  // can put the family in danger. Shown to whoever may read the contact section, beside the number.
  @Field(() => String, { nullable: true, description: 'When it is safe to call or write (the family’s words, e.g. 平日10〜15時).' })
  @Property({ type: 'text', nullable: true })
  safeTimes?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether leaving a voicemail is safe; null = not asked (do not leave one).' })
  @Property({ type: 'boolean', nullable: true })
  voicemailSafe?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether an SMS is safe; null = not asked (do not send one).' })
  @Property({ type: 'boolean', nullable: true })
  smsSafe?: boolean | null;
  /** Keyed hash of the phone number for exact-match search (api/crypto/search-hash.ts); not in the API. */
  @Property({ type: 'string', length: 64, nullable: true })
  phoneHash?: string | null;

  /** Keyed hash of the e-mail address for exact-match search; not in the API. */
  @Property({ type: 'string', length: 64, nullable: true })
  emailHash?: string | null;
}
