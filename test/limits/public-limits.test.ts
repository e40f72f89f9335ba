/**
 * Issue 14, finding 3 and "limits on every public path", against createApp() with the production
 * limits (PRODUCTION_LIMITS; only TRUST_PROXY is set where a test needs to choose the client address):
 * trusted documents for anonymous callers, GraphQL Armor's depth/cost/alias limits, tokens, request
 * and response size, field suggestions, and rate limits that two API processes share through the
 * database, keyed so no client address is stored.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../api/server/app';
import { WIDGETS_DIST_DIR } from '../../api/core/paths';
import { type DeepPartialLimits, PRODUCTION_LIMITS, sha256 } from '../../api/limits';
import { demoStaffEmail } from '../../api/server/seed/demo-seed';
import { DepartmentCode } from '../../api/core/departments';
import { startTestApp, TEST_PASSWORD, TEST_SECRET, type TestApp } from '../support/app';

/** The trusted documents the build wrote (the widgets' own texts), and two of them by operation name. */
const DOCUMENTS = JSON.parse(readFileSync(join(WIDGETS_DIST_DIR, 'trusted-documents.json'), 'utf8')) as Record<string, string>;
const byName = (prefix: string) => Object.values(DOCUMENTS).find((text) => text.startsWith(prefix))!;
const WIDGET_POSTAL = byName('query PostalAddress(');
const WIDGET_LOGIN = byName('mutation StaffLogin(');

/**
 * Rate limits count in fixed one-minute windows: a test that counts a few calls waits, if needed,
 * until it is not in the last seconds of a window (a new window would start its count again).
 */
async function awayFromWindowEdge(): Promise<void> {
  const intoMinute = Date.now() % 60_000;
  if (intoMinute > 45_000) await new Promise((r) => setTimeout(r, 60_000 - intoMinute + 200));
}

describe('limits on the public paths (production limits)', () => {
  let t: TestApp;
  const apps: App[] = [];
  /** An app with the production limits, over the test database (with `limits` on top). */
  const production = async (limits?: DeepPartialLimits) => {
    const app = await createApp(t.db.orm, { authSecret: TEST_SECRET, accessTokenTtlSeconds: 900, corsOrigins: [] }, { limits });
    apps.push(app);
    return app;
  };
  const post = (app: App, body: unknown, headers: Record<string, string> = {}) => {
    let req = request(app.express).post('/graphql').set('content-type', 'application/json');
    for (const [k, v] of Object.entries(headers)) req = req.set(k, v);
    return req.send(body as object);
  };
  let app: App;
  let staff: string;

  beforeAll(async () => {
    t = await startTestApp({ records: 2 });
    app = await production();
    staff = await t.login(DepartmentCode.SINGLE_PARENT);
  });
  afterAll(async () => {
    for (const a of apps) await a.stop();
    await t.close();
  });

  it('the build writes the widgets’ operations as trusted documents, by SHA-256', () => {
    const documents = DOCUMENTS;
    expect(WIDGET_POSTAL).toMatch(/postalAddress\(postalCode: \$code\)/);
    expect(WIDGET_LOGIN).toMatch(/login\(email: \$email, password: \$password\)/);
    expect(documents[sha256(WIDGET_POSTAL)]).toBe(WIDGET_POSTAL);
    expect(documents[sha256(WIDGET_LOGIN)]).toBe(WIDGET_LOGIN);
    for (const [hash, text] of Object.entries(documents)) expect(sha256(text)).toBe(hash);
    expect(Object.keys(documents).length).toBeGreaterThanOrEqual(9);
  });

  it('anonymous callers may send only trusted documents: by text or by hash; anything else is refused before it runs', async () => {
    const byText = await post(app, { query: WIDGET_POSTAL, variables: { code: '999-0001' } });
    expect(byText.status).toBe(200);
    expect(byText.body.errors).toBeUndefined();
    const byHash = await post(app, { variables: { code: '999-0001' }, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(WIDGET_POSTAL) } } });
    expect(byHash.body).toEqual(byText.body);

    const aliases = `{ ${Array.from({ length: 3 }, (_, i) => `a${i}: programmes(municipalityCode: "999999") { id }`).join(' ')} }`;
    const refused = await post(app, { query: aliases });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].extensions).toMatchObject({ code: 'OPERATION_NOT_TRUSTED', field: 'query' });
    expect(refused.body.errors[0].extensions.messages.en).toBeTruthy();
    // The widget's text with one field more is another document.
    expect(
      (await post(app, { query: WIDGET_POSTAL.replace('prefecture', 'prefecture city'), variables: { code: '999-0001' } })).body.errors[0].extensions.code,
    ).toBe('OPERATION_NOT_TRUSTED');
    const unknown = await post(app, { extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } });
    expect(unknown.body.errors[0].extensions).toMatchObject({ code: 'PERSISTED_QUERY_NOT_FOUND', field: 'extensions.persistedQuery.sha256Hash' });
    // Staff tokens may send their own operations (within the limits below).
    const mine = await post(app, { query: '{ me { name } programmes(municipalityCode: "999999") { id } }' }, { authorization: `Bearer ${staff}` });
    expect(mine.body.errors).toBeUndefined();
  });

  it('finding 3: 10,000 aliases with a fragment are refused at validation, fast, with a code and no data', async () => {
    const query = `query { ${Array.from({ length: 10_000 }, (_, i) => `p${i}: programmes { ...F }`).join(' ')} } fragment F on Programme { id name summary }`;
    const res = await post(app, { query }, { authorization: `Bearer ${staff}` });
    expect(res.status).toBe(413); // 229 kB: over the request body limit before it is even parsed
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', field: 'body' });
    // Small enough to be read: the alias limit (15) refuses it.
    const sixteen = `query { ${Array.from({ length: 16 }, (_, i) => `p${i}: programmes { id }`).join(' ')} }`;
    const refused = await post(app, { query: sixteen }, { authorization: `Bearer ${staff}` });
    expect(refused.status).toBe(400);
    expect(refused.body.data).toBeUndefined();
    expect(refused.body.errors[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', field: 'query' });
    expect(refused.body.errors[0].message).toMatch(/Aliases limit of 15/);
    expect(PRODUCTION_LIMITS.maxAliases).toBe(15);
  });

  it('depth, cost and token limits refuse oversized queries from any caller', async () => {
    const auth = { authorization: `Bearer ${staff}` };
    // Depth: nested selections beyond 10 levels (introspection types nest without end).
    const deep = `{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } }`;
    const d = await post(app, { query: deep }, auth);
    expect(d.status).toBe(400);
    expect(d.body.errors.map((e: { message: string }) => e.message).join(' ')).toMatch(/depth limit/i);
    // Cost: every field counts (2 an object, 1 a scalar, ×1.5 a level). The wiring is shown with a low
    // maximum; the production maximum (5,000) is far above any console screen (next test).
    const wide = `query { ${Array.from({ length: 15 }, (_, i) => `p${i}: programmes { id name summary contact names { ja en jaEasy } }`).join(' ')} }`;
    expect((await post(app, { query: wide }, auth)).body.errors).toBeUndefined();
    const c = await post(await production({ maxCost: 100 }), { query: wide }, auth);
    expect(c.status).toBe(400);
    expect(c.body.errors.map((e: { message: string }) => e.message).join(' ')).toMatch(/cost limit/i);
    // Tokens: more than 2,000 in one document, refused while parsing (HTTP 400, not 500).
    const many = `{ me { ${Array.from({ length: 2100 }, () => 'name').join(' ')} } }`;
    const tk = await post(app, { query: many }, auth);
    expect(tk.status).toBe(400);
    expect(tk.body.errors[0].extensions).toMatchObject({ code: 'GRAPHQL_PARSE_FAILED', field: 'query' });
  });

  it('the staff console’s operations stay within the limits', async () => {
    const { RECORD, RECORDS, INBOX, ELIGIBILITY, REFERRALS, AUDIT } = await import(join(__dirname, '..', '..', 'widgets', 'staff', 'queries.ts'));
    for (const query of [RECORD, RECORDS, INBOX, ELIGIBILITY, REFERRALS, AUDIT] as string[]) {
      const res = await post(app, { query }, { authorization: `Bearer ${staff}` });
      const codes = (res.body.errors ?? []).map((e: { extensions: { code: string } }) => e.extensions.code);
      expect(codes, query.slice(0, 40)).not.toContain('GRAPHQL_VALIDATION_FAILED');
      expect(codes).not.toContain('GRAPHQL_PARSE_FAILED');
    }
  });

  it('an over-size or malformed body gets a JSON error with a code, never an HTML page or a stack trace', async () => {
    const big = await post(app, { query: WIDGET_POSTAL, variables: { code: 'x'.repeat(PRODUCTION_LIMITS.requestBodyBytes) } });
    expect(big.status).toBe(413);
    expect(big.headers['content-type']).toMatch(/application\/json/);
    expect(big.body.errors[0].extensions).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', field: 'body' });
    expect(big.text).not.toMatch(/<html|at .*\.js:\d+/i);
    const bad = await request(app.express).post('/graphql').set('content-type', 'application/json').send('{"query": "{ me ');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].extensions).toMatchObject({ code: 'BAD_REQUEST', field: 'body' });
    expect(bad.text).not.toContain('{ me');
  });

  it('a response over the size limit is replaced by RESPONSE_TOO_LARGE', async () => {
    const small = await production({ responseBytes: 2_000 });
    const res = await post(small, { query: '{ programmes(municipalityCode: "999999") { id name summary } }' }, { authorization: `Bearer ${staff}` });
    expect(res.status).toBe(413);
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'RESPONSE_TOO_LARGE', field: 'query' });
  });

  it('field suggestions are off: a mistyped field does not name the real ones', async () => {
    const res = await post(app, { query: '{ programmez { id } me { nam } }' }, { authorization: `Bearer ${staff}` });
    const text = JSON.stringify(res.body);
    expect(text).toContain('programmez');
    expect(text).not.toMatch(/Did you mean/);
    expect(text).not.toContain('"programmes"');
  });

  it('X-Forwarded-For does not choose the client address unless TRUST_PROXY says so', { timeout: 90_000 }, async () => {
    await t.em().getConnection().execute('delete from rate_limit_counter');
    const limited = await production({ rates: { anonymousPerMinute: 3 } });
    await awayFromWindowEdge();
    const codes: string[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await post(limited, { query: WIDGET_POSTAL, variables: { code: '999-0001' } }, { 'x-forwarded-for': `203.0.113.${i}` });
      codes.push(res.body.errors?.[0]?.extensions?.code ?? `${res.status}`);
    }
    expect(codes).toEqual(['200', '200', '200', 'TOO_MANY_REQUESTS']);
  });

  it('rate limits are shared by two API processes on one database, and no client address is stored', { timeout: 90_000 }, async () => {
    const limits: DeepPartialLimits = { trustProxy: 'loopback', rates: { anonymousPerMinute: 4 } };
    const [a, b] = [await production(limits), await production(limits)];
    await awayFromWindowEdge();
    const ask = (x: App) => post(x, { query: WIDGET_POSTAL, variables: { code: '999-0001' } }, { 'x-forwarded-for': '198.51.100.77' });
    const statuses = [];
    for (const x of [a, b, a, b, a]) statuses.push((await ask(x)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    const refused = await ask(b);
    expect(refused.body.errors[0].extensions.code).toBe('TOO_MANY_REQUESTS');
    // Another address is counted on its own.
    expect((await post(a, { query: WIDGET_POSTAL, variables: { code: '999-0001' } }, { 'x-forwarded-for': '198.51.100.78' })).status).toBe(200);
    const rows = await t.em().getConnection().execute<{ key: string }[]>('select key from rate_limit_counter');
    expect(rows.length).toBeGreaterThan(0);
    for (const { key } of rows) expect(key).not.toMatch(/198\.51|127\.0|::/);
  });

  it('sign-in is limited per client address and per account', async () => {
    const limits: DeepPartialLimits = { trustProxy: 'loopback', rates: { loginPerAddressPerMinute: 3, loginPerAccountPerMinute: 2 } };
    const x = await production(limits);
    await awayFromWindowEdge();
    const login = (email: string, address: string) =>
      post(x, { query: WIDGET_LOGIN, variables: { email, password: 'wrong-password' } }, { 'x-forwarded-for': address });
    // Per address: three attempts, whatever the accounts, then 429.
    const byAddress = [];
    for (const email of ['a@x.example', 'b@x.example', 'c@x.example', 'd@x.example'])
      byAddress.push((await login(email, '198.51.100.90')).body.errors[0].extensions.code);
    expect(byAddress).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'TOO_MANY_REQUESTS']);
    // Per account: two attempts from anywhere, then 429 even from a fresh address — and even with the right password.
    const email = demoStaffEmail(DepartmentCode.PUBLIC_HOUSING);
    expect((await login(email, '198.51.100.91')).body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await login(email, '198.51.100.92')).body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const third = await post(x, { query: WIDGET_LOGIN, variables: { email, password: TEST_PASSWORD } }, { 'x-forwarded-for': '198.51.100.93' });
    expect(third.status).toBe(429);
    expect(third.body.errors[0].extensions.code).toBe('TOO_MANY_REQUESTS');
  }, 90_000);
});
