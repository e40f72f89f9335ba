import { Field, InputType } from 'type-graphql';
import { ContactInput } from '../record';

/** A chatbot visitor asking a caseworker to contact them (相談員と話したい). */
@InputType({
  description: 'A request, from the chatbot, to be contacted by a caseworker. Creates a record owned by the single-parent division and an item in its inbox.',
})
export class ConsultationRequestInput {
  @Field(() => String, { description: 'Made by the widget once per request (a UUID); retries reuse it, so a request is stored once.' })
  idempotencyKey!: string;

  @Field(() => String, { description: '6-digit municipality code.' }) municipalityCode!: string;
  @Field(() => String, { nullable: true, description: 'The chatbot session the request comes from (urgent conversations are flagged).' }) chatSessionId?:
    string | null;
  @Field(() => String, { nullable: true, description: 'How the caseworker may address the person (at most 50 characters).' }) name?: string | null;
  @Field(() => ContactInput, { description: '`contactAllowed` must be true, with a phone number or an e-mail address.' }) contact!: ContactInput;
  @Field(() => String, { nullable: true, description: 'When to call, in the person’s words (at most 100 characters).' }) preferredTime?: string | null;
  @Field(() => String, { nullable: true, description: 'What they would like to talk about (at most 1000 characters).' }) message?: string | null;
  @Field(() => String, { description: 'The privacy notice version shown (intakeSettings.privacyNoticeVersion).' }) privacyNoticeVersion!: string;

  @Field(() => String, { nullable: true, description: 'Leave empty. (A field people do not see; forms that fill it are refused.)' })
  website?: string | null;
}
