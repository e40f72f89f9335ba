// node test/bench/chat.bench.mjs — the public `chat` mutation at a fixed 100 requests/s on PostgreSQL
// over loopback (server in its own process, NODE_ENV=production, as test/bench/server.mjs starts it),
// against `{ __typename }` at the same rate on the same server. Target: p95 ≤ 50 ms.
// Messages: the questions of both chat question sets (test/chat/questions.yaml and test/chat/heldout/),
// the urgent ones as the danger share, plus the allowance scenario, greetings and requests for a
// person; a third continue an earlier session. Every request
// comes from one of 500 client addresses (X-Forwarded-For; the app trusts loopback proxies), as from
// many visitors, so CHAT_RATE_PER_MINUTE is not what is measured.
//   BENCH_SECONDS (default 30) per run after a 5 s warm-up; BENCH_RATE (default 100);
//   BENCH_DATABASE_URL (default postgres://root@127.0.0.1:5432/test); BENCH_WRITE=0 to only print;
//   BENCH_CPU_PROF=<dir> to run the server under node --cpu-prof.
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import http from 'node:http';
import pg from 'pg';
import { parse } from 'yaml';
import { readdirSync } from 'node:fs';
// Encryption at rest needs a master key on PostgreSQL; a fixed one for benchmark databases.
process.env.ENCRYPTION_KEY ??= 'be0c4be0c4be0c4be0c4be0c4be0c4be0c4be0c4be0c4be0c4be0c4be0c4be0c';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
if (!existsSync(join(root, 'dist/api/server/app.js'))) throw new Error('run `npm run build` first');
const { openOrm, migrate } = require('../../dist/api/db/orm.js');
const { seedDemo } = require('../../dist/api/server/seed/demo-seed.js');

const serverUrl = process.env.BENCH_DATABASE_URL || 'postgres://root@127.0.0.1:5432/test';
const seconds = Number(process.env.BENCH_SECONDS || 30);
const RATE = Number(process.env.BENCH_RATE || 100);
const TARGET_P95 = 50;
const CONNECTIONS = 50;
const ADDRESSES = 500;
const dbUrl = (() => {
  const u = new URL(serverUrl);
  u.pathname = '/yorisoi_bench_chat';
  return u.toString();
})();

// --- the messages -------------------------------------------------------------------------------
const setFiles = [
  join(root, 'test/chat/questions.yaml'),
  ...readdirSync(join(root, 'test/chat/heldout'))
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => join(root, 'test/chat/heldout', f)),
];
const items = setFiles.flatMap((f) => parse(readFileSync(f, 'utf8')).items);
const questions = items.filter((q) => q.level !== 'urgent').map((q) => q.q);
const danger = items.filter((q) => q.level === 'urgent').map((q) => q.q);
const other = ['こんにちは', '手当について知りたい', '相談員と話したい', 'ありがとうございました', '2人', '中学生です'];
/** Deterministic mix: 85% knowledge-base questions, 5% danger, 10% greetings, scenario and handoff. */
let seq = 0;
function nextMessage() {
  const i = seq++;
  const r = (i * 7919) % 100;
  if (r < 5) return danger[i % danger.length];
  if (r < 15) return other[i % other.length];
  return questions[(i * 31) % questions.length];
}
const sessions = [];
function body() {
  const i = seq;
  const continuing = sessions.length > 0 && i % 3 === 0;
  const sessionId = continuing ? sessions[(i * 13) % sessions.length] : null;
  return JSON.stringify({
    query:
      'mutation Chat($input: ChatInput!) { chat(input: $input) { sessionId messages { text } quickReplies { label value } relatedProgrammes { id name } urgent generated handoff { kind payload } } }',
    variables: { input: { sessionId, message: nextMessage(), municipalityCode: '999999' } },
  });
}
const address = (i) => `198.18.${Math.floor(i / 250) % 256}.${(i % 250) + 1}`;

// --- database and server ------------------------------------------------------------------------
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query('drop database if exists yorisoi_bench_chat with (force)');
await admin.query('create database yorisoi_bench_chat');
const handle = await openOrm({ kind: 'postgresql', url: dbUrl });
await migrate(handle.orm);
await seedDemo(handle.orm.em.fork(), 'bench-password', 0);
await handle.close();

const port = 5000 + Math.floor(Math.random() * 90);
const nodeArgs = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
const server = spawn(process.execPath, [...nodeArgs, join(here, 'server.mjs'), 'graphql', dbUrl, String(port)], {
  env: { ...process.env, NODE_ENV: 'production', AUTH_SECRET: 'bench-secret-bench-secret-bench-secret-0000' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise((resolve, reject) => {
  server.stdout.on('data', (d) => d.toString().includes('ready') && resolve());
  server.on('exit', (c) => reject(new Error(`server exited ${c}`)));
});

/** CPU time (ms) used so far by a process, from /proc (Linux; NaN elsewhere). */
function cpuMs(pid) {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // utime + stime in clock ticks (USER_HZ = 100)
  } catch {
    return NaN;
  }
}
/** CPU of the server process and of the PostgreSQL backends serving the bench database. */
async function cpuNow() {
  const { rows } = await admin.query(`select pid from pg_stat_activity where datname = 'yorisoi_bench_chat'`);
  return { server: cpuMs(server.pid), postgres: new Map(rows.map((r) => [r.pid, cpuMs(r.pid) || 0])) };
}
/** PostgreSQL CPU between two snapshots: backends that exist at the end, minus what they had used at the start (0 if new). */
const postgresDelta = (a, b) => [...b.postgres].reduce((sum, [pid, ms]) => sum + ms - (a.postgres.get(pid) ?? 0), 0);

/**
 * One fixed-rate run: an open-loop load that sends one request every 1000/RATE ms, evenly spaced
 * (autocannon's `overallRate` releases each second's requests together, which measures bursts of
 * 100, not a steady 100 requests/s). Latency counts from the moment a request was due, so a stalled
 * server cannot hide its queue (no coordinated omission). Kept per request for exact percentiles.
 */
async function run(name, makeBody, duration, check) {
  const cpu0 = await cpuNow();
  const latencies = [];
  let bad = 0;
  let errors = 0;
  const total = Math.round(duration * RATE);
  const interval = 1000 / RATE;
  const start = performance.now() + 20;
  const inFlight = [];
  for (let i = 0; i < total; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const body = makeBody();
    inFlight.push(
      post(body, address(i % ADDRESSES)).then(
        ({ status, text }) => {
          latencies.push(performance.now() - due);
          try {
            const json = JSON.parse(text);
            if (status !== 200 || json.errors || !check(json.data)) bad += 1;
          } catch {
            bad += 1;
          }
        },
        () => {
          errors += 1;
        },
      ),
    );
  }
  await Promise.all(inFlight);
  latencies.sort((a, b) => a - b);
  const at = (p) => latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)] ?? NaN;
  const cpu1 = await cpuNow();
  const round = (x) => Math.round(x * 100) / 100;
  const r = {
    name,
    requests: latencies.length,
    rps: latencies.length / duration,
    p50: round(at(50)),
    p95: round(at(95)),
    p99: round(at(99)),
    max: round(latencies.at(-1)),
    bad,
    errors,
    timeouts: 0,
    serverCpu: round((cpu1.server - cpu0.server) / latencies.length),
    postgresCpu: round(postgresDelta(cpu0, cpu1) / latencies.length),
  };
  console.log(name, JSON.stringify(r));
  return r;
}

/** POST /graphql on a kept-alive connection (as a browser or proxy would reuse one). */
function post(body, forwardedFor) {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: '/graphql',
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-forwarded-for': forwardedFor },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode, text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });

const chatCheck = (data) => {
  const c = data?.chat;
  if (!c || !c.sessionId || c.messages.length === 0) return false;
  if (sessions.length < 2000) sessions.push(c.sessionId);
  return true;
};
const typenameCheck = (data) => data?.__typename === 'Query';
const TYPENAME = JSON.stringify({ query: '{ __typename }' });

let results;
try {
  await run('warm-up chat', body, 5, chatCheck);
  await run('warm-up baseline', () => TYPENAME, 3, typenameCheck);
  const baseline = await run('baseline { __typename }', () => TYPENAME, seconds, typenameCheck);
  const chat = await run('chat', body, seconds, chatCheck);
  results = { baseline, chat };
} finally {
  // SIGINT lets `--cpu-prof` write its profile (server.mjs exits cleanly on it).
  server.kill(process.env.BENCH_CPU_PROF ? 'SIGINT' : 'SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
}

const check = new pg.Client({ connectionString: dbUrl });
await check.connect();
const stored = (await check.query(`select count(*)::int n, count(*) filter (where urgent)::int urgent from chat_message`)).rows[0];
const pgVersion = (await check.query('show server_version')).rows[0].server_version;
await check.end();
await admin.query('drop database if exists yorisoi_bench_chat with (force)');
await admin.end();

const { baseline, chat } = results;
const row = (label, r) =>
  `| ${label} | ${r.requests} | ${r.rps.toFixed(1)} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.max} | ${r.bad + r.errors + r.timeouts} | ${r.serverCpu} | ${r.postgresCpu} |`;
const load = os
  .loadavg()
  .map((x) => x.toFixed(1))
  .join(', ');
const met = chat.p95 <= TARGET_P95 && chat.bad + chat.errors + chat.timeouts === 0 && chat.rps >= RATE * 0.95;
const section = `
## Chat — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC

Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB; Node ${process.version}; PostgreSQL ${pgVersion} on loopback.
Command: \`npm run build && node test/bench/chat.bench.mjs\`. Server: test/bench/server.mjs in its own process, \`NODE_ENV=production\`, seeds/chatbot (retrieval, no AI endpoint).
Load: open loop at a steady ${RATE} requests/s (one every ${1000 / RATE} ms, up to ${CONNECTIONS} kept-alive connections; latency from the moment each request was due), ${seconds} s per run after a 5 s warm-up, from ${ADDRESSES} client addresses (X-Forwarded-For).
Messages: the ${questions.length} non-urgent questions of both chat question sets (test/chat/questions.yaml, test/chat/heldout/) (85%), their ${danger.length} urgent ones (5%), greetings, the allowance scenario and requests for a person (10%); a third continue an earlier session. Each \`chat\` reads or creates a session and stores two masked messages.
Latency: exact percentiles over every response, milliseconds. CPU per request from /proc (server process; PostgreSQL backends of the bench database). Load average at the end: ${load} (other work shares the machine).

| run | requests | req/s | p50 | p95 | p99 | max | errors | server CPU ms / request | PostgreSQL CPU ms / request |
|---|---|---|---|---|---|---|---|---|---|
${row('baseline: `{ __typename }`, same rate, same server', baseline)}
${row('`chat` mutation', chat)}

- Target p95 ≤ ${TARGET_P95} ms at ${RATE} requests/s: **${met ? 'met' : 'not met'}** (p95 ${chat.p95} ms; baseline p95 ${baseline.p95} ms).
- Messages stored: ${stored.n} (${stored.urgent} urgent).
`;
console.log(section);
if (process.env.BENCH_WRITE !== '0') appendFileSync(join(here, 'RESULTS.md'), section);
