/**
 * The limits on every public path (issue 14): what one request may ask for, how often a client may
 * ask, and what the server trusts about where a request comes from. `PRODUCTION_LIMITS` are what
 * createApp() uses unless told otherwise; server/main.ts reads overrides from the environment
 * (limitsFromEnv, README: Configuration → Limits). Tests relax a few (test/support/app.ts, TEST_LIMITS).
 */
export interface RateLimits {
  /** Anonymous operations per client address per minute, all operations but `chat` together (ANONYMOUS_RATE_PER_MINUTE). */
  anonymousPerMinute: number;
  /** Intake submissions and consultation requests per client address per minute (INTAKE_RATE_PER_MINUTE). */
  intakePerMinute: number;
  /** Chat messages per client address per minute; danger is answered beyond it (CHAT_RATE_PER_MINUTE). */
  chatPerMinute: number;
  /** Sign-in attempts per client address per minute (LOGIN_RATE_PER_MINUTE). */
  loginPerAddressPerMinute: number;
  /** Sign-in attempts per account (e-mail address) per minute, on top of the lock after 5 failures (LOGIN_ACCOUNT_RATE_PER_MINUTE). */
  loginPerAccountPerMinute: number;
}

export interface Limits {
  /** Deepest selection (GraphQL Armor max-depth). */
  maxDepth: number;
  /** Largest query cost (GraphQL Armor cost-limit: 2 per object, 1 per scalar, ×1.5 per level). */
  maxCost: number;
  /** Most aliases in one operation. */
  maxAliases: number;
  /** Most tokens in one document (stops huge documents before they are parsed into a tree). */
  maxTokens: number;
  /** Most directives in one operation. */
  maxDirectives: number;
  /** Largest request body in bytes (REQUEST_BODY_LIMIT_BYTES). */
  requestBodyBytes: number;
  /** Largest response body in bytes; a larger result is replaced by an error (RESPONSE_SIZE_LIMIT_BYTES). */
  responseBytes: number;
  /**
   * Express's "trust proxy" (TRUST_PROXY): false (default) takes the client address from the socket,
   * so an X-Forwarded-For header cannot choose it; set the proxy's address, subnet or hop count when
   * the API runs behind a reverse proxy.
   */
  trustProxy: boolean | string | number;
  /** Anonymous callers may send only the widgets' operations, by hash or by text (TRUSTED_DOCUMENTS_ONLY; from the environment: on when NODE_ENV=production). */
  trustedDocumentsOnly: boolean;
  /** "Did you mean …" in validation errors: off in production, it maps the schema for a stranger. */
  fieldSuggestions: boolean;
  rates: RateLimits;
}

export const PRODUCTION_LIMITS: Limits = {
  maxDepth: 10,
  maxCost: 5000,
  maxAliases: 15,
  maxTokens: 2000,
  maxDirectives: 20,
  requestBodyBytes: 64 * 1024,
  responseBytes: 8 * 1024 * 1024,
  trustProxy: false,
  trustedDocumentsOnly: true,
  fieldSuggestions: false,
  rates: { anonymousPerMinute: 120, intakePerMinute: 20, chatPerMinute: 60, loginPerAddressPerMinute: 10, loginPerAccountPerMinute: 5 },
};

/** Production limits with `overrides` (rates merged field by field). */
export function resolveLimits(...overrides: (DeepPartialLimits | undefined)[]): Limits {
  let limits: Limits = { ...PRODUCTION_LIMITS, rates: { ...PRODUCTION_LIMITS.rates } };
  for (const o of overrides) if (o) limits = { ...limits, ...o, rates: { ...limits.rates, ...o.rates } } as Limits;
  return limits;
}

export type DeepPartialLimits = Partial<Omit<Limits, 'rates'>> & { rates?: Partial<RateLimits> };

function positive(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const value = env[name];
  if (value == null || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name}: expected a positive integer, got "${value}"`);
  return n;
}

function bool(env: NodeJS.ProcessEnv, name: string): boolean | undefined {
  const value = env[name]?.trim();
  if (value == null || value === '') return undefined;
  if (value !== 'true' && value !== 'false') throw new Error(`${name}: expected true or false, got "${value}"`);
  return value === 'true';
}

/** TRUST_PROXY: false / true / a hop count / addresses and subnets (Express's forms). */
function trustProxy(value: string | undefined): Limits['trustProxy'] | undefined {
  const v = value?.trim();
  if (v == null || v === '') return undefined;
  if (v === 'false') return false;
  if (v === 'true') return true;
  if (/^\d+$/.test(v)) return Number(v);
  return v;
}

/** The limits the environment sets (only those it sets; resolveLimits fills in the rest). */
export function limitsFromEnv(env: NodeJS.ProcessEnv): DeepPartialLimits {
  const out: DeepPartialLimits = {};
  const set = <K extends keyof DeepPartialLimits>(k: K, v: DeepPartialLimits[K] | undefined) => {
    if (v !== undefined) out[k] = v;
  };
  set('maxDepth', positive(env, 'GRAPHQL_MAX_DEPTH'));
  set('maxCost', positive(env, 'GRAPHQL_MAX_COST'));
  set('maxAliases', positive(env, 'GRAPHQL_MAX_ALIASES'));
  set('maxTokens', positive(env, 'GRAPHQL_MAX_TOKENS'));
  set('requestBodyBytes', positive(env, 'REQUEST_BODY_LIMIT_BYTES'));
  set('responseBytes', positive(env, 'RESPONSE_SIZE_LIMIT_BYTES'));
  set('trustProxy', trustProxy(env.TRUST_PROXY));
  // Trusted documents only is for production (issue 14: "anonymous callers cannot send arbitrary queries
  // at all in production"). Outside it — the embedded demo of the README's two commands, a developer's
  // machine — anonymous callers may send any query within the other limits, so curl examples and a
  // script's sign-in work; TRUSTED_DOCUMENTS_ONLY=true turns it on anywhere.
  set('trustedDocumentsOnly', bool(env, 'TRUSTED_DOCUMENTS_ONLY') ?? (env.NODE_ENV === 'production' ? undefined : false));
  const rates: Partial<RateLimits> = {};
  const rate = (k: keyof RateLimits, name: string) => {
    const v = positive(env, name);
    if (v !== undefined) rates[k] = v;
  };
  rate('anonymousPerMinute', 'ANONYMOUS_RATE_PER_MINUTE');
  rate('intakePerMinute', 'INTAKE_RATE_PER_MINUTE');
  rate('chatPerMinute', 'CHAT_RATE_PER_MINUTE');
  rate('loginPerAddressPerMinute', 'LOGIN_RATE_PER_MINUTE');
  rate('loginPerAccountPerMinute', 'LOGIN_ACCOUNT_RATE_PER_MINUTE');
  if (Object.keys(rates).length) out.rates = rates;
  return out;
}
