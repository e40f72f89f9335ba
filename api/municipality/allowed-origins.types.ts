import { Field, InputType, ObjectType } from 'type-graphql';
import { AllowedOriginChange } from './allowed-origin-change.entity';

@ObjectType({ simpleResolvers: true, description: 'The web origins whose pages may embed the widgets for this municipality and call the public API (admins).' })
export class AllowedOrigins {
  @Field(() => [String], { description: 'Origins this municipality allows, in the order they were added.' })
  origins!: string[];

  @Field(() => [String], { description: "Origins every municipality may use, set by the deployment's CORS_ORIGINS (read-only here)." })
  fromEnvironment!: string[];

  @Field(() => [AllowedOriginChange], { description: 'Who added or removed what, newest first (the latest 50).' })
  changes!: AllowedOriginChange[];
}

@InputType()
export class AllowedOriginInput {
  @Field(() => String, { description: 'scheme://host[:port], e.g. https://www.city.example.lg.jp — https, except http://localhost and http://127.0.0.1.' })
  origin!: string;
}
