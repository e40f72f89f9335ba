import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Section } from '../core';
import type { Context } from '../server/context';
import { readSection } from '../record';
import { WorklistScope } from './case-status';
import { UpdateCaseInput } from './casework.inputs';
import { CaseworkService } from './casework.service';
import { CaseFileView, WorkItem, Worklist } from './casework.types';
import { WorklistService } from './worklist';

const cases = (ctx: Context) => new CaseworkService(ctx.em, ctx.gate, ctx.audit);

@Resolver(() => WorkItem)
export class CaseworkResolver {
  @Query(() => Worklist, { description: 'Your day: items nobody has taken, your (or your department’s) cases, follow-ups due today and overdue (staff).' })
  worklist(
    @Ctx() ctx: Context,
    @Arg('scope', () => WorklistScope, { defaultValue: WorklistScope.MINE, description: 'MINE or DEPARTMENT.' }) scope: WorklistScope,
    @Arg('first', () => Int, { defaultValue: 50, description: 'Items per list (1–100).' }) first: number,
  ): Promise<Worklist> {
    return new WorklistService(ctx.em, ctx.gate, ctx.audit).build(scope, first);
  }

  @Query(() => CaseFileView, { nullable: true, description: 'Your department’s case for a record; null when there is none yet (staff).' })
  caseFile(@Arg('recordId', () => ID, { description: 'The record.' }) recordId: string, @Ctx() ctx: Context): Promise<CaseFileView | null> {
    return cases(ctx).caseFor(recordId);
  }

  @Mutation(() => CaseFileView, { description: 'Set the assignee, status or next contact date of your department’s case (caseworker, supervisor or admin). Audited.' })
  updateCase(@Arg('input', () => UpdateCaseInput) input: UpdateCaseInput, @Ctx() ctx: Context): Promise<CaseFileView> {
    return cases(ctx).update(input);
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'Whether the family wants to be contacted (section contact); null when you may not read it.' })
  wantsContact(@Root() item: WorkItem, @Ctx() ctx: Context): boolean | null {
    const record = item.record;
    if (!record || !ctx.gate.canRead(record, Section.CONTACT)) return null;
    return readSection(ctx, record, Section.CONTACT, () => record.contact.contactAllowed);
  }
}
