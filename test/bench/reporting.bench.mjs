// node test/bench/reporting.bench.mjs — usage figures and 別紙2 for a year of one municipality (issue 19),
// on PostgreSQL over loopback: 100,000 records and 2 million events spread over the year.
// Baseline in the same run: each figure counted straight from the event tables with one hand-written
// GROUP BY per figure over the whole year (what a report would cost with no stored counts).
// Measured: (a) sealing the year (counting and storing every day of every module, cold), (b) the
// report (.docx) through its signed link, (c) the dashboard's usageFigures (MONTH) over HTTP with the
// counts stored, for the past year and for a period ending today (last two days counted live),
// BENCH_RUNS (default 20) each, median and p95. Targets: (a)+(b) ≤ 60 s, (c) ≤ 200 ms each.
// Prints a section for RESULTS.md (BENCH_WRITE=1 appends it).
import 'reflect-metadata';
import { appendFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { seedBenchRecords } from './seed-bench.mjs';
process.env.ENCRYPTION_KEY ??= 'be0c4be0c4be0c4be0c4be0c4be0c4be0c4be0c4be0c4be0c4be0c4be0c4be0c';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
if (!existsSync(join(root, 'dist/api/server/app.js'))) throw new Error('run `npm run build` first');
const { openOrm, migrate } = require('../../dist/api/db/orm.js');
const { seedDemo, demoStaffEmail } = require('../../dist/api/server/seed/demo-seed.js');
const { createApp } = require('../../dist/api/server/app.js');
const { FIGURE_STORE } = require('../../dist/api/reporting/index.js');
const { todayInJapan, addDays } = require('../../dist/api/core/dates.js');

const serverUrl = process.env.BENCH_DATABASE_URL || 'postgres://root@127.0.0.1:5432/test';
const RUNS = Number(process.env.BENCH_RUNS || 20);
const RECORDS = 100_000;
const CODE = '999999';
const dbName = 'yorisoi_bench_reporting';
const dbUrl = (() => { const u = new URL(serverUrl); u.pathname = `/${dbName}`; return u.toString(); })();
const AUTH_SECRET = 'bench-secret-bench-secret-bench-secret-0000';
const PASSWORD = 'bench-password';
const today = todayInJapan();
const year = { from: addDays(today, -366), to: addDays(today, -2) };
const seconds = (t0) => Number(process.hrtime.bigint() - t0) / 1e9;

const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`drop database if exists ${dbName} with (force)`);
await admin.query(`create database ${dbName}`);
const handle = await openOrm({ kind: 'postgresql', url: dbUrl });
await migrate(handle.orm);
await seedDemo(handle.orm.em.fork(), PASSWORD, 0);
const client = new pg.Client({ connectionString: dbUrl });
await client.connect();
let t0 = process.hrtime.bigint();
await seedBenchRecords(client, RECORDS);
// Spread the records' creation over the year, and add the year's events (2,000,000 rows in all).
const spread = (col) => `timestamptz '${year.from}T00:00:00+09:00' + (((${col})::bigint * 7919) % (365 * 86400)) * interval '1 second'`;
await client.query(`update personal_record set created_at = ${spread("('x' || substr(md5(id::text), 1, 8))::bit(32)::int & 2147483647")}`);
const EVENTS = { chat_session: 700_000, chat_message: 700_000, consent_event: 250_000, inbox_item: 100_000, consultation: 100_000, referral: 50_000, audit_entry: 100_000 };
await client.query(`insert into chat_session (id, municipality_code, locale, created_at, updated_at, satisfaction)
  select gen_random_uuid(), '${CODE}', 'ja', ${spread('g')}, now(), case when g % 4 = 0 then 1 + g % 5 end from generate_series(1, ${EVENTS.chat_session}) g`);
await client.query(`insert into chat_message (id, session_id, role, text, at, urgent, generated) select gen_random_uuid(), s.id, 'user', '架空', s.created_at, (row_number() over ()) % 50 = 0, false from chat_session s`);
await client.query(`create temporary table r as select id, row_number() over () as n from personal_record`);
await client.query(`insert into consent_event (id, municipality_code, record_id, target, granted, at, privacy_notice_version)
  select gen_random_uuid(), '${CODE}', r.id, (array['livelihood-support','public-housing','long-term-care','disability-welfare','family-register'])[1 + g % 5], g % 20 <> 0, ${spread('g')}, 'bench'
  from generate_series(1, ${EVENTS.consent_event}) g join r on r.n = 1 + g % ${RECORDS}`);
await client.query(`insert into inbox_item (id, municipality_code, department, kind, record_id, reference_number, received_at, urgent)
  select gen_random_uuid(), '${CODE}', 'single-parent', case when g % 5 = 0 then 'chat-request' else 'intake' end, r.id, 'B-' || g, ${spread('g')}, false
  from generate_series(1, ${EVENTS.inbox_item}) g join r on r.n = g`);
await client.query(`delete from consultation`);
await client.query(`insert into consultation (id, municipality_code, record_id, date, department_id, channel, summary, created_at)
  select gen_random_uuid(), '${CODE}', r.id, (${spread('g')})::date, d.id, (array['phone','in-person','online','email','home-visit','chat'])[1 + g % 6], '架空', now()
  from generate_series(1, ${EVENTS.consultation}) g join r on r.n = g join department d on d.municipality_code = '${CODE}' and d.code = (case when g % 4 = 0 then 'livelihood-support' else 'single-parent' end)::department_code`);
await client.query(`insert into referral (id, municipality_code, record_id, partner_id, status, reason, created_at, updated_at)
  select gen_random_uuid(), '${CODE}', r.id, p.id, (array['requested','accepted','closed'])[1 + g % 3], '架空', ${spread('g')}, ${spread('g')} + interval '3 days'
  from generate_series(1, ${EVENTS.referral}) g join r on r.n = g cross join (select id from partner_organization limit 1) p`);
// Audit entries go in directly (audit_append would chain and seal each batch: not what is measured here).
await client.query(`insert into audit_entry (municipality_code, at, actor_kind, actor_id, actor_name, actor_department, record_ids, action, sections, operation_name, batch_id)
  select '${CODE}', ${spread('g')}, 'staff', gen_random_uuid(), '架空', (array['livelihood-support','public-housing'])[1 + g % 2], array[r.id], 'read', array['identity'], 'Bench', 0
  from generate_series(1, ${EVENTS.audit_entry}) g join r on r.n = g`);
await client.query('analyze');
const events = Object.values(EVENTS).reduce((a, b) => a + b, 0);
console.log(`seeded ${RECORDS} records and ${events} events in ${seconds(t0).toFixed(0)} s`);

// Baseline: one hand-written GROUP BY per figure over the year, nothing stored.
const range = [`${year.from}T00:00:00+09:00`, `${addDays(year.to, 1)}T00:00:00+09:00`];
const BASELINE = [
  `select count(*) from chat_session where municipality_code = $1 and created_at >= $2 and created_at < $3`,
  `select count(distinct m.session_id) from chat_message m join chat_session s on s.id = m.session_id where s.municipality_code = $1 and m.urgent and m.at >= $2 and m.at < $3`,
  `select count(satisfaction), avg(satisfaction) from chat_session where municipality_code = $1 and created_at >= $2 and created_at < $3`,
  `select kind, count(*) from inbox_item where municipality_code = $1 and received_at >= $2 and received_at < $3 group by kind`,
  `select source, count(*) from personal_record where municipality_code = $1 and created_at >= $2 and created_at < $3 group by source`,
  `select target, granted, count(*) from consent_event where municipality_code = $1 and at >= $2 and at < $3 group by 1, 2`,
  `select actor_department, sum(cardinality(record_ids)) from audit_entry where municipality_code = $1 and action = 'read' and actor_department <> 'single-parent' and at >= $2 and at < $3 group by 1`,
  `select status, count(*) from referral where municipality_code = $1 and created_at >= $2 and created_at < $3 group by 1`,
  `select channel, count(*) from consultation where municipality_code = $1 and date >= $2::date and date < $3::date group by 1`,
];
t0 = process.hrtime.bigint();
for (const sql of BASELINE) await client.query(sql, [CODE, ...range]);
const baseline = seconds(t0);

// (a) sealing the year, cold.
t0 = process.hrtime.bigint();
await FIGURE_STORE.seal(handle.orm.em.fork(), CODE, year.from, year.to);
const seal = seconds(t0);
const { rows: [{ n: stored }] } = await client.query('select count(*)::int as n from usage_count');

// The API over HTTP.
const app = await createApp(handle.orm, { authSecret: AUTH_SECRET, accessTokenTtlSeconds: 3600, corsOrigins: [] }, { limits: { trustProxy: 'loopback', trustedDocumentsOnly: false } });
const server = await new Promise((resolve) => { const s = app.express.listen(0, '127.0.0.1', () => resolve(s)); });
const base = `http://127.0.0.1:${server.address().port}`;
const gql = async (query, variables, token) => {
  const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query, variables }) });
  const body = await res.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
};
const token = (await gql('mutation($e:String!,$p:String!){ login(email:$e, password:$p) { token } }', { e: demoStaffEmail('single-parent', 'supervisor'), p: PASSWORD })).login.token;

// (b) the report through its link (counts already stored: what a supervisor's download costs).
t0 = process.hrtime.bigint();
const link = (await gql('query($p: ReportPeriodInput!) { implementationReport(period: $p, form: REPORT) { url } }', { p: year }, token)).implementationReport.url;
const file = await fetch(`${base}${link}`);
const bytes = (await file.arrayBuffer()).byteLength;
const report = seconds(t0);
if (file.status !== 200) throw new Error(`report download: ${file.status}`);

// (c) the dashboard's query, stored counts (past year) and a period ending today (two days live).
const FIGURES = 'query($p: ReportPeriodInput!, $m: String!) { usageFigures(period: $p, municipalityCode: $m, bucket: MONTH) { figures { name key total previousTotal points { start value } } } }';
// Baseline in the same run: a signed-in GraphQL round trip that reads nothing (HTTP, token check,
// GraphQL, rate limits) — the floor under (c) on the machine as loaded at that moment.
const FLOOR = 'query { __typename }';
async function timed(period, query = FIGURES) {
  const ms = [];
  for (let i = 0; i < RUNS; i++) {
    const t = process.hrtime.bigint();
    await gql(query, query === FIGURES ? { p: period, m: CODE } : {}, token);
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(ms.length / 2)], p95: ms[Math.min(ms.length - 1, Math.ceil(ms.length * 0.95) - 1)] };
}
await timed(year); // warm-up (also seals the year before, for the comparison column)
const past = await timed(year);
const live = await timed({ from: addDays(today, -365), to: today });
const floor = await timed(null, FLOOR);
// The stored-count query of (c) as PostgreSQL runs it (one figure list, the monthly sums of the year).
const { rows: [{ names }] } = await client.query('select array_agg(distinct figure) as names from usage_count');
const plan = (await client.query(`explain (analyze, buffers, format text) select to_char(greatest(date_trunc('month', day)::date, $1::date), 'YYYY-MM-DD') as day, figure, key, sum(value) as value
  from usage_count where municipality_code = $2 and figure = any($3) and day >= $1::date and day <= $4::date group by 1, 2, 3`, [year.from, CODE, names, year.to])).rows.map((r) => r['QUERY PLAN']);

await new Promise((r) => server.close(r));
await app.stop();
await client.end();
await handle.close();
await admin.query(`drop database if exists ${dbName} with (force)`);
await admin.end();

const cpu = os.cpus()[0]?.model ?? 'unknown';
const section = `
## Usage figures and 別紙2 (#19) — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC

Machine: ${cpu}, ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')} at the end (shared by the other lanes' tests); Node ${process.version}; PostgreSQL on loopback (${serverUrl.replace(/\/\/[^@]*@/, '//')}).
Command: \`npm run build && nice -n 10 node test/bench/reporting.bench.mjs\`. One municipality, ${RECORDS.toLocaleString('en')} records and ${events.toLocaleString('en')} events over ${year.from}…${year.to}
(chat sessions ${EVENTS.chat_session.toLocaleString('en')}, chat messages ${EVENTS.chat_message.toLocaleString('en')}, consents ${EVENTS.consent_event.toLocaleString('en')}, inbox items ${EVENTS.inbox_item.toLocaleString('en')}, consultations ${EVENTS.consultation.toLocaleString('en')}, referrals ${EVENTS.referral.toLocaleString('en')}, audit entries ${EVENTS.audit_entry.toLocaleString('en')}).

| measurement | value | target |
|---|---|---|
| baseline: one GROUP BY per figure over the year, nothing stored (${BASELINE.length} statements) | ${baseline.toFixed(2)} s | – |
| (a) sealing the year: every day of every module counted and stored (${stored.toLocaleString('en')} count rows) | ${seal.toFixed(2)} s | – |
| (b) 別紙2 (.docx, ${(bytes / 1024).toFixed(0)} KB) through its signed link, counts stored | ${report.toFixed(2)} s | – |
| (a) + (b): figures and report for the year from nothing stored | **${(seal + report).toFixed(2)} s** | ≤ 60 s |
| (c) \`usageFigures\` (MONTH, with the previous year) for the past year, ${RUNS} runs: median / p95 | **${past.median.toFixed(1)} / ${past.p95.toFixed(1)} ms** | ≤ 200 ms |
| (c) the same for the year ending today (last two days counted live): median / p95 | **${live.median.toFixed(1)} / ${live.p95.toFixed(1)} ms** | ≤ 200 ms |
| baseline for (c), same run: signed-in \`{ __typename }\` over HTTP: median / p95 | ${floor.median.toFixed(1)} / ${floor.p95.toFixed(1)} ms | – |

EXPLAIN (ANALYZE) of (c)'s stored-count query for the year:

\`\`\`
${plan.join('\n')}
\`\`\`
`;
console.log(section);
if (process.env.BENCH_WRITE === '1') appendFileSync(join(here, 'RESULTS.md'), section);
