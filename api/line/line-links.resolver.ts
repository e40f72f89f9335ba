import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../server/context';
import { LineLinksService } from './line-links.service';
import { LineLinkedRecordConnection, UnlinkLineInput, UnlinkLinePayload } from './line-links.types';

const service = (ctx: Context) => {
  if (!ctx.services.line) throw new Error('the LINE service is not part of this app');
  return new LineLinksService(ctx.em, ctx.gate, ctx.audit, ctx.services.line.links);
};

@Resolver()
export class LineLinksResolver {
  @Query(() => LineLinkedRecordConnection, {
    description:
      "Records whose family linked a LINE account, newest first (departments that may read the section the policy's rule 6 names; records you see, not withheld under DV protection).",
  })
  lineLinks(
    @Arg('first', () => Int, { defaultValue: 50, description: 'How many (1–100).' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the previous page.' }) after: string | null,
    @Arg('recordId', () => String, { nullable: true, description: 'Only this record (is it linked?).' }) recordId: string | null,
    @Ctx() ctx: Context,
  ): Promise<LineLinkedRecordConnection> {
    return service(ctx).list(first, after, recordId);
  }

  @Mutation(() => UnlinkLinePayload, {
    description:
      "Remove the family's LINE link from a record (departments that may write the section rule 6 names; audited). Nothing more is sent to them on LINE.",
  })
  unlinkLine(@Arg('input', () => UnlinkLineInput, { description: 'Which record.' }) input: UnlinkLineInput, @Ctx() ctx: Context): Promise<UnlinkLinePayload> {
    return service(ctx).unlink(input.recordId);
  }
}
