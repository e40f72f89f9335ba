import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Section } from '../core/sections';
import type { Context } from '../server/context';
import { IntakeService } from '../intake/intake.service';
import { readSection } from '../record/section-reader';
import { ConsultationRequestService } from './consultation-request.service';
import { InboxStatus } from './inbox-item-kind';
import { ConsultationRequestInput } from './inbox.inputs';
import { InboxService } from './inbox.service';
import { ConsultationRequestReceipt, InboxConnection, InboxItemView } from './inbox.types';

const inbox = (ctx: Context) => new InboxService(ctx.em, ctx.gate, ctx.audit);
const requests = (ctx: Context) =>
  new ConsultationRequestService(ctx.em, new IntakeService(ctx.em, ctx.services.intake, { locale: ctx.locale, origin: ctx.request.origin, clientAddress: ctx.request.clientAddress }), ctx.locale);

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

  @Mutation(() => InboxItemView, { description: 'Take an inbox item (caseworker, supervisor or admin of its department). CONFLICT when someone else took it first.' })
  takeInboxItem(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<InboxItemView> {
    return inbox(ctx).take(id);
  }

  @Mutation(() => ConsultationRequestReceipt, { description: 'Ask a caseworker to get in touch (public; from the chatbot). The same idempotencyKey twice returns the first receipt.' })
  requestConsultation(@Arg('input', () => ConsultationRequestInput) input: ConsultationRequestInput, @Ctx() ctx: Context): Promise<ConsultationRequestReceipt> {
    return requests(ctx).request(input);
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
