import { Embeddable, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { ConcernCategory } from '../concern-category';

/** Section `concerns`: categories and a free note. A `dv` category makes the record DV-protected. */
@ObjectType('ConcernsSection', { simpleResolvers: true })
@Embeddable()
export class ConcernsSection {
  @Field(() => [ConcernCategory])
  @Property({ type: 'text[]', default: '{}' })
  categories: ConcernCategory[] = [];

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  note?: string | null;
}
