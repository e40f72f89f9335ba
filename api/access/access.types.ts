import { Field, ObjectType } from 'type-graphql';
import { Section } from '../core';

@ObjectType({ simpleResolvers: true, description: 'One cell of the access policy: what a department (or `partner`) may do with a section.' })
export class PolicyGrant {
  @Field(() => Section) section!: Section;
  @Field(() => String, { description: 'A department code, or `partner`.' }) role!: string;
  @Field(() => Boolean) read!: boolean;
  @Field(() => Boolean) write!: boolean;
}
