// node test/bench/applications.bench.mjs — issue 17: families file a 現況届 (cra-status-report) with TWO
// documents on PostgreSQL over loopback: start, save the answers the form did not pre-fill, upload two
// JPEG photos (each checked by content, re-encoded, sealed, stored), read the version, submit: 6 requests.
// BENCH_APPLICATIONS (default 3200, enough for 60 s at the target) families are made first (intake + receipt sign-in, not timed); then
// BENCH_CONCURRENCY (default 16) families at a time file theirs for BENCH_SECONDS (default 60; the run
// ends earlier if the families run out, and says so). Target: 50 applications/s sustained for 60 s.
// Baseline in the same run, for BENCH_BASELINE_SECONDS (default 20): rounds of 6 × `{ __typename }` (the
// HTTP and GraphQL path alone on this machine right now). Server CPU per application from the server's
// own process.cpuUsage (all its threads, sharp's included). Afterwards every acknowledged receipt must be
// a SUBMITTED application with both documents. BENCH_CPU_PROF=<dir> runs the server under --cpu-prof.
// Appends a section to RESULTS.md (BENCH_WRITE=0 to only print).
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { appendFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import sharp from 'sharp';
process.env.ENCRYPTION_KEY ??= 'be0c4be0c4be0c4be0c4be0c4be0c4be0c4be0c4be0c4be0c4be0c4be0c4be0c';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
if (!existsSync(join(root, 'dist/api/server/app.js'))) throw new Error('run `npm run build` first');
const { openOrm, migrate } = require('../../dist/api/db/orm.js');
const { seedDemo } = require('../../dist/api/server/seed/demo-seed.js');

const serverUrl = process.env.BENCH_DATABASE_URL || 'postgres://root@127.0.0.1:5432/test';
const N = Number(process.env.BENCH_APPLICATIONS || 3200);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY || 16);
const SECONDS = Number(process.env.BENCH_SECONDS || 60);
const BASELINE_SECONDS = Number(process.env.BENCH_BASELINE_SECONDS || 20);
const PROFILE = process.env.BENCH_CPU_PROF || '';
const TARGET = 50;
const dbUrl = (() => {
  const u = new URL(serverUrl);
  u.pathname = '/yorisoi_bench_applications';
  return u.toString();
})();
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query('drop database if exists yorisoi_bench_applications with (force)');
await admin.query('create database yorisoi_bench_applications');
const handle = await openOrm({ kind: 'postgresql', url: dbUrl });
await migrate(handle.orm);
await seedDemo(handle.orm.em.fork(), 'bench-password', 0);
await handle.close();

const docs = mkdtempSync(join(os.tmpdir(), 'bench-docs-'));
const port = 4900 + Math.floor(Math.random() * 90);
const server = spawn(
  process.execPath,
  [...(PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE}`] : []), join(here, 'server.mjs'), 'graphql', dbUrl, String(port)],
  {
    env: { ...process.env, NODE_ENV: 'production', DOCUMENTS_DIR: docs, AUTH_SECRET: 'bench-secret-bench-secret-bench-secret-0000' },
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
await new Promise((resolve, reject) => {
  server.stdout.on('data', (d) => d.toString().includes('ready') && resolve());
  server.on('exit', (c) => reject(new Error(`server exited ${c}`)));
});
const base = `http://127.0.0.1:${port}`;

async function gql(query, variables, auth) {
  const r = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const j = await r.json();
  if (j.errors) throw new Error(JSON.stringify(j.errors.map((e) => e.extensions?.problems?.map((p) => p.field) ?? e.message)));
  return j.data;
}
async function pool(items, fn) {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i], i);
      }
    }),
  );
}

const intake = (key) => ({
  idempotencyKey: key,
  municipalityCode: '999999',
  identity: { familyName: 'ベンチ', givenName: '花子', familyNameKana: 'べんち', givenNameKana: 'はなこ', birthDate: '1990-04-01' },
  address: { postalCode: '999-1234', prefecture: 'デモ県', city: 'デモ市', street: 'デモ町1-2-3' },
  contact: { phone: '090-1111-2222', contactAllowed: false },
  household: { children: [{ birthDate: '2016-07-07', disability: false }], maritalStatus: 'NOT_MARRIED' },
  income: { incomeYear: 2025, annualEmploymentIncome: 1_800_000, otherIncome: 0, childSupportReceivedYearly: 0 },
  consent: { sharedWith: [], shareWithPartners: false, privacyNoticeVersion: '2026-04' },
});

// Families (not timed).
const families = [];
await pool(Array.from({ length: N }), async () => {
  const key = randomUUID();
  const ref = (await gql('mutation($i: IntakeInput!) { submitIntake(input: $i) { referenceNumber } }', { i: intake(key) })).submitIntake.referenceNumber;
  const session = (
    await gql('mutation($i: FamilySignInInput!) { signInFamily(input: $i) { session } }', {
      i: { municipalityCode: '999999', referenceNumber: ref, submissionKey: key },
    })
  ).signInFamily.session;
  families.push(session);
});
// A phone photo's worth of detail (noise does not compress): about the size a scanned page is after the widget's downscale.
const noise = Buffer.alloc(640 * 480 * 3);
for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24;
const photo = await sharp(noise, { raw: { width: 640, height: 480, channels: 3 } })
  .jpeg({ quality: 80 })
  .toBuffer();

async function file(session) {
  const s = (
    await gql('mutation($i: StartApplicationInput!) { startApplication(input: $i) { id version } }', { i: { session, procedureId: 'cra-status-report' } })
  ).startApplication;
  const answers = [
    ['street', 'デモ町1-2-3'],
    ['livingWithChildren', 'true'],
    ['publicPension', 'false'],
    ['fullySuspended', 'false'],
  ].map(([question, value]) => ({ question, value }));
  const saved = (
    await gql('mutation($i: SaveApplicationInput!) { saveApplication(input: $i) { version } }', { i: { session, id: s.id, version: s.version, answers } })
  ).saveApplication;
  for (const doc of ['child-support-declaration', 'income-certificate']) {
    const up = await fetch(`${base}/applications/${s.id}/documents/${doc}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${session}`, 'content-type': 'application/octet-stream' },
      body: photo,
    });
    if (up.status !== 201) throw new Error(`upload ${up.status} ${(await up.text()).slice(0, 200)}`);
  }
  const version = (await gql('query($s: String!, $id: ID!) { familyApplication(session: $s, id: $id) { version } }', { s: session, id: s.id }))
    .familyApplication.version;
  return (await gql('mutation($i: SubmitApplicationInput!) { submitApplication(input: $i) { receiptNumber } }', { i: { session, id: s.id, version } }))
    .submitApplication.receiptNumber;
}

const loads = [];
const sampler = setInterval(() => loads.push(os.loadavg()[0]), 2000);
// A pooled keep-alive socket the server has just closed fails once ("other side closed"): ask again.
const cpu = async () => {
  for (let i = 0; ; i++) {
    try {
      return await (await fetch(`${base}/bench-cpu`)).json();
    } catch (e) {
      if (i >= 2) throw e;
    }
  }
};
/** Workers take the next item until the time is up or the items run out. */
async function timed(label, items, seconds, fn) {
  const c0 = await cpu();
  const t0 = performance.now();
  const until = t0 + seconds * 1000;
  let next = 0,
    done = 0,
    errors = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < until && next < items.length) {
        const x = items[next++];
        try {
          await fn(x);
          done++;
        } catch (e) {
          if (errors++ === 0) console.error(label, e.message);
        }
      }
    }),
  );
  const s = (performance.now() - t0) / 1000;
  const c1 = await cpu();
  const cpuMs = (c1.user - c0.user + c1.system - c0.system) / 1000;
  return { label, s, done, rate: done / s, errors, cpuMsEach: done ? cpuMs / done : NaN, ranOut: next >= items.length };
}
const baseline = await timed('baseline', Array.from({ length: 1e7 }), BASELINE_SECONDS, async () => {
  for (let k = 0; k < 6; k++) await gql('{ __typename }');
});
const receipts = [];
const run = await timed('applications', families, SECONDS, async (session) => receipts.push(await file(session)));
clearInterval(sampler);
server.kill('SIGINT');
await new Promise((resolve) => server.on('exit', resolve));

// The re-encoding alone, in this process after the server stopped: the encoder the API uses (JPEG_OPTIONS)
// against mozjpeg (what it used before), the same photo, CPU per photo.
const { JPEG_OPTIONS } = require('../../dist/api/application/documents/content.js');
async function encoder(options, n = 20) {
  const c0 = process.cpuUsage();
  let size = 0;
  for (let i = 0; i < n; i++) size = (await sharp(photo, { limitInputPixels: 40_000_000, failOn: 'error' }).rotate().jpeg(options).toBuffer()).length;
  const c = process.cpuUsage(c0);
  return { ms: (c.user + c.system) / 1000 / n, kb: Math.round(size / 1024) };
}
const encNow = await encoder(JPEG_OPTIONS);
const encMoz = await encoder({ quality: 85, mozjpeg: true });

const check = new pg.Client({ connectionString: dbUrl });
await check.connect();
const [{ n }] = (
  await check.query(
    `select count(*)::int as n from application a where a.status = 'SUBMITTED' and a.receipt_number = any($1) and (select count(*) from application_document d where d.application_id = a.id) = 2`,
    [receipts],
  )
).rows;
await check.end();
await admin.query('drop database if exists yorisoi_bench_applications with (force)');
await admin.end();
rmSync(docs, { recursive: true, force: true });

const avgLoad = loads.length ? (loads.reduce((a, b) => a + b, 0) / loads.length).toFixed(1) : 'n/a';
const at = new Date().toISOString().slice(0, 16).replace('T', ' ');
const text = `
## Applications with two documents (#17) — ${at} UTC

Machine: ${os.cpus()[0]?.model ?? 'unknown'}, ${os.cpus().length} cores; Node ${process.version}; PostgreSQL on loopback; load average ${avgLoad} during the timed runs (the 1-minute figure read every 2 s; above ${os.cpus().length} means other work shared the cores and only rows of this run compare).
Command: \`npm run build && node test/bench/applications.bench.mjs\` (${N} families made first, not timed; ${CONCURRENCY} at a time; ${SECONDS} s window, baseline ${BASELINE_SECONDS} s).
One application = startApplication, saveApplication (4 answers; the rest pre-filled), two uploads of a ${Math.round(photo.length / 1024)} KB JPEG (content check, re-encoding, sealed, stored on disk), familyApplication (version), submitApplication: 6 requests.

| run | done | seconds | per second | server CPU each | errors |
|---|---|---|---|---|---|
| baseline: 6 × \`{ __typename }\` per round | ${baseline.done} rounds | ${baseline.s.toFixed(1)} | ${baseline.rate.toFixed(1)} rounds/s | ${baseline.cpuMsEach.toFixed(1)} ms | ${baseline.errors} |
| a 現況届 with two documents | ${run.done} | ${run.s.toFixed(1)} | **${run.rate.toFixed(1)}** | ${run.cpuMsEach.toFixed(1)} ms | ${run.errors} |

Re-encoding one photo alone (same run, bench process): the API's encoder (libjpeg-turbo, \`${JSON.stringify(JPEG_OPTIONS)}\`) ${encNow.ms.toFixed(1)} ms CPU → ${encNow.kb} KB; mozjpeg (used before) ${encMoz.ms.toFixed(1)} ms CPU → ${encMoz.kb} KB.

Target ${TARGET}/s for 60 s: ${run.rate >= TARGET && run.s >= 60 ? 'met' : 'not met'} in this run${run.ranOut ? ` (the ${N} families ran out after ${run.s.toFixed(1)} s)` : ''}. Acknowledged receipts ${receipts.length}; SUBMITTED with both documents in the database: ${n} (${n === receipts.length ? 'none lost' : `${receipts.length - n} missing`}).
`;
console.log(text);
if (process.env.BENCH_WRITE !== '0') appendFileSync(join(here, 'RESULTS.md'), text);
