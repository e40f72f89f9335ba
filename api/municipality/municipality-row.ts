import { ManyToOne, PrimaryKey } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, ObjectType } from 'type-graphql';
import { Municipality } from './municipality.entity';

/**
 * The head most tables share: a random uuid key and the municipality the row belongs to (rule 5: every
 * query is scoped by it), in column `municipality_code`. A base class only — no table of its own; each
 * entity that extends it gets the two columns exactly as it declared them before (the migration check in
 * test/schema/migrations.test.ts shows no schema change). Entities that are GraphQL types expose `id`;
 * `municipality` is never exposed.
 */
@ObjectType() // registered so that the GraphQL types extending it inherit its fields; it is not in the schema itself
export abstract class MunicipalityRow {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Municipality, { fieldName: 'municipality_code' })
  municipality!: Municipality;
}
