import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Section } from '../core';
import { rawQuery } from '../db';
import { PersonalRecord, RecordService, type RecordView } from '../record';
import type { Context } from '../server/context';
import { NoticeApproval, NoticeStatus, OutreachChannel } from './outreach-types';

/**
 * What the staff console's outreach screen reads (issue 16): waiting candidates with the facts that made
 * them fit, and the department's notices with their delivery status. The family is reached only through
 * `record`, read under the record's own access rules (null when the department may not see it); the
 * amounts come from the income section and are null unless the viewer may read it there.
 */
@ObjectType('OutreachCandidate', { simpleResolvers: true })
export class OutreachCandidate {
  @Field(() => ID) id!: string;
  @Field(() => ID) recordId!: string;
  @Field(() => PersonalRecord, { nullable: true }) record!: RecordView | null;
  @Field(() => String) kind!: string;
  @Field(() => String) programmeId!: string;
  @Field(() => String, { nullable: true }) programmeName!: string | null;
  @Field(() => Int, { nullable: true }) amountBefore!: number | null;
  @Field(() => Int, { nullable: true }) amountAfter!: number | null;
  @Field(() => String, { nullable: true }) asOf!: string | null;
  @Field(() => OutreachChannel) channel!: OutreachChannel;
  @Field(() => Date) createdAt!: Date;
  @Field(() => String) facts!: string;
}

@ObjectType('OutreachNotice', { simpleResolvers: true })
export class OutreachNoticeView {
  @Field(() => ID) id!: string;
  @Field(() => PersonalRecord, { nullable: true }) record!: RecordView | null;
  @Field(() => String) kind!: string;
  @Field(() => String) programmeId!: string;
  @Field(() => String, { nullable: true }) programmeName!: string | null;
  @Field(() => OutreachChannel) channel!: OutreachChannel;
  @Field(() => NoticeApproval) approval!: NoticeApproval;
  @Field(() => NoticeStatus) status!: NoticeStatus;
  @Field(() => Int) attempts!: number;
  @Field(() => String, { nullable: true }) lastError!: string | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) statusAt!: Date;
  @Field(() => Date, { nullable: true }) deliveredAt!: Date | null;
  @Field(() => Date, { nullable: true }) openedAt!: Date | null;
}

interface CandidateRow {
  id: string;
  record_id: string;
  kind: string;
  programme_id: string;
  channel: OutreachChannel;
  created_at: Date | string;
  facts: unknown;
}

const asDate = (v: Date | string | null): Date | null => (v == null ? null : new Date(v));
const amount = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) ? v : null);

function programmeName(ctx: Context, id: string, municipalityCode: string): string | null {
  if (!id) return null;
  const p = ctx.services.catalogue.get(id, municipalityCode);
  return p ? (p.name[ctx.locale] ?? p.name.ja) : null;
}

/** Records of these notices, each under the viewer's access rules (one statement; audited as reads). */
async function recordsOf(ctx: Context, ids: readonly string[]): Promise<Map<string, RecordView>> {
  return new RecordService(ctx.em, ctx.gate, ctx.audit).getMany(ids);
}

export async function candidatesFor(ctx: Context, first: number): Promise<OutreachCandidate[]> {
  const v = ctx.viewer;
  if (v.kind !== 'staff') return [];
  const rows = await rawQuery<CandidateRow>(
    ctx.em,
    `select id, record_id, kind, programme_id, channel, created_at, facts from outreach_notice where municipality_code = ? and department = ? and approval = 'PENDING' order by created_at, id limit ?`,
    [v.municipalityCode, v.department, first],
  );
  const records = await recordsOf(
    ctx,
    rows.map((r) => r.record_id),
  );
  return rows.map((r) => {
    const facts = (typeof r.facts === 'string' ? JSON.parse(r.facts) : r.facts) as Record<string, unknown>;
    const record = records.get(r.record_id) ?? null;
    // The amounts are computed from the family's income: shown only to those who may read it.
    const incomeReadable = record !== null && ctx.gate.canRead(record, Section.INCOME);
    return {
      id: r.id,
      recordId: r.record_id,
      record,
      kind: r.kind,
      programmeId: r.programme_id,
      programmeName: programmeName(ctx, r.programme_id, v.municipalityCode),
      amountBefore: incomeReadable ? amount(facts.before) : null,
      amountAfter: incomeReadable ? amount(facts.after) : null,
      asOf: typeof facts.asOf === 'string' ? facts.asOf : null,
      channel: r.channel,
      createdAt: new Date(r.created_at),
      facts: JSON.stringify(incomeReadable ? facts : { ...facts, before: undefined, after: undefined }),
    };
  });
}

interface NoticeRow {
  id: string;
  record_id: string;
  kind: string;
  programme_id: string;
  channel: OutreachChannel;
  approval: NoticeApproval;
  status: NoticeStatus;
  attempts: number;
  last_error: string | null;
  created_at: Date | string;
  status_at: Date | string;
  delivered_at: Date | string | null;
  opened_at: Date | string | null;
}

/** The department's decided notices, most recently changed first; `status` narrows them. */
export async function noticesFor(ctx: Context, first: number, status: NoticeStatus | null): Promise<OutreachNoticeView[]> {
  const v = ctx.viewer;
  if (v.kind !== 'staff') return [];
  const rows = await rawQuery<NoticeRow>(
    ctx.em,
    `select id, record_id, kind, programme_id, channel, approval, status, attempts, last_error, created_at, status_at, delivered_at, opened_at
     from outreach_notice where municipality_code = ? and department = ? and approval in ('APPROVED', 'AUTOMATIC') and (?::text is null or status = ?)
     order by status_at desc, id limit ?`,
    [v.municipalityCode, v.department, status, status, first],
  );
  const records = await recordsOf(
    ctx,
    rows.map((r) => r.record_id),
  );
  return rows.map((r) => ({
    id: r.id,
    record: records.get(r.record_id) ?? null,
    kind: r.kind,
    programmeId: r.programme_id,
    programmeName: programmeName(ctx, r.programme_id, v.municipalityCode),
    channel: r.channel,
    approval: r.approval,
    status: r.status,
    attempts: r.attempts,
    lastError: r.last_error,
    createdAt: new Date(r.created_at),
    statusAt: new Date(r.status_at),
    deliveredAt: asDate(r.delivered_at),
    openedAt: asDate(r.opened_at),
  }));
}
