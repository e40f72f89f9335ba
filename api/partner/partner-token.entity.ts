import { Entity, ManyToOne, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { MunicipalityRow } from '../municipality';
import { PartnerOrganization } from './partner-organization.entity';

/** An API token of a partner. Only its SHA-256 is stored; the token itself is shown once. */
@ObjectType({ simpleResolvers: true, description: 'A partner API token (the secret itself is shown only once, when issued).' })
@Entity()
export class PartnerToken extends MunicipalityRow {
  @ManyToOne(() => PartnerOrganization)
  partner!: PartnerOrganization;

  @Property({ type: 'string', unique: true, hidden: true })
  tokenHash!: string;

  @Field(() => String)
  @Property({ type: 'string' })
  label!: string;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date | null;
}
