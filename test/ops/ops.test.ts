import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../api/server/app';
import { operationLabel } from '../../api/ops';
import { parse, type OperationDefinitionNode } from 'graphql';
import { openTestDatabase, type TestDatabase } from '../support/db';
import { TEST_LIMITS, TEST_SECRET } from '../support/app';

describe('operations endpoints', () => {
  let db: TestDatabase;
  let app: App;
  let withToken: App;
  const logged: Record<string, unknown>[] = [];

  beforeAll(async () => {
    db = await openTestDatabase();
    app = await createApp(
      db.orm,
      { authSecret: TEST_SECRET, accessTokenTtlSeconds: 900, corsOrigins: [] },
      { limits: TEST_LIMITS, requestLog: (e) => logged.push(e) },
    );
    withToken = await createApp(
      db.orm,
      { authSecret: TEST_SECRET, accessTokenTtlSeconds: 900, corsOrigins: [], metricsToken: 'm'.repeat(40) },
      { limits: TEST_LIMITS },
    );
  });
  afterAll(async () => {
    await app.stop();
    await withToken.stop();
    await db.close();
  });

  it('/favicon.ico is an empty answer, not a 404 in every browser console', async () => {
    const res = await request(app.express).get('/favicon.ico');
    expect(res.status).toBe(204);
    expect(res.headers['cache-control']).toBe('public, max-age=86400');
  });

  it('/healthz answers; /readyz checks the database', async () => {
    expect((await request(app.express).get('/healthz')).status).toBe(200);
    const ready = await request(app.express).get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ ok: true, database: 'ok' });
  });

  it('/metrics counts requests and latencies per operation, labelled by schema field, never by what a caller sends', async () => {
    await request(app.express).post('/graphql').send({ query: 'query Mine_Secret_Name { programmes { id } }' });
    await request(app.express).post('/graphql').send({ query: 'mutation { login(email: "taro@example.jp", password: "x") { token } }' });
    await request(app.express).post('/graphql').send({ query: '{ nope' });
    const res = await request(app.express).get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.text).toMatch(/yorisoi_graphql_requests_total\{operation="Query.programmes"\} 1/);
    expect(res.text).toMatch(/yorisoi_graphql_errors_total\{operation="Mutation.login"\} 1/);
    expect(res.text).toMatch(/yorisoi_graphql_duration_seconds_bucket\{operation="Query.programmes",le="\+Inf"\} 1/);
    expect(res.text).toMatch(/yorisoi_graphql_requests_total\{operation="invalid"\} 1/);
    expect(res.text).not.toContain('Mine_Secret_Name');
    expect(res.text).not.toContain('taro');
    expect(operationLabel(parse('mutation { submitIntake(input: {}) { id } }').definitions[0] as OperationDefinitionNode)).toBe('Mutation.submitIntake');
  });

  it('/metrics needs METRICS_TOKEN when one is configured', async () => {
    expect((await request(withToken.express).get('/metrics')).status).toBe(401);
    expect(
      (
        await request(withToken.express)
          .get('/metrics')
          .set('authorization', `Bearer ${'x'.repeat(40)}`)
      ).status,
    ).toBe(401);
    expect(
      (
        await request(withToken.express)
          .get('/metrics')
          .set('authorization', `Bearer ${'m'.repeat(40)}`)
      ).status,
    ).toBe(200);
  });

  it('gives every response a request id and logs one JSON line per request, without query strings or bodies', async () => {
    logged.length = 0;
    const res = await request(app.express).get('/healthz?email=taro@example.jp').set('x-request-id', 'lb-1234');
    expect(res.headers['x-request-id']).toBe('lb-1234');
    const fresh = await request(app.express).post('/graphql').send({ query: '{ programmes { id } }' });
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const odd = await request(app.express).get('/healthz').set('x-request-id', 'has spaces and <script>');
    expect(odd.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(logged[0]).toMatchObject({ level: 'info', msg: 'request', requestId: 'lb-1234', method: 'GET', path: '/healthz', status: 200 });
    expect(
      logged.find((e) => e.requestId === fresh.headers['x-request-id']),
      JSON.stringify(logged),
    ).toMatchObject({ method: 'POST', path: '/graphql', status: 200 });
    expect(JSON.stringify(logged)).not.toContain('taro');
    for (const e of logged) expect(typeof e.durationMs).toBe('number');
  });
});
