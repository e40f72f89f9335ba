import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../server/context';
import { AllowedOriginInput, AllowedOrigins } from './allowed-origins.types';
import { AllowedOriginsService } from './allowed-origins.service';

const service = (ctx: Context) => new AllowedOriginsService(ctx.em, ctx.gate, ctx.services.intake);

@Resolver()
export class AllowedOriginsResolver {
  @Query(() => AllowedOrigins, { description: "Your municipality's allowed web origins and their changes (admins)." })
  allowedOrigins(@Ctx() ctx: Context): Promise<AllowedOrigins> {
    return service(ctx).list();
  }

  @Mutation(() => AllowedOrigins, {
    description: 'Allow the pages of a web origin to embed the widgets and use the public API (admins; recorded; effective at once).',
  })
  addAllowedOrigin(@Arg('input', () => AllowedOriginInput) input: AllowedOriginInput, @Ctx() ctx: Context): Promise<AllowedOrigins> {
    return service(ctx).add(input);
  }

  @Mutation(() => AllowedOrigins, { description: 'Stop allowing a web origin (admins; recorded; effective at once).' })
  removeAllowedOrigin(@Arg('input', () => AllowedOriginInput) input: AllowedOriginInput, @Ctx() ctx: Context): Promise<AllowedOrigins> {
    return service(ctx).remove(input);
  }
}
