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
  @Field(() => String, { nullable: true, description: 'JSON the next step can be pre-filled with (INTAKE: household answers; STAFF: the session).' }) payload?:
    string | null;
}

export enum ChatDangerCategory {
  SUICIDE_SELF_HARM = 'suicide-self-harm',
  CHILD_HARM_BY_OTHERS = 'child-harm-by-others',
  FEAR_OF_HARMING_OWN_CHILD = 'fear-of-harming-own-child',
  NO_SAFE_PLACE_TONIGHT = 'no-safe-place-tonight',
  SEXUAL_VIOLENCE = 'sexual-violence',
  STALKING = 'stalking',
  CONTROL = 'control',
  DV = 'dv',
  GENERAL = 'general',
}
registerEnumType(ChatDangerCategory, {
  name: 'ChatDangerCategory',
  description: 'What kind of danger an urgent message spoke of; it decides which numbers come first.',
  valuesConfig: {
    SUICIDE_SELF_HARM: { description: 'Thoughts of suicide or self-harm.' },
    CHILD_HARM_BY_OTHERS: { description: 'Someone is hurting a child.' },
    FEAR_OF_HARMING_OWN_CHILD: { description: 'A parent afraid of hurting their own child.' },
    NO_SAFE_PLACE_TONIGHT: { description: 'Nowhere safe to sleep tonight.' },
    SEXUAL_VIOLENCE: { description: 'Sexual violence.' },
    STALKING: { description: 'Stalking, being followed or threatened.' },
    CONTROL: { description: 'Coercive control: kept in, money or phone taken.' },
    DV: { description: 'Violence from a partner or former partner.' },
    GENERAL: { description: 'A cry for help with nothing more said.' },
  },
});

@ObjectType({ simpleResolvers: true, description: 'A telephone number of the safety box, shown as a tap-to-call link.' })
export class ChatHotline {
  @Field(() => String, { description: 'Who answers, in the reply locale (やさしい日本語 may carry furigana 漢字{かんじ}).' }) name!: string;
  @Field(() => String, { description: 'The number as printed, e.g. 0120-279-889 or #8008.' }) number!: string;
  @Field(() => String, { description: 'The number for a `tel:` link (# written %23), e.g. 0120279889 or %238008.' }) dial!: string;
}

@ObjectType({ simpleResolvers: true, description: 'The chatbot’s answer to one message.' })
export class ChatReply {
  @Field(() => ID, { description: 'Send it with the next message to continue the conversation.' }) sessionId!: string;
  @Field(() => [ChatText]) messages!: ChatText[];
  @Field(() => [ChatQuickReply]) quickReplies!: ChatQuickReply[];
  @Field(() => [ChatProgramme], { description: 'Programmes the answer is about, best first.' }) relatedProgrammes!: ChatProgramme[];
  @Field(() => Boolean, { description: 'The message spoke of danger, violence or self-harm: the first message is the safety message.' }) urgent!: boolean;
  @Field(() => ChatDangerCategory, { nullable: true, description: 'For an urgent reply, the kind of danger; null otherwise.' })
  dangerCategory?: ChatDangerCategory | null;
  @Field(() => [ChatHotline], {
    description:
      'For an urgent reply, the numbers to show (the one to call first first: 189 when a child is being hurt, the suicide hotline for thoughts of suicide, 110 when the danger is immediate); empty otherwise.',
  })
  hotlines!: ChatHotline[];
  @Field(() => ChatHandoff, { nullable: true }) handoff?: ChatHandoff | null;
  @Field(() => Boolean, {
    description:
      'The text was written by the municipality’s AI model from the knowledge-base entries linked in `quickReplies` (show it labelled as such); false for answers taken from the knowledge base as written.',
  })
  generated!: boolean;
  @Field(() => String, {
    description:
      'The language the reply is written in: `ja`, `en` or `ja-easy`. Usually the requested `locale`; `en` when the message was written in English. Mark the reply with it (HTML `lang`), so a screen reader reads it right after the person switches language.',
  })
  locale!: string;
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
