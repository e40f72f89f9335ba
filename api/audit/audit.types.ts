import { Field, ObjectType } from 'type-graphql';

@ObjectType('AuditEntry', { simpleResolvers: true, description: 'One read or write of personal sections (append-only, hash-chained).' })
export class AuditEntryView {
  @Field(() => Date) at!: Date;
  @Field(() => String, { description: 'Department code, or `partner:<name>`.' }) actorDepartment!: string;
  @Field(() => String) actorName!: string;
  @Field(() => String, { description: '`read` or `write`.' }) action!: string;
  @Field(() => [String]) sections!: string[];
  @Field(() => String, { nullable: true, description: 'The GraphQL operation name the client sent.' }) operationName!: string | null;
}
