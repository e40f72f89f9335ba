import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../server/context';
import { ConsultationRequestService } from './consultation-request.service';
import { ConsultationRequestInput } from './consultation-request.inputs';
import { ConsultationRequestReceipt } from './consultation-request.types';
import { IntakeService } from './intake.service';

const requests = (ctx: Context) =>
  new ConsultationRequestService(
    ctx.em,
    new IntakeService(ctx.em, ctx.services.intake, { locale: ctx.locale, origin: ctx.request.origin, clientAddress: ctx.request.clientAddress }),
    ctx.locale,
  );

/** The chatbot's call-back request: the second public submission, beside the intake form (intake.resolver.ts). */
@Resolver()
export class ConsultationRequestResolver {
  @Mutation(() => ConsultationRequestReceipt, {
    description: 'Ask a caseworker to get in touch (public; from the chatbot). The same idempotencyKey twice returns the first receipt.',
  })
  requestConsultation(@Arg('input', () => ConsultationRequestInput) input: ConsultationRequestInput, @Ctx() ctx: Context): Promise<ConsultationRequestReceipt> {
    return requests(ctx).request(input);
  }
}
