import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { MikroORM } from '@mikro-orm/core';
import type { Express, NextFunction, Request, Response } from 'express';
import type { Metrics } from './metrics';

export interface OpsOptions {
  orm: MikroORM;
  metrics: Metrics;
  /** METRICS_TOKEN: a bearer token for /metrics; null: loopback callers only. */
  metricsToken: string | null;
  /** Where each request's log line goes (JSON, one object per line); null: no request log (tests). */
  log: ((entry: Record<string, unknown>) => void) | null;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

function loopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

function tokenMatches(given: string | undefined, expected: string): boolean {
  const m = given ? /^Bearer (\S{1,200})$/.exec(given) : null;
  if (!m) return false;
  const a = Buffer.from(m[1]!);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Request ids and the structured request log: every request gets an id (the caller's X-Request-Id
 * when it is a plain token, so a load balancer's id carries through; else a new one), returned in
 * the response, and one JSON line when it ends — method, path without the query string, status,
 * duration. No body, no header values, no query string: nothing personal.
 */
export function requestLog(log: OpsOptions['log']) {
  return (req: Request, res: Response, next: NextFunction) => {
    const given = req.headers['x-request-id'];
    const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    res.setHeader('x-request-id', id);
    (req as Request & { requestId?: string }).requestId = id;
    if (log) {
      const start = process.hrtime.bigint();
      // Read now: mounted routers rewrite req.path while the request is handled.
      const path = req.path.slice(0, 200);
      res.on('finish', () => {
        log({
          time: new Date().toISOString(),
          level: res.statusCode >= 500 ? 'error' : 'info',
          msg: 'request',
          requestId: id,
          method: req.method,
          path,
          status: res.statusCode,
          durationMs: Math.round(Number(process.hrtime.bigint() - start) / 1e4) / 100,
        });
      });
    }
    next();
  };
}

/** /healthz (the process answers), /readyz (the database answers within 2 s), /metrics (Prometheus text). */
export function opsRoutes(app: Express, o: OpsOptions): void {
  app.get('/readyz', async (_req, res) => {
    const em = o.orm.em.fork() as EntityManager;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([em.getConnection().execute('select 1'), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), 2000)))]);
      res.set('cache-control', 'no-store').json({ ok: true, database: 'ok' });
    } catch {
      res.status(503).set('cache-control', 'no-store').json({ ok: false, database: 'unavailable' });
    } finally {
      clearTimeout(timer);
    }
  });
  app.get('/metrics', (req, res) => {
    const allowed = o.metricsToken ? tokenMatches(req.headers.authorization, o.metricsToken) : loopback(req.socket.remoteAddress);
    if (!allowed) {
      res
        .status(o.metricsToken ? 401 : 403)
        .set('cache-control', 'no-store')
        .type('text/plain')
        .send(o.metricsToken ? 'METRICS_TOKEN required\n' : 'only from localhost (set METRICS_TOKEN to scrape from elsewhere)\n');
      return;
    }
    res.set('cache-control', 'no-store').type('text/plain; version=0.0.4').send(o.metrics.render());
  });
}
