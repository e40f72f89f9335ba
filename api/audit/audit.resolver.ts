import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../server/context';
import { AuditService } from './audit.service';
import { AuditEntryView } from './audit.types';

@Resolver()
export class AuditResolver {
  @Query(() => [AuditEntryView], { description: 'Who read or wrote what of a record (supervisors of the owning department).' })
  auditLog(@Arg('recordId', () => ID) recordId: string, @Ctx() ctx: Context): Promise<AuditEntryView[]> {
    return new AuditService(ctx.em, ctx.gate, ctx.audit).forRecord(recordId);
  }

  @Query(() => Boolean, { description: 'Whether the audit log’s hash chain for your municipality is intact: every batch’s hash recomputed, its seal (AUDIT_KEY) checked, and every anchor written outside the database still in the chain.' })
  auditChainIntact(@Ctx() ctx: Context): Promise<boolean> {
    return new AuditService(ctx.em, ctx.gate, ctx.audit).chainIntact(ctx.services.auditSeal);
  }
}
