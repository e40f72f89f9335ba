import type { EntityManager } from '@mikro-orm/postgresql';

/** Statement names given so far, by SQL text (process-wide; each pg connection prepares a name once). */
const PREPARED = new Map<string, string>();
/**
 * At most this many named statements: the texts of hot paths come in a few shapes (filters × the
 * child rows a query selects), but a client choosing fields could make many, and each named
 * statement holds memory in every PostgreSQL connection. Texts beyond the limit run unnamed.
 */
const MAX_PREPARED = 200;

/**
 * A read or a function call with bound parameters ($1, $2 … sent apart from the SQL text).
 * MikroORM's connection.execute() inlines values into the SQL string instead; for the hot paths
 * (a page of records, its child rows, the audit batch) binding saves quoting and parsing large literals.
 *
 * `prepared`: run as a named prepared statement on PostgreSQL, so each connection parses and plans
 * the text once (a page with its child rows cost ~0.3 ms of planning per call). PGlite ignores it.
 */
export async function rawQuery<T = Record<string, any>>(
  em: EntityManager,
  sql: string,
  params: readonly unknown[],
  options: { prepared?: boolean } = {},
): Promise<T[]> {
  let query = em.getKnex().raw(sql, params as never);
  if (options.prepared) {
    let name = PREPARED.get(sql);
    if (name === undefined && PREPARED.size < MAX_PREPARED) PREPARED.set(sql, (name = `yorisoi_${PREPARED.size + 1}`));
    if (name !== undefined) query = query.options({ name });
  }
  const result = (await query) as { rows?: T[] } | T[];
  return Array.isArray(result) ? result : (result.rows ?? []);
}
