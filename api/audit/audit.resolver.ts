import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../server/context';
import { AuditService } from './audit.service';
import { AuditEntryView } from './audit.types';
import { AuditFilter, AuditSearch, AuditSearchResult } from './audit-search';

@Resolver()
export class AuditResolver {
  @Query(() => [AuditEntryView], { description: 'Who read or wrote what of a record (supervisors of the owning department).' })
  auditLog(@Arg('recordId', () => ID) recordId: string, @Ctx() ctx: Context): Promise<AuditEntryView[]> {
    return new AuditService(ctx.em, ctx.gate, ctx.audit).forRecord(recordId);
  }

  @Query(() => Boolean, {
    description:
      'Whether the audit log’s hash chain for your municipality is intact: every batch’s hash recomputed, its seal (AUDIT_KEY) checked, and every anchor written outside the database still in the chain.',
  })
  auditChainIntact(@Ctx() ctx: Context): Promise<boolean> {
    return new AuditService(ctx.em, ctx.gate, ctx.audit).chainIntact(ctx.services.auditSeal);
  }

  @Query(() => AuditSearchResult, { description: 'The municipality’s audit log, filtered, newest first (supervisors and admins of the owning department).' })
  auditSearch(
    @Ctx() ctx: Context,
    @Arg('filter', () => AuditFilter, { nullable: true, description: 'Which entries; all when left out.' }) filter: AuditFilter | null,
    @Arg('first', () => Int, { defaultValue: 50, description: 'Entries per page (1–200).' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page.' }) after: string | null,
  ): Promise<AuditSearchResult> {
    return new AuditSearch(ctx.em, ctx.gate, ctx.audit).search(filter, first, after);
  }

  @Query(() => String, {
    description:
      'The filtered audit log as CSV (UTF-8 with BOM; at most 10,000 entries; formula-like cells prefixed with an apostrophe). The export itself is audited (supervisors and admins of the owning department).',
  })
  auditCsv(
    @Ctx() ctx: Context,
    @Arg('filter', () => AuditFilter, { nullable: true, description: 'Which entries; all when left out.' }) filter: AuditFilter | null,
  ): Promise<string> {
    return new AuditSearch(ctx.em, ctx.gate, ctx.audit).csv(filter);
  }
}
