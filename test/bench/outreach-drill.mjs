// The kill -9 drill (#16): 5,000 notices on PostgreSQL, sent by a separate worker process
// (dist/api/server/outreach-worker.js, what `npm run worker` runs) to a local SMTP server; the worker is
// killed with SIGKILL in the middle of sending (its database connections die with it), started again,
// and everything is counted: every notice delivered (0 lost), every message received at least once, and
// a message received twice only when its notice was in a sender's hands at the kill — each such re-send
// recorded (handoffs > 1 and the `possible-duplicate` figure).
// Run: npm run build && nice -n 10 node test/bench/outreach-drill.mjs
//   BENCH_DATABASE_URL (default postgres://root@127.0.0.1:5432/test); DRILL_N (default 5000);
//   DRILL_KILL_AT (received messages before the kill, default 40 % of N).
// The restarted worker takes the killed one's notices once their lease ends (OUTREACH_LEASE_SECONDS=15
// here, 120 by default) and pg-boss has expired their jobs (the drill sets the queue's expiry to 20 s;
// 300 s by default), so recovery takes about a minute here and several in a default setting.
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import pg from 'pg';

const require = createRequire(import.meta.url);
const ROOT = join(import.meta.dirname, '..', '..');
const ENCRYPTION_KEY = process.env.ENCRYPTION_KEY || randomBytes(32).toString('hex');
process.env.ENCRYPTION_KEY = ENCRYPTION_KEY;
const { SMTPServer } = require('smtp-server');
const { openOrm, migrate } = require('../../dist/api/db/orm.js');
const o = require('../../dist/api/outreach/index.js');
const { PersonalRecord } = require('../../dist/api/record/personal-record.entity.js');
const { Municipality } = require('../../dist/api/municipality/municipality.entity.js');
const { contactHashes, keyringOf } = require('../../dist/api/crypto/index.js');
const { rawQuery } = require('../../dist/api/db/raw-query.js');

const N = Number(process.env.DRILL_N || 5000);
const KILL_AT = Number(process.env.DRILL_KILL_AT || Math.round(N * 0.4));
const serverUrl = process.env.BENCH_DATABASE_URL || 'postgres://root@127.0.0.1:5432/test';
const DB = 'yorisoi_drill_outreach';
const dbUrl = (() => {
  const u = new URL(serverUrl);
  u.pathname = `/${DB}`;
  return u.toString();
})();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (m) => console.error(`[drill ${new Date().toISOString().slice(11, 19)}] ${m}`);

// The receiving SMTP server: counts each Message-ID it accepts.
const received = new Map();
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, _session, done) {
    let head = '';
    stream.on('data', (c) => {
      if (head.length < 8192) head += c.toString('utf8');
    });
    stream.on('end', () => {
      const id = /^Message-ID:\s*(<[^>]+>)/im.exec(head)?.[1] ?? '?';
      received.set(id, (received.get(id) ?? 0) + 1);
      done();
    });
  },
});
await new Promise((r) => smtp.listen(0, '127.0.0.1', r));
const smtpUrl = `smtp://127.0.0.1:${smtp.server.address().port}`;

const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`drop database if exists ${DB} with (force)`);
await admin.query(`create database ${DB}`);
const handle = await openOrm({ kind: 'postgresql', url: dbUrl });
await migrate(handle.orm);
const em = handle.orm.em.fork();
let worker = null;
try {
  const m = em.create(Municipality, { code: '990002', name: 'ドリル市', allowedOrigins: [], createdAt: new Date() });
  const keyring = keyringOf(em.getPlatform());
  const ids = [];
  for (let i = 0; i < N; i++) {
    const email = `family${i}@example.test`;
    const r = em.create(PersonalRecord, {
      municipality: m,
      referenceNumber: `D${String(i).padStart(8, '0')}`,
      identity: { familyName: 'ドリル' },
      searchName: 'ドリル|',
      contact: { email, contactAllowed: true, ...contactHashes(keyring, { email }) },
      sharedWith: [],
      createdAt: new Date(),
      updatedAt: new Date(),
    });
    ids.push(r.id);
    if (i % 1000 === 999) {
      await em.flush();
      em.clear();
    }
  }
  await em.flush();
  await rawQuery(
    em,
    `insert into outreach_consent_event (id, municipality_code, record_id, channel, granted, at, method, purpose_version) select gen_random_uuid(), '990002', id, 'EMAIL', true, now(), 'staff', 'drill' from personal_record`,
    [],
  );
  // A short job expiry for the drill (pg-boss retries an active job of a dead worker after it).
  await rawQuery(em, `update pgboss.queue set expire_seconds = 20 where name = 'outreach-send'`, []);
  const queue = o.PgBossQueue.for(handle.orm, { kind: 'postgresql', url: dbUrl });
  const { created } = await o.createNotices(
    em,
    queue,
    ids.map((recordId) => ({
      municipalityCode: '990002',
      recordId,
      department: 'single-parent',
      kind: 'programme-fits',
      trigger: 'drill',
      programmeId: 'child-rearing-allowance',
      period: 'FY2026',
      facts: {},
    })),
    () => 'automatic',
  );
  await queue.stop();
  log(`${created.length} notices created and enqueued`);

  const env = {
    ...process.env,
    DATABASE_URL: dbUrl,
    ENCRYPTION_KEY,
    AUTH_SECRET: 'drill-secret-drill-secret-drill-secret-0000',
    SMTP_URL: smtpUrl,
    OUTREACH_QUIET_HOURS: '0-0',
    OUTREACH_DAILY_CAP: String(N * 10),
    OUTREACH_WORKERS: '2',
    OUTREACH_NIGHTLY_HOUR: 'off',
    OUTREACH_LEASE_SECONDS: '15',
  };
  const start = () => {
    const p = spawn(process.execPath, [join(ROOT, 'dist', 'api', 'server', 'outreach-worker.js')], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    p.stderr.on('data', (d) => process.stderr.write(`  worker ${p.pid}: ${d}`));
    return p;
  };
  const total = () => [...received.values()].reduce((a, b) => a + b, 0);

  const t0 = Date.now();
  worker = start();
  log(`worker ${worker.pid} started`);
  while (total() < KILL_AT) {
    if (Date.now() - t0 > 600_000) throw new Error('the worker did not reach the kill point in 10 minutes');
    await sleep(20);
  }
  worker.kill('SIGKILL');
  await new Promise((r) => worker.once('exit', r));
  const receivedAtKill = total();
  const [atKill] = await rawQuery(
    em,
    `select count(*) filter (where status = 'DELIVERED') as delivered, count(*) filter (where status = 'SENDING') as sending, count(*) filter (where status = 'SENDING' and handoffs > 0) as handed from outreach_notice`,
    [],
  );
  const inFlight = new Set((await rawQuery(em, `select message_id from outreach_notice where status = 'SENDING'`, [])).map((r) => r.message_id));
  log(
    `kill -9 after ${receivedAtKill} messages received; notices: ${atKill.delivered} delivered, ${atKill.sending} in a sender's hands (${atKill.handed} of them handed over)`,
  );

  const t1 = Date.now();
  worker = start();
  log(`worker ${worker.pid} restarted`);
  let delivered = 0;
  while (Date.now() - t1 < 900_000) {
    delivered = Number((await rawQuery(em, `select count(*) as n from outreach_notice where status = 'DELIVERED'`, []))[0].n);
    if (delivered === N) break;
    await sleep(1000);
  }
  const recoverySeconds = (Date.now() - t1) / 1000;
  worker.kill('SIGTERM');
  await new Promise((r) => worker.once('exit', r));
  worker = null;

  const notices = await rawQuery(em, `select message_id, status, handoffs from outreach_notice`, []);
  const lostNotices = notices.filter((n) => n.status !== 'DELIVERED').length;
  const neverReceived = notices.filter((n) => !received.has(n.message_id)).length;
  const duplicates = [...received].filter(([, c]) => c > 1);
  const duplicateIds = duplicates.map(([id]) => id);
  const outsideInFlight = duplicateIds.filter((id) => !inFlight.has(id)).length;
  const byId = new Map(notices.map((n) => [n.message_id, n]));
  const unrecorded = duplicateIds.filter((id) => !(byId.get(id)?.handoffs > 1)).length;
  const [figure] = await rawQuery(em, `select coalesce(sum(count), 0) as n from outreach_figure where metric = 'possible-duplicate'`, []);
  const result = {
    notices: N,
    killAfterReceived: receivedAtKill,
    inFlightAtKill: inFlight.size,
    handedOverAtKill: Number(atKill.handed),
    delivered,
    lostNotices,
    neverReceived,
    duplicateMessages: duplicates.length,
    extraCopies: duplicates.reduce((a, [, c]) => a + c - 1, 0),
    duplicatesOutsideInFlight: outsideInFlight,
    duplicatesNotRecorded: unrecorded,
    possibleDuplicateFigure: Number(figure.n),
    recoverySeconds: +recoverySeconds.toFixed(1),
    totalSeconds: +((Date.now() - t0) / 1000).toFixed(1),
  };
  console.log(JSON.stringify(result));
  const ok = lostNotices === 0 && neverReceived === 0 && outsideInFlight === 0 && unrecorded === 0;
  log(ok ? 'PASS: 0 lost; duplicates only among the notices in flight at the kill, each recorded' : 'FAIL');
  process.exitCode = ok ? 0 : 1;
} finally {
  if (worker) worker.kill('SIGKILL');
  await handle.close();
  await admin.query(`drop database if exists ${DB} with (force)`);
  await admin.end();
  smtp.close();
}
process.exit(process.exitCode ?? 0);
