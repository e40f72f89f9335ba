import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * A read or a function call with bound parameters ($1, $2 … sent apart from the SQL text).
 * MikroORM's connection.execute() inlines values into the SQL string instead; for the hot paths
 * (a page's child rows, the audit batch) binding saves quoting and parsing large literals.
 */
export async function rawQuery<T = Record<string, any>>(em: EntityManager, sql: string, params: readonly unknown[]): Promise<T[]> {
  const result = (await em.getKnex().raw(sql, params as never)) as { rows?: T[] } | T[];
  return Array.isArray(result) ? result : (result.rows ?? []);
}
