import { Arg, Ctx, Field, ID, InputType, Int, Mutation, Query, Resolver } from 'type-graphql';
import { badInput, StaffRole } from '../core';
import type { Context } from '../server/context';
import { decideNotices } from './notices';
import { NoticeStatus } from './outreach-types';
import { candidatesFor, noticesFor, OutreachCandidate, OutreachNoticeView } from './outreach-views';

@InputType('OutreachDecisionInput')
export class OutreachDecisionInput {
  @Field(() => [ID]) ids!: string[];
  @Field(() => Boolean) approve!: boolean;
}

const MAX = 200;
const tooMany = (field: string) => ({
  field,
  messages: { ja: `一度に${MAX}件までです。`, en: `At most ${MAX} at a time.`, 'ja-easy': `いちどに ${MAX}こ までです。` },
});

/**
 * The department's outreach inbox: notice candidates waiting for a caseworker's approval (issue 16,
 * default for every kind), and the decision. Only the viewer's own municipality and department.
 */
@Resolver()
export class OutreachResolver {
  @Query(() => [OutreachCandidate])
  async outreachCandidates(@Ctx() ctx: Context, @Arg('first', () => Int, { defaultValue: 50 }) first: number): Promise<OutreachCandidate[]> {
    if (!Number.isInteger(first) || first < 1 || first > MAX) throw badInput([tooMany('first')], ctx.locale);
    return candidatesFor(ctx, first);
  }

  @Query(() => [OutreachNoticeView])
  async outreachNotices(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('status', () => NoticeStatus, { nullable: true }) status?: NoticeStatus | null,
  ): Promise<OutreachNoticeView[]> {
    if (!Number.isInteger(first) || first < 1 || first > MAX) throw badInput([tooMany('first')], ctx.locale);
    return noticesFor(ctx, first, status ?? null);
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
