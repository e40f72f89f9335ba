// node test/bench/applications.bench.mjs — issue 17 item 5: families file a 現況届 (cra-status-report)
// with a document on PostgreSQL over loopback: start, save the answers the form did not pre-fill, upload
// a JPEG (checked by content, re-encoded, sealed on disk), submit. BENCH_APPLICATIONS (default 1200)
// families are made first (intake + receipt sign-in, not timed); then BENCH_CONCURRENCY (default 16)
// families at a time file theirs. Target: 50 applications/s. Baseline in the same run: the same number
// of 4-request rounds of `{ __typename }` (the HTTP and GraphQL path alone on this machine right now).
// Afterwards every acknowledged receipt must be a SUBMITTED application with its document. Appends a
// section to RESULTS.md (BENCH_WRITE=0 to only print).
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
const N = Number(process.env.BENCH_APPLICATIONS || 1200);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY || 16);
const TARGET = 50;
const dbUrl = (() => { const u = new URL(serverUrl); u.pathname = '/yorisoi_bench_applications'; return u.toString(); })();
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
const server = spawn(process.execPath, [join(here, 'server.mjs'), 'graphql', dbUrl, String(port)], { env: { ...process.env, NODE_ENV: 'production', DOCUMENTS_DIR: docs, AUTH_SECRET: 'bench-secret-bench-secret-bench-secret-0000' }, stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((resolve, reject) => { server.stdout.on('data', (d) => d.toString().includes('ready') && resolve()); server.on('exit', (c) => reject(new Error(`server exited ${c}`))); });
const base = `http://127.0.0.1:${port}`;

async function gql(query, variables, auth) {
  const r = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}) }, body: JSON.stringify({ query, variables }) });
  const j = await r.json();
  if (j.errors) throw new Error(JSON.stringify(j.errors.map((e) => e.extensions?.problems?.map((p) => p.field) ?? e.message)));
  return j.data;
}
async function pool(items, fn) {
  let next = 0;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => { while (next < items.length) { const i = next++; await fn(items[i], i); } }));
}

const intake = (key) => ({
  idempotencyKey: key, municipalityCode: '999999',
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
  const session = (await gql('mutation($i: FamilySignInInput!) { signInFamily(input: $i) { session } }', { i: { municipalityCode: '999999', referenceNumber: ref, submissionKey: key } })).signInFamily.session;
  families.push(session);
});
// A phone photo's worth of detail (noise does not compress): about the size a scanned page is after the widget's downscale.
const noise = Buffer.alloc(640 * 480 * 3); for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24;
const photo = await sharp(noise, { raw: { width: 640, height: 480, channels: 3 } }).jpeg({ quality: 80 }).toBuffer();

async function file(session) {
  const s = (await gql('mutation($i: StartApplicationInput!) { startApplication(input: $i) { id version } }', { i: { session, procedureId: 'cra-status-report' } })).startApplication;
  const answers = [['street', 'デモ町1-2-3'], ['livingWithChildren', 'true'], ['publicPension', 'false'], ['fullySuspended', 'false']].map(([question, value]) => ({ question, value }));
  const saved = (await gql('mutation($i: SaveApplicationInput!) { saveApplication(input: $i) { version } }', { i: { session, id: s.id, version: s.version, answers } })).saveApplication;
  const up = await fetch(`${base}/applications/${s.id}/documents/child-support-declaration`, { method: 'POST', headers: { authorization: `Bearer ${session}`, 'content-type': 'application/octet-stream' }, body: photo });
  if (up.status !== 201) throw new Error(`upload ${up.status} ${(await up.text()).slice(0, 200)}`);
  const version = (await gql('query($s: String!, $id: ID!) { familyApplication(session: $s, id: $id) { version } }', { s: session, id: s.id })).familyApplication.version;
  return (await gql('mutation($i: SubmitApplicationInput!) { submitApplication(input: $i) { receiptNumber } }', { i: { session, id: s.id, version } })).submitApplication.receiptNumber;
}

const loads = [];
const sampler = setInterval(() => loads.push(os.loadavg()[0]), 2000);
const time = async (label, items, fn) => { const t0 = performance.now(); let errors = 0; await pool(items, async (x) => { try { await fn(x); } catch (e) { if (errors++ === 0) console.error(label, e.message); } }); const s = (performance.now() - t0) / 1000; return { label, s, rate: (items.length - errors) / s, errors }; };
const baseline = await time('baseline', Array.from({ length: N }), async () => { for (let k = 0; k < 4; k++) await gql('{ __typename }'); });
const receipts = [];
const run = await time('applications', families, async (session) => receipts.push(await file(session)));
clearInterval(sampler);
server.kill('SIGINT');

const check = new pg.Client({ connectionString: dbUrl });
await check.connect();
const [{ n }] = (await check.query(`select count(*)::int as n from application a where a.status = 'SUBMITTED' and a.receipt_number = any($1) and exists (select 1 from application_document d where d.application_id = a.id)`, [receipts])).rows;
await check.end();
await admin.query('drop database if exists yorisoi_bench_applications with (force)');
await admin.end();
rmSync(docs, { recursive: true, force: true });

const avgLoad = loads.length ? (loads.reduce((a, b) => a + b, 0) / loads.length).toFixed(1) : 'n/a';
const at = new Date().toISOString().slice(0, 16).replace('T', ' ');
const text = `
## Applications with a document (#17 item 5) — ${at} UTC

Machine: ${os.cpus()[0]?.model ?? 'unknown'}, ${os.cpus().length} cores; Node ${process.version}; PostgreSQL on loopback; load average ${avgLoad} during the run (${os.cpus().length} cores shared with the other lanes' builds and tests: seven lanes worked on this machine at the same time).
Command: \`npm run build && node test/bench/applications.bench.mjs\` (${N} families made first, not timed; ${CONCURRENCY} at a time).
One application = startApplication, saveApplication (4 answers; the rest pre-filled), upload of a ${Math.round(photo.length / 1024)} KB JPEG (content check, re-encoding, sealed on disk), familyApplication (version), submitApplication: 5 requests.

| run | applications | seconds | per second | errors |
|---|---|---|---|---|
| baseline: 4 × \`{ __typename }\` per round | ${N} rounds | ${baseline.s.toFixed(1)} | ${baseline.rate.toFixed(1)} rounds/s | ${baseline.errors} |
| a 現況届 with a document | ${N} | ${run.s.toFixed(1)} | **${run.rate.toFixed(1)}** | ${run.errors} |

Target ${TARGET}/s: ${run.rate >= TARGET ? 'met' : 'not met'} in this run. Acknowledged receipts ${receipts.length}; SUBMITTED with their document in the database: ${n} (${n === receipts.length ? 'none lost' : `${receipts.length - n} missing`}).
`;
console.log(text);
if (process.env.BENCH_WRITE !== '0') appendFileSync(join(here, 'RESULTS.md'), text);
