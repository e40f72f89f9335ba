import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { applicationServices, FamilyAuth } from '../application';
import type { Context } from '../server/context';
import { DataRights } from './rights.service';
import { DataDisclosure, DecideErasureRequestInput, ErasureRequestInfo, ErasureRequestStatus, FamilyErasureInput } from './rights.types';

const rights = (ctx: Context) => new DataRights(ctx.em, ctx.locale, applicationServices(ctx.services).documents);
const family = (ctx: Context, session: string) => new FamilyAuth(ctx.em, ctx.services.auth.secret, ctx.locale).identify(session);

@Resolver()
export class RightsResolver {
  @Query(() => DataDisclosure)
  async familyDataExport(@Arg('session', () => String) session: string, @Ctx() ctx: Context): Promise<DataDisclosure> {
    return rights(ctx).familyExport(await family(ctx, session));
  }

  @Mutation(() => ErasureRequestInfo)
  async requestFamilyErasure(@Arg('input', () => FamilyErasureInput) input: FamilyErasureInput, @Ctx() ctx: Context): Promise<ErasureRequestInfo> {
    return rights(ctx).request(await family(ctx, input.session));
  }

  @Query(() => DataDisclosure)
  recordDisclosure(@Arg('recordId', () => ID) recordId: string, @Ctx() ctx: Context): Promise<DataDisclosure> {
    return rights(ctx).staffDisclosure(ctx.gate, ctx.audit, recordId);
  }

  @Query(() => [ErasureRequestInfo])
  erasureRequests(
    @Ctx() ctx: Context,
    @Arg('status', () => ErasureRequestStatus, { defaultValue: ErasureRequestStatus.REQUESTED }) status: ErasureRequestStatus,
  ): Promise<ErasureRequestInfo[]> {
    return rights(ctx).list(ctx.gate, status);
  }

  @Mutation(() => ErasureRequestInfo)
  decideErasureRequest(@Arg('input', () => DecideErasureRequestInput) input: DecideErasureRequestInput, @Ctx() ctx: Context): Promise<ErasureRequestInfo> {
    return rights(ctx).decide(ctx.gate, ctx.audit, input);
  }
}
