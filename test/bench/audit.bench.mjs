// node test/bench/audit.bench.mjs — what the audit seal (issue 14) costs, on PostgreSQL over loopback.
// (a) appends: one request's entries (a page of 50 records, two entries) appended BENCH_APPENDS times
//     one after another, sealed (canonical text + HMAC in the API, seal sent in the same call) against
//     the same call unsealed (seals null, no work in the API) — alternating runs, median pair reported.
// (b) checking the chain: the API's verifier (hashes recomputed in Node, seals, anchors) against the
//     database's own audit_verify, over the chain (a) left behind — alternating, best of three each.
// Prints a section for RESULTS.md (BENCH_WRITE=1 appends it).
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { appendFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
if (!existsSync(join(root, 'dist/api/server/app.js'))) throw new Error('run `npm run build` first');
const { openOrm, migrate } = require('../../dist/api/db/orm.js');
const { canonicalLine, canonicalTime, sealBatch } = require('../../dist/api/audit/audit-seal.js');
const { verifyChain, sqlFor } = require('../../dist/api/audit/audit-verifier.js');
const { anchorChains } = require('../../dist/api/audit/audit-anchor.js');

const serverUrl = process.env.BENCH_DATABASE_URL || 'postgres://root@127.0.0.1:5432/test';
const APPENDS = Number(process.env.BENCH_APPENDS || 1500);
const PAIRS = Number(process.env.BENCH_PAIRS || 5);
const KEY = 'bench-audit-key-bench-audit-key-0123456789';
const CODE = '999999';
const dbName = 'yorisoi_bench_audit';
const dbUrl = (() => {
  const u = new URL(serverUrl);
  u.pathname = `/${dbName}`;
  return u.toString();
})();

const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`drop database if exists ${dbName} with (force)`);
await admin.query(`create database ${dbName}`);
const handle = await openOrm({ kind: 'postgresql', url: dbUrl });
await migrate(handle.orm);
const knex = handle.orm.em.getKnex();

const actor = { actor_kind: 'staff', actor_id: randomUUID(), actor_name: '窓口 太郎', actor_department: 'livelihood-support' };
const ids = Array.from({ length: 50 }, () => randomUUID());
const groups = [
  { record_ids: ids.slice(0, 48), sections: ['address', 'identity'] },
  { record_ids: ids.slice(48), sections: ['identity'] },
];

/** What audit-collector.ts + audit-appender.ts do per request, sealed or not. */
function request(sealed) {
  const at = new Date();
  const entries = groups.map((g) => ({
    ...actor,
    at: at.toISOString(),
    municipality_code: CODE,
    record_ids: g.record_ids,
    action: 'read',
    sections: g.sections,
    operation_name: 'Page',
  }));
  if (!sealed) return [JSON.stringify(entries), null];
  const lines = entries.map((e) =>
    canonicalLine({ ...e, at: canonicalTime(at), record_ids: e.record_ids.join(','), sections: e.sections.join(','), operation_name: e.operation_name }),
  );
  return [JSON.stringify(entries), JSON.stringify({ [CODE]: sealBatch(KEY, CODE, lines) })];
}

async function appendRun(sealed) {
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  for (let i = 0; i < APPENDS; i++) {
    const [json, seals] = request(sealed);
    await knex.raw('select audit_append(?::jsonb, ?::jsonb) as n', [json, seals]);
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const used = process.cpuUsage(cpu);
  return { perSecond: APPENDS / (ms / 1000), cpuUs: (used.user + used.system) / APPENDS };
}

// The API-side work alone, in this process, no database (µs per request).
function sealCpu(n = 20_000) {
  const t = process.hrtime.bigint();
  for (let i = 0; i < n; i++) request(true);
  const sealed = Number(process.hrtime.bigint() - t) / 1e3 / n;
  const u = process.hrtime.bigint();
  for (let i = 0; i < n; i++) request(false);
  return { sealed, unsealed: Number(process.hrtime.bigint() - u) / 1e3 / n };
}

const loads = [os.loadavg()[0]];
await appendRun(true); // warm-up
const pairs = [];
for (let p = 0; p < PAIRS; p++) {
  const base = await appendRun(false);
  const seal = await appendRun(true);
  pairs.push({ base, seal, ratio: seal.perSecond / base.perSecond });
  loads.push(os.loadavg()[0]);
}
const median = [...pairs].sort((a, b) => a.ratio - b.ratio)[Math.floor(pairs.length / 2)];
const cpuOnly = sealCpu();

// (b) The chain (a) left: unsealed batches in between would read as forged, so check a sealed-only chain.
await admin.query(`drop database if exists ${dbName}_v with (force)`);
await admin.query(`create database ${dbName}_v`);
const vUrl = (() => {
  const u = new URL(serverUrl);
  u.pathname = `/${dbName}_v`;
  return u.toString();
})();
const vHandle = await openOrm({ kind: 'postgresql', url: vUrl });
await migrate(vHandle.orm);
const vKnex = vHandle.orm.em.getKnex();
const BATCHES = Number(process.env.BENCH_BATCHES || 5000);
for (let i = 0; i < BATCHES; i++) {
  const [json, seals] = request(true);
  await vKnex.raw('select audit_append(?::jsonb, ?::jsonb) as n', [json, seals]);
}
const anchorDir = mkdtempSync(join(os.tmpdir(), 'yorisoi-bench-anchors-'));
const sql = sqlFor(vHandle.orm.em.fork());
await anchorChains(sql, KEY, anchorDir);
const timeIt = async (fn) => {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
};
const sqlTimes = [];
const apiTimes = [];
for (let i = 0; i < 3; i++) {
  sqlTimes.push(await timeIt(() => vKnex.raw('select audit_verify(?) as broken', [CODE])));
  apiTimes.push(
    await timeIt(async () => {
      const r = await verifyChain(sql, KEY, CODE, anchorDir);
      if (r.problems.length > 0) throw new Error(`bench chain broken: ${r.problems.join('; ')}`);
    }),
  );
}
rmSync(anchorDir, { recursive: true, force: true });
await vHandle.close();
await handle.close();
await admin.query(`drop database if exists ${dbName} with (force)`);
await admin.query(`drop database if exists ${dbName}_v with (force)`);
await admin.end();

const f = (n, d = 0) => n.toFixed(d);
const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
const section = `
## Audit seal (issue 14) — ${when} UTC

Machine: ${os.cpus()[0]?.model ?? '?'}, ${os.cpus().length} cores; Node ${process.version}; PostgreSQL on loopback. Load average during the run: ${loads.map((l) => l.toFixed(1)).join(', ')}.
Command: \`npm run build && node test/bench/audit.bench.mjs\`.
(a) ${APPENDS} appends one after another (one request's entries: a page of 50 records as two entries), sealed against unsealed, ${PAIRS} alternating pairs.

| pair | unsealed appends/s | sealed appends/s | sealed / unsealed | API CPU µs per append, unsealed / sealed |
|---|---|---|---|---|
${pairs.map((p, i) => `| ${i + 1} | ${f(p.base.perSecond)} | ${f(p.seal.perSecond)} | ${f(p.ratio * 100)} % | ${f(p.base.cpuUs)} / ${f(p.seal.cpuUs)} |`).join('\n')}

- Median pair: sealed **${f(median.ratio * 100)} %** of unsealed throughput; one statement per append either way.
- The seal's own work in the API (canonical text + HMAC-SHA256, no database): ${f(cpuOnly.sealed, 1)} µs per request against ${f(cpuOnly.unsealed, 1)} µs for building the unsealed JSON.

(b) Checking a sealed chain of ${BATCHES} batches (${BATCHES * 2} entries), best of three:

| check | ms |
|---|---|
| database's \`audit_verify\` (hashes only; an owner can replace it) | ${f(Math.min(...sqlTimes))} |
| API verifier (hashes recomputed in Node, seals, anchors) — \`auditChainIntact\`, \`npm run audit:verify\` | ${f(Math.min(...apiTimes))} |
`;
console.log(section);
if (process.env.BENCH_WRITE === '1') appendFileSync(join(here, 'RESULTS.md'), section);
