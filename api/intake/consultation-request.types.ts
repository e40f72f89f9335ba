import { Field, ObjectType } from 'type-graphql';

/** What a person is told after asking a caseworker to get in touch. */
@ObjectType({ simpleResolvers: true })
export class ConsultationRequestReceipt {
  @Field(() => String, { description: 'The number the family can quote.' }) referenceNumber!: string;
  @Field(() => Date) receivedAt!: Date;
  @Field(() => [String], { description: 'Plain sentences in the request locale.' }) nextSteps!: string[];
}
