import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../server/context';
import { LineSettingsService } from './line-settings.service';
import { LineChannelSettings, LineSettingsInput } from './line-settings.types';

const service = (ctx: Context) => {
  if (!ctx.services.line) throw new Error('the LINE service is not part of this app');
  return new LineSettingsService(ctx.em, ctx.gate, ctx.services.line);
};

@Resolver()
export class LineSettingsResolver {
  @Query(() => LineChannelSettings, { description: "Your municipality's LINE official account as Yorisoi uses it (admins)." })
  lineSettings(@Ctx() ctx: Context): Promise<LineChannelSettings> {
    return service(ctx).view();
  }

  @Mutation(() => LineChannelSettings, {
    description: 'Change the LINE channel settings (admins; recorded; effective at once). The secret and the token are write-only.',
  })
  updateLineSettings(
    @Arg('input', () => LineSettingsInput, { description: 'What to change.' }) input: LineSettingsInput,
    @Ctx() ctx: Context,
  ): Promise<LineChannelSettings> {
    return service(ctx).update(input);
  }

  @Mutation(() => LineChannelSettings, {
    description: "Test the channel in force against LINE: the access token, and LINE's test call to the webhook (admins; recorded).",
  })
  testLineConnection(@Ctx() ctx: Context): Promise<LineChannelSettings> {
    return service(ctx).test();
  }
}
