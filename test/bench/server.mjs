// One benchmark server in its own process, so the load generator does not share its event loop.
//   node test/bench/server.mjs <graphql|graphql-js|bypass|baseline> <databaseUrl> <port>
//   (graphql-js: queries executed by graphql-js instead of compiled, the reference for the compiled executor)
import 'reflect-metadata';
import { createRequire } from 'node:module';
import express from 'express';
import pg from 'pg';
// Encryption at rest needs a master key on PostgreSQL; a fixed one for benchmark databases.
process.env.ENCRYPTION_KEY ??= 'be0c4be0c4be0c4be0c4be0c4be0c4be0c4be0c4be0c4be0c4be0c4be0c4be0c';

const require = createRequire(import.meta.url);
const [mode, url, port] = process.argv.slice(2);

if (mode === 'baseline') {
  // The same JSON as the GraphQL page, from hand-written SQL with pg: the cost floor.
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // The same JSON means the sealed values opened too (encryption at rest): load the data keys, as the API does.
  const { openOrm } = require('../../dist/api/db/orm.js');
  const { decrypt } = require('../../dist/api/crypto/index.js');
  const keys = await openOrm({ kind: 'postgresql', url });
  await keys.close();
  const opened = (v) => (v == null ? v : decrypt(v));
  const app = express();
  app.get('/bench-cpu', (_req, res) => res.json(process.cpuUsage()));
  app.use(express.json());
  app.post('/baseline', async (_req, res) => {
    const { rows } =
      await pool.query(`select id, reference_number, identity_family_name, identity_given_name, identity_family_name_kana, identity_given_name_kana,
      address_city, address_street, contact_phone, income_annual_employment_income, concerns_categories
      from personal_record where municipality_code = '999999' order by created_at desc, id desc limit 51`);
    const page = rows.slice(0, 50);
    const ids = page.map((r) => r.id);
    const [children, benefits, consultations] = await Promise.all([
      pool.query('select record_id, birth_date::text as birth_date, disability from child where record_id = any($1) order by record_id, position', [ids]),
      pool.query('select record_id, programme_id from benefit_in_use where record_id = any($1) order by record_id, programme_id', [ids]),
      pool.query(
        `select c.record_id, c.date::text as date, c.summary, d.code as department from consultation c join department d on d.id = c.department_id
        where c.record_id = any($1) order by c.date desc, c.created_at desc`,
        [ids],
      ),
    ]);
    const group = (list) => {
      const m = new Map(ids.map((id) => [id, []]));
      for (const r of list.rows) m.get(r.record_id).push(r);
      return m;
    };
    const ch = group(children),
      be = group(benefits),
      co = group(consultations);
    res.json({
      data: {
        records: {
          edges: page.map((r) => ({
            node: {
              id: r.id,
              referenceNumber: r.reference_number,
              identity: {
                familyName: r.identity_family_name,
                givenName: r.identity_given_name,
                familyNameKana: r.identity_family_name_kana,
                givenNameKana: r.identity_given_name_kana,
              },
              address: { city: r.address_city, street: opened(r.address_street) },
              contact: { phone: opened(r.contact_phone) },
              household: { children: ch.get(r.id).map((c) => ({ birthDate: c.birth_date, disability: c.disability })) },
              income: { annualEmploymentIncome: r.income_annual_employment_income },
              benefits: be.get(r.id).map((b) => ({ programmeId: b.programme_id })),
              concerns: { categories: r.concerns_categories },
              consultations: co.get(r.id).map((c) => ({ date: c.date, summary: opened(c.summary), department: c.department })),
            },
          })),
        },
      },
    });
  });
  app.listen(Number(port), () => console.log('ready'));
} else {
  const { openOrm } = require('../../dist/api/db/orm.js');
  const { createApp } = require('../../dist/api/server/app.js');
  const handle = await openOrm({ kind: 'postgresql', url });
  // LINE channels from the environment (LINE_CHANNELS…), as line.bench.mjs sets them.
  const { lineSettingsFromEnv } = require('../../dist/api/line/index.js');
  const app = await createApp(
    handle.orm,
    { authSecret: process.env.AUTH_SECRET, accessTokenTtlSeconds: 3600, corsOrigins: [], intakeRatePerMinute: 1e9, line: lineSettingsFromEnv(process.env) },
    {
      bypassPermissionsForBenchmark: mode === 'bypass',
      interpretedExecution: mode === 'graphql-js',
      limits: {
        trustedDocumentsOnly: false,
        rates: { anonymousPerMinute: 1e9, intakePerMinute: 1e9, chatPerMinute: 1e9, loginPerAddressPerMinute: 1e9, loginPerAccountPerMinute: 1e9 },
      },
    },
  );
  // CPU time of this process, read by the load generator before and after a run (ms per request).
  app.express.get('/bench-cpu', (_req, res) => res.json(process.cpuUsage()));
  app.express.listen(Number(port), () => console.log('ready'));
}
// Exit cleanly on SIGINT so `node --cpu-prof test/bench/server.mjs …` writes its profile.
process.on('SIGINT', () => process.exit(0));
