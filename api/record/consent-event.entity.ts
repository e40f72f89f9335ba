import { Entity, Index, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { RecordRow } from './record-row';

/** One change of the family's consent to share with a department or with partners (append-only). */
@ObjectType({ simpleResolvers: true, description: 'A consent given or withdrawn, with time and privacy-notice version.' })
@Entity()
@Index({ properties: ['record', 'at'] })
@Index({ properties: ['municipality', 'at'] })
export class ConsentEvent extends RecordRow {
  @Field(() => String, { description: 'A department code, or `partners`.' })
  @Property({ type: 'string' })
  target!: string;

  @Field(() => Boolean)
  @Property({ type: 'boolean' })
  granted!: boolean;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  at: Date = new Date();

  @Field(() => String)
  @Property({ type: 'string' })
  privacyNoticeVersion!: string;

  /** Who recorded it: a staff member id, or null when the family gave it through the intake form. */
  @Property({ type: 'uuid', nullable: true })
  recordedBy?: string | null;
}
