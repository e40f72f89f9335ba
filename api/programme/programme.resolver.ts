import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../server/context';
import { HouseholdInput } from './programme.inputs';
import { ProgrammeService } from './programme.service';
import { EligibilityReport, ProgrammeView } from './programme.types';

const service = (ctx: Context) => new ProgrammeService(ctx.services.catalogue, ctx.locale);

/** Public: the programme catalogue and the anonymous eligibility check (nothing is stored). */
@Resolver(() => ProgrammeView)
export class ProgrammeResolver {
  @Query(() => [ProgrammeView], { description: 'Programmes a municipality offers (national defaults without a code), in display order.' })
  programmes(@Ctx() ctx: Context, @Arg('municipalityCode', () => String, { nullable: true }) municipalityCode?: string | null): ProgrammeView[] {
    return service(ctx).list(municipalityCode);
  }

  @Query(() => ProgrammeView, { nullable: true, description: 'One programme as the municipality offers it; null when unknown or switched off.' })
  programme(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
    @Arg('municipalityCode', () => String, { nullable: true }) municipalityCode?: string | null,
  ): ProgrammeView | null {
    return service(ctx).get(id, municipalityCode);
  }

  @Query(() => EligibilityReport, { description: 'Which programmes a household may use, most relevant first. Anonymous; nothing is stored.' })
  eligibility(@Arg('input', () => HouseholdInput) input: HouseholdInput, @Ctx() ctx: Context): EligibilityReport {
    return service(ctx).eligibility(input);
  }
}
