import { Arg, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { badInput, StaffRole } from '../core';
import { rawQuery } from '../db';
import type { Context } from '../server/context';
import { decideNotices } from './notices';
import { OutreachChannel } from './outreach-types';

@ObjectType('OutreachCandidate', { simpleResolvers: true })
export class OutreachCandidate {
  @Field(() => ID) id!: string;
  @Field(() => ID) recordId!: string;
  @Field(() => String) kind!: string;
  @Field(() => String) programmeId!: string;
  @Field(() => OutreachChannel) channel!: OutreachChannel;
  @Field(() => Date) createdAt!: Date;
  @Field(() => String) facts!: string;
}

@InputType('OutreachDecisionInput')
export class OutreachDecisionInput {
  @Field(() => [ID]) ids!: string[];
  @Field(() => Boolean) approve!: boolean;
}

const MAX = 200;
const tooMany = (field: string) => ({ field, messages: { ja: `一度に${MAX}件までです。`, en: `At most ${MAX} at a time.`, 'ja-easy': `いちどに ${MAX}こ までです。` } });

/**
 * The department's outreach inbox: notice candidates waiting for a caseworker's approval (issue 16,
 * default for every kind), and the decision. Only the viewer's own municipality and department.
 */
@Resolver()
export class OutreachResolver {
  @Query(() => [OutreachCandidate])
  async outreachCandidates(@Ctx() ctx: Context, @Arg('first', () => Int, { defaultValue: 50 }) first: number): Promise<OutreachCandidate[]> {
    if (!Number.isInteger(first) || first < 1 || first > MAX) throw badInput([tooMany('first')], ctx.locale);
    const v = ctx.viewer;
    if (v.kind !== 'staff') return [];
    const rows = await rawQuery<{ id: string; record_id: string; kind: string; programme_id: string; channel: OutreachChannel; created_at: Date | string; facts: unknown }>(
      ctx.em,
      `select id, record_id, kind, programme_id, channel, created_at, facts from outreach_notice where municipality_code = ? and department = ? and approval = 'PENDING' order by created_at, id limit ?`,
      [v.municipalityCode, v.department, first],
    );
    return rows.map((r) => ({ id: r.id, recordId: r.record_id, kind: r.kind, programmeId: r.programme_id, channel: r.channel, createdAt: new Date(r.created_at), facts: typeof r.facts === 'string' ? r.facts : JSON.stringify(r.facts) }));
  }

  @Mutation(() => [ID])
  async decideOutreachCandidates(@Ctx() ctx: Context, @Arg('input', () => OutreachDecisionInput) input: OutreachDecisionInput): Promise<string[]> {
    // A decision is a write: viewers may see candidates but not approve or reject them.
    ctx.gate.staff([StaffRole.CASEWORKER, StaffRole.SUPERVISOR, StaffRole.ADMIN]);
    const { ids, approve } = input;
    if (ids.length > MAX) throw badInput([tooMany('input.ids')], ctx.locale);
    const v = ctx.viewer;
    if (v.kind !== 'staff') return [];
    const uuids = ids.filter((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id));
    return decideNotices(ctx.em, ctx.services.outreach?.queue ?? null, v.municipalityCode, v.department, uuids, approve);
  }
}
