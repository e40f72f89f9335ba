import { Field, ID, InputType, ObjectType } from 'type-graphql';

@ObjectType({ simpleResolvers: true })
export class Passkey {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => [String]) transports!: string[];
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true }) lastUsedAt!: Date | null;
}

@ObjectType({ simpleResolvers: true })
export class PasskeyChallengeOptions {
  @Field(() => String) ticket!: string;
  @Field(() => String) optionsJson!: string;
  @Field(() => Date) expiresAt!: Date;
}

@InputType()
export class FinishPasskeyRegistrationInput {
  @Field(() => String) ticket!: string;
  @Field(() => String) name!: string;
  @Field(() => String) responseJson!: string;
}

@InputType()
export class RenamePasskeyInput {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
}

@InputType()
export class BeginPasskeySignInInput {
  @Field(() => String) email!: string;
  @Field(() => String) password!: string;
}

@InputType()
export class FinishPasskeySignInInput {
  @Field(() => String) ticket!: string;
  @Field(() => String) responseJson!: string;
}

@ObjectType({ simpleResolvers: true })
export class PasskeySignIn {
  @Field(() => String) token!: string;
  @Field(() => Date) expiresAt!: Date;
}
