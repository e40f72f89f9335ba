import type { EntityManager } from '@mikro-orm/postgresql';
import request from 'supertest';
import { testDatabaseUrl } from './pg-url';
import { createApp, type App } from '../../api/server/app';
import type { DeepPartialLimits } from '../../api/limits';
import type { DepartmentCode } from '../../api/core/departments';
import { demoStaffEmail, seedDemo } from '../../api/server/seed/demo-seed';
import { openTestDatabase, type TestDatabase } from './db';

export const TEST_PASSWORD = 'test-password-1234';
export const TEST_SECRET = 'test-secret-test-secret-test-secret-0123456789';

/**
 * What tests relax of PRODUCTION_LIMITS (api/limits): X-Forwarded-For from loopback is trusted (each
 * test chooses its client address), anonymous callers may send any operation (tests query fields the
 * widgets do not), the query limits are wide (the access matrix asks for every path in one query),
 * and the rate limits are far away unless a test sets its own. Sizes stay as in production.
 * createApp() without options uses the production limits (test/limits/ checks those).
 */
export const TEST_LIMITS: DeepPartialLimits = {
  trustProxy: 'loopback',
  trustedDocumentsOnly: false,
  maxCost: 10_000_000,
  maxAliases: 10_000,
  maxDepth: 50,
  maxTokens: 1_000_000,
  rates: {
    anonymousPerMinute: 1_000_000,
    intakePerMinute: 100_000,
    chatPerMinute: 100_000,
    loginPerAddressPerMinute: 100_000,
    loginPerAccountPerMinute: 100_000,
  },
};

export interface TestApp {
  db: TestDatabase;
  app: App;
  http: ReturnType<typeof request>;
  /** POST a GraphQL operation; returns the parsed body (status is on `.status`). */
  gql(query: string, variables?: Record<string, unknown>, token?: string, headers?: Record<string, string>): Promise<{ status: number; body: GqlBody }>;
  login(department: DepartmentCode, role?: string): Promise<string>;
  em(): EntityManager;
  close(): Promise<void>;
}

export interface GqlBody {
  data?: Record<string, any> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}

/** A real HTTP app on a database of the test file's own, optionally with the demo municipality. */
export async function startTestApp(
  options: {
    seed?: boolean;
    /** Demo mode, as `npm start` on the embedded default (SEED_DEMO): the demo mailbox and postal codes. */
    demo?: boolean;
    records?: number;
    bypassPermissionsForBenchmark?: boolean;
    intakeRatePerMinute?: number;
    limits?: DeepPartialLimits;
  } = {},
): Promise<TestApp> {
  const db = await openTestDatabase();
  if (options.seed !== false) await seedDemo(db.orm.em.fork() as EntityManager, TEST_PASSWORD, options.records ?? 40);
  const limits: DeepPartialLimits = {
    ...TEST_LIMITS,
    ...options.limits,
    rates: { ...TEST_LIMITS.rates, ...(options.intakeRatePerMinute ? { intakePerMinute: options.intakeRatePerMinute } : {}), ...options.limits?.rates },
  };
  const app = await createApp(
    db.orm,
    { authSecret: TEST_SECRET, accessTokenTtlSeconds: 900, corsOrigins: ['http://cms.example.jp'], ...(options.demo ? { seedDemo: true } : {}) },
    { ...options, limits },
  );
  // E-mail goes to an in-process mail catcher on both databases: the embedded default does so by itself, and
  // on PostgreSQL without SMTP_URL the app has no transport, so a test that forgot to ask passed on PGlite
  // and failed on PostgreSQL (twice). Tests that read the mail still call useMailCatcher() for the catcher.
  if (testDatabaseUrl()) await app.services.outreach?.useMailCatcher();
  const http = request(app.express);
  const gql: TestApp['gql'] = async (query, variables, token, headers = {}) => {
    let req = http.post('/graphql').set('content-type', 'application/json');
    if (token) req = req.set('authorization', `Bearer ${token}`);
    for (const [k, v] of Object.entries(headers)) req = req.set(k, v);
    const res = await req.send({ query, variables });
    return { status: res.status, body: res.body as GqlBody };
  };
  const tokens = new Map<string, string>();
  return {
    db,
    app,
    http,
    gql,
    async login(department, role) {
      const email = demoStaffEmail(department, role);
      const cached = tokens.get(email);
      if (cached) return cached;
      const res = await gql('mutation($e:String!,$p:String!){ login(email:$e, password:$p) { token } }', { e: email, p: TEST_PASSWORD });
      const token = res.body.data?.login?.token as string | undefined;
      if (!token) throw new Error(`login failed for ${email}: ${JSON.stringify(res.body.errors)}`);
      tokens.set(email, token);
      return token;
    },
    em: () => db.orm.em.fork() as EntityManager,
    async close() {
      await app.stop();
      await db.close();
    },
  };
}
