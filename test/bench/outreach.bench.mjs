// Outreach e-mail hand-off (#16): N notices handed to a local SMTP server (smtp-server, the mail
// catcher) through the pg-boss queue by two workers, on PostgreSQL; baseline in the same run: the same
// number of messages sent straight through nodemailer (no queue, no database); the queue path twice, one
// notice per claim and batched (sendMany). Also the share handed over within 10 s of becoming due.
// Run: npm run build && nice -n 10 node test/bench/outreach.bench.mjs
//   BENCH_DATABASE_URL (default postgres://root@127.0.0.1:5432/test); OUTREACH_BENCH_N (default 10000);
//   OUTREACH_BENCH_MODES (default one-by-one,batched: the order the two run in, to swap it).
import 'reflect-metadata';
import { createRequire } from 'node:module';
import pg from 'pg';
process.env.ENCRYPTION_KEY ??= 'be0c4be0c4be0c4be0c4be0c4be0c4be0c4be0c4be0c4be0c4be0c4be0c4be0c';

const require = createRequire(import.meta.url);
const { openOrm, migrate } = require('../../dist/api/db/orm.js');
const o = require('../../dist/api/outreach/index.js');
const { PersonalRecord } = require('../../dist/api/record/personal-record.entity.js');
const { Municipality } = require('../../dist/api/municipality/municipality.entity.js');
const { contactHashes, keyringOf } = require('../../dist/api/crypto/index.js');
const { rawQuery } = require('../../dist/api/db/raw-query.js');
const { join } = require('node:path');
const { SEEDS_DIR } = require('../../dist/api/core/paths.js');

const N = Number(process.env.OUTREACH_BENCH_N || 10_000);
const serverUrl = process.env.BENCH_DATABASE_URL || 'postgres://root@127.0.0.1:5432/test';
const dbUrl = (() => {
  const u = new URL(serverUrl);
  u.pathname = '/yorisoi_bench_outreach';
  return u.toString();
})();

const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query('drop database if exists yorisoi_bench_outreach with (force)');
await admin.query('create database yorisoi_bench_outreach');
const handle = await openOrm({ kind: 'postgresql', url: dbUrl });
await migrate(handle.orm);
const catcher = await o.MailCatcher.start({ keep: 10 });
try {
  // Families with an e-mail address and an e-mail opt-in.
  const em = handle.orm.em.fork();
  const m = em.create(Municipality, { code: '990001', name: 'ベンチ市', allowedOrigins: [], createdAt: new Date() });
  const keyring = keyringOf(em.getPlatform());
  const ids = [];
  for (let i = 0; i < N; i++) {
    const email = `family${i}@example.test`;
    const r = em.create(PersonalRecord, {
      municipality: m,
      referenceNumber: `B${String(i).padStart(8, '0')}`,
      identity: { familyName: 'ベンチ' },
      searchName: 'ベンチ|',
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
    `insert into outreach_consent_event (id, municipality_code, record_id, channel, granted, at, method, purpose_version) select gen_random_uuid(), '990001', id, 'EMAIL', true, now(), 'staff', 'bench' from personal_record`,
    [],
  );

  // Baseline: nodemailer straight to the catcher, 4 at a time (2 workers × 2 pooled connections).
  const direct = o.smtpMailer(catcher.url, { maxConnections: 4 });
  const tb = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < N) {
        const i = next++;
        await direct.send({
          to: `family${i}@example.test`,
          from: 'a@b.test',
          subject: 'x',
          text: 'y',
          html: '<p>y</p>',
          messageId: `<b${i}@bench>`,
          unsubscribeUrl: 'https://x.test/u',
        });
      }
    }),
  );
  const baselineSeconds = (performance.now() - tb) / 1000;
  direct.close();

  // Two workers, as two `npm run worker` processes would run them (each its own pg-boss and SMTP pool),
  // once per mode on fresh notices: 'one-by-one' claims and finishes each notice with its own statements
  // (the handler per job, as before item 4), 'batched' hands each fetched batch to sendMany.
  // No quiet hours (start = end): the run may fall in the night in Japan, when notices would wait for 8:00.
  const quietHours = { start: 0, end: 0 };
  const modes = {};
  for (const mode of (process.env.OUTREACH_BENCH_MODES || 'one-by-one,batched').split(',')) {
    const t0 = Date.now();
    const { created } = await o.createNotices(
      em,
      null,
      ids.map((recordId) => ({
        municipalityCode: '990001',
        recordId,
        department: 'single-parent',
        kind: 'programme-fits',
        trigger: 'bench',
        programmeId: 'child-rearing-allowance',
        period: mode,
        facts: {},
      })),
      () => 'automatic',
    );
    const createSeconds = (Date.now() - t0) / 1000;
    const workers = [];
    for (let w = 0; w < 2; w++) {
      const queue = o.PgBossQueue.for(handle.orm, { kind: 'postgresql', url: dbUrl });
      const mailer = o.smtpMailer(catcher.url, { maxConnections: 2 });
      const sender = new o.NoticeSender({
        orm: handle.orm,
        queue,
        templates: o.loadNoticeTemplates(join(SEEDS_DIR, 'notices')),
        links: new o.NoticeLinks('bench-secret-bench-secret-bench-secret-0000'),
        programmeName: () => '児童扶養手当',
        email: mailer,
        sms: null,
        settings: { ...o.DEFAULT_SETTINGS, quietHours, dailyCap: () => 1e9 },
      });
      workers.push({ queue, mailer, sender });
    }
    const t1 = Date.now();
    await workers[0].queue.enqueue(created);
    const options = { concurrency: 2, batchSize: 20, pollSeconds: 0.5 };
    await Promise.all(
      workers.map((w) =>
        mode === 'batched' ? w.queue.workBatches((batch) => w.sender.sendMany(batch), options) : w.queue.work((id) => w.sender.send(id), options),
      ),
    );
    let delivered = 0;
    while (delivered < N && Date.now() - t1 < 600_000) {
      await new Promise((r) => setTimeout(r, 500));
      delivered = Number((await rawQuery(em, `select count(*) as n from outreach_notice where status = 'DELIVERED' and period = ?`, [mode]))[0].n);
    }
    const sendSeconds = (Date.now() - t1) / 1000;
    console.error(`${mode}: ${delivered} delivered in ${sendSeconds} s`);
    const [{ within }] = await rawQuery(
      em,
      `select count(*) filter (where delivered_at - greatest(due_at, ?::timestamptz) <= interval '10 seconds') as within from outreach_notice where period = ?`,
      [new Date(t1), mode],
    );
    for (const w of workers) {
      await w.queue.stop();
      w.mailer.close();
    }
    const [{ dup }] = await rawQuery(em, `select count(*) filter (where handoffs > 1) as dup from outreach_notice where period = ?`, [mode]);
    modes[mode] = {
      delivered,
      createSeconds: +createSeconds.toFixed(2),
      sendSeconds: +sendSeconds.toFixed(2),
      perSecond: +(delivered / sendSeconds).toFixed(1),
      within10s: `${((100 * Number(within)) / N).toFixed(1)} %`,
      handedOverTwice: Number(dup),
    };
  }
  console.log(JSON.stringify({ notices: N, baselinePerSecond: +(N / baselineSeconds).toFixed(1), ...modes, caught: catcher.mails.length }));
} finally {
  await catcher.close();
  await handle.close();
  await admin.query('drop database if exists yorisoi_bench_outreach with (force)');
  await admin.end();
}
process.exit(0);
