// Evaluation behind api/outreach/queue.ts (issue 16): pg-boss 10 and graphile-worker 0.16, each sending
// and working 50 jobs on PostgreSQL and on the embedded PGlite.
// Run: node test/bench/queue-choice.cjs boss-pg | boss-pglite | gw-pg | gw-pglite
// Queue library evaluation: pg-boss 10 and graphile-worker 0.16 on PostgreSQL and PGlite.
const { PGlite } = require('@electric-sql/pglite');
const { PgBoss } = require('pg-boss').PgBoss ? require('pg-boss') : { PgBoss: require('pg-boss') };
const pg = require('pg');
const gw = require('graphile-worker');
const URL = 'postgres://root@127.0.0.1:5432/test';
async function bossRun(label, opts) {
  const t0 = Date.now();
  try {
    const boss = new PgBoss(opts);
    boss.on('error', (e) => console.log(label, 'error event', e.message));
    await boss.start();
    await boss.createQueue('q1');
    const got = [];
    await boss.work('q1', { batchSize: 10, pollingIntervalSeconds: 0.5 }, async (jobs) => {
      for (const j of jobs) got.push(j.data.n);
    });
    for (let i = 0; i < 50; i++) await boss.send('q1', { n: i }, { singletonKey: 'k' + i });
    const dup = await boss.send('q1', { n: 0 }, { singletonKey: 'k0' });
    const until = Date.now() + 15000;
    while (got.length < 50 && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    await boss.stop({ graceful: false, wait: true });
    console.log(label, 'OK received', got.length, 'dupSend', dup, 'ms', Date.now() - t0);
  } catch (e) {
    console.log(label, 'FAILED', e.message.split('\n')[0]);
  }
}
async function gwRun(label, pool) {
  const t0 = Date.now();
  try {
    const got = [];
    const runner = await gw.run({
      pgPool: pool,
      concurrency: 2,
      pollInterval: 200,
      noHandleSignals: true,
      taskList: {
        t: async (p) => {
          got.push(p.n);
        },
      },
    });
    for (let i = 0; i < 50; i++) await runner.addJob('t', { n: i }, { jobKey: 'k' + i });
    const until = Date.now() + 15000;
    while (got.length < 50 && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    await runner.stop();
    console.log(label, 'OK received', got.length, 'ms', Date.now() - t0);
  } catch (e) {
    console.log(label, 'FAILED', String(e.message).split('\n')[0]);
  }
}
// A PGlite "db" for pg-boss (its documented db option: an object with executeSql(text, values)).
function pgliteDb(pgl) {
  return {
    async executeSql(text, values) {
      if (values && values.length) return pgl.query(text, values);
      const results = await pgl.exec(text);
      return results[results.length - 1] ?? { rows: [] };
    },
  };
}
// The smallest pg.Pool look-alike over PGlite for graphile-worker (it wants connect()/query()/release()).
function pglitePool(pgl) {
  const client = {
    query: (t, v) => (typeof t === 'object' ? pgl.query(t.text, t.values) : v && v.length ? pgl.query(t, v) : pgl.exec(t).then((r) => r[r.length - 1])),
    release() {},
    on() {},
    removeListener() {},
    off() {},
  };
  return {
    connect: async () => client,
    query: client.query,
    on() {},
    removeListener() {},
    off() {},
    end: async () => {},
    listeners() {
      return [];
    },
  };
}
(async () => {
  const which = process.argv[2];
  if (which === 'boss-pg') {
    const c = new pg.Client(URL);
    await c.connect();
    await c.query('drop schema if exists qe_boss cascade');
    await c.end();
    await bossRun('pg-boss/PostgreSQL', { connectionString: URL, schema: 'qe_boss' });
  }
  if (which === 'boss-pglite') {
    const pgl = new PGlite();
    await pgl.waitReady;
    await bossRun('pg-boss/PGlite', { db: pgliteDb(pgl), schema: 'qe_boss' });
  }
  if (which === 'gw-pg') {
    const c = new pg.Client(URL);
    await c.connect();
    await c.query('drop schema if exists graphile_worker cascade');
    await c.end();
    const pool = new pg.Pool({ connectionString: URL });
    await gwRun('graphile-worker/PostgreSQL', pool);
    await pool.end();
  }
  if (which === 'gw-pglite') {
    const pgl = new PGlite();
    await pgl.waitReady;
    await gwRun('graphile-worker/PGlite', pglitePool(pgl));
  }
  process.exit(0);
})();
