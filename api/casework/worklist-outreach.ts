import { Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { outreachWork } from '../outreach';
import type { Context } from '../server/context';
import { Worklist } from './casework.types';

@ObjectType('WorklistOutreach', {
  simpleResolvers: true,
  description: 'Push-type support’s work waiting in your department (counts; the outreach screen lists and decides them).',
})
export class WorklistOutreachView {
  @Field(() => Int, { description: 'Notice candidates waiting for your department’s approval.' }) approvals!: number;
  @Field(() => Date, { nullable: true, description: 'When the oldest of them was created (UTC).' }) oldestApprovalAt!: Date | null;
  @Field(() => Int, { description: 'Phone-call tasks still open in your department (notices to make by phone).' }) phoneTasks!: number;
}

/** `Worklist.outreach`: read only when the query asks for it (the worklist's own statements stay as they are). */
@Resolver(() => Worklist)
export class WorklistOutreachResolver {
  @FieldResolver(() => WorklistOutreachView, {
    description: 'Approvals and phone tasks from push-type support waiting in your department (counts only; no family is named).',
  })
  outreach(@Root() _worklist: Worklist, @Ctx() ctx: Context): Promise<WorklistOutreachView> {
    const v = ctx.gate.staff();
    return outreachWork(ctx.em, v.municipalityCode, v.department);
  }
}
