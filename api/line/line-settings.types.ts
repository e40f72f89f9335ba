import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';

export enum LineSettingsSource {
  NONE = 'NONE',
  ENVIRONMENT = 'ENVIRONMENT',
  CONSOLE = 'CONSOLE',
}
registerEnumType(LineSettingsSource, {
  name: 'LineSettingsSource',
  description: 'Where the channel in force comes from.',
  valuesConfig: {
    NONE: { description: 'No LINE channel: the webhook answers 404 and nothing is sent on LINE.' },
    ENVIRONMENT: { description: "The deployment's LINE_<code>_… variables alone." },
    CONSOLE: { description: 'Settings an admin entered here (over the environment, field by field).' },
  },
});

export enum LineConnectionProblem {
  NOT_CONFIGURED = 'NOT_CONFIGURED',
  PLATFORM_UNREACHABLE = 'PLATFORM_UNREACHABLE',
  ACCESS_TOKEN_REFUSED = 'ACCESS_TOKEN_REFUSED',
  PLATFORM_ERROR = 'PLATFORM_ERROR',
  WEBHOOK_SIGNATURE_REFUSED = 'WEBHOOK_SIGNATURE_REFUSED',
  WEBHOOK_FAILED = 'WEBHOOK_FAILED',
}
registerEnumType(LineConnectionProblem, {
  name: 'LineConnectionProblem',
  description: 'Why a connection test failed.',
  valuesConfig: {
    NOT_CONFIGURED: { description: 'There is no channel secret and access token to test.' },
    PLATFORM_UNREACHABLE: { description: 'The LINE platform did not answer.' },
    ACCESS_TOKEN_REFUSED: { description: 'LINE refused the channel access token (401): issue a new one in LINE Developers.' },
    PLATFORM_ERROR: { description: 'LINE answered with another error.' },
    WEBHOOK_SIGNATURE_REFUSED: {
      description: "LINE's test call reached the webhook, which refused its signature: the channel secret does not match the channel's.",
    },
    WEBHOOK_FAILED: {
      description:
        "LINE's test call did not reach the webhook, or it did not answer 200: check the webhook URL and that this server is reachable from the internet.",
    },
  },
});

@ObjectType({ simpleResolvers: true, description: 'The last connection test of a LINE channel.' })
export class LineConnectionTest {
  @Field(() => Date, { description: 'When it ran (UTC).' })
  at!: Date;

  @Field(() => Boolean, { description: 'True when LINE accepted the access token and its test call to the webhook was answered 200.' })
  ok!: boolean;

  @Field(() => LineConnectionProblem, { nullable: true, description: 'Why it failed; null when ok.' })
  problem!: LineConnectionProblem | null;

  @Field(() => String, { nullable: true, description: "The official account's display name as LINE reported it." })
  botName!: string | null;
}

@ObjectType({
  simpleResolvers: true,
  description:
    "A municipality's LINE official account as Yorisoi uses it (admins). The channel secret and the access token are write-only: only whether they are set is shown.",
})
export class LineChannelSettings {
  @Field(() => String, { description: 'The municipality (6-digit code).' })
  municipalityCode!: string;

  @Field(() => LineSettingsSource, { description: 'Where the channel in force comes from.' })
  source!: LineSettingsSource;

  @Field(() => Boolean, { description: "True when a channel is in force: the webhook accepts LINE's calls and the bot answers." })
  connected!: boolean;

  @Field(() => String, { nullable: true, description: 'The Messaging API channel ID (LINE Developers, Basic settings).' })
  channelId!: string | null;

  @Field(() => Boolean, { description: 'Whether a channel secret is set (here or in the environment). The secret itself is never shown.' })
  channelSecretSet!: boolean;

  @Field(() => Boolean, { description: 'Whether a channel access token is set (here or in the environment). The token itself is never shown.' })
  accessTokenSet!: boolean;

  @Field(() => String, { nullable: true, description: "The account's basic ID (@…), for the link page's button." })
  basicId!: string | null;

  @Field(() => String, { description: 'The webhook URL to paste into LINE Developers (Messaging API → Webhook settings).' })
  webhookUrl!: string;

  @Field(() => Date, { nullable: true, description: 'When an admin last changed the settings here (UTC).' })
  updatedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Who last changed the settings here.' })
  updatedByName!: string | null;

  @Field(() => LineConnectionTest, { nullable: true, description: 'The last connection test, if any.' })
  lastTest!: LineConnectionTest | null;
}

@InputType({ description: 'Changes to the LINE channel settings. A field left out (or null) keeps its value; an empty channelId or basicId clears it.' })
export class LineSettingsInput {
  @Field(() => String, { nullable: true, description: 'The channel ID: 10 digits.' })
  channelId?: string | null;

  @Field(() => String, { nullable: true, description: 'The channel secret: 32 hexadecimal characters. Write-only.' })
  channelSecret?: string | null;

  @Field(() => String, { nullable: true, description: 'A long-lived channel access token. Write-only.' })
  accessToken?: string | null;

  @Field(() => String, { nullable: true, description: "The account's basic ID, e.g. @123abcde." })
  basicId?: string | null;
}
