import { describe, expect, it } from 'vitest';
import { encodeCursor, forwardPageInfo } from '../../api/core/connection';

/** PageInfo of the forward-paging connections (records, inbox): the four fields of the Relay spec. */
describe('forwardPageInfo', () => {
  const node = (n: number) => ({ createdAt: new Date(Date.UTC(2026, 11, n)), id: `00000000-0000-4000-8000-00000000000${n}` });

  it('first page: start and end cursors of its edges, no previous page', () => {
    const nodes = [node(3), node(2), node(1)];
    expect(forwardPageInfo(nodes, encodeCursor, true, null)).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: encodeCursor(nodes[0]!),
      endCursor: encodeCursor(nodes[2]!),
    });
  });

  it('a page asked for with after: a previous page; the last page has no next', () => {
    const nodes = [node(1)];
    expect(forwardPageInfo(nodes, encodeCursor, false, 'abc')).toEqual({
      hasNextPage: false,
      hasPreviousPage: true,
      startCursor: encodeCursor(nodes[0]!),
      endCursor: encodeCursor(nodes[0]!),
    });
  });

  it('an empty page has null cursors', () => {
    expect(forwardPageInfo([], encodeCursor, false, undefined)).toEqual({ hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null });
  });
});
