import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../server/context';
import { ConsentEvent } from './consent-event.entity';
import { ConsentView } from './record.types';

@Resolver(() => ConsentView)
export class ConsentResolver {
  @FieldResolver(() => [ConsentEvent], { description: 'Every consent given or withdrawn, newest first.' })
  history(@Root() consent: ConsentView, @Ctx() ctx: Context): Promise<ConsentEvent[]> {
    return ctx.loaders.consentHistory.load(consent.recordId);
  }
}
