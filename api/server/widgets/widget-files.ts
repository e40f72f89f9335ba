import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Request, RequestHandler } from 'express';

/** `chat.js`: the stable name a CMS page pastes (a one-line module importing the current build). */
const STABLE = /^([a-z]+)\.js$/;
/** `chat.0123456789ab.js`: a build, named by its content hash (widgets/build.mjs). */
const HASHED = /^([a-z]+)\.([0-9a-f]{12})\.js$/;
/** `staff-dashboard.AB2CD3EF.js`, `staff-chunk.…`: a chunk of a split build, named by esbuild's content hash. */
const CHUNK = /^([a-z]+-[a-z-]+)\.([0-9A-Z]{8})\.js$/;

/** Stable names: cached briefly, then revalidated (304), so an upgrade reaches every page within minutes. */
const STABLE_CACHE = 'public, max-age=300';
/** Builds never change under their name. */
const HASHED_CACHE = 'public, max-age=31536000, immutable';

type Encoding = 'br' | 'gzip' | 'identity';

/**
 * The encoding to send: brotli if the client takes it, else gzip, else none. `Accept-Encoding` is a
 * comma-separated list of `coding;q=value`; a coding with q=0 is refused (RFC 9110 §12.5.3).
 * Split and trimmed, no regular expression: linear in the header's length.
 */
export function pickEncoding(header: string | undefined): Encoding {
  const accepted = new Map<string, number>();
  for (const part of (header ?? '').slice(0, 1024).split(',')) {
    const [coding = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    accepted.set(coding, q ? Number(q.slice(2)) || 0 : 1);
  }
  const takes = (c: string) => (accepted.get(c) ?? accepted.get('*') ?? 0) > 0;
  if (takes('br')) return 'br';
  if (takes('gzip')) return 'gzip';
  return 'identity';
}

/** The request's If-None-Match names this ETag (or `*`). */
function fresh(req: Request, etag: string): boolean {
  const header = req.headers['if-none-match'];
  if (!header) return false;
  return header
    .slice(0, 4096)
    .split(',')
    .some((t) => {
      const v = t.trim();
      return v === '*' || v === etag || v === `W/${etag}`;
    });
}

async function exists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

export interface WidgetFilesOptions {
  /** dist/widgets */
  dir: string;
  /** Whether a page of this origin may load the widgets (the API's CORS allow-list). */
  allowOrigin(origin: string): Promise<boolean>;
}

/**
 * Serves the built widgets at /widgets/<file> so that the two lines of the README work on a
 * municipality's page of another origin:
 *
 * - CORS: a module script is always fetched in CORS mode, so the response names the page's origin in
 *   `Access-Control-Allow-Origin` when it is allowed (CORS_ORIGINS, or a municipality's allowed
 *   origins); an origin not allowed gets 403 and no CORS header, and its browser does not run the
 *   script. Requests without `Origin` (same origin, curl) are served. `Cross-Origin-Resource-Policy:
 *   cross-origin` lets pages that require it (COEP) embed the files; they are public code.
 * - Compression: the brotli or gzip copy written at build time, by `Accept-Encoding`.
 * - Caching: a build (`chat.<hash>.js`) and a chunk of a split build (`staff-dashboard.<HASH>.js`) are
 *   `immutable` for a year; the stable name (`chat.js`) for
 *   five minutes, then revalidated with its ETag (304).
 * Anything else under /widgets is not found. The files are read on each request (from the page cache),
 * so a rebuild is served at once.
 */
export function widgetFiles(options: WidgetFilesOptions): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const file = req.path.slice(1);
    const hashed = HASHED.exec(file) ?? CHUNK.exec(file);
    if (!hashed && !STABLE.test(file)) return next();
    void (async () => {
      const origin = req.headers.origin;
      res.setHeader('vary', 'Origin, Accept-Encoding');
      if (origin !== undefined && origin !== `${req.protocol}://${req.headers.host}`) {
        if (!(await options.allowOrigin(origin))) {
          res.status(403).type('text/plain').setHeader('cache-control', 'no-store');
          return void res.end('This origin may not load Yorisoi widgets. / このオリジンからは読み込めません。');
        }
        res.setHeader('access-control-allow-origin', origin);
      }
      const path = join(options.dir, file);
      let encoding: Encoding = 'identity';
      let etag: string;
      let stub: Buffer | null = null;
      if (hashed) {
        encoding = pickEncoding(req.headers['accept-encoding']);
        if (encoding !== 'identity' && !(await exists(`${path}.${encoding === 'br' ? 'br' : 'gz'}`))) encoding = 'identity';
        if (!(await exists(path))) return next();
        etag = `"${hashed[2]}-${encoding}"`;
      } else {
        try {
          stub = await readFile(path);
        } catch {
          return next();
        }
        etag = `"${createHash('sha256').update(stub).digest('hex').slice(0, 16)}"`;
      }
      res.setHeader('etag', etag);
      res.setHeader('cache-control', hashed ? HASHED_CACHE : STABLE_CACHE);
      res.setHeader('cross-origin-resource-policy', 'cross-origin');
      res.setHeader('x-content-type-options', 'nosniff');
      if (fresh(req, etag)) return void res.status(304).end();
      const body = stub ?? (await readFile(encoding === 'identity' ? path : `${path}.${encoding === 'br' ? 'br' : 'gz'}`));
      res.setHeader('content-type', 'text/javascript; charset=utf-8');
      if (encoding !== 'identity') res.setHeader('content-encoding', encoding);
      res.setHeader('content-length', body.length);
      res.status(200).end(body);
    })().catch(next);
  };
}
