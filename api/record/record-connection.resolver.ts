import { FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { PersonalRecordConnection } from './record.types';

@Resolver(() => PersonalRecordConnection)
export class RecordConnectionResolver {
  @FieldResolver(() => Int, { description: 'How many records match the filter (only records visible to you).' })
  totalCount(@Root() connection: PersonalRecordConnection): Promise<number> {
    return connection.countQuery();
  }
}
