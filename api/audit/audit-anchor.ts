import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { anchorMac, anchorMacValid } from './audit-seal';
import { chainMunicipalities, type ChainReport, type Sql, verifyChain } from './audit-verifier';

/**
 * The audit chain's head, written outside the database (AUDIT_ANCHOR_DIR): one JSON line per anchor in
 * `<municipality code>.jsonl`, each with a MAC under AUDIT_KEY. A database owner can delete the newest
 * batches and move the head back, leaving every remaining seal valid; the chain then no longer passes
 * through the anchored batch, and verifyChain says so. What is lost unseen is at most what was
 * appended since the last anchor (AUDIT_ANCHOR_SECONDS).
 *
 * Lines are appended (O_APPEND, one write of under 4 KB each), so API processes sharing the folder
 * never interleave them. An anchor is written only after the chain since the previous anchor has been
 * checked, so a forged batch is never anchored. A `restore` line (npm run restore) starts the record
 * afresh from the restored head: the anchors before it named batches the restore legitimately removed.
 */
export interface AnchorLine {
  kind: 'anchor' | 'restore';
  municipalityCode: string;
  batchId: string;
  hash: string;
  at: string;
}

const CODE = /^[0-9]{6}$/;

function fileOf(dir: string, code: string): string {
  if (!CODE.test(code)) throw new Error(`not a municipality code: ${code}`);
  return join(dir, `${code}.jsonl`);
}

const fieldsOf = (a: AnchorLine) => [a.kind, a.municipalityCode, a.batchId, a.hash, a.at];

/** The valid anchor lines since the last restore, and what is wrong with the file. */
export function readAnchors(dir: string, key: string, code: string): { lines: AnchorLine[]; problems: string[] } {
  const file = fileOf(dir, code);
  if (!existsSync(file)) return { lines: [], problems: [] };
  const text = readFileSync(file, 'utf8');
  const raw = text.split('\n');
  // A line cut short by a crash mid-write is the last one and has no newline: not a claim, skipped.
  if (!text.endsWith('\n')) raw.pop();
  let lines: AnchorLine[] = [];
  const problems: string[] = [];
  raw.forEach((line, i) => {
    if (line === '') return;
    let parsed: AnchorLine & { mac?: string };
    try {
      parsed = JSON.parse(line) as AnchorLine & { mac?: string };
    } catch {
      problems.push(`anchor file ${code}.jsonl, line ${i + 1}: not readable`);
      return;
    }
    if (parsed.municipalityCode !== code || !anchorMacValid(key, fieldsOf(parsed), parsed.mac ?? '')) {
      problems.push(`anchor file ${code}.jsonl, line ${i + 1}: not written with this AUDIT_KEY`);
      return;
    }
    if (parsed.kind === 'restore') lines = [];
    lines.push({ kind: parsed.kind, municipalityCode: code, batchId: parsed.batchId, hash: parsed.hash, at: parsed.at });
  });
  return { lines, problems };
}

export function appendAnchor(dir: string, key: string, line: AnchorLine): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  appendFileSync(fileOf(dir, line.municipalityCode), `${JSON.stringify({ ...line, mac: anchorMac(key, fieldsOf(line)) })}\n`, { mode: 0o600 });
}

export interface AnchorResult {
  municipalityCode: string;
  /** The anchor written, or null when the head had not moved (or the chain was broken). */
  written: AnchorLine | null;
  report: ChainReport;
}

/**
 * Checks each chain since its newest anchor and anchors its head. A broken chain is not anchored
 * (the report says why; the caller logs it). `kind: 'restore'` after npm run restore.
 */
export async function anchorChains(sql: Sql, key: string, dir: string, kind: AnchorLine['kind'] = 'anchor'): Promise<AnchorResult[]> {
  const results: AnchorResult[] = [];
  const codes = new Set(await chainMunicipalities(sql));
  // After a restore, a municipality whose whole chain came after the backup has anchors but no chain.
  if (kind === 'restore' && existsSync(dir)) for (const f of readdirSync(dir)) if (/^[0-9]{6}\.jsonl$/.test(f)) codes.add(f.slice(0, 6));
  for (const code of [...codes].sort()) {
    const { lines } = readAnchors(dir, key, code);
    const newest = lines.reduce<AnchorLine | null>((a, l) => (a === null || BigInt(l.batchId) > BigInt(a.batchId) ? l : a), null);
    const report = kind === 'restore' ? await verifyChain(sql, key, code, null) : await verifyChain(sql, key, code, dir, newest ?? undefined);
    let written: AnchorLine | null = null;
    // A restored chain may be empty: its restore line names batch 0 ("nothing yet"), which the verifier skips.
    const head =
      kind === 'restore'
        ? (report.head ?? { batchId: '0', hash: 'genesis' })
        : (report.head ?? (newest ? { batchId: newest.batchId, hash: newest.hash } : null));
    const moved = head !== null && (kind === 'restore' || newest === null || head.batchId !== newest.batchId);
    if (moved && (report.problems.length === 0 || kind === 'restore')) {
      written = { kind, municipalityCode: code, batchId: head.batchId, hash: head.hash, at: new Date().toISOString() };
      appendAnchor(dir, key, written);
    }
    results.push({ municipalityCode: code, written, report });
  }
  return results;
}

/** Anchors every `seconds` in the API process (createApp); `stop` anchors once more, for a clean shutdown. */
export function startAnchoring(sql: () => Sql, key: string, dir: string, seconds: number): { stop(): Promise<void> } {
  let running: Promise<void> | null = null;
  const once = () =>
    (running ??= anchorChains(sql(), key, dir)
      .then((results) => {
        for (const r of results) {
          if (r.report.problems.length > 0)
            console.error(`[yorisoi] audit chain of ${r.municipalityCode} is broken, not anchored: ${r.report.problems.join('; ')}`);
        }
      })
      .catch((e: Error) => console.error(`[yorisoi] audit anchor failed: ${e.message}`))
      .finally(() => (running = null)));
  const first = setTimeout(() => void once(), 1_000);
  first.unref();
  const timer = setInterval(() => void once(), seconds * 1000);
  timer.unref();
  return {
    async stop() {
      clearTimeout(first);
      clearInterval(timer);
      if (running) await running;
      await once();
    },
  };
}
