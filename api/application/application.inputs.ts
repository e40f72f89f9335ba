import { Field, ID, InputType, Int } from 'type-graphql';
import { ApplicationStatus } from './application-status';

@InputType({ description: 'One answer; every answer is sent as a string (numbers too), as typed.' })
export class AnswerInput {
  @Field(() => String, { description: 'The question id.' }) question!: string;
  @Field(() => String, { nullable: true, description: 'The answer; null or empty clears it.' }) value?: string | null;
}

@InputType({ description: 'Ask for a sign-in code and link, sent to the contact on the record.' })
export class FamilySignInRequestInput {
  @Field(() => String, { description: '全国地方公共団体コード (6 digits).' }) municipalityCode!: string;
  @Field(() => String, { description: 'The reference number of the intake receipt.' }) referenceNumber!: string;
  @Field(() => String, { description: 'The phone number or e-mail address the family registered; the code goes there.' }) contact!: string;
  @Field(() => String, { nullable: true, description: 'The page to open from the link (an allowed origin of the municipality).' }) returnUrl?: string | null;
}

@InputType({ description: 'Sign in with the code or the link token sent, or with the intake receipt.' })
export class FamilySignInInput {
  @Field(() => String, { description: '全国地方公共団体コード (6 digits).' }) municipalityCode!: string;
  @Field(() => String, { nullable: true, description: 'The reference number (with a code or a submission key).' }) referenceNumber?: string | null;
  @Field(() => String, { nullable: true, description: 'The 6-digit code sent.' }) code?: string | null;
  @Field(() => String, { nullable: true, description: 'The token of the link sent.' }) link?: string | null;
  @Field(() => String, { nullable: true, description: 'The intake widget’s submission key (idempotencyKey), within a day of the intake.' }) submissionKey?:
    string | null;
}

@InputType({ description: 'The intake receipt asks for a hand-off to the family page (the same proof as signing in from the receipt).' })
export class FamilyHandoffIssueInput {
  @Field(() => String, { description: '全国地方公共団体コード (6 digits).' }) municipalityCode!: string;
  @Field(() => String, { description: 'The reference number of the intake receipt.' }) referenceNumber!: string;
  @Field(() => String, { description: 'The intake widget’s submission key (idempotencyKey), within a day of the intake.' }) submissionKey!: string;
}

@InputType({ description: 'The family page spends a hand-off from the intake receipt: the sign-in code goes to the contact the intake gave.' })
export class FamilyHandoffSignInInput {
  @Field(() => String, { description: '全国地方公共団体コード (6 digits).' }) municipalityCode!: string;
  @Field(() => String, { description: 'The token of issueFamilyHandoff (used once, within 15 minutes).' }) handoff!: string;
  @Field(() => String, { nullable: true, description: 'The page to open from the link in the code’s message (an allowed origin of the municipality).' })
  returnUrl?: string | null;
}

@InputType({ description: 'A family session.' })
export class FamilySessionInput {
  @Field(() => String, { description: 'The session from signInFamily.' }) session!: string;
}

@InputType({ description: 'Start (or resume) an application for a procedure.' })
export class StartApplicationInput {
  @Field(() => String, { description: 'The session from signInFamily.' }) session!: string;
  @Field(() => String, { description: 'The procedure id.' }) procedureId!: string;
}

@InputType({ description: 'Save answers of a draft (or of an application waiting for more information).' })
export class SaveApplicationInput {
  @Field(() => String, { description: 'The session from signInFamily.' }) session!: string;
  @Field(() => ID, { description: 'The application id.' }) id!: string;
  @Field(() => Int, { description: 'The version last read.' }) version!: number;
  @Field(() => [AnswerInput], { description: 'Answers to set (at most 60); others stay as they are.' }) answers!: AnswerInput[];
}

@InputType({ description: 'Submit an application (again, after more information was asked for).' })
export class SubmitApplicationInput {
  @Field(() => String, { description: 'The session from signInFamily.' }) session!: string;
  @Field(() => ID, { description: 'The application id.' }) id!: string;
  @Field(() => Int, { description: 'The version last read.' }) version!: number;
  @Field(() => String, { nullable: true, description: 'A reply to the staff’s request (at most 1,000 characters).' }) message?: string | null;
}

@InputType({ description: 'Withdraw an application that is not decided yet.' })
export class WithdrawApplicationInput {
  @Field(() => String, { description: 'The session from signInFamily.' }) session!: string;
  @Field(() => ID, { description: 'The application id.' }) id!: string;
}

@InputType({ description: 'A staff decision or request on an application.' })
export class ApplicationDecisionInput {
  @Field(() => ID, { description: 'The application id.' }) id!: string;
  @Field(() => Int, { description: 'The version last read.' }) version!: number;
  @Field(() => ApplicationStatus, { description: 'IN_REVIEW, INFO_REQUESTED, ACCEPTED or NOT_ACCEPTED.' }) status!: ApplicationStatus;
  @Field(() => String, { nullable: true, description: 'Required for INFO_REQUESTED (what is needed) and NOT_ACCEPTED (the reason); at most 1,000 characters.' })
  message?: string | null;
}
