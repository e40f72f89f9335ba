import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../server/context';
import { IntakeInput } from './intake.inputs';
import { IntakeService } from './intake.service';
import { IntakeReceipt, IntakeSettings } from './intake.types';

const service = (ctx: Context) =>
  new IntakeService(ctx.em, ctx.services.intake, { locale: ctx.locale, origin: ctx.request.origin, clientAddress: ctx.request.clientAddress });

@Resolver()
export class IntakeResolver {
  @Query(() => IntakeSettings, { description: 'Privacy notice and department purposes for the intake form (public).' })
  intakeSettings(@Arg('municipalityCode', () => String) municipalityCode: string, @Ctx() ctx: Context): Promise<IntakeSettings> {
    return service(ctx).settings(municipalityCode);
  }

  @Mutation(() => IntakeReceipt, { description: 'Submit the intake form (public). The same idempotencyKey twice returns the first receipt.' })
  submitIntake(@Arg('input', () => IntakeInput) input: IntakeInput, @Ctx() ctx: Context): Promise<IntakeReceipt> {
    return service(ctx).submit(input);
  }
}
