// node test/bench/encryption.bench.mjs — what encryption at rest costs the record read path, against
// a baseline in the same run: the same records(first: 50) page (owner, with consultations) from two
// copies of one database, one with the listed columns still plaintext (the read path as before
// encryption: unsealed values pass through), one sealed. Requests alternate between the two in
// pairs; the median pair is reported. Also the opening alone: toRecordView over the same 50 rows.
//   BENCH_DATABASE_URL (default postgres://root@127.0.0.1:5432/test); BENCH_PAIRS (default 5);
//   BENCH_REQUESTS per run (default 200). Appends a section to RESULTS.md.
import 'reflect-metadata';
import { createRequire } from 'node:module';
import { appendFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { seedBenchRecords } from './seed-bench.mjs';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
if (!existsSync(join(here, '../../dist/api/server/app.js'))) throw new Error('run `npm run build` first');
process.env.ENCRYPTION_KEY ??= 'be0c4be0c4be0c4be0c4be0c4be0c4be0c4be0c4be0c4be0c4be0c4be0c4be0c';
const { openOrm, migrate } = require('../../dist/api/db/orm.js');
const { seedDemo } = require('../../dist/api/server/seed/demo-seed.js');
const { createApp } = require('../../dist/api/server/app.js');
const { sealExistingValues } = require('../../dist/api/crypto/index.js');
const { toRecordView } = require('../../dist/api/record/record.reader.js');

const serverUrl = process.env.BENCH_DATABASE_URL || 'postgres://root@127.0.0.1:5432/test';
const PAIRS = Number(process.env.BENCH_PAIRS || 5);
const REQUESTS = Number(process.env.BENCH_REQUESTS || 200);
const RECORDS = 2000;
const PASSWORD = 'bench-password';
const AUTH_SECRET = 'bench-secret-bench-secret-bench-secret-0000';
const urlOf = (db) => {
  const u = new URL(serverUrl);
  u.pathname = `/${db}`;
  return u.toString();
};
const QUERY = `query Page { records(first: 50) { edges { node { id referenceNumber identity { familyName givenName }
  address { postalCode city street } contact { phone email } concerns { categories note } household { children { birthDate } }
  consultations { date summary department } } } } }`;

const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
for (const db of ['yorisoi_bench_plain', 'yorisoi_bench_sealed']) await admin.query(`drop database if exists ${db} with (force)`);
await admin.query('create database yorisoi_bench_plain');
{
  const h = await openOrm({ kind: 'postgresql', url: urlOf('yorisoi_bench_plain') });
  await migrate(h.orm);
  await seedDemo(h.orm.em.fork(), PASSWORD, 0);
  const c = new pg.Client({ connectionString: urlOf('yorisoi_bench_plain') });
  await c.connect();
  await seedBenchRecords(c, RECORDS);
  await c.end();
  await h.close();
}
await admin.query('create database yorisoi_bench_sealed template yorisoi_bench_plain');
const open = async (db) => {
  const handle = await openOrm({ kind: 'postgresql', url: urlOf(db) });
  const app = await createApp(handle.orm, { authSecret: AUTH_SECRET, accessTokenTtlSeconds: 3600, corsOrigins: [] });
  const server = app.express.listen(0);
  await new Promise((r) => server.once('listening', r));
  return { handle, app, server, port: server.address().port };
};
const plain = await open('yorisoi_bench_plain');
const sealed = await open('yorisoi_bench_sealed');
const run = (h) => (sql, params) =>
  h.orm.em
    .fork()
    .getConnection()
    .execute(sql, params ?? []);
const t0 = Date.now();
const changed = await sealExistingValues(run(sealed.handle), sealed.handle.keyring);
const sealSeconds = (Date.now() - t0) / 1000;
await admin.query('analyze');

const post = async (port, body, token) =>
  (
    await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    })
  ).json();
const login = async (port) =>
  (await post(port, { query: `mutation { login(email: "single-parent@demo.yorisoi.example", password: "${PASSWORD}") { token } }` })).data.login.token;
for (const s of [plain, sealed]) s.token = await login(s.port);

// Both return the same page (the sealed copy opens to the same text).
const a = await post(plain.port, { query: QUERY }, plain.token);
const b = await post(sealed.port, { query: QUERY }, sealed.token);
const same = JSON.stringify(a) === JSON.stringify(b) && a.data.records.edges.length === 50;
const [{ sealed: sealedCount }] = await run(sealed.handle)(`select count(*)::int as sealed from personal_record where contact_phone like 'enc1:%'`);

/** REQUESTS sequential pages: wall and process CPU per request (the other app is idle meanwhile). */
async function measure(s) {
  for (let i = 0; i < 20; i++) await post(s.port, { query: QUERY }, s.token);
  const cpu0 = process.cpuUsage();
  const w0 = performance.now();
  for (let i = 0; i < REQUESTS; i++) await post(s.port, { query: QUERY }, s.token);
  const wall = (performance.now() - w0) / REQUESTS;
  const c = process.cpuUsage(cpu0);
  return { wall, cpu: (c.user + c.system) / 1000 / REQUESTS };
}
const pairs = [];
for (let i = 0; i < PAIRS; i++) {
  const p = await measure(plain);
  const e = await measure(sealed);
  pairs.push({ p, e, ratio: e.cpu / p.cpu });
  console.log(`pair ${i + 1}: plaintext ${p.wall.toFixed(2)} ms (${p.cpu.toFixed(2)} ms CPU), sealed ${e.wall.toFixed(2)} ms (${e.cpu.toFixed(2)} ms CPU)`);
}
const median = [...pairs].sort((x, y) => x.ratio - y.ratio)[Math.floor(PAIRS / 2)];

// Opening alone: toRecordView over the same 50 rows, plaintext vs sealed, alternating.
const pageSql = `select * from personal_record where municipality_code = '999999' order by created_at desc, id desc limit 50`;
const rowsPlain = await run(plain.handle)(pageSql);
const rowsSealed = await run(sealed.handle)(pageSql);
// CPU time, not wall time: on a loaded machine wall time counts the waits for a core.
const micro = (rows) => {
  const n = 500;
  const u = process.cpuUsage();
  for (let i = 0; i < n; i++) for (const r of rows) toRecordView({ ...r });
  const d = process.cpuUsage(u);
  return (d.user + d.system) / n;
};
const microPairs = [];
for (let i = 0; i < 5; i++) microPairs.push([micro(rowsPlain), micro(rowsSealed)]);
const mp = microPairs.sort((x, y) => x[1] - x[0] - (y[1] - y[0]))[2];

for (const s of [plain, sealed]) {
  s.server.close();
  await s.app.stop();
  await s.handle.close();
}
const pgVersion = (await admin.query('show server_version')).rows[0].server_version;
for (const db of ['yorisoi_bench_plain', 'yorisoi_bench_sealed']) await admin.query(`drop database if exists ${db} with (force)`);
await admin.end();

const section = `
## Encryption at rest: the records page, sealed vs plaintext — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC

Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, load average ${os
  .loadavg()
  .map((l) => l.toFixed(1))
  .join(' / ')} at the end; Node ${process.version}; PostgreSQL ${pgVersion} on loopback.
Command: \`npm run build && node test/bench/encryption.bench.mjs\`. ${RECORDS} bench records on two copies of one database; in one, ${changed} rows sealed (${sealSeconds.toFixed(1)} s; ${sealedCount} phone numbers sealed); the other keeps them plaintext (the read path before encryption: unsealed values pass through unchanged).
Query: \`records(first: 50)\` as the owner, with address (postal code, street), contact (phone, e-mail), concerns (note), children and consultations (summary) — every sealed column of the page. ${REQUESTS} sequential requests per run, in-process (client and server share the process: CPU per request includes the client's share, equal for both), ${PAIRS} alternating pairs, median pair by CPU ratio. Same JSON from both: ${same}.

| run | ms / request (wall) | CPU ms / request |
|---|---|---|
| plaintext page (baseline) | ${median.p.wall.toFixed(2)} | ${median.p.cpu.toFixed(2)} |
| sealed page | ${median.e.wall.toFixed(2)} | ${median.e.cpu.toFixed(2)} |

- CPU per page: **${((median.ratio - 1) * 100).toFixed(1)} %** (pairs: ${pairs.map((p) => `${((p.ratio - 1) * 100).toFixed(0)} %`).join(', ')}).
- Opening alone (toRecordView over 50 rows, 500 times, CPU time, median of 5 pairs): ${mp[0].toFixed(0)} µs plaintext, ${mp[1].toFixed(0)} µs sealed: **${(mp[1] - mp[0]).toFixed(0)} µs** per page of 50 records (6 sealed columns each), i.e. ${((mp[1] - mp[0]) / 300).toFixed(1)} µs per value.
`;
appendFileSync(join(here, 'RESULTS.md'), section);
console.log(section);
process.exit(0);
