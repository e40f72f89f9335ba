import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { RequestHandler } from 'express';
import { type LocalizedText } from '../core';
import { localeFromHeader } from '../core';
import { limitError } from './http-errors';

/** Written by widgets/build.mjs: { "<sha256 of the text>": "<operation text>" } for every operation a public widget sends. */
export const TRUSTED_DOCUMENTS_FILE = 'trusted-documents.json';

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

const NOT_TRUSTED: LocalizedText = {
  ja: 'この操作は受け付けていません。ページを読み込み直してください。',
  en: 'This operation is not accepted. Please reload the page.',
  'ja-easy': 'この そうさは できません。ページを もう一度 ひらいて ください。',
};
const UNKNOWN_HASH: LocalizedText = {
  ja: 'この操作は登録されていません。ページを読み込み直してください。',
  en: 'This operation is not registered. Please reload the page.',
  'ja-easy': 'この そうさは ありません。ページを もう一度 ひらいて ください。',
};

/** The widgets' operations by hash, from dist/widgets (empty when the widgets were not built: anonymous callers get nothing). */
export function loadTrustedDocuments(file: string): Map<string, string> {
  if (!existsSync(file)) {
    console.warn(`[yorisoi] ${file} is missing (run npm run build): anonymous callers can send no operation`);
    return new Map();
  }
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  const out = new Map<string, string>();
  for (const [hash, text] of Object.entries(parsed)) {
    if (sha256(text) !== hash) throw new Error(`${file}: the hash of an operation does not match its text`);
    out.set(hash, text);
  }
  return out;
}

interface GraphQLBody {
  query?: unknown;
  extensions?: { persistedQuery?: { sha256Hash?: unknown } } | unknown;
}

/**
 * Trusted documents (issue 14): an anonymous caller may run only an operation a public widget
 * sends — by its hash alone (`extensions.persistedQuery.sha256Hash`, the text filled in here) or by
 * its exact text. Anything else is refused before it is parsed. A request with an Authorization
 * header (staff, partner) passes: its token is checked when the context is built, and it may send
 * any operation within the other limits.
 */
export function trustedDocuments(documents: ReadonlyMap<string, string>): RequestHandler {
  return (req, res, next) => {
    if (req.headers.authorization) return next();
    const l = localeFromHeader(req.headers['accept-language']);
    const body: GraphQLBody | undefined = req.method === 'GET' ? parseGet(req.query as Record<string, unknown>) : (req.body as GraphQLBody | undefined);
    if (!body || typeof body !== 'object' || Array.isArray(body)) return limitError(res, 400, 'BAD_REQUEST', 'body', NOT_TRUSTED, l);
    const ext = body.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined;
    const hash = ext?.persistedQuery?.sha256Hash;
    if (typeof hash === 'string') {
      const text = documents.get(hash);
      if (text === undefined || (typeof body.query === 'string' && body.query !== text))
        return limitError(res, 400, 'PERSISTED_QUERY_NOT_FOUND', 'extensions.persistedQuery.sha256Hash', UNKNOWN_HASH, l);
      if (req.method === 'GET') return limitError(res, 400, 'BAD_REQUEST', 'query', NOT_TRUSTED, l);
      // Apollo's own automatic persisted queries are off (server/app.ts): the text is filled in here.
      body.query = text;
      delete ext!.persistedQuery;
      return next();
    }
    if (typeof body.query === 'string' && documents.has(sha256(body.query))) return next();
    return limitError(res, 400, 'OPERATION_NOT_TRUSTED', 'query', NOT_TRUSTED, l);
  };
}

function parseGet(query: Record<string, unknown>): GraphQLBody {
  let extensions: unknown;
  if (typeof query.extensions === 'string') {
    try {
      extensions = JSON.parse(query.extensions);
    } catch {
      extensions = undefined;
    }
  }
  return { query: query.query, extensions };
}
