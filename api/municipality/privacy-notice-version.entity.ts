import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * One published version of a municipality's privacy notice (プライバシーに関するお知らせ): the text the
 * families were shown, in three languages, who published it and when. Consents name the version they
 * were given under (consent_event.privacy_notice_version), so a version is never changed or removed: the
 * database refuses UPDATE, DELETE and TRUNCATE (migration Administration). The newest is in force
 * (copied onto Municipality.privacyNotice in the same transaction).
 */
@Entity()
@Unique({ properties: ['municipalityCode', 'version'] })
@Index({ properties: ['municipalityCode', 'id'] })
export class PrivacyNoticeVersion {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'string', length: 6 })
  municipalityCode!: string;

  @Property({ type: 'string', length: 50 })
  version!: string;

  @Property({ type: 'jsonb' })
  text!: { ja: string; en: string; 'ja-easy': string };

  @Property({ type: 'timestamptz' })
  publishedAt: Date = new Date();

  @Property({ type: 'uuid' })
  actorId!: string;

  @Property({ type: 'string' })
  actorName!: string;
}
