// node test/bench/eligibility.bench.mjs   (after `npm run build`; runs on dist/)
//
// Two measurements, appended as one section to test/bench/RESULTS.md:
//   (a) the eligibility engine: evaluateAll (the whole catalogue, 22 programmes) over 20,000 varied
//       generated households, single thread, after a warm-up, best of 3 → households per second;
//   (b) re-screening: rescreen() (api/programme/rescreen.ts) over 100,000 stored records on PostgreSQL,
//       timing the full run and sampling process.memoryUsage() every 250 ms.
// Targets (issue): ≥ 50,000 households/s on one core; 100,000 records re-screened in ≤ 30 s with flat memory.
//   BENCH_DATABASE_URL (default postgres://root@127.0.0.1:5432/test) names the server; a database
//   yorisoi_bench_rescreen is created on it and dropped at the end. BENCH_RECORDS (default 100000);
//   BENCH_WRITE=0 prints the section without appending it (trial runs).
import 'reflect-metadata';
import { createRequire } from 'node:module';
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { seedBenchRecords } from './seed-bench.mjs';
// Encryption at rest needs a master key on PostgreSQL; a fixed one for benchmark databases.
process.env.ENCRYPTION_KEY ??= 'be0c4be0c4be0c4be0c4be0c4be0c4be0c4be0c4be0c4be0c4be0c4be0c4be0c';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
if (!existsSync(join(root, 'dist/api/programme/rescreen.js'))) throw new Error('run `npm run build` first');
const { evaluateAll, PROGRAMME_IDS } = require('../../dist/api/programme/rules/index.js');
const { rescreen } = require('../../dist/api/programme/rescreen.js');
const { openOrm, migrate } = require('../../dist/api/db/orm.js');
const { seedDemo } = require('../../dist/api/server/seed/demo-seed.js');

const serverUrl = process.env.BENCH_DATABASE_URL || 'postgres://root@127.0.0.1:5432/test';
const RECORDS = Number(process.env.BENCH_RECORDS || 100_000);
const HOUSEHOLDS = 20_000;
const DB = 'yorisoi_bench_rescreen';
const dbUrl = (() => {
  const u = new URL(serverUrl);
  u.pathname = `/${DB}`;
  return u.toString();
})();
const MiB = 2 ** 20;
const mib = (b) => (b / MiB).toFixed(1);

// ---------------------------------------------------------------- (a) evaluateAll throughput

function mulberry32(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AS_OF = '2026-12-01';
const CONCERNS = ['childcare', 'dv', 'mental-health', 'work', 'housing', 'finances', 'medical', 'care', 'legal', 'education', 'child-support'];
const BENEFITS = ['child-allowance', 'child-rearing-allowance', 'single-parent-medical-subsidy', 'school-expense-aid', 'public-housing-priority'];

/** Realistic, varied households: 1–3 children of 0–18, salary 0–5M yen, some 養育費, 1–3 concerns. */
function households(n) {
  const rand = mulberry32(20261201);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const day = (yearsAgo) => new Date(Date.parse(`${AS_OF}T00:00:00Z`) - Math.floor(yearsAgo * 365.25 * 86_400_000)).toISOString().slice(0, 10);
  const out = [];
  for (let i = 0; i < n; i++) {
    const kids = 1 + Math.floor(rand() * 3);
    const children = [];
    for (let c = 0; c < kids; c++) children.push({ birthDate: day(rand() * 18.5), disability: rand() < 0.05 });
    const concerns = [...new Set(Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(CONCERNS)))];
    const benefitsInUse = BENEFITS.filter(() => rand() < 0.3);
    const onAssistance = rand() < 0.05;
    if (onAssistance) benefitsInUse.push('livelihood-protection');
    out.push({
      asOf: AS_OF,
      children,
      annualEmploymentIncome: rand() < 0.05 ? null : Math.round((rand() * 5_000_000) / 1000) * 1000,
      otherIncome: rand() < 0.8 ? 0 : Math.round(rand() * 500_000),
      childSupportReceivedYearly: rand() < 0.3 ? Math.round(rand() * 60) * 12_000 : 0,
      dependentsCount: rand() < 0.2 ? kids + 1 : null,
      benefitsInUse,
      receivesPublicAssistance: onAssistance,
      concerns,
      residentTaxExempt: rand() < 0.5 ? null : rand() < 0.3,
      married: rand() < 0.1 ? null : false,
    });
  }
  return out;
}

function evaluateThroughput() {
  const list = households(HOUSEHOLDS);
  let sink = 0;
  const pass = () => {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < list.length; i++) {
      const r = evaluateAll(list[i]);
      sink += r.length + r[0].relevance;
    }
    return Number(process.hrtime.bigint() - t0) / 1e9;
  };
  pass();
  pass(); // warm-up: let the JIT optimise the rules
  const runs = [pass(), pass(), pass()];
  const best = Math.min(...runs);
  let eligible = 0;
  for (const h of list) for (const r of evaluateAll(h)) if (r.status === 'ELIGIBLE') eligible++;
  if (sink === 0) throw new Error('nothing evaluated');
  return { runs, best, perSecond: HOUSEHOLDS / best, eligiblePerHousehold: eligible / HOUSEHOLDS, programmes: PROGRAMME_IDS.length };
}

// ---------------------------------------------------------------- (b) re-screening on PostgreSQL

/**
 * seedBenchRecords in chunks of 10,000: its reference numbers ('B' || lpad(g, 3) || '-' || g % 10000)
 * repeat beyond about 10,100 records in one call, and each call adds children, benefits and consultations
 * to every record still marked 'bench'. So each chunk's records get a distinct prefix and are set aside
 * before the next chunk, then marked 'bench' again.
 */
async function seedInChunks(client, count) {
  for (let done = 0, k = 0; done < count; done += 10_000, k++) {
    await seedBenchRecords(client, Math.min(10_000, count - done));
    await client.query(`update personal_record set reference_number = 'C' || ${k} || '-' || reference_number, privacy_notice_version = 'bench-seeded'
      where privacy_notice_version = 'bench'`);
  }
  await client.query(`update personal_record set privacy_notice_version = 'bench' where privacy_notice_version = 'bench-seeded'`);
  await client.query('vacuum analyze');
}

async function prepare() {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${DB} with (force)`);
  await admin.query(`create database ${DB}`);
  const pgVersion = (await admin.query('show server_version')).rows[0].server_version;
  await admin.end();
  const t0 = Date.now();
  const handle = await openOrm({ kind: 'postgresql', url: dbUrl });
  await migrate(handle.orm);
  await seedDemo(handle.orm.em.fork(), 'pw', 0);
  await handle.close();
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  await seedInChunks(client, RECORDS);
  const { rows } = await client.query(`select count(*)::int as n from personal_record where municipality_code = '999999'`);
  await client.end();
  return { pgVersion, records: rows[0].n, seedSeconds: (Date.now() - t0) / 1000 };
}

async function rescreenRun(expected) {
  const handle = await openOrm({ kind: 'postgresql', url: dbUrl });
  const samples = [];
  const sample = () => {
    const m = process.memoryUsage();
    samples.push({ t: performance.now(), rss: m.rss, heap: m.heapUsed });
  };
  globalThis.gc?.();
  sample();
  const timer = setInterval(sample, 250);
  const t0 = performance.now();
  let count = 0;
  let eligible = 0;
  const eligibleCra = { n: 0 };
  try {
    for await (const { results } of rescreen(handle.orm.em.fork(), { municipalityCode: '999999' })) {
      count++;
      for (const r of results) {
        if (r.status !== 'ELIGIBLE') continue;
        eligible++;
        if (r.programmeId === 'child-rearing-allowance') eligibleCra.n++;
      }
    }
  } finally {
    clearInterval(timer);
  }
  const seconds = (performance.now() - t0) / 1000;
  sample();
  await handle.close();
  if (count !== expected) throw new Error(`rescreen yielded ${count} results for ${expected} records`);
  const t1 = t0 + (seconds * 1000) / 2;
  const peak = (key, from = 0, to = Infinity) => Math.max(...samples.filter((s) => s.t >= from && s.t <= to).map((s) => s[key]));
  return {
    seconds,
    perSecond: count / seconds,
    count,
    eligiblePerRecord: eligible / count,
    eligibleCra: eligibleCra.n,
    samples: samples.length,
    heap: { start: samples[0].heap, peak: peak('heap'), end: samples.at(-1).heap, firstHalf: peak('heap', t0, t1), secondHalf: peak('heap', t1) },
    rss: { start: samples[0].rss, peak: peak('rss'), end: samples.at(-1).rss, firstHalf: peak('rss', t0, t1), secondHalf: peak('rss', t1) },
  };
}

// ---------------------------------------------------------------- run and report

const engine = evaluateThroughput();
console.log(`evaluateAll: ${engine.perSecond.toFixed(0)} households/s (best of ${engine.runs.map((s) => s.toFixed(3)).join(', ')} s)`);

let prepared;
let screen;
try {
  prepared = await prepare();
  console.log(`seeded ${prepared.records} records in ${prepared.seedSeconds.toFixed(1)} s`);
  screen = await rescreenRun(prepared.records);
  console.log(`rescreen: ${screen.count} records in ${screen.seconds.toFixed(2)} s`, screen);
} finally {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${DB} with (force)`);
  await admin.end();
}

// Flat memory: the second half of the run peaks no higher than the first half (+20% or 16 MiB of
// noise) — holding the results would grow the heap with every record instead.
const flat = (m) => m.secondHalf <= Math.max(m.firstHalf * 1.2, m.firstHalf + 16 * MiB);
const memoryFlat = flat(screen.heap) && flat(screen.rss);
const engineMet = engine.perSecond >= 50_000;
const screenMet = screen.seconds <= 30 && memoryFlat;
const yes = (b) => (b ? '**met**' : '**NOT met**');

const section = `
## Eligibility engine and re-screening — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC

Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB; Node ${process.version}; PostgreSQL ${prepared.pgVersion} on loopback.
Command: \`npm run build && node test/bench/eligibility.bench.mjs\`.
(a) \`evaluateAll\` (all ${engine.programmes} programmes, national catalogue) over ${HOUSEHOLDS.toLocaleString('en')} generated households (1–3 children aged 0–18, salary 0–5M yen, 30% with 養育費, 1–3 concerns), one thread, after two warm-up passes, best of 3.
(b) \`rescreen(em, { municipalityCode: '999999' })\` (batches of 1,000, three SQL statements per batch) over ${screen.count.toLocaleString('en')} records seeded by seed-bench.mjs (2 children, 2 benefits each), consuming the results without keeping them; memory sampled every 250 ms (${screen.samples} samples). Seeding took ${prepared.seedSeconds.toFixed(0)} s (not timed).

| measurement | value |
|---|---|
| (a) households / second (one core) | ${engine.perSecond.toFixed(0)} |
| (a) time per pass of ${HOUSEHOLDS.toLocaleString('en')}, 3 runs | ${engine.runs.map((s) => `${(s * 1000).toFixed(0)} ms`).join(', ')} |
| (a) µs per household (best) | ${((engine.best / HOUSEHOLDS) * 1e6).toFixed(1)} |
| (b) records re-screened | ${screen.count.toLocaleString('en')} |
| (b) total seconds | ${screen.seconds.toFixed(2)} |
| (b) records / second | ${screen.perSecond.toFixed(0)} |
| (b) heap used start / peak / end, MiB | ${mib(screen.heap.start)} / ${mib(screen.heap.peak)} / ${mib(screen.heap.end)} |
| (b) heap peak, first half / second half of the run, MiB | ${mib(screen.heap.firstHalf)} / ${mib(screen.heap.secondHalf)} |
| (b) RSS start / peak / end, MiB | ${mib(screen.rss.start)} / ${mib(screen.rss.peak)} / ${mib(screen.rss.end)} |
| (b) RSS peak, first half / second half of the run, MiB | ${mib(screen.rss.firstHalf)} / ${mib(screen.rss.secondHalf)} |

- Engine: **${engine.perSecond.toFixed(0)}** households/s (target ≥ 50,000): ${yes(engineMet)}.
- Re-screening: **${screen.seconds.toFixed(1)} s** for ${screen.count.toLocaleString('en')} records (target ≤ 30 s), memory ${memoryFlat ? 'flat' : 'NOT flat'} (second-half peak within 20% / 16 MiB of the first half): ${yes(screenMet)}.
- Sanity: ${engine.eligiblePerHousehold.toFixed(1)} ELIGIBLE programmes per generated household; ${screen.eligiblePerRecord.toFixed(1)} per stored record (${screen.eligibleCra.toLocaleString('en')} records ELIGIBLE for 児童扶養手当: records store no marital status, so it stays NEEDS_MORE_INFO, next step ask-married).
`;
const file = join(here, 'RESULTS.md');
if (!existsSync(file))
  writeFileSync(
    file,
    '# Benchmark results\n\nEach section is one `npm run bench` (newest last). Numbers from a shared, noisy machine: compare rows of the same run.\n',
  );
if (process.env.BENCH_WRITE !== '0') appendFileSync(file, section);
console.log(section);
