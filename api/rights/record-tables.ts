import type { EntityManager } from '@mikro-orm/postgresql';

/** A foreign key of one column: rows of `table` whose `column` refers to `parent`.`parentColumn`. */
export interface Reference {
  table: string;
  column: string;
  parent: string;
  parentColumn: string;
}

/**
 * The tables that hold rows about a record, read from the database's own foreign keys (every module's
 * tables, today's and tomorrow's): those referring to personal_record, then those referring to them,
 * and so on. Disclosure and erasure both walk this tree, so a table added by a later migration is
 * disclosed and erased without a change here. Only single-column keys are followed (all of ours are).
 */
export async function referencesTo(em: EntityManager): Promise<Map<string, Reference[]>> {
  const rows = await em.execute<{ tbl: string; col: string; parent: string; parent_col: string }[]>(
    `select cl.relname as tbl, att.attname as col, pcl.relname as parent, patt.attname as parent_col
       from pg_constraint c
       join pg_class cl on cl.oid = c.conrelid
       join pg_namespace n on n.oid = cl.relnamespace
       join pg_class pcl on pcl.oid = c.confrelid
       join pg_attribute att on att.attrelid = c.conrelid and att.attnum = c.conkey[1]
       join pg_attribute patt on patt.attrelid = c.confrelid and patt.attnum = c.confkey[1]
      where c.contype = 'f' and n.nspname = current_schema() and array_length(c.conkey, 1) = 1
      order by 1, 2`,
  );
  const byParent = new Map<string, Reference[]>();
  for (const r of rows) {
    const list = byParent.get(r.parent) ?? [];
    list.push({ table: r.tbl, column: r.col, parent: r.parent, parentColumn: r.parent_col });
    byParent.set(r.parent, list);
  }
  return byParent;
}

/** A set of rows of one table, as SQL: `where` over that table, with its parameters. */
export interface Rows {
  table: string;
  where: string;
  params: unknown[];
}

export const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** `array[?, ?, …]::uuid[]` with one placeholder per id (em.execute spreads an array parameter into a list). */
export const uuidArray = (ids: readonly string[]) => `array[${ids.map(() => '?').join(', ')}]::uuid[]`;

/** The rows of each table under a record, depth first (parents before their children). */
export function rowsUnder(refs: Map<string, Reference[]>, recordId: string): Rows[] {
  const out: Rows[] = [];
  const walk = (parent: Rows, depth: number) => {
    if (depth > 4) return;
    for (const ref of refs.get(parent.table) ?? []) {
      if (ref.table === parent.table) continue;
      const rows = {
        table: ref.table,
        where: `${q(ref.column)} in (select ${q(ref.parentColumn)} from ${q(parent.table)} where ${parent.where})`,
        params: parent.params,
      };
      out.push(rows);
      walk(rows, depth + 1);
    }
  };
  walk({ table: 'personal_record', where: `"id" = ?`, params: [recordId] }, 0);
  return out;
}
