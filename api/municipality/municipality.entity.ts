import { Entity, type Opt, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';

/** A municipality (or the NPO running Yorisoi for it), keyed by its 全国地方公共団体コード. */
@ObjectType({ simpleResolvers: true, description: 'A municipality, keyed by its 6-digit 全国地方公共団体コード.' })
@Entity()
export class Municipality {
  [PrimaryKeyProp]?: 'code';

  @Field(() => String, { description: '全国地方公共団体コード (6 digits).' })
  @PrimaryKey({ type: 'string', length: 6 })
  code!: string;

  @Field(() => String)
  @Property({ type: 'string' })
  name!: string;

  /** Web origins of the municipality's CMS pages that may call the public widget API. */
  @Property({ type: 'text[]', default: '{}' })
  allowedOrigins: string[] = [];

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  /** Staff sign in with a second factor (TOTP); on for every new municipality, off for the demo (api/accounts). */
  @Property({ type: 'boolean', default: true })
  requireTwoFactor = true;

  /** Open days (開庁日) a new item may wait before the worklist shows it over target; the receipt's promise (an admin sets it). */
  @Property({ type: 'smallint', default: 3 })
  // Opt: the default stands unless an admin changes it, so creating a municipality need not name it.
  contactTargetOpenDays: Opt<number> = 3;

  /** The privacy notice in force, as its admin published it (privacy_notice_version); null: seeds/intake's file. */
  @Property({ type: 'jsonb', nullable: true })
  privacyNotice?: PublishedPrivacyNotice | null = null;
}

/** A privacy notice as published: its version, the text in three languages, and when. */
export interface PublishedPrivacyNotice {
  version: string;
  text: { ja: string; en: string; 'ja-easy': string };
  publishedAt: string;
}
