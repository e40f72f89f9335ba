import type { EntityManager } from '@mikro-orm/postgresql';
import type { RetainedItem } from './erasure-request.entity';
import { q, referencesTo, uuidArray, type Reference, type Rows } from './record-tables';
import type { RetentionRule } from './retention';

/**
 * Columns of personal_record that say nothing about the family and keep the row a valid tombstone. A
 * merged-away record keeps where it points (merged_into_id, merged_at): cleared, it would come back as a
 * live, empty record in every list.
 */
const RECORD_KEEP = new Set([
  'id',
  'municipality_code',
  'reference_number',
  'version',
  'owner_department',
  'source',
  'created_at',
  'updated_at',
  'merged_into_id',
  'merged_at',
]);

const DAY_MS = 86_400_000;

/** What erasing computed or did: what was kept (with why) and how many rows went per table. */
export interface ErasureOutcome {
  retained: RetainedItem[];
  deleted: Record<string, number>;
}

/**
 * Erases what is held about one record, in the caller's transaction. Rows in every table under the
 * record (its foreign keys, walked from the leaves up) are deleted — with them go the sealed keys of
 * uploaded files, so the files can no longer be read (crypto-shredded) — except the rows a retention
 * rule keeps, which keep everything under them too. The record's own row stays as a tombstone: every
 * personal column back to its default (null, empty), search hashes included; its id and reference number
 * stay, pseudonymous, so the audit log and this request still name it. The audit log is never touched.
 * `dryRun` counts without changing anything (what the approving admin sees first).
 */
export async function eraseRecord(em: EntityManager, recordId: string, rules: RetentionRule[], now: Date, dryRun: boolean): Promise<ErasureOutcome> {
  const conn = em;
  const refs = await referencesTo(em);
  const retained: RetainedItem[] = [];
  const deleted: Record<string, number> = {};
  const until = (years: number | null) => (years == null ? null : new Date(now.getTime() + years * 365.25 * DAY_MS).toISOString().slice(0, 10));
  const count = async (table: string, where: string, params: unknown[]) =>
    Number((await conn.execute<{ n: string }[]>(`select count(*) as n from ${q(table)} where ${where}`, params))[0]!.n);

  const walk = async (rows: Rows): Promise<void> => {
    let where = rows.where;
    const rule = rules.find((r) => r.table === rows.table);
    if (rule) {
      const keptWhere = rule.when ? `(${where}) and ${q(rule.when.column)}::text in (${rule.when.in.map(() => '?').join(', ')})` : where;
      const keptParams = rule.when ? [...rows.params, ...rule.when.in] : rows.params;
      const kept = await count(rows.table, keptWhere, keptParams);
      if (kept) retained.push({ table: rows.table, rows: kept, years: rule.years, until: until(rule.years), basis: rule.basis });
      if (!rule.when) return;
      where = `(${where}) and not (${q(rule.when.column)}::text in (${rule.when.in.map(() => '?').join(', ')}) )`;
      rows = { table: rows.table, where, params: [...rows.params, ...rule.when.in] };
    }
    for (const ref of refs.get(rows.table) ?? []) {
      if (ref.table === rows.table) continue;
      await walk(childRows(ref, rows));
    }
    const n = await count(rows.table, rows.where, rows.params);
    if (n) {
      deleted[rows.table] = (deleted[rows.table] ?? 0) + n;
      if (!dryRun) await conn.execute(`delete from ${q(rows.table)} where ${rows.where}`, rows.params);
    }
  };
  const root: Rows = { table: 'personal_record', where: `"id" = ?`, params: [recordId] };
  for (const ref of refs.get('personal_record') ?? []) await walk(childRows(ref, root));

  // The audit log has no foreign key (it outlives what it names): listed when a rule says so.
  const auditRule = rules.find((r) => r.table === 'audit_entry');
  if (auditRule) {
    const n = await count('audit_entry', `record_ids @> array[?]::uuid[]`, [recordId]);
    if (n) retained.push({ table: 'audit_entry', rows: n, years: auditRule.years, until: until(auditRule.years), basis: auditRule.basis });
  }

  if (!dryRun) {
    const columns = await conn.execute<{ column_name: string }[]>(
      `select column_name from information_schema.columns where table_schema = current_schema() and table_name = 'personal_record' order by ordinal_position`,
    );
    const cleared = columns.map((c) => c.column_name).filter((c) => !RECORD_KEEP.has(c));
    await conn.execute(
      `update personal_record set ${cleared.map((c) => `${q(c)} = default`).join(', ')}, "version" = "version" + 1, "updated_at" = ? where id = ?`,
      [now, recordId],
    );
  }
  return { retained, deleted };
}

/**
 * Erases a whole family (family.ts): the survivor and every record merged into it, each as eraseRecord
 * does; what was kept is summed per table (one line per table and rule, as for a single record).
 */
export async function eraseFamily(
  em: EntityManager,
  recordIds: readonly string[],
  rules: RetentionRule[],
  now: Date,
  dryRun: boolean,
): Promise<ErasureOutcome> {
  const retained = new Map<string, RetainedItem>();
  const deleted: Record<string, number> = {};
  for (const id of recordIds) {
    const one = await eraseRecord(em, id, rules, now, dryRun);
    for (const r of one.retained) {
      const key = `${r.table} ${r.basis.ja}`;
      const seen = retained.get(key);
      if (seen) seen.rows += r.rows;
      else retained.set(key, { ...r });
    }
    for (const [table, n] of Object.entries(one.deleted)) deleted[table] = (deleted[table] ?? 0) + n;
  }
  // An audit entry may name several of the family's records (the merge itself): counted once.
  const audit = [...retained.values()].find((r) => r.table === 'audit_entry');
  if (audit && recordIds.length > 1)
    audit.rows = Number(
      (await em.execute<{ n: string }[]>(`select count(*) as n from audit_entry where record_ids && ${uuidArray(recordIds)}`, [...recordIds]))[0]!.n,
    );
  return { retained: [...retained.values()], deleted };
}

function childRows(ref: Reference, parent: Rows): Rows {
  return {
    table: ref.table,
    where: `${q(ref.column)} in (select ${q(ref.parentColumn)} from ${q(parent.table)} where ${parent.where})`,
    params: parent.params,
  };
}
