import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The audit chain's seal (issue 14, finding 5). The SHA-256 chain in the database shows a change only
 * to someone who does not recompute it — and the database owner can: with the project's own
 * audit_batch_hash, or by deleting the last batch and moving the head back, or by calling
 * audit_append with a forged entry. So each batch also carries a seal computed here, in the API
 * process, with AUDIT_KEY, which the database never sees:
 *
 *   seal = "v1." nonce "." HMAC-SHA256(AUDIT_KEY, "yorisoi-audit-seal-v1\n" nonce "\n" municipality "\n" lines)
 *
 * where lines are the batch's entries in the canonical text of audit_canonical_text (one per line,
 * in order). The API knows every field of an entry before it is written — including its time `at`,
 * which it sends — so the seal travels in the same audit_append call (one statement, as before).
 * A changed entry, or a batch the API did not write, has no valid seal; the nonce makes a copied
 * batch show as a duplicate. Deleting batches at the end of the chain leaves valid seals behind;
 * that is what the anchors outside the database are for (audit-anchor.ts).
 */
export const SEAL_VERSION = 'v1';

export interface CanonicalFields {
  municipality_code: string;
  /** The time as audit_canonical_text prints it: UTC, microseconds, `Z`. */
  at: string;
  actor_kind: string;
  actor_id: string;
  actor_name: string;
  actor_department: string;
  record_ids: string;
  action: string;
  sections: string;
  operation_name: string;
}

/** `2026-12-03T06:40:00.123Z` → `2026-12-03T06:40:00.123000Z`: PostgreSQL's `…SS.US"Z"` of a millisecond time. */
export function canonicalTime(at: Date): string {
  return `${at.toISOString().slice(0, -1)}000Z`;
}

/** audit_canonical_text (AuditRecordSets migration) in TypeScript: the fields joined by `|`. */
export function canonicalLine(e: CanonicalFields): string {
  return [e.municipality_code, e.at, e.actor_kind, e.actor_id, e.actor_name, e.actor_department, e.record_ids, e.action, e.sections, e.operation_name].join(
    '|',
  );
}

/** A batch's chain hash from the previous hash and its canonical lines (audit_batch_hash). */
export function batchHash(prev: string, lines: readonly string[]): string {
  return createHash('sha256')
    .update(`${prev}|${lines.join('\n')}`, 'utf8')
    .digest('hex');
}

function mac(key: string, nonce: string, municipalityCode: string, lines: readonly string[]): string {
  return createHmac('sha256', key)
    .update(`yorisoi-audit-seal-${SEAL_VERSION}\n${nonce}\n${municipalityCode}\n${lines.join('\n')}`, 'utf8')
    .digest('hex');
}

export function sealBatch(key: string, municipalityCode: string, lines: readonly string[]): string {
  const nonce = randomBytes(12).toString('hex');
  return `${SEAL_VERSION}.${nonce}.${mac(key, nonce, municipalityCode, lines)}`;
}

function equalHex(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/** The seal's nonce when it is valid for these lines, otherwise null. */
export function checkSeal(key: string, municipalityCode: string, lines: readonly string[], seal: string): string | null {
  const [version, nonce, given] = seal.split('.');
  if (version !== SEAL_VERSION || !nonce || !given) return null;
  return equalHex(given, mac(key, nonce, municipalityCode, lines)) ? nonce : null;
}

/** The MAC of an anchor line (audit-anchor.ts): what it claims, under the same key. */
export function anchorMac(key: string, fields: readonly string[]): string {
  return createHmac('sha256', key)
    .update(`yorisoi-audit-anchor-${SEAL_VERSION}\n${fields.join('\n')}`, 'utf8')
    .digest('hex');
}

export function anchorMacValid(key: string, fields: readonly string[], given: string): boolean {
  return typeof given === 'string' && equalHex(given, anchorMac(key, fields));
}

/**
 * Without AUDIT_KEY outside production, a key derived from AUTH_SECRET (the same on every API process):
 * a database owner does not hold it either. Production sets AUDIT_KEY of its own (server/config.ts).
 */
export function deriveAuditKey(authSecret: string): string {
  return createHmac('sha256', authSecret).update('yorisoi audit seal key').digest('hex');
}
