import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'One message to the chatbot (public).' })
export class ChatInput {
  @Field(() => ID, { nullable: true, description: 'The session to continue; null to start one.' }) sessionId?: string | null;
  @Field(() => String, { description: 'What the visitor typed, or the value of a quick reply (at most 500 characters).' }) message!: string;
  @Field(() => String, { nullable: true, description: 'ja, en or ja-easy; default: the session’s, else Accept-Language.' }) locale?: string | null;
  @Field(() => String, { nullable: true, description: '6-digit municipality code of the page the chat is on (used when a session starts).' })
  municipalityCode?: string | null;
}
