import { Field, ID, InputType } from 'type-graphql';
import { AddressInput, ConcernsInput, ConsentInput, ContactInput, HouseholdSectionInput, IdentityInput, IncomeInput } from '../record';
import { OutreachChannel } from '../outreach';

/** What the intake form sends: the record's sections as the family filled them in. */
@InputType({ description: 'An intake form submission. Every section is optional except consent.' })
export class IntakeInput {
  @Field(() => String, { description: 'Made by the widget once per submission (a UUID); retries reuse it, so a submission is stored once.' })
  idempotencyKey!: string;

  @Field(() => String, { description: '6-digit municipality code.' }) municipalityCode!: string;
  @Field(() => IdentityInput, { nullable: true }) identity?: IdentityInput | null;
  @Field(() => AddressInput, { nullable: true, description: 'The street is kept only when the family asks to be contacted.' }) address?: AddressInput | null;
  @Field(() => ContactInput, { nullable: true }) contact?: ContactInput | null;
  @Field(() => HouseholdSectionInput, { nullable: true }) household?: HouseholdSectionInput | null;
  @Field(() => IncomeInput, { nullable: true }) income?: IncomeInput | null;
  @Field(() => [ID], { nullable: true, description: 'Programme ids already used.' }) benefitsInUse?: string[] | null;
  @Field(() => ConcernsInput, { nullable: true }) concerns?: ConcernsInput | null;
  @Field(() => ConsentInput, { description: 'Departments the family agrees to share with (nothing pre-ticked), and the notice version shown.' })
  consent!: ConsentInput;

  @Field(() => [OutreachChannel], { nullable: true, description: 'Channels the family wants notices on (nothing pre-ticked); kept only with contactAllowed.' })
  outreachChannels?: OutreachChannel[] | null;

  @Field(() => String, { nullable: true, description: 'Leave empty. (A field people do not see; forms that fill it are refused.)' })
  website?: string | null;
}
