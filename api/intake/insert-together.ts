import { type AnyEntity, helper } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Inserts every new entity waiting in `em` (created with em.create/persist, e.g. by RecordWriter)
 * in ONE statement: a data-modifying CTE with one multi-row INSERT per table. A single statement is
 * atomic on its own, so this replaces BEGIN + one INSERT per table + COMMIT (8 round trips for an
 * intake submission) with one round trip, and skips the unit of work's change-set computation.
 * Foreign keys between the rows are checked at the end of the statement, so the order of the tables
 * does not matter. A unique violation rolls the whole statement back and surfaces as MikroORM's
 * UniqueConstraintViolationException, as em.flush() would.
 *
 * Columns and values come from the entity metadata and MikroORM's own snapshot of each entity (the
 * values em.flush() would send), so nothing here names a column; a property that is not one plain
 * column (composite keys, JSON embeddables) is refused loudly rather than guessed. Only new entities
 * are accepted; `em` must not be flushed afterwards (its entities stay unmanaged).
 */
export async function insertTogether(em: EntityManager): Promise<void> {
  const uow = em.getUnitOfWork();
  const platform = em.getPlatform();
  const comparator = em.getComparator();
  const tables = new Map<string, { table: string; rows: Record<string, unknown>[] }>();
  for (const entity of uow.getPersistStack() as Set<AnyEntity>) {
    const wrapped = helper(entity);
    if (wrapped.__managed || wrapped.__originalEntityData) throw new Error(`insertTogether: ${wrapped.__meta.className} is not new`);
    const meta = wrapped.__meta;
    // The snapshot em.flush() would insert: values already converted for the database (JSON and
    // arrays as text, embedded sections flattened to their own properties). Property → column.
    const row: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(comparator.prepareEntity(entity) as Record<string, unknown>)) {
      const prop = meta.properties[name];
      if (!prop || prop.fieldNames?.length !== 1 || prop.hasConvertToDatabaseValueSQL || (value !== null && typeof value === 'object' && !(value instanceof Date))) {
        throw new Error(`insertTogether: ${meta.className}.${name} is not a plain column`);
      }
      row[prop.fieldNames[0]] = value;
    }
    let group = tables.get(meta.className);
    if (!group) tables.set(meta.className, (group = { table: platform.quoteIdentifier(meta.tableName), rows: [] }));
    group.rows.push(row);
  }
  if (tables.size === 0) return;
  const params: unknown[] = [];
  const inserts = [...tables.values()].map(({ table, rows }) => {
    const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    const values = rows.map((r) => `(${columns.map((c) => {
      if (!(c in r) || r[c] === undefined) return 'default';
      params.push(r[c]);
      return '?';
    }).join(', ')})`);
    return `insert into ${table} (${columns.map((c) => platform.quoteIdentifier(c)).join(', ')}) values ${values.join(', ')}`;
  });
  const last = inserts.pop()!;
  const sql = inserts.length ? `with ${inserts.map((s, i) => `w${i} as (${s})`).join(', ')} ${last}` : last;
  await em.execute(sql, params, 'run');
}
