import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deriveAuditKey } from '../audit';
import { parseMasterKey } from '../crypto';
import type { Database } from '../db/orm';
import { type DeepPartialLimits, limitsFromEnv } from '../limits';
import { normaliseOrigin } from '../municipality';
import { type LineSettings, lineSettingsFromEnv } from '../line';
import { withoutTrailingSlashes } from '../core';

/** Everything the service reads from the environment, in one place (README: Configuration). */
export interface Config {
  port: number;
  database: Database;
  /** Seed the demo municipality 999999 when the database has no municipality yet. */
  seedDemo: boolean;
  demoStaffPassword: string;
  authSecret: string;
  accessTokenTtlSeconds: number;
  /** Origins allowed to call the API and load the widgets from a browser, for every municipality (CORS_ORIGINS); municipalities add theirs with addAllowedOrigin. */
  corsOrigins: string[];
  /** Intake submissions allowed per client address per minute (anonymous). */
  intakeRatePerMinute: number;
  /** Chatbot messages allowed per client address per minute (anonymous; danger messages are always answered). */
  chatRatePerMinute: number;
  /** The key sealing the audit chain (AUDIT_KEY); the database never holds it (api/audit/audit-seal.ts). */
  auditKey: string;
  /** Where the audit chain's head is anchored outside the database (AUDIT_ANCHOR_DIR); null: off. */
  auditAnchorDir: string | null;
  auditAnchorSeconds: number;
  /** The database owner's URL for migrations, when the API itself runs as a limited role (npm run db:app-role). */
  migrationDatabaseUrl: string | null;
  /**
   * The master key of encryption at rest (ENCRYPTION_KEY, 32 bytes as hex or base64): required with
   * DATABASE_URL, the same in every API process. Null when embedded without it: openOrm then uses the
   * key file in DATA_DIR, generated on first start.
   */
  encryptionKey: string | null;
  /** Limits set by the environment over PRODUCTION_LIMITS (api/limits; README: Limits). */
  limits: DeepPartialLimits;
  /** Where staff reach the service from outside (PUBLIC_URL): one-time sign-up and reset links point there. */
  publicUrl: string;
  /** A bearer token for /metrics (METRICS_TOKEN); without it /metrics answers loopback callers only. */
  metricsToken: string | null;
  /** LINE official accounts per municipality (LINE_CHANNELS…, PUBLIC_URL; api/line/config.ts). */
  line: LineSettings;
}

export const DEFAULT_DEMO_STAFF_PASSWORD = 'yorisoi-demo-2026';

function intFrom(value: string | undefined, fallback: number): number {
  const n = value == null || value === '' ? fallback : Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`expected a positive integer, got "${value}"`);
  return n;
}

/** In embedded mode the signing secret is kept in the data folder so tokens survive a restart. */
function embeddedSecret(dataDir: string, name = 'auth-secret'): string {
  const file = join(dataDir, name);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = intFrom(env.PORT, 4000);
  const url = env.DATABASE_URL?.trim();
  const dataDir = resolve(env.DATA_DIR?.trim() || './data');
  const database: Database = url ? { kind: 'postgresql', url } : { kind: 'pglite', dataDir };
  let authSecret = env.AUTH_SECRET?.trim() ?? '';
  if (!authSecret) {
    if (url) throw new Error('AUTH_SECRET must be set when DATABASE_URL is set (a long random string shared by all API processes).');
    authSecret = embeddedSecret(dataDir);
  }
  if (authSecret.length < 32) throw new Error('AUTH_SECRET must be at least 32 characters.');
  const encryptionKey = env.ENCRYPTION_KEY?.trim() || null;
  if (!encryptionKey && url)
    throw new Error(
      'ENCRYPTION_KEY must be set when DATABASE_URL is set (32 random bytes as 64 hex digits, the same in every API process; README: Encryption at rest).',
    );
  if (encryptionKey) parseMasterKey(encryptionKey);
  // The same rule as addAllowedOrigin: a typo (a path, a trailing "/kosodate", http) would never match
  // a browser's Origin header and fail silently, so it stops the server instead.
  const corsOrigins = (env.CORS_ORIGINS ?? `http://localhost:${port},http://127.0.0.1:${port}`)
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean)
    .map((o) => {
      const r = normaliseOrigin(o);
      if ('problem' in r) throw new Error(`CORS_ORIGINS: "${o}" is not an origin (scheme://host[:port]; https, except http://localhost and http://127.0.0.1).`);
      return r.origin;
    });
  // The audit seal key: AUDIT_KEY; embedded, generated into DATA_DIR once; on PostgreSQL outside
  // production, derived from AUTH_SECRET. In production with DATABASE_URL it must be given (and kept
  // away from whoever administers the database): a key the database owner can read seals nothing.
  let auditKey = env.AUDIT_KEY?.trim() ?? '';
  if (!auditKey) {
    if (!url) auditKey = embeddedSecret(dataDir, 'audit-key');
    else if (env.NODE_ENV === 'production')
      throw new Error(
        'AUDIT_KEY must be set when DATABASE_URL is set in production (a long random string shared by all API processes, not stored in the database).',
      );
    else auditKey = deriveAuditKey(authSecret);
  }
  if (auditKey.length < 32) throw new Error('AUDIT_KEY must be at least 32 characters.');
  const anchorSetting = env.AUDIT_ANCHOR_DIR?.trim() || join(dataDir, 'audit-anchors');
  return {
    port,
    database,
    seedDemo: env.SEED_DEMO ? env.SEED_DEMO === 'true' : !url,
    demoStaffPassword: env.DEMO_STAFF_PASSWORD || DEFAULT_DEMO_STAFF_PASSWORD,
    authSecret,
    accessTokenTtlSeconds: intFrom(env.ACCESS_TOKEN_TTL_SECONDS, 15 * 60),
    corsOrigins,
    intakeRatePerMinute: intFrom(env.INTAKE_RATE_PER_MINUTE, 20),
    chatRatePerMinute: intFrom(env.CHAT_RATE_PER_MINUTE, 60),
    auditKey,
    auditAnchorDir: anchorSetting === 'off' ? null : resolve(anchorSetting),
    auditAnchorSeconds: intFrom(env.AUDIT_ANCHOR_SECONDS, 60),
    migrationDatabaseUrl: (url && env.MIGRATION_DATABASE_URL?.trim()) || null,
    encryptionKey,
    limits: limitsFromEnv(env),
    publicUrl: withoutTrailingSlashes(env.PUBLIC_URL?.trim() || `http://localhost:${port}`),
    metricsToken: env.METRICS_TOKEN?.trim() || null,
    line: lineSettingsFromEnv(env, port),
  };
}
