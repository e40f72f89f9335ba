import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { type Locale, type LocalizedText, localeFromHeader } from '../core';

/**
 * An error answered before (or instead of) GraphQL: the same JSON shape as a GraphQL error — a code,
 * the field at fault, the message in ja, en and やさしい日本語 — never an HTML page or a stack trace.
 */
export function limitError(res: Response, status: number, code: string, field: string, messages: LocalizedText, locale: Locale): void {
  res
    .status(status)
    .type('application/json')
    .send(JSON.stringify({ errors: [{ message: messages[locale], extensions: { code, field, messages } }] }));
}

const TOO_LARGE: LocalizedText = {
  ja: '送信された内容が大きすぎます。',
  en: 'The request is too large.',
  'ja-easy': '送った ものが 大きすぎます。',
};
const MALFORMED: LocalizedText = {
  ja: '送信された内容を読み取れませんでした（JSON の形式が正しくありません）。',
  en: 'The request could not be read (it is not valid JSON).',
  'ja-easy': '送った ものが 読めませんでした。',
};
const RESPONSE_TOO_LARGE: LocalizedText = {
  ja: '結果が大きすぎます。件数を減らすか、項目を絞ってください。',
  en: 'The result is too large. Ask for fewer rows or fewer fields.',
  'ja-easy': '答えが 大きすぎます。少なく して ください。',
};

/**
 * Errors of the body parser (too large, not JSON, wrong encoding) as JSON, never Express's HTML page
 * with a stack trace in the log (issue 14, lower list). Nothing of the body is echoed or logged.
 */
export const bodyErrors: ErrorRequestHandler = (err: { type?: string; status?: number }, req, res, next) => {
  if (res.headersSent) return next(err);
  const l = localeFromHeader(req.headers['accept-language']);
  if (err.type === 'entity.too.large') return limitError(res, 413, 'PAYLOAD_TOO_LARGE', 'body', TOO_LARGE, l);
  const status = typeof err.status === 'number' && err.status >= 400 && err.status < 500 ? err.status : 400;
  if (err.type === 'entity.parse.failed' || status < 500) return limitError(res, status, 'BAD_REQUEST', 'body', MALFORMED, l);
  return next(err);
};

/**
 * A response larger than `maxBytes` is replaced by an error (a backstop behind the cost limits: a
 * query that passed them may still ask for more than any screen shows).
 */
export function responseSizeLimit(maxBytes: number): RequestHandler {
  return (req, res, next) => {
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    (res as unknown as { end: (...args: unknown[]) => Response }).end = (chunk?: unknown, ...rest: unknown[]) => {
      const size = typeof chunk === 'string' ? Buffer.byteLength(chunk) : Buffer.isBuffer(chunk) ? chunk.length : 0;
      if (size > maxBytes && !res.headersSent) {
        const l = localeFromHeader(req.headers['accept-language']);
        const body = JSON.stringify({
          errors: [{ message: RESPONSE_TOO_LARGE[l], extensions: { code: 'RESPONSE_TOO_LARGE', field: 'query', messages: RESPONSE_TOO_LARGE } }],
        });
        res.statusCode = 413;
        res.setHeader('content-type', 'application/json; charset=utf-8');
        res.setHeader('content-length', Buffer.byteLength(body));
        return end(body);
      }
      return end(chunk, ...rest);
    };
    next();
  };
}
