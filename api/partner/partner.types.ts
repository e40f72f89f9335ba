import { Field, ObjectType } from 'type-graphql';
import { PartnerToken } from './partner-token.entity';

@ObjectType({ simpleResolvers: true, description: 'A new partner token. `secret` is shown this once and never stored.' })
export class IssuedPartnerToken {
  @Field(() => String) secret!: string;
  @Field(() => PartnerToken) token!: PartnerToken;
}
