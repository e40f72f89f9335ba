import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import cors from 'cors';
import express, { type Express } from 'express';
import { GraphQLError } from 'graphql';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PolicyBook } from './access/policy';
import { withShield } from './access/shield';
import { useAuditKey } from './audit/audit-appender';
import { startAnchoring } from './audit/audit-anchor';
import { deriveAuditKey } from './audit/audit-seal';
import { auditPlugin } from './audit/audit.plugin';
import { sqlFor } from './audit/audit-verifier';
import { AuthService } from './auth/auth.service';
import { RevocationList } from './auth/revocations';
import { formatError } from './common/format-error';
import { localeFromHeader } from './common/i18n';
import { ROOT_DIR, SEEDS_DIR, WIDGETS_DIST_DIR } from './common/paths';
import type { Config } from './config';
import { type AppServices, type Context, createContext } from './context';
import { loadCatalogue } from './programme/catalogue';
import { loadIntakeTexts } from './intake/intake-texts';
import { MunicipalOrigins } from './intake/municipal-origins';
import { RateLimiter } from './intake/rate-limiter';
import { buildApiSchema } from './schema/build';
import { compiledExecutionGateway } from './schema/compiled-executor';
import { loadChatServices } from './chat/chat.services';
import { widgetFiles } from './widgets/widget-files';

export interface AppOptions {
  /** Benchmark only: serve the schema without the shield, to measure what enforcement costs. */
  bypassPermissionsForBenchmark?: boolean;
  /** Benchmark and tests only: execute queries with graphql-js instead of compiling them (the reference behaviour). */
  interpretedExecution?: boolean;
}

export interface App {
  express: Express;
  services: AppServices;
  stop(): Promise<void>;
}

/** The HTTP application: GraphQL at /graphql, widgets, the demo page. Used by main.ts and by tests. */
export async function createApp(
  orm: MikroORM,
  config: Pick<Config, 'authSecret' | 'accessTokenTtlSeconds' | 'corsOrigins'> & Partial<Pick<Config, 'intakeRatePerMinute' | 'chatRatePerMinute' | 'auditKey' | 'auditAnchorDir' | 'auditAnchorSeconds'>>,
  options: AppOptions = {},
): Promise<App> {
  const globalOrigins = new Set(config.corsOrigins);
  const services: AppServices = {
    policies: PolicyBook.load(join(SEEDS_DIR, 'policy')),
    auth: { secret: config.authSecret, ttlSeconds: config.accessTokenTtlSeconds, revocations: new RevocationList() },
    catalogue: loadCatalogue(join(SEEDS_DIR, 'programmes')),
    chat: loadChatServices(join(SEEDS_DIR, 'chatbot'), () => services.catalogue, { ratePerMinute: config.chatRatePerMinute }),
    intake: { texts: loadIntakeTexts(join(SEEDS_DIR, 'intake')), globalOrigins, rateLimit: new RateLimiter(config.intakeRatePerMinute ?? 20), municipalities: new MunicipalOrigins(orm) },
    // Tests and benchmarks pass no AUDIT_KEY: one derived from their signing secret (audit-seal.ts).
    auditSeal: { key: config.auditKey ?? deriveAuditKey(config.authSecret), anchorDir: config.auditAnchorDir ?? null },
  };
  useAuditKey(orm, services.auditSeal!.key);
  const anchoring = services.auditSeal!.anchorDir
    ? startAnchoring(() => sqlFor(orm.em.fork() as EntityManager), services.auditSeal!.key, services.auditSeal!.anchorDir, config.auditAnchorSeconds ?? 60)
    : null;
  const base = buildApiSchema();
  const schema = options.bypassPermissionsForBenchmark ? base : withShield(base);
  const apollo = new ApolloServer<Context>({
    // Queries run compiled (graphql-jit), mutations through graphql-js: see schema/compiled-executor.ts.
    ...(options.interpretedExecution ? { schema } : { gateway: compiledExecutionGateway(schema) }),
    formatError,
    includeStacktraceInErrorResponses: false,
    // main.ts stops the server, then closes the database, then exits: Apollo's own handler would
    // re-raise the signal after stopping itself and end the process before the database is closed.
    stopOnTerminationSignals: false,
    // Cache control is on by default and instruments every field; personal data is never cached anyway.
    plugins: [auditPlugin, ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled()],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  // API responses carry personal data and are never cached: no ETag (hashing a page of records for nothing).
  app.set('etag', false);
  app.set('trust proxy', 'loopback');
  // The service's own origins, plus each municipality's CMS origins (for the public widgets).
  const originAllowed = (origin: string): Promise<boolean> =>
    globalOrigins.has(origin) ? Promise.resolve(true) : services.intake.municipalities.has(origin).catch(() => false);
  const corsMiddleware = cors({
    origin: (origin, done) => {
      if (origin === undefined) return done(null, true);
      void originAllowed(origin).then((ok) => done(null, ok));
    },
    allowedHeaders: ['content-type', 'authorization', 'apollo-require-preflight', 'accept-language'],
    methods: ['GET', 'POST', 'OPTIONS'],
    maxAge: 600,
  });
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  app.use(
    '/graphql',
    corsMiddleware,
    express.json({ limit: '256kb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const em = orm.em.fork() as EntityManager;
        const locale = localeFromHeader(req.headers['accept-language']);
        try {
          const viewer = await new AuthService(em, services.auth, locale).viewerFor(req.headers.authorization);
          return createContext(em, viewer, locale, services, { origin: req.headers.origin, clientAddress: req.ip ?? 'unknown' });
        } catch (e) {
          if (e instanceof GraphQLError) throw new GraphQLError(e.message, { extensions: { ...e.extensions, http: { status: 401 } } });
          throw e;
        }
      },
    }),
  );
  // The staff console (widgets/staff/): one static page that loads /widgets/staff.js and talks only to
  // /graphql. Strict CSP (no inline script, no eval), never cached, no referrer leaves it.
  const staffPage = join(ROOT_DIR, 'widgets', 'staff');
  if (existsSync(join(staffPage, 'index.html'))) {
    const staffHeaders = {
      'content-security-policy': "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
    };
    app.get(['/staff', '/staff/'], (_req, res) => res.sendFile(join(staffPage, 'index.html'), { headers: staffHeaders, cacheControl: false }));
    app.get('/staff/staff.css', (_req, res) => res.sendFile(join(staffPage, 'staff.css'), { headers: staffHeaders, cacheControl: false }));
  }
  // The widgets for pages of any allowed origin: CORS, precompressed, cached by content hash (widgets/widget-files.ts).
  app.use('/widgets', widgetFiles({ dir: WIDGETS_DIST_DIR, allowOrigin: originAllowed }));
  const demo = join(ROOT_DIR, 'widgets', 'demo');
  if (existsSync(demo)) app.use('/', express.static(demo));

  return {
    express: app,
    services,
    stop: async () => {
      await apollo.stop();
      // The last anchor after the last request: the head a clean shutdown leaves is on record.
      await anchoring?.stop();
    },
  };
}
