import type { EntityManager } from '@mikro-orm/postgresql';

/** What happens to one table's rows of the merged-away record. */
export interface RowMove {
  table: string;
  /** Rows that move to the survivor. */
  moved: number;
  /** Rows that stay with the merged-away record (the survivor already has their like); still linked through it. */
  kept: number;
}

interface Ref {
  table: string;
  column: string;
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Rows that stay on the merged-away record whatever their content: the pair decisions (the history of
 * the 名寄せ itself, naming both records).
 */
const STAY = new Set(['duplicate_decision']);

/**
 * Extra conditions for a row to move, where moving all would duplicate the survivor's section content:
 * a child the survivor already lists (same birth date), a programme the survivor already uses.
 */
const MOVE_ONLY_NEW: Record<string, string> = {
  child: `not exists (select 1 from "child" x where x."record_id" = ? and x."birth_date" = t."birth_date")`,
  benefit_in_use: `not exists (select 1 from "benefit_in_use" x where x."record_id" = ? and x."programme_id" = t."programme_id")`,
};

/** Every foreign key (one column) to personal_record from another table: the tables that hold rows about a record. */
async function referencesToRecord(em: EntityManager): Promise<Ref[]> {
  return em.execute<Ref[]>(
    `select cl.relname as "table", att.attname as "column"
       from pg_constraint c
       join pg_class cl on cl.oid = c.conrelid
       join pg_namespace n on n.oid = cl.relnamespace
       join pg_class pcl on pcl.oid = c.confrelid
       join pg_attribute att on att.attrelid = c.conrelid and att.attnum = c.conkey[1]
      where c.contype = 'f' and n.nspname = current_schema() and pcl.relname = 'personal_record' and cl.relname <> 'personal_record'
        and array_length(c.conkey, 1) = 1
      order by 1, 2`,
  );
}

/** Unique indexes (primary keys included) of a table that contain `column`, as their column lists; null for an index on an expression. */
async function uniquesWith(em: EntityManager, table: string, column: string): Promise<(string[] | null)[]> {
  const rows = await em.execute<{ cols: (string | null)[] }[]>(
    `select array_agg(a.attname::text order by k.ord) as cols
       from pg_index i
       join pg_class t on t.oid = i.indrelid
       join pg_namespace n on n.oid = t.relnamespace
       cross join lateral unnest(i.indkey) with ordinality k(attnum, ord)
       left join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum and k.attnum > 0
      where i.indisunique and n.nspname = current_schema() and t.relname = ?
      group by i.indexrelid`,
    [table],
  );
  return rows.map((r) => (r.cols.some((c) => c == null) ? null : (r.cols as string[]))).filter((cols) => cols === null || cols.includes(column));
}

/**
 * Moves the rows of every table that refers to the merged-away record onto the survivor, in the caller's
 * transaction — tables read from the database's own foreign keys, so a table a later migration adds moves
 * too. A row moves unless the survivor already holds its like under a unique index (one case per
 * department, say; a partial index counts as if it were whole, so the rule errs on keeping); a row that
 * does not move stays with the merged-away record, which stays as a tombstone pointing to the survivor —
 * nothing is deleted. `dryRun` only counts (the preview).
 */
export async function moveRows(em: EntityManager, mergedId: string, survivorId: string, dryRun: boolean): Promise<RowMove[]> {
  const out: RowMove[] = [];
  for (const ref of await referencesToRecord(em)) {
    const col = q(ref.column);
    const total = Number((await em.execute<{ n: string }[]>(`select count(*) as n from ${q(ref.table)} where ${col} = ?`, [mergedId]))[0]!.n);
    if (total === 0) continue;
    if (STAY.has(ref.table)) {
      out.push({ table: ref.table, moved: 0, kept: total });
      continue;
    }
    const conditions: string[] = [];
    const params: unknown[] = [];
    for (const cols of await uniquesWith(em, ref.table, ref.column)) {
      if (cols === null) {
        // An index on an expression: move only when the survivor has no row of this table at all.
        conditions.push(`not exists (select 1 from ${q(ref.table)} x where x.${col} = ?)`);
      } else {
        const others = cols
          .filter((c) => c !== ref.column)
          .map((c) => ` and x.${q(c)} is not distinct from t.${q(c)}`)
          .join('');
        conditions.push(`not exists (select 1 from ${q(ref.table)} x where x.${col} = ?${others})`);
      }
      params.push(survivorId);
    }
    const extra = MOVE_ONLY_NEW[ref.table];
    if (extra) {
      conditions.push(extra);
      params.push(survivorId);
    }
    const where = `t.${col} = ?${conditions.map((c) => ` and ${c}`).join('')}`;
    const movable = Number((await em.execute<{ n: string }[]>(`select count(*) as n from ${q(ref.table)} t where ${where}`, [mergedId, ...params]))[0]!.n);
    if (!dryRun && movable > 0) {
      if (ref.table === 'child') {
        // Children are listed in order: the moved ones come after the survivor's.
        await em.execute(
          `update "child" t set "record_id" = ?, "position" = t."position" + coalesce((select max(x."position") + 1 from "child" x where x."record_id" = ?), 0) where ${where}`,
          [survivorId, survivorId, mergedId, ...params],
        );
      } else {
        await em.execute(`update ${q(ref.table)} t set ${col} = ? where ${where}`, [survivorId, mergedId, ...params]);
      }
    }
    out.push({ table: ref.table, moved: movable, kept: total - movable });
  }
  return out;
}
