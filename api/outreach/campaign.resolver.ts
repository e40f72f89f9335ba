import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { badInput } from '../core';
import type { Context } from '../server/context';
import { OutreachSegmentInput } from './campaign-segment';
import { cancelCampaign, CampaignPreview, CampaignView, campaignsFor, createCampaign, OutreachCampaignInput, previewCampaign } from './campaigns';
import { CallOutcomeInput, PhoneTaskStatus, PhoneTaskView, phoneTasksFor, recordCallOutcome } from './phone-tasks';

const MAX = 200;
const tooMany = (field: string) => ({
  field,
  messages: { ja: `一度に${MAX}件までです。`, en: `At most ${MAX} at a time.`, 'ja-easy': `いちどに ${MAX}こ までです。` },
});

/**
 * Campaigns by staff and call tasks (issue 16): thin resolvers over campaigns.ts and phone-tasks.ts,
 * always the viewer's own municipality and department; the shield lets only staff in (operations.ts).
 */
@Resolver()
export class OutreachCampaignResolver {
  @Query(() => CampaignPreview)
  async outreachCampaignPreview(@Ctx() ctx: Context, @Arg('segment', () => OutreachSegmentInput) segment: OutreachSegmentInput): Promise<CampaignPreview> {
    return previewCampaign(ctx, segment);
  }

  @Query(() => [CampaignView])
  async outreachCampaigns(@Ctx() ctx: Context, @Arg('first', () => Int, { defaultValue: 20 }) first: number): Promise<CampaignView[]> {
    if (!Number.isInteger(first) || first < 1 || first > MAX) throw badInput([tooMany('first')], ctx.locale);
    return campaignsFor(ctx, first);
  }

  @Mutation(() => CampaignView)
  async createOutreachCampaign(@Ctx() ctx: Context, @Arg('input', () => OutreachCampaignInput) input: OutreachCampaignInput): Promise<CampaignView> {
    return createCampaign(ctx, input);
  }

  @Mutation(() => CampaignView)
  async cancelOutreachCampaign(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<CampaignView> {
    return cancelCampaign(ctx, id);
  }

  @Query(() => [PhoneTaskView])
  async outreachPhoneTasks(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('status', () => PhoneTaskStatus, { nullable: true }) status?: PhoneTaskStatus | null,
  ): Promise<PhoneTaskView[]> {
    if (!Number.isInteger(first) || first < 1 || first > MAX) throw badInput([tooMany('first')], ctx.locale);
    return phoneTasksFor(ctx, first, status ?? null);
  }

  @Mutation(() => PhoneTaskView)
  async recordOutreachCallOutcome(@Ctx() ctx: Context, @Arg('input', () => CallOutcomeInput) input: CallOutcomeInput): Promise<PhoneTaskView> {
    return recordCallOutcome(ctx, input);
  }
}
