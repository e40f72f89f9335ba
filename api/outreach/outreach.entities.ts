import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { PersonalRecord } from '../record';

// The outreach tables are written with SQL (api/outreach/*.ts: upserts, conditional claims); these
// entities describe them so the schema check (no migration needed) stays honest. Migration20261204120000.

@Entity({ tableName: 'outreach_consent_event' })
@Index({ properties: ['record', 'channel', 'at'], name: 'outreach_consent_event_record_channel_at_index' })
export class OutreachConsentEvent {
  @PrimaryKey({ type: 'uuid' }) id!: string;
  @Property({ type: 'string', length: 255 }) municipalityCode!: string;
  @ManyToOne(() => PersonalRecord, { deleteRule: 'cascade', updateRule: 'cascade' }) record!: PersonalRecord;
  @Property({ type: 'string', length: 8 }) channel!: string;
  @Property({ type: 'boolean' }) granted!: boolean;
  @Property({ type: 'timestamptz' }) at!: Date;
  @Property({ type: 'string', length: 16 }) method!: string;
  @Property({ type: 'uuid', nullable: true }) recordedBy?: string | null;
  @Property({ type: 'string', length: 32 }) purposeVersion!: string;
}

@Entity({ tableName: 'outreach_notice' })
@Unique({ properties: ['record', 'trigger', 'programmeId', 'period'], name: 'outreach_notice_once_unique' })
@Index({ properties: ['municipalityCode', 'status', 'approval', 'dueAt'], name: 'outreach_notice_municipality_status_index' })
@Index({ properties: ['trigger'], name: 'outreach_notice_trigger_index' })
export class OutreachNotice {
  @PrimaryKey({ type: 'uuid' }) id!: string;
  @Property({ type: 'string', length: 255 }) municipalityCode!: string;
  @ManyToOne(() => PersonalRecord, { deleteRule: 'cascade', updateRule: 'cascade' }) record!: PersonalRecord;
  @Property({ type: 'string', length: 32 }) department!: string;
  @Property({ type: 'string', length: 24 }) kind!: string;
  @Property({ type: 'string', length: 48 }) trigger!: string;
  @Property({ type: 'string', length: 64 }) programmeId!: string;
  @Property({ type: 'string', length: 24 }) period!: string;
  @Property({ type: 'string', length: 8 }) channel!: string;
  @Property({ type: 'string', length: 10 }) approval!: string;
  @Property({ type: 'string', length: 20 }) status!: string;
  @Property({ type: 'integer', default: 0 }) attempts!: number;
  @Property({ type: 'integer', default: 0 }) handoffs!: number;
  @Property({ type: 'timestamptz' }) dueAt!: Date;
  @Property({ type: 'timestamptz', nullable: true }) leaseUntil?: Date | null;
  @Property({ type: 'string', length: 255 }) messageId!: string;
  @Property({ type: 'string', length: 8 }) locale!: string;
  @Property({ type: 'json' }) facts!: Record<string, unknown>;
  @Property({ type: 'timestamptz' }) createdAt!: Date;
  @Property({ type: 'timestamptz' }) statusAt!: Date;
  @Property({ type: 'timestamptz', nullable: true }) deliveredAt?: Date | null;
  @Property({ type: 'timestamptz', nullable: true }) openedAt?: Date | null;
  @Property({ type: 'string', length: 32, nullable: true }) lastError?: string | null;
  @Property({ type: 'text', nullable: true }) body?: string | null;
}

@Entity({ tableName: 'outreach_blocked_address' })
export class OutreachBlockedAddress {
  @PrimaryKey({ type: 'string', length: 255 }) municipalityCode!: string;
  @PrimaryKey({ type: 'string', length: 8 }) channel!: string;
  @PrimaryKey({ type: 'string', length: 64 }) addressHash!: string;
  @Property({ type: 'timestamptz' }) at!: Date;
}

@Entity({ tableName: 'outreach_phone_task' })
@Index({ properties: ['municipalityCode', 'department', 'status'], name: 'outreach_phone_task_open_index' })
@Index({
  name: 'outreach_phone_task_notice_unique',
  expression: 'create unique index "outreach_phone_task_notice_unique" on "outreach_phone_task" ("notice_id") where "notice_id" is not null',
})
export class OutreachPhoneTask {
  @PrimaryKey({ type: 'uuid' }) id!: string;
  @Property({ type: 'string', length: 255 }) municipalityCode!: string;
  @ManyToOne(() => PersonalRecord, { deleteRule: 'cascade', updateRule: 'cascade' }) record!: PersonalRecord;
  @Property({ type: 'uuid', nullable: true }) noticeId?: string | null;
  @Property({ type: 'string', length: 32 }) department!: string;
  @Property({ type: 'string', length: 24 }) reason!: string;
  @Property({ type: 'string', length: 8 }) status!: string;
  @Property({ type: 'string', length: 16, nullable: true }) outcome?: string | null;
  @Property({ type: 'timestamptz' }) createdAt!: Date;
  @Property({ type: 'timestamptz', nullable: true }) doneAt?: Date | null;
  @Property({ type: 'uuid', nullable: true }) doneBy?: string | null;
  @Property({ type: 'integer', default: 0 }) attempts!: number;
  @Property({ type: 'timestamptz', nullable: true }) outcomeAt?: Date | null;
}

@Entity({ tableName: 'outreach_daily_count' })
export class OutreachDailyCount {
  @PrimaryKey({ type: 'string', length: 255 }) municipalityCode!: string;
  @PrimaryKey({ type: 'date' }) day!: string;
  @Property({ type: 'integer' }) count!: number;
}

@Entity({ tableName: 'outreach_figure' })
export class OutreachFigure {
  @PrimaryKey({ type: 'string', length: 255 }) municipalityCode!: string;
  @PrimaryKey({ type: 'string', length: 7 }) period!: string;
  @PrimaryKey({ type: 'string', length: 24 }) kind!: string;
  @PrimaryKey({ type: 'string', length: 8 }) channel!: string;
  @PrimaryKey({ type: 'string', length: 24 }) metric!: string;
  @Property({ type: 'bigint' }) count!: string;
}

/** The last re-screening's findings per record (rescreen-trigger.ts). */
@Entity({ tableName: 'outreach_screening_state' })
export class OutreachScreeningState {
  @ManyToOne(() => PersonalRecord, { primary: true, deleteRule: 'cascade', updateRule: 'cascade' }) record!: PersonalRecord;
  @Property({ type: 'string', length: 255 }) municipalityCode!: string;
  @Property({ type: 'json' }) state!: Record<string, number>;
  @Property({ type: 'timestamptz' }) screenedAt!: Date;
}

/** A campaign by staff (campaigns.ts); its notices carry the trigger `campaign:<id>`. Migration20261206200000. */
@Entity({ tableName: 'outreach_campaign' })
@Index({ properties: ['municipalityCode', 'department', 'createdAt'], name: 'outreach_campaign_department_index' })
export class OutreachCampaignRow {
  @PrimaryKey({ type: 'uuid' }) id!: string;
  @Property({ type: 'string', length: 255 }) municipalityCode!: string;
  @Property({ type: 'string', length: 32 }) department!: string;
  @Property({ type: 'string', length: 24 }) template!: string;
  @Property({ type: 'string', length: 64 }) programmeId!: string;
  @Property({ type: 'json' }) criteria!: Record<string, unknown>;
  @Property({ type: 'string', length: 12 }) status!: string;
  @Property({ type: 'timestamptz' }) sendAt!: Date;
  @Property({ type: 'uuid' }) createdBy!: string;
  @Property({ type: 'timestamptz' }) createdAt!: Date;
  @Property({ type: 'integer' }) matched!: number;
  @Property({ type: 'integer' }) created!: number;
  @Property({ type: 'integer' }) unreachable!: number;
  @Property({ type: 'timestamptz', nullable: true }) cancelledAt?: Date | null;
  @Property({ type: 'uuid', nullable: true }) cancelledBy?: string | null;
}

/** One nightly re-screening per municipality and Japan day (nightly.ts). */
@Entity({ tableName: 'outreach_rescreen_run' })
export class OutreachRescreenRun {
  @PrimaryKey({ type: 'string', length: 255 }) municipalityCode!: string;
  @PrimaryKey({ type: 'date' }) day!: string;
  @Property({ type: 'timestamptz' }) startedAt!: Date;
  @Property({ type: 'timestamptz', nullable: true }) finishedAt?: Date | null;
  @Property({ type: 'json', nullable: true }) summary?: Record<string, unknown> | null;
}

export const OUTREACH_ENTITIES = [
  OutreachCampaignRow,
  OutreachRescreenRun,
  OutreachScreeningState,
  OutreachConsentEvent,
  OutreachNotice,
  OutreachBlockedAddress,
  OutreachPhoneTask,
  OutreachDailyCount,
  OutreachFigure,
];
