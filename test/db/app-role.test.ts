import type { EntityManager } from '@mikro-orm/postgresql';
import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../api/server/app';
import { appRoleStatements, scramVerifier } from '../../api/db/app-role';
import { openOrm, type OrmHandle } from '../../api/db/orm';
import { seedDemo } from '../../api/server/seed/demo-seed';
import { TEST_LIMITS, TEST_PASSWORD, TEST_SECRET } from '../support/app';
import { openTestDatabase, type TestDatabase } from '../support/db';
import { testDatabaseUrl } from '../support/pg-url';

/**
 * npm run db:app-role (api/db/app-role.ts): the API's own role cannot rewrite the audit history —
 * not by disabling triggers, not through the internal functions, not by writing the audit tables —
 * yet the API runs as it. On PostgreSQL the API logs in as the role; on the embedded PGlite (one
 * session) the session takes the role with SET ROLE, which checks the same privileges.
 */
describe(`the app's database role (${testDatabaseUrl() ? 'PostgreSQL, logged in as the role' : 'PGlite, SET ROLE'})`, () => {
  const role = `yorisoi_app_${randomBytes(4).toString('hex')}`;
  let owner: TestDatabase;
  let asApp: OrmHandle;
  let app: App;
  const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => asApp.orm.em.fork().getConnection().execute<T[]>(text, params);
  const refused = (text: string, params: unknown[] = []) =>
    sql(text, params).then(
      () => 'allowed',
      (e: Error) => e.message,
    );

  beforeAll(async () => {
    owner = await openTestDatabase();
    await seedDemo(owner.orm.em.fork() as EntityManager, TEST_PASSWORD, 6);
    const conn = owner.orm.em.fork().getConnection();
    const [{ db }] = await conn.execute<{ db: string }[]>('select current_database() as db');
    for (const statement of appRoleStatements(role, owner.kind === 'postgresql' ? db : null)) await conn.execute(statement);
    if (owner.database.kind === 'postgresql') {
      const url = new URL(owner.database.url);
      url.username = role;
      url.password = '';
      asApp = await openOrm({ kind: 'postgresql', url: url.toString() });
    } else {
      await conn.execute(`set role ${role}`);
      asApp = { ...owner, close: async () => undefined };
    }
    app = await createApp(asApp.orm, { authSecret: TEST_SECRET, accessTokenTtlSeconds: 900, corsOrigins: [] }, { limits: TEST_LIMITS });
  });
  afterAll(async () => {
    await app?.stop();
    await asApp?.close();
    await owner?.close();
    const url = testDatabaseUrl();
    if (url) {
      const admin = new Client({ connectionString: url });
      await admin.connect();
      await admin.query(`drop role if exists ${role}`);
      await admin.end();
    }
  });

  it('stores a password as a SCRAM verifier computed by the command: the password never reaches the server', async () => {
    const conn = owner.kind === 'postgresql' ? owner.orm.em.fork().getConnection() : null;
    if (conn) {
      const other = `${role}_pw`;
      for (const statement of appRoleStatements(other, null, "Sekr3t'xyz")) await conn.execute(statement);
      const [row] = await conn.execute<{ p: string }[]>('select rolpassword as p from pg_authid where rolname = ?', [other]);
      await conn.execute(`drop owned by ${other}`);
      await conn.execute(`drop role ${other}`);
      expect(row!.p).toMatch(/^SCRAM-SHA-256\$4096:[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
      // The same verifier PostgreSQL computes itself for that password and salt (so the role can log in with it).
      const reference = `${role}_ref`;
      await conn.execute(`set password_encryption = 'scram-sha-256'`);
      await conn.execute(`create role ${reference} password 'Sekr3t''xyz'`);
      const [ref] = await conn.execute<{ p: string }[]>('select rolpassword as p from pg_authid where rolname = ?', [reference]);
      await conn.execute(`drop role ${reference}`);
      const [, params] = ref!.p.split('$');
      const [iterations, salt] = params!.split(':');
      expect(scramVerifier("Sekr3t'xyz", Buffer.from(salt!, 'base64'), Number(iterations))).toBe(ref!.p);
    }
    // The statements themselves carry the verifier, never the password.
    const statements = appRoleStatements('someone', null, "Sekr3t'xyz").join('\n');
    expect(statements).not.toContain('Sekr3t');
    expect(statements).toMatch(/password 'SCRAM-SHA-256\$4096:/);
  });

  it('is the role the API runs as', async () => {
    expect((await sql<{ u: string }>('select current_user as u'))[0]!.u).toBe(role);
  });

  it('cannot disable the audit triggers or bypass them', async () => {
    expect(await refused('alter table audit_entry disable trigger user')).toMatch(/must be owner/);
    expect(await refused('alter table audit_batch disable trigger audit_batch_no_update')).toMatch(/must be owner/);
    expect(await refused('set session_replication_role = replica')).toMatch(/permission denied/);
  });

  it('cannot call the internal audit functions (the finding recomputed hashes with audit_batch_hash)', async () => {
    expect(await refused(`select audit_batch_hash('genesis', 1)`)).toMatch(/permission denied for function audit_batch_hash/);
    expect(await refused(`select audit_verify('999999')`)).toMatch(/permission denied for function audit_verify/);
  });

  it('cannot write the audit tables except through audit_append', async () => {
    expect(await refused(`update audit_chain_head set last_hash = 'x'`)).toMatch(/permission denied/);
    expect(await refused('delete from audit_batch')).toMatch(/permission denied/);
    expect(await refused('truncate audit_entry')).toMatch(/permission denied/);
    expect(await refused(`insert into audit_batch (id, municipality_code, prev_hash, hash, entries) values (999999, '999999', 'x', 'y', 0)`)).toMatch(
      /permission denied/,
    );
    expect(await refused('delete from allowed_origin_change')).toMatch(/permission denied/);
    expect(await refused('create table sneaky (a int)')).toMatch(/permission denied/);
  });

  it('serves the API: sign-in, a records page with its audit batch, a sealed and intact chain', async () => {
    const http = request(app.express);
    const gql = async (query: string, token?: string) => {
      let req = http.post('/graphql').set('content-type', 'application/json');
      if (token) req = req.set('authorization', `Bearer ${token}`);
      return (await req.send({ query })).body as { data?: Record<string, any>; errors?: unknown[] };
    };
    const login = async (email: string) =>
      (await gql(`mutation { login(email: "${email}", password: "${TEST_PASSWORD}") { token } }`)).data!.login.token as string;
    const staff = await login('single-parent@demo.yorisoi.example');
    const page = await gql('{ records(first: 3) { edges { node { id identity { familyName } } } } }', staff);
    expect(page.errors).toBeUndefined();
    const created = await gql(`mutation { createRecord(input: { identity: { familyName: "役割${randomUUID().slice(0, 4)}" } }) { id } }`, staff);
    expect(created.errors).toBeUndefined();
    const [batch] = await sql<{ seal: string | null }>('select seal from audit_batch order by id desc limit 1');
    expect(batch!.seal).toMatch(/^v1\./);
    const supervisor = await login('single-parent-supervisor@demo.yorisoi.example');
    expect((await gql('{ auditChainIntact }', supervisor)).data!.auditChainIntact).toBe(true);
  });
});
