import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type ValidationRule } from 'graphql';
import type { Context } from '../server/context';
import { apiError } from '../core';
import type { LocalizedText } from '../core';
import type { Limits } from './limits';
import type { RateLimit } from './rate-limits';

/**
 * GraphQL Armor (maintained by Escape): depth, cost, aliases, tokens and directives, checked before
 * execution for every caller, signed in or not (issue 14, finding 3: 10,000 aliases of `programmes`
 * gave a 496 MB response). Field suggestions ("Did you mean …") are blocked unless limits allow them.
 */
export function armor(limits: Limits): { plugins: ApolloServerPlugin<Context>[]; validationRules: ValidationRule[] } {
  const { plugins, validationRules } = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: false, exposeLimits: true },
    costLimit: { maxCost: limits.maxCost, objectCost: 2, scalarCost: 1, depthCostFactor: 1.5, ignoreIntrospection: false, exposeLimits: true },
    maxAliases: { n: limits.maxAliases, exposeLimits: true },
    // Tokens are counted by graphql-js itself (parseOptions.maxTokens in server/app.ts): Armor's token plugin
    // throws from parsingDidStart, which Apollo answers with HTTP 500.
    maxTokens: { enabled: false },
    maxDirectives: { n: limits.maxDirectives, exposeLimits: true },
    // Armor's own suggestion blocker rewrites error messages in place, which fails on our frozen
    // errors; suggestions are removed in formatError instead (withoutSuggestions below).
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return { plugins: plugins as ApolloServerPlugin<Context>[], validationRules };
}

/** "Did you mean …?" removed from a validation message: it would map the schema for a stranger. */
export function withoutSuggestions<T extends { message: string }>(formatted: T): T {
  if (!formatted.message.includes('Did you mean')) return formatted;
  return { ...formatted, message: formatted.message.replace(/ ?Did you mean [^?]{0,500}\?/g, '') };
}

const TOO_MANY: LocalizedText = {
  ja: 'リクエストが多すぎます。1分ほど待ってからもう一度お試しください。危険を感じているときは、すぐに110番に電話してください。',
  en: 'Too many requests. Please wait a minute and try again. If you are in danger, call 110 now.',
  'ja-easy': 'たくさん 送られました。1分 まって から もう一度 して ください。あぶない ときは すぐ 110に 電話 して ください。',
};

/** Operations left to their own limit: `chat` counts in ChatService, where danger is answered beyond the limit. */
const OWN_LIMIT = new Set(['chat']);

/**
 * Every anonymous operation counts against one limit per client address (ANONYMOUS_RATE_PER_MINUTE),
 * stored where all replicas see it. Refused with TOO_MANY_REQUESTS and HTTP 429 before it runs.
 */
export function anonymousRateLimit(limit: RateLimit): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation }) {
          if (contextValue.viewer.kind !== 'anonymous' || !operation) return;
          const fields = operation.selectionSet.selections.map((s) => (s.kind === 'Field' ? s.name.value : ''));
          if (fields.length > 0 && fields.every((f) => OWN_LIMIT.has(f))) return;
          if (await limit.take(contextValue.request.clientAddress)) return;
          const e = apiError('TOO_MANY_REQUESTS', TOO_MANY, contextValue.locale);
          throw new GraphQLError(e.message, { extensions: { ...e.extensions, http: { status: 429 } } });
        },
      };
    },
  };
}
