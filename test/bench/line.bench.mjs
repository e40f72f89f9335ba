// node test/bench/line.bench.mjs — LINE's webhook (POST /line/999999) at a steady 100 events/s, one
// signed message event per call from 1,000 LINE users, against GET /healthz at the same rate on the
// same server (the baseline, same run). Target (issue 20): acknowledgement p99 ≤ 1 s. The server runs
// in its own process (test/bench/server.mjs, NODE_ENV=production) on PostgreSQL over loopback; a
// minimal fake of LINE's reply/push endpoints in this process counts the bot's answers, so the run
// also shows that the work queued behind the acknowledgements was done, each event answered once.
//   BENCH_SECONDS (default 30) per run after a 5 s warm-up; BENCH_RATE (default 100);
//   BENCH_DATABASE_URL (default postgres://root@127.0.0.1:5432/test); BENCH_WRITE=0 to only print;
//   BENCH_LINE_WORKER=separate to run the bot in a process of its own (LINE_WORKER=separate:
//   node dist/api/server/line-worker.js); default: inside the API process, as LINE_WORKER's default.
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import http from 'node:http';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { parse } from 'yaml';
process.env.ENCRYPTION_KEY ??= 'be0c4be0c4be0c4be0c4be0c4be0c4be0c4be0c4be0c4be0c4be0c4be0c4be0c';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
if (!existsSync(join(root, 'dist/api/line/index.js'))) throw new Error('run `npm run build` first');
const { openOrm, migrate } = require('../../dist/api/db/orm.js');
const { seedDemo } = require('../../dist/api/server/seed/demo-seed.js');

const serverUrl = process.env.BENCH_DATABASE_URL || 'postgres://root@127.0.0.1:5432/test';
const seconds = Number(process.env.BENCH_SECONDS || 30);
const RATE = Number(process.env.BENCH_RATE || 100);
const TARGET_P99 = 1000;
const USERS = 1000;
const SECRET = 'bench-channel-secret-0123456789abcdef';
const TOKEN = 'bench-access-token';
const dbUrl = (() => {
  const u = new URL(serverUrl);
  u.pathname = '/yorisoi_bench_line';
  return u.toString();
})();

// --- messages: the chat question sets, as families would send them on LINE ----------------------
const setFiles = [
  join(root, 'test/chat/questions.yaml'),
  ...readdirSync(join(root, 'test/chat/heldout'))
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => join(root, 'test/chat/heldout', f)),
];
const questions = setFiles.flatMap((f) => parse(readFileSync(f, 'utf8')).items.map((i) => i.q));
let seq = 0;
const users = Array.from({ length: USERS }, (_, i) => `U${createHmac('sha256', 'bench').update(String(i)).digest('hex').slice(0, 32)}`);

// --- a minimal fake of LINE's reply and push endpoints ---------------------------------------
let replies = 0;
let pushes = 0;
let refused = 0;
const fake = http.createServer((req, res) => {
  let body = '';
  req.on('data', (d) => (body += d));
  req.on('end', () => {
    const ok = req.headers.authorization === `Bearer ${TOKEN}`;
    if (ok && req.url === '/v2/bot/message/reply') replies += 1;
    else if (ok && req.url === '/v2/bot/message/push') pushes += 1;
    else refused += 1;
    res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
    res.end('{}');
  });
});
await new Promise((r) => fake.listen(0, '127.0.0.1', r));
const fakeUrl = `http://127.0.0.1:${fake.address().port}`;

// --- database and server ------------------------------------------------------------------------
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query('drop database if exists yorisoi_bench_line with (force)');
await admin.query('create database yorisoi_bench_line');
const handle = await openOrm({ kind: 'postgresql', url: dbUrl });
await migrate(handle.orm);
await seedDemo(handle.orm.em.fork(), 'bench-password', 0);
await handle.close();

const port = 5100 + Math.floor(Math.random() * 90);
const WORKER = process.env.BENCH_LINE_WORKER === 'separate' ? 'separate' : 'in-process';
const AUTH_SECRET = 'bench-secret-bench-secret-bench-secret-0000';
const { deriveAuditKey } = require('../../dist/api/audit/audit-seal.js');
const env = {
  ...process.env,
  NODE_ENV: 'production',
  AUTH_SECRET,
  AUDIT_KEY: deriveAuditKey(AUTH_SECRET),
  LINE_CHANNELS: '999999',
  LINE_999999_CHANNEL_SECRET: SECRET,
  LINE_999999_ACCESS_TOKEN: TOKEN,
  LINE_API_BASE: fakeUrl,
  LINE_WORKER: WORKER,
};
const server = spawn(process.execPath, [join(here, 'server.mjs'), 'graphql', dbUrl, String(port)], { env, stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((resolve, reject) => {
  server.stdout.on('data', (d) => d.toString().includes('ready') && resolve());
  server.on('exit', (c) => reject(new Error(`server exited ${c}`)));
});
const worker =
  WORKER === 'separate'
    ? spawn(process.execPath, [join(root, 'dist/api/server/line-worker.js')], {
        env: { ...env, DATABASE_URL: dbUrl, AUDIT_ANCHOR_DIR: 'off' },
        stdio: ['ignore', 'pipe', 'inherit'],
      })
    : null;
if (worker)
  await new Promise((resolve, reject) => {
    worker.stdout.on('data', (d) => d.toString().includes('running') && resolve());
    worker.on('exit', (c) => reject(new Error(`LINE worker exited ${c}`)));
  });

function event() {
  const i = seq++;
  return JSON.stringify({
    destination: 'Ubench',
    events: [
      {
        type: 'message',
        mode: 'active',
        timestamp: Date.now(),
        source: { type: 'user', userId: users[(i * 7) % USERS] },
        webhookEventId: `01B${randomBytes(12).toString('hex').toUpperCase()}`,
        deliveryContext: { isRedelivery: false },
        replyToken: randomBytes(16).toString('hex'),
        message: { type: 'text', id: String(i), text: questions[(i * 31) % questions.length] },
      },
    ],
  });
}
// FIFO: every kept-alive socket is reused every half second, none idles past the server's 5 s keep-alive timeout (LIFO reuses a stale one now and then: ECONNRESET).
const agent = new http.Agent({ keepAlive: true, maxSockets: 50, scheduling: 'fifo' });
function call(method, path, body) {
  return new Promise((resolve, reject) => {
    const headers = body
      ? {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'x-line-signature': createHmac('sha256', SECRET).update(body).digest('base64'),
        }
      : {};
    const req = http.request({ host: '127.0.0.1', port, path, method, agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Open loop: one call every 1000/RATE ms; latency from the moment a call was due (no coordinated omission). */
async function run(name, send, duration) {
  const latencies = [];
  let bad = 0;
  const why = {};
  const total = Math.round(duration * RATE);
  const start = performance.now() + 20;
  const inFlight = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(
      send().then(
        (status) => {
          latencies.push(performance.now() - due);
          if (status !== 200) {
            bad += 1;
            why[status] = (why[status] ?? 0) + 1;
          }
        },
        (e) => {
          bad += 1;
          why[e.code ?? e.message] = (why[e.code ?? e.message] ?? 0) + 1;
        },
      ),
    );
  }
  await Promise.all(inFlight);
  latencies.sort((a, b) => a - b);
  const at = (p) => latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)];
  const round = (x) => Math.round(x * 100) / 100;
  const r = {
    name,
    calls: latencies.length,
    rps: latencies.length / duration,
    p50: round(at(50)),
    p95: round(at(95)),
    p99: round(at(99)),
    max: round(latencies.at(-1)),
    bad,
    why,
  };
  console.log(name, JSON.stringify(r));
  return r;
}

let results;
try {
  await run('warm-up webhook', () => call('POST', '/line/999999', event()), 5);
  const baseline = await run('baseline GET /healthz', () => call('GET', '/healthz'), seconds);
  const webhook = await run('webhook POST /line/999999', () => call('POST', '/line/999999', event()), seconds);
  // The queued work: wait until the queue is empty (or 120 s), then count the answers.
  const drainStart = performance.now();
  const watch = new pg.Client({ connectionString: dbUrl });
  await watch.connect();
  while (performance.now() - drainStart < 120_000 && (await watch.query(`select count(*)::int n from line_event where status = 'queued'`)).rows[0].n > 0)
    await new Promise((r) => setTimeout(r, 100));
  await watch.end();
  results = { baseline, webhook, events: seq, answered: replies + pushes, drainMs: Math.round(performance.now() - drainStart) };
} finally {
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
  if (worker) {
    worker.kill('SIGTERM');
    await new Promise((resolve) => worker.once('exit', resolve));
  }
  fake.close();
}
const check = new pg.Client({ connectionString: dbUrl });
await check.connect();
const queue = (
  await check.query(
    `select count(*)::int n, count(*) filter (where status = 'done')::int done, count(*) filter (where payload <> '')::int kept from line_event`,
  )
).rows[0];
const pgVersion = (await check.query('show server_version')).rows[0].server_version;
await check.end();
await admin.query('drop database if exists yorisoi_bench_line with (force)');
await admin.end();

const { baseline, webhook, events, answered, drainMs } = results;
const row = (label, r) =>
  `| ${label} | ${r.calls} | ${r.rps.toFixed(1)} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.max} | ${r.bad}${r.bad ? ` (${JSON.stringify(r.why)})` : ''} |`;
const met = webhook.p99 <= TARGET_P99 && webhook.bad === 0 && answered === events;
const section = `
## LINE webhook — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC

Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB; Node ${process.version}; PostgreSQL ${pgVersion} on loopback. Load average at the end: ${os
  .loadavg()
  .map((x) => x.toFixed(1))
  .join(', ')} (other work shares the machine).
Command: \`npm run build && nice -n 10 node test/bench/line.bench.mjs\`${WORKER === 'separate' ? ' with `BENCH_LINE_WORKER=separate`' : ''}. Server: test/bench/server.mjs in its own process, \`NODE_ENV=production\`, one LINE channel (999999) pointed at a minimal fake of LINE's reply endpoint in the load generator. Bot: ${WORKER === 'separate' ? '`LINE_WORKER=separate` — node dist/api/server/line-worker.js in a process of its own, woken by NOTIFY' : 'inside the API process (the default)'}.
Load: open loop at a steady ${RATE} calls/s, ${seconds} s per run after a 5 s warm-up; each call one signed message event (a question of the chat question sets) from one of ${USERS} users; latency from the moment each call was due to its 200 (the acknowledgement), milliseconds, exact percentiles. Baseline: \`GET /healthz\` at the same rate on the same server, in the same run.

| run | calls | calls/s | p50 | p95 | p99 | max | not 200 |
|---|---|---|---|---|---|---|---|
${row('baseline `GET /healthz`', baseline)}
${row('webhook `POST /line/999999`', webhook)}

Work behind the acknowledgements: ${answered} of the ${events} events sent (warm-up included) answered, the queue empty ${drainMs} ms after the last acknowledgement; queue afterwards: ${queue.n} events, ${queue.done} handled, ${queue.kept} still holding content. Target p99 ≤ ${TARGET_P99} ms with every event answered: **${met ? 'met' : 'NOT met'}**.
`;
console.log(section);
if (process.env.BENCH_WRITE !== '0') appendFileSync(join(here, 'RESULTS.md'), section);
