import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Section } from '../core';
import type { Context } from '../server/context';
import { readSection } from '../record';
import { InboxStatus } from './inbox-item-kind';
import { InboxService } from './inbox.service';
import { InboxConnection, InboxItemView } from './inbox.types';

const inbox = (ctx: Context) => new InboxService(ctx.em, ctx.gate, ctx.audit);

@Resolver(() => InboxItemView)
export class InboxResolver {
  @Query(() => InboxConnection, { description: 'New intake submissions and chat requests for your department, newest first (staff).' })
  inbox(
    @Ctx() ctx: Context,
    @Arg('status', () => InboxStatus, { defaultValue: InboxStatus.NEW }) status: InboxStatus,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<InboxConnection> {
    return inbox(ctx).list(status, first, after);
  }

  @Mutation(() => InboxItemView, {
    description: 'Take an inbox item (caseworker, supervisor or admin of its department). CONFLICT when someone else took it first.',
  })
  takeInboxItem(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<InboxItemView> {
    return inbox(ctx).take(id);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The family’s own words (the record’s concerns note), read under the `concerns` rules.' })
  message(@Root() item: InboxItemView, @Ctx() ctx: Context): string | null {
    const record = item.record;
    return record ? readSection(ctx, record, Section.CONCERNS, () => record.concerns.note ?? null) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Chat requests: when to call, in the family’s words; read under the `concerns` rules.' })
  preferredTime(@Root() item: InboxItemView, @Ctx() ctx: Context): string | null {
    const record = item.record;
    return record ? readSection(ctx, record, Section.CONCERNS, () => item.preferredTimeText) : null;
  }
}
