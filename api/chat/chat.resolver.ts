import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { LocalDate } from '../core';
import type { Context } from '../server/context';
import { ChatInput } from './chat.inputs';
import { ChatService } from './chat.service';
import { ChatReply, ChatSatisfaction } from './chat.types';

const service = (ctx: Context) =>
  new ChatService(
    ctx.em,
    {
      knowledge: ctx.services.chat.knowledge,
      rateLimit: ctx.services.chat.rateLimit,
      ai: ctx.services.chat.ai,
      catalogue: ctx.services.catalogue,
      municipalities: ctx.services.intake.municipalities,
    },
    ctx.locale,
    ctx.request,
  );

@Resolver()
export class ChatResolver {
  @Mutation(() => ChatReply, {
    description:
      'Send one message to the chatbot (public). Start with sessionId null; continue with the sessionId of the reply. At most CHAT_RATE_PER_MINUTE messages a minute per client address (TOO_MANY_REQUESTS), except that a message speaking of danger is always answered.',
  })
  chat(@Arg('input', () => ChatInput) input: ChatInput, @Ctx() ctx: Context): Promise<ChatReply> {
    return service(ctx).chat(input);
  }

  @Mutation(() => Boolean, { description: 'Rate a chat session from 1 (poor) to 5 (very helpful) (public). A second rating replaces the first.' })
  rateChat(@Arg('sessionId', () => ID) sessionId: string, @Arg('score', () => Int) score: number, @Ctx() ctx: Context): Promise<boolean> {
    return service(ctx).rate(sessionId, score);
  }

  @Query(() => ChatSatisfaction, {
    description: 'How visitors rated the chatbot for your municipality, for sessions started from `from` to `to` (inclusive, staff).',
  })
  chatSatisfaction(@Arg('from', () => LocalDate) from: string, @Arg('to', () => LocalDate) to: string, @Ctx() ctx: Context): Promise<ChatSatisfaction> {
    return service(ctx).satisfaction(ctx.viewer, from, to);
  }
}
