import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/core';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { EntityManager } from '@mikro-orm/postgresql';
import cors from 'cors';
import express, { type Express } from 'express';
import { GraphQLError } from 'graphql';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AccessPolicySync, PolicyBook } from '../access';
import { withShield } from '../access';
import { useAuditKey } from '../audit';
import { startAnchoring } from '../audit';
import { deriveAuditKey } from '../audit';
import { auditPlugin } from '../audit';
import { sqlFor } from '../audit';
import { AuthService } from '../auth';
import { RevocationList } from '../auth';
import { ChangeFeed } from '../db';
import { formatError } from './format-error';
import { localeFromHeader } from '../core';
import { ROOT_DIR, SEEDS_DIR, WIDGETS_DIST_DIR } from '../core';
import type { Config } from './config';
import { type AppServices, type Context, createContext } from './context';
import { loadCatalogue, ProgrammeSettingsSync } from '../programme';
import { loadIntakeTexts } from '../intake';
import { MunicipalOrigins } from '../intake';
import { buildApiSchema } from './schema/build';
import { Metrics, metricsPlugin, opsRoutes, requestLog } from '../ops';
import { compiledExecutionGateway } from './schema/compiled-executor';
import { loadChatServices } from '../chat';
import { demoMailbox, Outreach } from '../outreach';
import { widgetFiles } from './widgets/widget-files';
import { wireModules } from './wiring';
import { DEMO_MUNICIPALITY } from './seed/demo-seed';
import {
  anonymousRateLimit,
  armor,
  withoutSuggestions,
  bodyErrors,
  refuseNulBytes,
  shapeRequestError,
  type DeepPartialLimits,
  type Limits,
  loadTrustedDocuments,
  resolveLimits,
  responseSizeLimit,
  SharedRateLimits,
  TRUSTED_DOCUMENTS_FILE,
  trustedDocuments,
} from '../limits';
import { createLineService, type LineService, lineSettingsFromEnv } from '../line';
import { applicationServices, documentRoutes, NO_DELIVERY, outreachDelivery, useNoticeSender } from '../application';
import { FIGURE_STORE, reportDownloads, startFigureSealer } from '../reporting';

export interface AppOptions {
  /** Benchmark only: serve the schema without the shield, to measure what enforcement costs. */
  bypassPermissionsForBenchmark?: boolean;
  /** Benchmark and tests only: execute queries with graphql-js instead of compiling them (the reference behaviour). */
  interpretedExecution?: boolean;
  /** Where the JSON request log goes (main.ts: stdout); tests leave it out (api/ops). */
  requestLog?: (entry: Record<string, unknown>) => void;
  /** Limits over the configuration's (tests: TEST_LIMITS in test/support/app.ts). Without any: PRODUCTION_LIMITS. */
  limits?: DeepPartialLimits;
}

export interface App {
  express: Express;
  services: AppServices;
  /** LINE official accounts (api/line): the webhook's queue worker and account links. */
  line: LineService;
  stop(): Promise<void>;
}

/** The HTTP application: GraphQL at /graphql, widgets, the demo page. Used by main.ts and by tests. */
export async function createApp(
  orm: MikroORM,
  config: Pick<Config, 'authSecret' | 'accessTokenTtlSeconds' | 'corsOrigins'> &
    Partial<
      Pick<
        Config,
        | 'seedDemo'
        | 'intakeRatePerMinute'
        | 'chatRatePerMinute'
        | 'limits'
        | 'auditKey'
        | 'auditAnchorDir'
        | 'auditAnchorSeconds'
        | 'line'
        | 'publicUrl'
        | 'metricsToken'
      >
    >,
  options: AppOptions = {},
): Promise<App> {
  const globalOrigins = new Set(config.corsOrigins);
  // What processes hold in memory stays the same across replicas through the change feed (db/change-feed.ts).
  const clientUrl = orm.config.get('clientUrl');
  const feed = orm.config.get('driver') === PostgreSqlDriver && clientUrl ? await ChangeFeed.shared(clientUrl) : ChangeFeed.local();
  const limits: Limits = resolveLimits(
    {
      rates: {
        ...(config.intakeRatePerMinute ? { intakePerMinute: config.intakeRatePerMinute } : {}),
        ...(config.chatRatePerMinute ? { chatPerMinute: config.chatRatePerMinute } : {}),
      },
    },
    config.limits,
    options.limits,
  );
  const rates = new SharedRateLimits(orm, config.authSecret);
  const services: AppServices = {
    policies: PolicyBook.load(join(SEEDS_DIR, 'policy')),
    auth: {
      secret: config.authSecret,
      ttlSeconds: config.accessTokenTtlSeconds,
      revocations: new RevocationList(1000, feed),
      ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}),
    },
    catalogue: loadCatalogue(join(SEEDS_DIR, 'programmes')),
    chat: loadChatServices(join(SEEDS_DIR, 'chatbot'), () => services.catalogue, { rateLimit: rates.limit('chat', limits.rates.chatPerMinute) }),
    intake: {
      texts: loadIntakeTexts(join(SEEDS_DIR, 'intake')),
      globalOrigins,
      rateLimit: rates.limit('intake', limits.rates.intakePerMinute),
      municipalities: new MunicipalOrigins(orm, 60_000, feed),
    },
    limits: {
      config: limits,
      loginPerAddress: rates.limit('login-address', limits.rates.loginPerAddressPerMinute),
      loginPerAccount: rates.limit('login-account', limits.rates.loginPerAccountPerMinute),
    },
    // Tests and benchmarks pass no AUDIT_KEY: one derived from their signing secret (audit-seal.ts).
    auditSeal: { key: config.auditKey ?? deriveAuditKey(config.authSecret), anchorDir: config.auditAnchorDir ?? null },
    ...(config.seedDemo ? { demo: true } : {}),
  };
  // The console's programme settings (stored per municipality) over the files, before the first request.
  services.programmeSettings = new ProgrammeSettingsSync(orm, () => services.catalogue, feed);
  await services.programmeSettings.loadAll();
  // The console's access policies (stored per municipality) over the policy files, likewise.
  services.accessPolicy = new AccessPolicySync(orm, () => services.policies, feed);
  await services.accessPolicy.loadAll();
  services.outreach = new Outreach({
    orm,
    authSecret: config.authSecret,
    catalogue: () => services.catalogue,
    pageLimit: rates.limit('outreach-page', limits.rates.anonymousPerMinute),
  });
  // An application's change reaches the family as a transactional notice on the outreach queue (api/application/outreach-delivery.ts).
  const outreach = services.outreach;
  useNoticeSender(
    services,
    outreachDelivery({
      orm,
      queue: outreach.queue,
      // With none configured: the demo's own family page for デモ市 in demo mode (the page the receipt leads to,
      // trial), the site's root otherwise (/mypage beside the API is the demo's page, fixed to デモ市).
      familyPageUrl: (code) =>
        applicationServices(services).procedures.settings(code).familyPageUrl ??
        (config.seedDemo === true && code === DEMO_MUNICIPALITY ? `${outreach.env.publicBaseUrl}/mypage` : `${outreach.env.publicBaseUrl}/`),
      requested: (m) => outreach.sendRequested(orm.em.fork() as EntityManager, m),
      fallback: NO_DELIVERY,
    }),
  );
  const guard = armor(limits);
  useAuditKey(orm, services.auditSeal!.key);
  wireModules();
  const anchoring = services.auditSeal!.anchorDir
    ? startAnchoring(() => sqlFor(orm.em.fork() as EntityManager), services.auditSeal!.key, services.auditSeal!.anchorDir, config.auditAnchorSeconds ?? 60)
    : null;
  const metrics = new Metrics();
  const base = buildApiSchema();
  const schema = options.bypassPermissionsForBenchmark ? base : withShield(base);
  const apollo = new ApolloServer<Context>({
    // Queries run compiled (graphql-jit), mutations through graphql-js: see schema/compiled-executor.ts.
    ...(options.interpretedExecution ? { schema } : { gateway: compiledExecutionGateway(schema) }),
    // Request errors in the API's shape, then the usual masking of internal errors, which get a field too.
    formatError: (formatted, error) =>
      shapeRequestError(formatError(shapeRequestError(limits.fieldSuggestions ? formatted : withoutSuggestions(formatted)), error)),
    parseOptions: { maxTokens: limits.maxTokens },
    includeStacktraceInErrorResponses: false,
    // main.ts stops the server, then closes the database, then exits: Apollo's own handler would
    // re-raise the signal after stopping itself and end the process before the database is closed.
    stopOnTerminationSignals: false,
    validationRules: guard.validationRules,
    // Hashes are resolved against the widgets' trusted documents only (limits/trusted-documents.ts), never registered by callers.
    persistedQueries: false,
    allowBatchedHttpRequests: false,
    // Cache control is on by default and instruments every field; personal data is never cached anyway.
    plugins: [
      metricsPlugin(metrics),
      auditPlugin,
      ...guard.plugins,
      refuseNulBytes,
      anonymousRateLimit(rates.limit('anonymous', limits.rates.anonymousPerMinute)),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
    ],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  // Request ids and the JSON request log first, so every response carries its id (api/ops).
  app.use(requestLog(options.requestLog ?? null));
  opsRoutes(app, { orm, metrics, metricsToken: config.metricsToken ?? null, log: options.requestLog ?? null });
  // API responses carry personal data and are never cached: no ETag (hashing a page of records for nothing).
  app.set('etag', false);
  // The client address (rate limits) comes from the socket unless TRUST_PROXY names the proxy in front:
  // trusting X-Forwarded-For by default let any caller choose its own address (issue 14, lower list).
  app.set('trust proxy', limits.trustProxy);
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
  // Signed, short-lived links to generated reports (api/reporting; the link itself is the credential).
  app.get('/reports/:token', reportDownloads(orm, services, FIGURE_STORE));
  const sealer = startFigureSealer(orm, FIGURE_STORE);
  app.use(
    '/graphql',
    corsMiddleware,
    responseSizeLimit(limits.responseBytes),
    express.json({ limit: limits.requestBodyBytes }),
    bodyErrors,
    ...(limits.trustedDocumentsOnly ? [trustedDocuments(loadTrustedDocuments(join(WIDGETS_DIST_DIR, TRUSTED_DOCUMENTS_FILE)))] : []),
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
  // Application documents (api/application/documents): raw uploads and downloads, outside the GraphQL body limit.
  app.use('/applications', corsMiddleware, documentRoutes(orm, services));
  // The staff console (widgets/staff/): one static page that loads /widgets/staff.js and talks only to
  // /graphql. Strict CSP (no inline script, no eval), never cached, no referrer leaves it.
  const staffPage = join(ROOT_DIR, 'widgets', 'staff');
  if (existsSync(join(staffPage, 'index.html'))) {
    const staffHeaders = {
      'content-security-policy':
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' blob:; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
    };
    app.get(['/staff', '/staff/'], (_req, res) => res.sendFile(join(staffPage, 'index.html'), { headers: staffHeaders, cacheControl: false }));
    app.get('/staff/staff.css', (_req, res) => res.sendFile(join(staffPage, 'staff.css'), { headers: staffHeaders, cacheControl: false }));
  }
  // LINE's webhook per municipality and the account-link pages (api/line): raw body, signature first.
  const line = createLineService(orm, config.line ?? lineSettingsFromEnv({}), config.authSecret, {
    knowledge: services.chat.knowledge,
    rateLimit: services.chat.rateLimit,
    catalogue: services.catalogue,
    municipalities: services.intake.municipalities,
  });
  app.use('/line', line.router);
  services.intake.lineLink = line.linkStartUrl;
  services.outreach.line = line.notices;
  services.line = line.admin;
  await line.ready;
  // The family's page and one-click unsubscribe for notices (api/outreach/family-page.ts).
  app.use('/outreach', services.outreach.routes());
  // The demo's mailbox (README: demo): 404 unless in demo mode with e-mail going to the built-in catcher.
  app.use(
    '/demo',
    demoMailbox(config.seedDemo === true, () => outreach.demoCatcher()),
  );
  // The widgets for pages of any allowed origin: CORS, precompressed, cached by content hash (widgets/widget-files.ts).
  app.use('/widgets', widgetFiles({ dir: WIDGETS_DIST_DIR, allowOrigin: originAllowed }));
  const demo = join(ROOT_DIR, 'widgets', 'demo');
  // `/mypage` is the demo family page (mypage.html), where the intake receipt and LINE notices lead.
  if (existsSync(demo)) app.use('/', express.static(demo, { extensions: ['html'] }));
  // Browsers ask for /favicon.ico on every page the API serves (console, demo); an empty answer instead of
  // a 404 keeps the browser console clean, so a real error there is not lost among these (trial T17).
  app.get('/favicon.ico', (_req, res) => void res.status(204).set('cache-control', 'public, max-age=86400').end());

  return {
    express: app,
    services,
    line,
    stop: async () => {
      sealer.stop();
      await line.stop();
      await apollo.stop();
      // The last anchor after the last request: the head a clean shutdown leaves is on record.
      await anchoring?.stop();
      await feed.close();
      await services.outreach?.stop();
    },
  };
}
