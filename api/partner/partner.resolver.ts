import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../server/context';
import { PersonalRecord } from '../record';
import { RecordService } from '../record';
import type { RecordView } from '../record';
import { PartnerOrganization } from './partner-organization.entity';
import { PartnerToken } from './partner-token.entity';
import { IssuePartnerTokenInput, ReferRecordInput, UpdateReferralInput } from './partner.inputs';
import { PartnerService } from './partner.service';
import { IssuedPartnerToken } from './partner.types';
import { Referral } from './referral.entity';

const service = (ctx: Context) => new PartnerService(ctx.em, ctx.gate, ctx.audit);

@Resolver(() => Referral)
export class PartnerResolver {
  @Query(() => [PartnerOrganization], { description: 'Partner NPOs of your municipality.' })
  partners(@Ctx() ctx: Context): Promise<PartnerOrganization[]> {
    return service(ctx).list();
  }

  @Query(() => [Referral], { description: 'Referrals: all of them for the owning department, your own for a partner.' })
  referrals(@Ctx() ctx: Context): Promise<Referral[]> {
    return service(ctx).referrals();
  }

  @Mutation(() => IssuedPartnerToken, { description: 'Issue a partner API token (owning department, supervisor or admin). The secret is shown once.' })
  issuePartnerToken(@Arg('input', () => IssuePartnerTokenInput) input: IssuePartnerTokenInput, @Ctx() ctx: Context): Promise<IssuedPartnerToken> {
    return service(ctx).issueToken(input);
  }

  @Mutation(() => PartnerToken, { description: 'Revoke a partner API token at once.' })
  revokePartnerToken(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<PartnerToken> {
    return service(ctx).revokeToken(id);
  }

  @Mutation(() => Referral, { description: 'Refer a record to a partner NPO (owning department).' })
  referRecord(@Arg('input', () => ReferRecordInput) input: ReferRecordInput, @Ctx() ctx: Context): Promise<Referral> {
    return service(ctx).refer(input);
  }

  @Mutation(() => Referral, { description: 'Accept or close a referral.' })
  updateReferral(@Arg('input', () => UpdateReferralInput) input: UpdateReferralInput, @Ctx() ctx: Context): Promise<Referral> {
    return service(ctx).update(input);
  }

  @FieldResolver(() => PersonalRecord, { nullable: true, description: 'The referred record, as far as you may see it.' })
  record(@Root() referral: Referral, @Ctx() ctx: Context): Promise<RecordView | null> {
    return new RecordService(ctx.em, ctx.gate, ctx.audit).get(referral.record.id);
  }
}
