import { type AnyEntity, helper } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { rawQuery } from '../db';

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
 *
 * `claim`: one of the new entities whose row carries a unique key (an inbox item with its idempotency
 * key). Its insert is ON CONFLICT DO NOTHING and every other row is inserted only when it went in:
 * a retry stores nothing and raises no error. Returns false then (the caller reads the first receipt).
 */
export async function insertTogether(em: EntityManager, options: { claim?: AnyEntity } = {}): Promise<boolean> {
  const uow = em.getUnitOfWork();
  const platform = em.getPlatform();
  const comparator = em.getComparator();
  const tables = new Map<string, { table: string; rows: Record<string, unknown>[] }>();
  let claim: { table: string; row: Record<string, unknown> } | null = null;
  for (const entity of uow.getPersistStack() as Set<AnyEntity>) {
    const wrapped = helper(entity);
    if (wrapped.__managed || wrapped.__originalEntityData) throw new Error(`insertTogether: ${wrapped.__meta.className} is not new`);
    const meta = wrapped.__meta;
    // The snapshot em.flush() would insert: values already converted for the database (JSON and
    // arrays as text, embedded sections flattened to their own properties). Property → column.
    const row: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(comparator.prepareEntity(entity) as Record<string, unknown>)) {
      const prop = meta.properties[name];
      if (
        !prop ||
        prop.fieldNames?.length !== 1 ||
        prop.hasConvertToDatabaseValueSQL ||
        (value !== null && typeof value === 'object' && !(value instanceof Date))
      ) {
        throw new Error(`insertTogether: ${meta.className}.${name} is not a plain column`);
      }
      if (value !== undefined) row[prop.fieldNames[0]] = value;
    }
    const table = platform.quoteIdentifier(meta.tableName);
    if (entity === options.claim) {
      claim = { table, row };
      continue;
    }
    let group = tables.get(meta.className);
    if (!group) tables.set(meta.className, (group = { table, rows: [] }));
    group.rows.push(row);
  }
  if (options.claim && !claim) throw new Error('insertTogether: the claim is not among the new entities');
  if (tables.size === 0 && !claim) return true;
  const params: unknown[] = [];
  const bind = (value: unknown) => {
    params.push(value);
    return '?';
  };
  const columnList = (columns: string[]) => columns.map((c) => platform.quoteIdentifier(c)).join(', ');
  let sql: string;
  if (claim) {
    // The claim row first, skipped on conflict (no error, so nothing is logged); every other row is
    // inserted only when the claim was (one INSERT … SELECT per row: its parameters take the column types).
    const claimColumns = Object.keys(claim.row);
    const parts = [
      `c as (insert into ${claim.table} (${columnList(claimColumns)}) values (${claimColumns.map((c) => bind(claim.row[c])).join(', ')}) on conflict do nothing returning 1)`,
    ];
    for (const { table, rows } of tables.values()) {
      for (const row of rows) {
        const columns = Object.keys(row);
        parts.push(
          `w${parts.length} as (insert into ${table} (${columnList(columns)}) select ${columns.map((c) => bind(row[c])).join(', ')} where exists (select 1 from c))`,
        );
      }
    }
    sql = `with ${parts.join(', ')} select count(*)::int as claimed from c`;
  } else {
    const inserts = [...tables.values()].map(({ table, rows }) => {
      const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
      const values = rows.map((r) => `(${columns.map((c) => (c in r ? bind(r[c]) : 'default')).join(', ')})`);
      return `insert into ${table} (${columnList(columns)}) values ${values.join(', ')}`;
    });
    const last = inserts.pop()!;
    sql = inserts.length ? `with ${inserts.map((s, i) => `w${i} as (${s})`).join(', ')} ${last}` : last;
  }
  try {
    // Bound parameters ($1, $2 … sent apart from the text), never values inlined into the SQL: a
    // statement PostgreSQL refuses is written to its server log, and with inlined values that would
    // be a family's name, phone and DV note (issue 14, finding 2).
    const rows = await rawQuery<{ claimed: number }>(em, sql, params);
    return claim ? Number(rows[0]?.claimed ?? 0) === 1 : true;
  } catch (e) {
    throw platform.getExceptionConverter().convertException(e as Error);
  }
}
