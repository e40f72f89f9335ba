// node test/bench/intake.bench.mjs — submitIntake on PostgreSQL over loopback, sustained for
// BENCH_SECONDS (default 60) with unique idempotency keys; afterwards every acknowledged reference
// number must be in the database (as an intake item of the owner's inbox). Appends a section to RESULTS.md (BENCH_WRITE=0 to only print).
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import pg from 'pg';
// Encryption at rest needs a master key on PostgreSQL; a fixed one for benchmark databases.
process.env.ENCRYPTION_KEY ??= 'be0c4be0c4be0c4be0c4be0c4be0c4be0c4be0c4be0c4be0c4be0c4be0c4be0c';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
if (!existsSync(join(root, 'dist/api/server/app.js'))) throw new Error('run `npm run build` first');
const { openOrm, migrate } = require('../../dist/api/db/orm.js');
const { seedDemo } = require('../../dist/api/server/seed/demo-seed.js');

const serverUrl = process.env.BENCH_DATABASE_URL || 'postgres://root@127.0.0.1:5432/test';
const seconds = Number(process.env.BENCH_SECONDS || 60);
const dbUrl = (() => {
  const u = new URL(serverUrl);
  u.pathname = '/yorisoi_bench_intake';
  return u.toString();
})();
const TARGET = 300;

const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query('drop database if exists yorisoi_bench_intake with (force)');
await admin.query('create database yorisoi_bench_intake');
const handle = await openOrm({ kind: 'postgresql', url: dbUrl });
await migrate(handle.orm);
await seedDemo(handle.orm.em.fork(), 'bench-password', 0);
await handle.close();

const port = 4900 + Math.floor(Math.random() * 90);
// BENCH_CPU_PROF=<dir>: the server writes a V8 CPU profile of the run there (node --cpu-prof).
const profFlags = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
const server = spawn(process.execPath, [...profFlags, join(here, 'server.mjs'), 'graphql', dbUrl, String(port)], {
  env: { ...process.env, NODE_ENV: 'production', AUTH_SECRET: 'bench-secret-bench-secret-bench-secret-0000' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise((resolve, reject) => {
  server.stdout.on('data', (d) => d.toString().includes('ready') && resolve());
  server.on('exit', (c) => reject(new Error(`server exited ${c}`)));
});

const QUERY = 'mutation Submit($input: IntakeInput!) { submitIntake(input: $input) { referenceNumber } }';
const body = () =>
  JSON.stringify({
    query: QUERY,
    variables: {
      input: {
        idempotencyKey: randomUUID(),
        municipalityCode: '999999',
        address: { postalCode: '999-0001', prefecture: 'デモ県', city: 'デモ市' },
        contact: { contactAllowed: false },
        household: {
          children: [
            { birthDate: '2016-07-07', disability: false },
            { birthDate: '2019-01-20', disability: false },
          ],
        },
        income: { annualEmploymentIncome: 1800000, otherIncome: 0, childSupportReceivedYearly: 0 },
        benefitsInUse: ['child-allowance'],
        concerns: { categories: ['WORK'] },
        consent: { sharedWith: ['LIVELIHOOD_SUPPORT'], shareWithPartners: false, privacyNoticeVersion: '2026-04' },
      },
    },
  });

const cpuOf = async () => (await fetch(`http://127.0.0.1:${port}/bench-cpu`)).json();
// Load average of the machine during the run (the benchmark shares its cores with whatever else runs).
const loads = [];
const sampler = setInterval(() => loads.push(os.loadavg()[0]), 5000);
const cpuBefore = await cpuOf();
const acknowledged = [];
let errors = 0;
const result = await autocannon({
  url: `http://127.0.0.1:${port}/graphql`,
  method: 'POST',
  connections: 20,
  duration: seconds,
  headers: { 'content-type': 'application/json' },
  requests: [
    {
      setupRequest: (req) => ({ ...req, body: body() }),
      onResponse: (status, resBody) => {
        try {
          const ref = JSON.parse(resBody).data?.submitIntake?.referenceNumber;
          if (status === 200 && ref) acknowledged.push(ref);
          else errors += 1;
        } catch {
          errors += 1;
        }
      },
    },
  ],
});
const cpuAfter = await cpuOf();
clearInterval(sampler);
// SIGINT: server.mjs exits cleanly, so a --cpu-prof profile gets written.
await new Promise((resolve) => {
  server.once('exit', resolve);
  server.kill('SIGINT');
});
const cpuMsPerRequest = (cpuAfter.user + cpuAfter.system - cpuBefore.user - cpuBefore.system) / 1000 / Math.max(1, result.requests.total);

const check = new pg.Client({ connectionString: dbUrl });
await check.connect();
const stored = new Set((await check.query(`select reference_number from inbox_item where kind = 'intake'`)).rows.map((r) => r.reference_number));
const records = (await check.query(`select count(*)::int n from personal_record where source = 'intake'`)).rows[0].n;
const pgVersion = (await check.query('show server_version')).rows[0].server_version;
await check.end();
const lost = acknowledged.filter((r) => !stored.has(r)).length;
await admin.query('drop database if exists yorisoi_bench_intake with (force)');
await admin.end();

const bundle = join(root, 'dist/widgets/intake.js');
const size = existsSync(bundle)
  ? `${(gzipSync(readFileSync(bundle)).length / 1024).toFixed(1)} KB gzipped (${(statSync(bundle).size / 1024).toFixed(1)} KB raw)`
  : 'not built';
const rps = acknowledged.length / seconds;
const section = `
## submitIntake — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC

Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB; Node ${process.version}; PostgreSQL ${pgVersion} on loopback.
Load: autocannon, 20 connections, ${seconds} s, every request a new submission (new idempotency key, 2 children, 1 benefit, consent); server in its own process.

| acknowledged | per second | p50 ms | p99 ms | errors | records stored | acknowledged but missing | server CPU ms / submission | load average (1 min) during the run |
|---|---|---|---|---|---|---|---|---|
| ${acknowledged.length} | ${rps.toFixed(0)} | ${result.latency.p50} | ${result.latency.p99} | ${errors} | ${records} | ${lost} | ${cpuMsPerRequest.toFixed(2)} | ${loads.length ? `${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}` : os.loadavg()[0].toFixed(1)} |

- Target ≥ ${TARGET} submissions/s sustained with none lost: **${rps >= TARGET && lost === 0 ? 'met' : 'not met'}** (${rps.toFixed(0)}/s, ${lost} lost).
- Intake widget bundle: ${size}.
`;
console.log(section);
if (process.env.BENCH_WRITE !== '0') appendFileSync(join(here, 'RESULTS.md'), section);
