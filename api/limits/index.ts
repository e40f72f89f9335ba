// Limits on every public path (issue 14): request and response size, GraphQL Armor, trusted
// documents for anonymous callers, shared rate limits. Wired together in server/app.ts.
export { anonymousRateLimit, armor, withoutSuggestions } from './armor';
export { bodyErrors, limitError, responseSizeLimit } from './http-errors';
export { type DeepPartialLimits, type Limits, limitsFromEnv, PRODUCTION_LIMITS, type RateLimits, resolveLimits } from './limits';
export { type RateLimit, SharedRateLimits } from './rate-limits';
export { loadTrustedDocuments, sha256, TRUSTED_DOCUMENTS_FILE, trustedDocuments } from './trusted-documents';
export { refuseNulBytes, shapeRequestError } from './request-errors';
export * from './rate-limit-counter.entity';
