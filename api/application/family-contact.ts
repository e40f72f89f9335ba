/**
 * The family's own say over being contacted (issue 17, "its consents and notice channels — which the
 * family can change or withdraw itself, audited, effective at once"): whether the municipality may
 * contact it at all (the record's contact section), and per channel whether it wants notices
 * (push-type support's consent history, api/outreach). Every change is a row of that history with the
 * time and "family-page" as how it was given — the audit of a family's own choice; withdrawing contact
 * withdraws every channel too. Senders read both at send time, so a change takes effect at once.
 * Nothing but yes/no is shown: the addresses stay in the record, where staff keep them.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { Field, InputType, ObjectType } from 'type-graphql';
import { badInput } from '../core';
import type { Locale } from '../core';
import { ConsentMethod, optedInChannels, OUTREACH_CHANNELS, OUTREACH_PURPOSE_VERSION, OutreachChannel, recordConsent } from '../outreach';
import { PersonalRecord } from '../record';
import type { FamilyIdentity } from './family-auth';

@ObjectType({ simpleResolvers: true, description: 'One notice channel as the family sees it.' })
export class FamilyChannel {
  @Field(() => OutreachChannel, { description: 'EMAIL, SMS or PHONE (a call from a caseworker).' }) channel!: OutreachChannel;
  @Field(() => Boolean, { description: 'The record has an address for it (an e-mail address, or a phone number for SMS and calls).' }) available!: boolean;
  @Field(() => Boolean, { description: 'The family wants notices of support (プッシュ型支援) this way.' }) granted!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'Whether and how the family may be contacted; the family changes it itself.' })
export class FamilyContact {
  @Field(() => Boolean, { description: 'The municipality may contact the family (also for updates on its applications).' }) contactAllowed!: boolean;
  @Field(() => [FamilyChannel], { description: 'Notices of support, per channel.' }) channels!: FamilyChannel[];
}

@InputType({ description: 'A channel the family wants notices on, or not.' })
export class FamilyChannelInput {
  @Field(() => OutreachChannel, { description: 'The channel.' }) channel!: OutreachChannel;
  @Field(() => Boolean, { description: 'Wanted (true) or withdrawn (false).' }) granted!: boolean;
}

@InputType({ description: 'The family’s choice about being contacted.' })
export class UpdateFamilyContactInput {
  @Field(() => String, { description: 'The session from signInFamily.' }) session!: string;
  @Field(() => Boolean, { description: 'Whether the municipality may contact the family at all; false withdraws every channel too.' }) contactAllowed!: boolean;
  @Field(() => [FamilyChannelInput], { description: 'Channels to change (at most one entry per channel); others stay.' }) channels!: FamilyChannelInput[];
}

const NO_ADDRESS = {
  ja: 'この方法の連絡先が登録されていません。窓口で登録してください。',
  en: 'There is no address for this channel on your record; ask the office to add it.',
  'ja-easy': 'この ほうほうの れんらくさきが ありません。まどぐちで つたえて ください。',
};
const TWICE = { ja: '同じ方法が2回指定されています。', en: 'The same channel is given twice.', 'ja-easy': 'おなじ ものが 2かい あります。' };

export class FamilyContacts {
  constructor(
    private readonly em: EntityManager,
    private readonly who: FamilyIdentity,
    private readonly locale: Locale,
  ) {}

  private available(r: PersonalRecord, channel: OutreachChannel): boolean {
    // LINE needs no address here: notices go there only once the family links its account (the
    // receipt's button), as with the intake form's choice; the sender checks the link at send time.
    if (channel === OutreachChannel.LINE) return true;
    return channel === OutreachChannel.EMAIL ? !!r.contact.email : !!r.contact.phone;
  }

  async view(): Promise<FamilyContact> {
    const r = await this.em.findOneOrFail(PersonalRecord, { id: this.who.recordId });
    const opted = await optedInChannels(this.em, r.id);
    return {
      contactAllowed: r.contact.contactAllowed,
      channels: OUTREACH_CHANNELS.map((channel) => ({
        channel,
        available: this.available(r, channel),
        granted: r.contact.contactAllowed && opted.has(channel),
      })),
    };
  }

  async update(contactAllowed: boolean, channels: readonly FamilyChannelInput[]): Promise<FamilyContact> {
    const r = await this.em.findOneOrFail(PersonalRecord, { id: this.who.recordId });
    const problems = channels.flatMap((c, i) => {
      if (channels.findIndex((x) => x.channel === c.channel) !== i) return [{ field: `input.channels.${i}.channel`, messages: TWICE }];
      return c.granted && contactAllowed && !this.available(r, c.channel) ? [{ field: `input.channels.${i}.channel`, messages: NO_ADDRESS }] : [];
    });
    if (problems.length) throw badInput(problems, this.locale);
    const opted = await optedInChannels(this.em, r.id);
    // Withdrawing contact withdraws every channel; otherwise only what changed is written.
    const wanted = new Map(OUTREACH_CHANNELS.map((c) => [c, contactAllowed ? (channels.find((x) => x.channel === c)?.granted ?? opted.has(c)) : false]));
    const changes = [...wanted]
      .filter(([c, granted]) => granted !== opted.has(c))
      .map(([channel, granted]) => ({ channel, granted, method: ConsentMethod.FAMILY_PAGE, recordedBy: null, purposeVersion: OUTREACH_PURPOSE_VERSION }));
    // Contact off is written first, so a sender in between never finds contact allowed with channels withdrawn half-way.
    if (r.contact.contactAllowed !== contactAllowed) {
      r.contact.contactAllowed = contactAllowed;
      await this.em.flush();
    }
    await recordConsent(this.em, this.who.municipalityCode, r.id, changes);
    this.em.clear();
    return this.view();
  }
}
