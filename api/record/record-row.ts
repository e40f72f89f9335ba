import { ManyToOne } from '@mikro-orm/core';
import { ObjectType } from 'type-graphql';
import { MunicipalityRow } from '../municipality';
import { PersonalRecord } from './personal-record.entity';

/**
 * A row about one family: the shared head (uuid key, municipality) plus the 電子個人票 it belongs to,
 * deleted with it (`on delete cascade`: erasing a record erases its rows). A base class only; the
 * columns are the ones each entity declared itself before.
 */
@ObjectType() // registered so that the GraphQL types extending it inherit its fields; it is not in the schema itself
export abstract class RecordRow extends MunicipalityRow {
  @ManyToOne(() => PersonalRecord, { deleteRule: 'cascade' })
  record!: PersonalRecord;
}
