import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum HandoffKind {
  INTAKE = 'INTAKE',
  STAFF = 'STAFF',
}
registerEnumType(HandoffKind, { name: 'ChatHandoffKind', description: 'INTAKE: continue in the intake form. STAFF: talk to a consultant.' });

@ObjectType({ simpleResolvers: true })
export class ChatText {
  @Field(() => String) text!: string;
}

@ObjectType({ simpleResolvers: true, description: 'A button the visitor may tap instead of typing: send `value` as the next message.' })
export class ChatQuickReply {
  @Field(() => String) label!: string;
  @Field(() => String) value!: string;
}

@ObjectType({ simpleResolvers: true })
export class ChatProgramme {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'In the reply locale (やさしい日本語 may carry furigana 漢字{かんじ}).' }) name!: string;
}

@ObjectType({ simpleResolvers: true, description: 'Where the conversation should continue outside the chat.' })
export class ChatHandoff {
  @Field(() => HandoffKind) kind!: HandoffKind;
  @Field(() => String, { nullable: true, description: 'A page to open, when the municipality has one.' }) url?: string | null;
  @Field(() => String, { nullable: true, description: 'JSON the next step can be pre-filled with (INTAKE: household answers; STAFF: the session).' }) payload?: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'The chatbot’s answer to one message.' })
export class ChatReply {
  @Field(() => ID, { description: 'Send it with the next message to continue the conversation.' }) sessionId!: string;
  @Field(() => [ChatText]) messages!: ChatText[];
  @Field(() => [ChatQuickReply]) quickReplies!: ChatQuickReply[];
  @Field(() => [ChatProgramme], { description: 'Programmes the answer is about, best first.' }) relatedProgrammes!: ChatProgramme[];
  @Field(() => Boolean, { description: 'The message spoke of danger, violence or self-harm: the first message is the safety message.' }) urgent!: boolean;
  @Field(() => ChatHandoff, { nullable: true }) handoff?: ChatHandoff | null;
  @Field(() => Boolean, { description: 'The text was written by the municipality’s AI model from the knowledge-base entries linked in `quickReplies` (show it labelled as such); false for answers taken from the knowledge base as written.' }) generated!: boolean;
}

@ObjectType({ simpleResolvers: true })
export class ChatRatingCount {
  @Field(() => Int) score!: number;
  @Field(() => Int) count!: number;
}

@ObjectType({ simpleResolvers: true, description: 'How visitors rated the chatbot in a period.' })
export class ChatSatisfaction {
  @Field(() => Int, { description: 'Sessions started in the period.' }) sessions!: number;
  @Field(() => Int, { description: 'Of those, sessions rated.' }) rated!: number;
  @Field(() => Float, { nullable: true, description: 'Average rating (1–5); null when none.' }) average?: number | null;
  @Field(() => [ChatRatingCount], { description: 'Ratings 1 to 5, each with its count.' }) distribution!: ChatRatingCount[];
}
