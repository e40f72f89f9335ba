import type { EntityManager } from '@mikro-orm/postgresql';
import { type AnchorLine, readAnchors } from './audit-anchor';
import { batchHash, canonicalLine, type CanonicalFields, checkSeal } from './audit-seal';

/** Raw SQL with `?` parameters (an EntityManager's connection, or a pg client adapted to it). */
export type Sql = <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;

export function sqlFor(em: EntityManager): Sql {
  const conn = em.getConnection();
  return <T>(text: string, params: unknown[] = []) => conn.execute<T[]>(text, params);
}

export interface ChainReport {
  municipalityCode: string;
  /** Batches checked. */
  batches: number;
  /** Batches written before the AuditSeal migration: at the start of the chain, before the first anchor (hash-checked only). */
  legacyUnsealed: number;
  /** The newest batch checked, and its hash (what an anchor records). */
  head: { batchId: string; hash: string } | null;
  /** What is wrong, in words (at most 20); empty when intact. */
  problems: string[];
}

const PAGE = 1_000;
const MAX_PROBLEMS = 20;

interface BatchRow {
  id: string;
  prev_hash: string;
  hash: string;
  entries: number;
  seal: string | null;
}
type EntryRow = CanonicalFields & { batch_id: string };

/**
 * Checks a municipality's audit chain in this process, trusting none of the database's own audit
 * functions (an owner can replace audit_verify with one that always says "intact"): every batch's hash
 * is recomputed here from its stored entries, every seal is checked with AUDIT_KEY, and the chain must
 * pass through every anchor written outside the database (audit-anchor.ts) — so a history recomputed,
 * cut back or extended by hand shows. `from` starts at an anchored batch instead of the beginning
 * (incremental check before writing the next anchor).
 */
export async function verifyChain(
  sql: Sql,
  key: string,
  municipalityCode: string,
  anchorDir: string | null,
  from?: { batchId: string; hash: string },
  pageSize = PAGE,
): Promise<ChainReport> {
  const problems: string[] = [];
  const problem = (text: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push(text);
  };
  const anchors = new Map<string, AnchorLine>();
  // Batches without a seal are accepted only before the first anchor (written by this code, so after the
  // AuditSeal migration): an owner who strips every seal cannot pass later batches off as old ones.
  let sealedAfter: bigint | null = null;
  if (anchorDir) {
    const read = readAnchors(anchorDir, key, municipalityCode);
    for (const p of read.problems) problem(p);
    for (const a of read.lines) {
      if (sealedAfter === null || BigInt(a.batchId) < sealedAfter) sealedAfter = BigInt(a.batchId);
      if (a.batchId !== '0') anchors.set(a.batchId, a);
    }
  }
  let prev = 'genesis';
  let after = '0';
  if (from) {
    const [row] = await sql<{ hash: string }>('select hash from audit_batch where id = ?::bigint and municipality_code = ?', [from.batchId, municipalityCode]);
    if (row?.hash !== from.hash) problem(`batch ${from.batchId}: anchored, but missing or changed`);
    prev = from.hash;
    after = from.batchId;
  }
  const report: ChainReport = { municipalityCode, batches: 0, legacyUnsealed: 0, head: null, problems };
  let sealedSeen = from !== undefined;
  const nonces = new Set<string>();
  for (;;) {
    const batches = await sql<BatchRow>(
      // Ordered by the bigint column, not by the text alias (batch 10 would come before batch 9).
      'select b.id::text as id, b.prev_hash, b.hash, b.entries, b.seal from audit_batch b where b.municipality_code = ? and b.id > ?::bigint order by b.id limit ?',
      [municipalityCode, after, pageSize],
    );
    if (batches.length === 0) break;
    const entries = await sql<EntryRow>(
      `select batch_id::text as batch_id, municipality_code, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at,
         actor_kind, actor_id::text as actor_id, actor_name, actor_department, array_to_string(record_ids, ',') as record_ids, action,
         array_to_string(sections, ',') as sections, coalesce(operation_name, '') as operation_name
       from audit_entry e where e.batch_id between ?::bigint and ?::bigint order by e.batch_id, e.seq`,
      [batches[0]!.id, batches[batches.length - 1]!.id],
    );
    const lines = new Map<string, string[]>();
    for (const e of entries) {
      const list = lines.get(e.batch_id);
      if (list) list.push(canonicalLine(e));
      else lines.set(e.batch_id, [canonicalLine(e)]);
    }
    for (const b of batches) {
      const own = lines.get(b.id) ?? [];
      if (b.prev_hash !== prev) problem(`batch ${b.id}: does not follow the batch before it`);
      if (batchHash(b.prev_hash, own) !== b.hash) problem(`batch ${b.id}: its entries do not give its hash`);
      if (own.length !== b.entries) problem(`batch ${b.id}: ${own.length} entries where ${b.entries} were written`);
      if (b.seal == null) {
        if (sealedSeen || (sealedAfter !== null && BigInt(b.id) > sealedAfter)) problem(`batch ${b.id}: not sealed — not written by Yorisoi`);
        else report.legacyUnsealed++;
      } else {
        sealedSeen = true;
        const nonce = checkSeal(key, municipalityCode, own, b.seal);
        if (nonce === null) problem(`batch ${b.id}: its seal does not match its entries`);
        else if (nonces.has(nonce)) problem(`batch ${b.id}: a copy of an earlier batch`);
        else nonces.add(nonce);
      }
      const anchor = anchors.get(b.id);
      if (anchor) {
        if (anchor.hash !== b.hash) problem(`batch ${b.id}: differs from the anchor written ${anchor.at}`);
        anchors.delete(b.id);
      }
      prev = b.hash;
      report.head = { batchId: b.id, hash: b.hash };
      report.batches++;
    }
    after = batches[batches.length - 1]!.id;
  }
  for (const a of anchors.values()) {
    if (from && BigInt(a.batchId) <= BigInt(from.batchId)) continue;
    problem(`batch ${a.batchId}: anchored ${a.at}, but no longer in the chain (deleted or rolled back)`);
  }
  const [head] = await sql<{ last_hash: string }>('select last_hash from audit_chain_head where municipality_code = ?', [municipalityCode]);
  if ((head?.last_hash ?? 'genesis') !== prev) problem('the chain head does not name the last batch');
  if (!from) {
    const [orphans] = await sql<{ n: number }>(
      'select count(*)::int as n from audit_entry e where e.municipality_code = ? and not exists (select 1 from audit_batch b where b.id = e.batch_id and b.municipality_code = e.municipality_code)',
      [municipalityCode],
    );
    if (orphans && orphans.n > 0) problem(`${orphans.n} entries belong to no batch of the chain`);
  }
  return report;
}

/** Every municipality that has an audit chain (or an anchor file). */
export async function chainMunicipalities(sql: Sql): Promise<string[]> {
  const rows = await sql<{ code: string }>(
    'select municipality_code as code from audit_chain_head union select distinct municipality_code from audit_batch order by 1',
  );
  return rows.map((r) => r.code);
}
