import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';

/** What an admin did to a municipality's allowed origins. Values are stored; keep them stable. */
export enum AllowedOriginAction {
  ADDED = 'added',
  REMOVED = 'removed',
}
registerEnumType(AllowedOriginAction, { name: 'AllowedOriginAction', description: 'ADDED or REMOVED from the allowed origins.' });

/**
 * The audit trail of a municipality's allowed origins: who added or removed which origin, when.
 * Written in the transaction that makes the change; the database refuses UPDATE, DELETE and TRUNCATE
 * (migration AllowedOriginChanges), so the trail cannot be rewritten through the application.
 */
@ObjectType({ simpleResolvers: true, description: 'One change of the allowed origins (admins).' })
@Entity()
@Index({ properties: ['municipalityCode', 'id'] })
export class AllowedOriginChange {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'string', length: 6 })
  municipalityCode!: string;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  at: Date = new Date();

  @Field(() => AllowedOriginAction)
  @Enum({ items: () => AllowedOriginAction, type: 'string' })
  action!: AllowedOriginAction;

  @Field(() => String, { description: 'The origin, normalised (scheme://host[:port]).' })
  @Property({ type: 'text' })
  origin!: string;

  @Property({ type: 'uuid' })
  actorId!: string;

  @Field(() => String, { description: 'The admin who made the change.' })
  @Property({ type: 'string' })
  actorName!: string;
}
