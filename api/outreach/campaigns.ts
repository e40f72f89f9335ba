import { randomUUID } from 'node:crypto';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { apiError, badInput, LocalDate, notFound, StaffRole, todayInJapan, type Locale } from '../core';
import { rawQuery } from '../db';
import { PersonalRecord, RecordService, type RecordView } from '../record';
import type { Context } from '../server/context';
import { OutreachSegmentInput, segmentCount, segmentCriteria, segmentIds, segmentSql } from './campaign-segment';
import { createNotices, reachableChannels, type NoticeCandidate } from './notices';
import { NoticeKind, OutreachChannel } from './outreach-types';

/** The templates a campaign may use (seeds/notices): news about a programme, a deadline, a reminder of a date. */
export enum CampaignTemplate {
  NEWS = 'campaign',
  DEADLINE = 'deadline',
  REMINDER = 'reminder',
}
registerEnumType(CampaignTemplate, { name: 'OutreachCampaignTemplate' });

export enum CampaignStatus {
  SCHEDULED = 'SCHEDULED',
  SENT = 'SENT',
  CANCELLED = 'CANCELLED',
}
registerEnumType(CampaignStatus, { name: 'OutreachCampaignStatus' });

@InputType('OutreachCampaignInput')
export class OutreachCampaignInput {
  @Field(() => CampaignTemplate) template!: CampaignTemplate;
  @Field(() => String, { nullable: true, description: 'The programme the message is about (required for DEADLINE).' }) programmeId?: string | null;
  @Field(() => LocalDate, { nullable: true, description: 'The date the message names (required for DEADLINE and REMINDER).' }) deadline?: string | null;
  @Field(() => OutreachSegmentInput) segment!: OutreachSegmentInput;
  @Field(() => Date, { nullable: true, description: 'When to send (at most 90 days ahead); now when omitted. Quiet hours and the daily cap still apply.' })
  sendAt?: Date | null;
}

@ObjectType('OutreachChannelCount', { simpleResolvers: true })
export class ChannelCount {
  @Field(() => OutreachChannel) channel!: OutreachChannel;
  @Field(() => Int) count!: number;
}

@ObjectType('OutreachCampaignPreview', { simpleResolvers: true })
export class CampaignPreview {
  @Field(() => Int, { description: 'Records in the segment that your department may see.' }) matched!: number;
  @Field(() => Int, {
    nullable: true,
    description: 'Of those, families a notice can reach now (opted in, with an address, DV-safe); null when the segment is larger than a campaign may be.',
  })
  reachable!: number | null;
  @Field(() => [ChannelCount]) byChannel!: ChannelCount[];
  @Field(() => Int) limit!: number;
  @Field(() => [PersonalRecord], { description: 'Up to five of them, newest first, each showing only what your department may read.' }) sample!: RecordView[];
}

@ObjectType('OutreachCampaign', { simpleResolvers: true })
export class CampaignView {
  @Field(() => ID) id!: string;
  @Field(() => CampaignTemplate) template!: CampaignTemplate;
  @Field(() => String) programmeId!: string;
  @Field(() => String, { nullable: true }) programmeName!: string | null;
  @Field(() => CampaignStatus) status!: CampaignStatus;
  @Field(() => Date) sendAt!: Date;
  @Field(() => Date) createdAt!: Date;
  @Field(() => String, { description: 'The segment as it was sent (JSON).' }) criteria!: string;
  @Field(() => Int) matched!: number;
  @Field(() => Int, { description: 'Notices created (families reachable).' }) notices!: number;
  @Field(() => Int) unreachable!: number;
  @Field(() => Int, { description: 'Waiting, sending or to be retried.' }) waiting!: number;
  @Field(() => Int) delivered!: number;
  @Field(() => Int) failed!: number;
  @Field(() => Int) optedOut!: number;
  @Field(() => Int) opened!: number;
}

/** The largest segment one campaign may go to (a bigger one is refused: narrow it, or split it). */
export const CAMPAIGN_LIMIT = 10_000;
const SAMPLE = 5;
const WRITERS = [StaffRole.CASEWORKER, StaffRole.SUPERVISOR, StaffRole.ADMIN];
const text = (ja: string, en: string, easy: string) => ({ ja, en, 'ja-easy': easy });

function staffOf(ctx: Context, roles?: StaffRole[]) {
  return ctx.gate.staff(roles);
}

export async function previewCampaign(ctx: Context, segment: OutreachSegmentInput): Promise<CampaignPreview> {
  staffOf(ctx);
  const sql = await segmentSql(ctx.em, ctx.gate, ctx.services.catalogue, segment);
  const matched = await segmentCount(ctx.em, sql);
  const sampleIds = await segmentIds(ctx.em, sql, SAMPLE);
  const records = await new RecordService(ctx.em, ctx.gate, ctx.audit).getMany(sampleIds);
  let reachable: number | null = null;
  const byChannel = new Map<OutreachChannel, number>();
  if (matched <= CAMPAIGN_LIMIT) {
    const reach = await reachableChannels(ctx.em, await segmentIds(ctx.em, sql, null));
    reachable = 0;
    for (const channel of reach.values()) {
      if (!channel) continue;
      reachable++;
      byChannel.set(channel, (byChannel.get(channel) ?? 0) + 1);
    }
  }
  return {
    matched,
    reachable,
    limit: CAMPAIGN_LIMIT,
    byChannel: [...byChannel].map(([channel, count]) => ({ channel, count })).sort((a, b) => a.channel.localeCompare(b.channel)),
    sample: sampleIds.map((id) => records.get(id)).filter((r): r is RecordView => r !== undefined),
  };
}

function validate(ctx: Context, input: OutreachCampaignInput, now: Date): { sendAt: Date } {
  const locale: Locale = ctx.locale;
  const v = ctx.gate.signedIn();
  if (input.programmeId && !ctx.services.catalogue.get(input.programmeId, v.municipalityCode))
    throw badInput(
      [{ field: 'input.programmeId', messages: text('その制度はありません。', 'There is no such programme.', 'その しえんは ありません。') }],
      locale,
    );
  if (input.template === CampaignTemplate.DEADLINE && !input.programmeId)
    throw badInput(
      [
        {
          field: 'input.programmeId',
          messages: text(
            '期限のお知らせには制度を選んでください。',
            'A deadline notice needs a programme.',
            'しめきりの おしらせには しえんを えらんで ください。',
          ),
        },
      ],
      locale,
    );
  if (input.template !== CampaignTemplate.NEWS && !input.deadline)
    throw badInput([{ field: 'input.deadline', messages: text('日付を入力してください。', 'Enter the date.', 'ひづけを かいて ください。') }], locale);
  if (input.deadline && input.deadline < todayInJapan(now))
    throw badInput([{ field: 'input.deadline', messages: text('過ぎた日付は指定できません。', 'The date has passed.', 'すぎた ひは えらべません。') }], locale);
  const sendAt = input.sendAt ?? now;
  if (Number.isNaN(sendAt.getTime()) || sendAt.getTime() > now.getTime() + 90 * 86_400_000)
    throw badInput(
      [{ field: 'input.sendAt', messages: text('送信日時は90日以内にしてください。', 'Send within 90 days.', '90にち いないに して ください。') }],
      locale,
    );
  return { sendAt: sendAt.getTime() < now.getTime() ? now : sendAt };
}

/**
 * Sends (or schedules) a campaign: the segment is evaluated now under the viewer's policy, and each
 * record in it with a usable channel gets one notice (trigger `campaign:<id>`), already approved by the
 * caseworker who sent it, due at `sendAt` on the same durable queue as every notice — so opt-in, DV-safe
 * channels, quiet hours and the daily cap are checked again when it goes. Recorded (outreach_campaign)
 * and in the audit log as a write on each record it reaches.
 */
export async function createCampaign(ctx: Context, input: OutreachCampaignInput): Promise<CampaignView> {
  const v = staffOf(ctx, WRITERS);
  const now = new Date();
  const { sendAt } = validate(ctx, input, now);
  const sql = await segmentSql(ctx.em, ctx.gate, ctx.services.catalogue, input.segment, 'input.segment');
  const matched = await segmentCount(ctx.em, sql);
  if (matched > CAMPAIGN_LIMIT)
    throw badInput(
      [
        {
          field: 'input.segment',
          messages: text(
            `1回のお知らせは${CAMPAIGN_LIMIT.toLocaleString('ja-JP')}件までです。条件を絞ってください。`,
            `A campaign may reach at most ${CAMPAIGN_LIMIT.toLocaleString('en')} records. Narrow the segment.`,
            `1かいに ${CAMPAIGN_LIMIT} けん までです。じょうけんを へらして ください。`,
          ),
        },
      ],
      ctx.locale,
    );
  const ids = await segmentIds(ctx.em, sql, null);
  const id = randomUUID();
  const programmeId = input.programmeId ?? '';
  const kind = input.template as unknown as NoticeKind;
  const facts = { programmeIds: programmeId ? [programmeId] : [], campaignId: id, ...(input.deadline ? { deadline: input.deadline } : {}) };
  const candidates: NoticeCandidate[] = ids.map((recordId) => ({
    municipalityCode: v.municipalityCode,
    recordId,
    department: v.department,
    kind,
    trigger: `campaign:${id}`,
    programmeId,
    period: todayInJapan(sendAt),
    facts,
    dueAt: sendAt,
  }));
  // The campaign row first: a notice never exists without the campaign that made it.
  await rawQuery(
    ctx.em,
    `insert into outreach_campaign (id, municipality_code, department, template, programme_id, criteria, status, send_at, created_by, created_at, matched, created, unreachable)
     values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, 0, 0)`,
    [
      id,
      v.municipalityCode,
      v.department,
      input.template,
      programmeId,
      JSON.stringify(segmentCriteria(input.segment)),
      sendAt > now ? CampaignStatus.SCHEDULED : CampaignStatus.SENT,
      sendAt,
      v.staffId,
      now,
      matched,
    ],
  );
  const result = await createNotices(ctx.em, ctx.services.outreach?.queue ?? null, candidates, () => 'approved');
  await rawQuery(ctx.em, `update outreach_campaign set created = ?, unreachable = ? where id = ?`, [result.created.length, result.unreachable, id]);
  if (result.created.length) {
    const reached = await rawQuery<{ record_id: string }>(ctx.em, `select record_id from outreach_notice where id = any(?::uuid[])`, [result.created]);
    for (const r of reached) ctx.audit.note(r.record_id, v.municipalityCode, 'write', 'outreach-campaign');
  }
  return (await campaignsFor(ctx, 1, id))[0]!;
}

/** Cancels a campaign not yet due: its notices not yet sent are declined (the worker's claim skips them). */
export async function cancelCampaign(ctx: Context, id: string): Promise<CampaignView> {
  const v = staffOf(ctx, WRITERS);
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id) ? id : null;
  const [row] = uuid
    ? await rawQuery<{ status: string; send_at: Date | string }>(
        ctx.em,
        `select status, send_at from outreach_campaign where id = ? and municipality_code = ? and department = ? for update`,
        [uuid, v.municipalityCode, v.department],
      )
    : [];
  if (!row) throw notFound(text('そのお知らせはありません。', 'There is no such campaign.', 'その おしらせは ありません。'), ctx.locale);
  if (row.status === CampaignStatus.CANCELLED || new Date(row.send_at).getTime() <= Date.now())
    throw apiError(
      'CONFLICT',
      text('送信を始めたお知らせは取り消せません。', 'A campaign that has started sending cannot be cancelled.', 'おくりはじめた おしらせは とりけせません。'),
      ctx.locale,
      { field: 'id' },
    );
  await rawQuery(ctx.em, `update outreach_campaign set status = ?, cancelled_at = now(), cancelled_by = ? where id = ?`, [
    CampaignStatus.CANCELLED,
    v.staffId,
    uuid,
  ]);
  const declined = await rawQuery<{ record_id: string }>(
    ctx.em,
    `update outreach_notice set approval = 'REJECTED', status_at = now() where trigger = ? and status = 'CREATED' and approval = 'APPROVED' returning record_id`,
    [`campaign:${uuid}`],
  );
  for (const r of declined) ctx.audit.note(r.record_id, v.municipalityCode, 'write', 'outreach-campaign');
  return (await campaignsFor(ctx, 1, uuid!))[0]!;
}

interface CampaignRow {
  id: string;
  template: CampaignTemplate;
  programme_id: string;
  status: CampaignStatus;
  send_at: Date | string;
  created_at: Date | string;
  criteria: unknown;
  matched: number;
  created: number;
  unreachable: number;
  waiting: string | number;
  delivered: string | number;
  failed: string | number;
  opted_out: string | number;
  opened: string | number;
}

/** The department's campaigns, newest first, with their notices counted by status (one statement). */
export async function campaignsFor(ctx: Context, first: number, only: string | null = null): Promise<CampaignView[]> {
  const v = staffOf(ctx);
  const rows = await rawQuery<CampaignRow>(
    ctx.em,
    `select c.id, c.template, c.programme_id, c.status, c.send_at, c.created_at, c.criteria, c.matched, c.created, c.unreachable,
       count(n.id) filter (where n.status in ('CREATED', 'SENDING', 'TEMPORARY_FAILURE') and n.approval = 'APPROVED') as waiting,
       count(n.id) filter (where n.status = 'DELIVERED') as delivered,
       count(n.id) filter (where n.status = 'PERMANENT_FAILURE') as failed,
       count(n.id) filter (where n.status = 'OPTED_OUT') as opted_out,
       count(n.id) filter (where n.opened_at is not null) as opened
     from outreach_campaign c left join outreach_notice n on n.trigger = 'campaign:' || c.id::text
     where c.municipality_code = ? and c.department = ? and (?::uuid is null or c.id = ?::uuid)
     group by c.id order by c.created_at desc, c.id desc limit ?`,
    [v.municipalityCode, v.department, only, only, first],
  );
  const now = Date.now();
  return rows.map((r) => {
    const p = r.programme_id ? ctx.services.catalogue.get(r.programme_id, v.municipalityCode) : null;
    const sendAt = new Date(r.send_at);
    return {
      id: r.id,
      template: r.template,
      programmeId: r.programme_id,
      programmeName: p ? (p.name[ctx.locale] ?? p.name.ja) : null,
      status: r.status === CampaignStatus.CANCELLED ? CampaignStatus.CANCELLED : sendAt.getTime() > now ? CampaignStatus.SCHEDULED : CampaignStatus.SENT,
      sendAt,
      createdAt: new Date(r.created_at),
      criteria: typeof r.criteria === 'string' ? r.criteria : JSON.stringify(r.criteria),
      matched: r.matched,
      notices: r.created,
      unreachable: r.unreachable,
      waiting: Number(r.waiting),
      delivered: Number(r.delivered),
      failed: Number(r.failed),
      optedOut: Number(r.opted_out),
      opened: Number(r.opened),
    };
  });
}
