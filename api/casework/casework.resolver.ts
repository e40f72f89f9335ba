import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Section, selectedFields } from '../core';
import type { GraphQLResolveInfo } from 'graphql';
import { Info } from 'type-graphql';
import { readSection, RecordFilter, type RecordSelection, selectedRecordParts } from '../record';
import type { Context } from '../server/context';
import { recordsCsv } from './records-csv';
import { DecideDuplicateInput, DuplicateCandidateView, PossibleDuplicates } from './possible-duplicates';
import { MergePreview, MergeRecordsConfirmInput, MergeRecordsInput, MergeResultView } from './merge.types';
import { RecordMerge } from './record-merge';
import { WorklistScope } from './case-status';
import { UpdateCaseInput } from './casework.inputs';
import { CaseworkService } from './casework.service';
import { CaseFileView, HandoverView, WorkItem, Worklist } from './casework.types';
import { handoversOf } from './handovers';
import { WorklistService } from './worklist';

const LISTS = ['newItems', 'assigned', 'dueToday', 'overdue'];

/** The record parts every list's lines select, merged; `wantsContact` needs the contact section. */
function worklistSelection(info: GraphQLResolveInfo): RecordSelection {
  const parts = LISTS.map((list) => selectedRecordParts(info, [list, 'record']));
  if (parts.some((p) => p.sections === null)) return { sections: null, childRows: parts.flatMap((p) => p.childRows) };
  const sections = new Set(parts.flatMap((p) => p.sections!));
  if (LISTS.some((list) => selectedFields(info, [list, 'wantsContact']).length > 0)) sections.add(Section.CONTACT);
  return { sections: [...sections], childRows: parts.flatMap((p) => p.childRows) };
}

const cases = (ctx: Context) => new CaseworkService(ctx.em, ctx.gate, ctx.audit);

@Resolver(() => WorkItem)
export class CaseworkResolver {
  @Query(() => Worklist, { description: 'Your day: items nobody has taken, your (or your department’s) cases, follow-ups due today and overdue (staff).' })
  worklist(
    @Ctx() ctx: Context,
    @Arg('scope', () => WorklistScope, { defaultValue: WorklistScope.MINE, description: 'MINE or DEPARTMENT.' }) scope: WorklistScope,
    @Arg('first', () => Int, { defaultValue: 50, description: 'Items per list (1–100).' }) first: number,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Worklist> {
    return new WorklistService(ctx.em, ctx.gate, ctx.audit).build(scope, first, worklistSelection(info));
  }

  @Query(() => CaseFileView, { nullable: true, description: 'Your department’s case for a record; null when there is none yet (staff).' })
  caseFile(@Arg('recordId', () => ID, { description: 'The record.' }) recordId: string, @Ctx() ctx: Context): Promise<CaseFileView | null> {
    return cases(ctx).caseFor(recordId);
  }

  @Query(() => [HandoverView], { description: 'Departments the family consented to share with: who there has taken it up (owning department).' })
  handovers(@Arg('recordId', () => ID, { description: 'The record.' }) recordId: string, @Ctx() ctx: Context): Promise<HandoverView[]> {
    return handoversOf(ctx.em, ctx.gate, ctx.audit, recordId);
  }

  @Query(() => String, {
    description:
      'The records you find with this filter as CSV (UTF-8 with BOM; at most 5,000): a column only for sections your department may read, a cell empty where the record withholds it; formula-like cells prefixed with an apostrophe. Every exported section is audited (staff).',
  })
  recordsCsv(
    @Arg('filter', () => RecordFilter, { nullable: true, description: 'The same filter as records.' }) filter: RecordFilter | null,
    @Ctx() ctx: Context,
  ): Promise<string> {
    return recordsCsv(ctx.em, ctx.gate, ctx.audit, filter);
  }

  @Query(() => [DuplicateCandidateView], {
    description:
      'Records that look like the same family as this one: same birth date and the same name, kana or phone, with any decision taken (owning department).',
  })
  possibleDuplicates(@Arg('recordId', () => ID, { description: 'The record.' }) recordId: string, @Ctx() ctx: Context): Promise<DuplicateCandidateView[]> {
    return new PossibleDuplicates(ctx.em, ctx.gate, ctx.audit).of(recordId);
  }

  @Mutation(() => [DuplicateCandidateView], {
    description:
      'Link a possible duplicate as the same person, or dismiss it as different (owning department: caseworker, supervisor or admin). Both records stay as they are; audited on both. Returns the record’s possible duplicates.',
  })
  decideDuplicate(
    @Arg('input', () => DecideDuplicateInput, { description: 'The pair and the decision.' }) input: DecideDuplicateInput,
    @Ctx() ctx: Context,
  ): Promise<DuplicateCandidateView[]> {
    return new PossibleDuplicates(ctx.em, ctx.gate, ctx.audit).decide(input);
  }

  @Query(() => MergePreview, {
    description:
      'What merging two possible duplicates (名寄せ) would do, field by field, for the sections your department may read; nothing changes (owning department). The sections shown are audited as read.',
  })
  mergePreview(
    @Arg('input', () => MergeRecordsInput, { description: 'Which record stays and which is merged into it.' }) input: MergeRecordsInput,
    @Ctx() ctx: Context,
  ): Promise<MergePreview> {
    return new RecordMerge(ctx.em, ctx.gate, ctx.audit).preview(input);
  }

  @Mutation(() => MergeResultView, {
    description:
      'Merge two possible duplicates as previewed (owning department: caseworker, supervisor or admin): the record that stays takes what it lacks, rows move or stay linked, the other becomes a tombstone pointing to it; consents and audit trails of both kept; audited on both. FORBIDDEN for other departments (with a reason), CONFLICT if either record changed since the preview.',
  })
  mergeRecords(
    @Arg('input', () => MergeRecordsConfirmInput, { description: 'The pair and the versions the preview showed.' }) input: MergeRecordsConfirmInput,
    @Ctx() ctx: Context,
  ): Promise<MergeResultView> {
    return new RecordMerge(ctx.em, ctx.gate, ctx.audit).merge(input);
  }

  @Mutation(() => CaseFileView, {
    description: 'Set the assignee, status or next contact date of your department’s case (caseworker, supervisor or admin). Audited.',
  })
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
