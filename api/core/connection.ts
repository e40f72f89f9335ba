import { Field, ObjectType } from 'type-graphql';
import { badInput } from './errors';
import type { Locale } from './i18n';

/**
 * Relay-style cursor connections (all four PageInfo fields of the Relay cursor connection spec).
 * Cursors are opaque: base64url of the sort key. Pages go forward only (`first`/`after`), so
 * `hasPreviousPage` is what the spec allows for forward paging: true exactly when `after` was given.
 * Descriptions: common.docs.ts.
 */
@ObjectType({ simpleResolvers: true })
export class PageInfo {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => Boolean) hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true }) startCursor!: string | null;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

/** PageInfo of a forward page of `nodes` (`cursor` of one node), `more` when a row beyond the page was read. */
export function forwardPageInfo<T>(nodes: readonly T[], cursor: (node: T) => string, more: boolean, after: string | null | undefined): PageInfo {
  const first = nodes[0];
  const last = nodes[nodes.length - 1];
  return { hasNextPage: more, hasPreviousPage: after != null, startCursor: first ? cursor(first) : null, endCursor: last ? cursor(last) : null };
}

export interface SortKey {
  createdAt: Date;
  id: string;
}

export function encodeCursor(key: SortKey): string {
  return Buffer.from(`${key.createdAt.toISOString()}|${key.id}`).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function decodeCursor(cursor: string): SortKey | null {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(at ?? '');
  // A crafted cursor must be refused here, not by the database (an id of 36 dashes, or a year
  // PostgreSQL cannot store, was an internal error: issue 14, lower list).
  if (!id || !UUID.test(id) || Number.isNaN(createdAt.getTime())) return null;
  const year = createdAt.getUTCFullYear();
  if (year < 2000 || year > 9999) return null;
  return { createdAt, id };
}

export const MAX_PAGE_SIZE = 100;

/** Every connection's `first`: 1 to MAX_PAGE_SIZE, else BAD_USER_INPUT on `first`. */
export function checkPageSize(first: number, locale: Locale): void {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badInput(
      [
        {
          field: 'first',
          messages: {
            ja: `件数は1から${MAX_PAGE_SIZE}までで指定してください。`,
            en: `first must be between 1 and ${MAX_PAGE_SIZE}.`,
            'ja-easy': `1から ${MAX_PAGE_SIZE}までの 数に して ください。`,
          },
        },
      ],
      locale,
    );
  }
}

/** Every connection's `after`: the decoded sort key, or BAD_USER_INPUT on `after` when it is not one of ours. */
export function decodeAfter(after: string, locale: Locale): SortKey {
  const key = decodeCursor(after);
  if (!key)
    throw badInput(
      [{ field: 'after', messages: { ja: 'カーソルが正しくありません。', en: 'The cursor is not valid.', 'ja-easy': 'カーソルが まちがって います。' } }],
      locale,
    );
  return key;
}
