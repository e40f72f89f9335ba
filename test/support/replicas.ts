import type { EntityManager } from '@mikro-orm/postgresql';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import { ROOT_DIR } from '../../api/core/paths';
import { openOrm } from '../../api/db/orm';
import { seedDemo } from '../../api/server/seed/demo-seed';
import { TEST_PASSWORD, TEST_SECRET } from './app';
import { TEST_ENCRYPTION_KEY } from './keys';
import { testDatabaseUrl, withDatabase } from './pg-url';

const MAIN = join(ROOT_DIR, 'dist', 'api', 'server', 'main.js');
export const REPLICA_CMS_ORIGIN = 'https://cms.example.jp';
/** Sign-ins per account per minute on the replicas (LOGIN_ACCOUNT_RATE_PER_MINUTE). */
export const REPLICA_LOGIN_ACCOUNT_RATE = 6;

export interface Replica {
  url: string;
  process: ChildProcess;
  output: () => string;
}

export interface Replicas {
  /** The round-robin proxy in front of both: what a load balancer would be. */
  proxyUrl: string;
  replicas: [Replica, Replica];
  /** Requests the proxy sent to each replica. */
  hits: [number, number];
  /** The database both share (for checks in SQL). */
  sql<T = Record<string, any>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

/** Starts `node dist/api/server/main.js` as a replica on PostgreSQL; resolves once it serves. */
function startReplica(databaseUrl: string, port: number): Promise<Replica> {
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TZ: 'Asia/Tokyo',
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: TEST_SECRET,
    ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
    PORT: String(port),
    SEED_DEMO: 'false',
    CORS_ORIGINS: REPLICA_CMS_ORIGIN,
    AUDIT_KEY: 'replica-audit-key-replica-audit-key-0123',
    // Production limits, except: the tests send their own anonymous queries (not the widgets' trusted
    // documents), and every rate is far away but one — sign-ins per account, low enough for a test to
    // reach it across the two replicas (REPLICA_LOGIN_ACCOUNT_RATE).
    TRUSTED_DOCUMENTS_ONLY: 'false',
    ANONYMOUS_RATE_PER_MINUTE: '1000000',
    INTAKE_RATE_PER_MINUTE: '100000',
    CHAT_RATE_PER_MINUTE: '100000',
    LOGIN_RATE_PER_MINUTE: '100000',
    LOGIN_ACCOUNT_RATE_PER_MINUTE: String(REPLICA_LOGIN_ACCOUNT_RATE),
  };
  const proc = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`replica on ${port} did not start: ${output}`)), 90_000);
    const onData = (d: Buffer) => {
      output += d.toString();
      if (output.includes('is running')) {
        clearTimeout(timer);
        resolve({ url: `http://127.0.0.1:${port}`, process: proc, output: () => output });
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    let started = false;
    proc.stdout!.on('data', () => (started ||= output.includes('is running')));
    proc.once('exit', (code, signal) => {
      clearTimeout(timer);
      // A replica that dies after starting leaves the tests with ECONNREFUSED only: say why it died.
      if (started) console.error(`replica on ${port} exited after starting (code ${code}, signal ${signal}): ${output.slice(-4000)}`);
      reject(new Error(`replica on ${port} exited with ${code}: ${output}`));
    });
  });
}

/** A small round-robin HTTP proxy: each request goes to the next replica in turn. */
function roundRobin(ports: number[], hits: number[]): Server {
  let next = 0;
  return createServer((req, res) => {
    const i = next++ % ports.length;
    hits[i]!++;
    const upstream = httpRequest({ host: '127.0.0.1', port: ports[i], path: req.url, method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
}

/**
 * Two API processes on one new PostgreSQL database, started at the same moment on an empty schema
 * (both run the migrations: the advisory lock lets one do it), the demo municipality seeded once,
 * and a round-robin proxy in front. PostgreSQL only (TEST_DATABASE_URL); needs `npm run build`.
 */
export async function startReplicas(records = 8): Promise<Replicas> {
  const server = testDatabaseUrl();
  if (!server) throw new Error('startReplicas needs PostgreSQL (TEST_DATABASE_URL)');
  const name = `yorisoi_r_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: server });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = withDatabase(server, name);
  const ports = [await freePort(), await freePort()];
  const started = await Promise.allSettled(ports.map((p) => startReplica(url, p)));
  const replicas = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = started.find((s) => s.status === 'rejected') as PromiseRejectedResult | undefined;
  const handle = await openOrm({ kind: 'postgresql', url }, { encryptionKey: TEST_ENCRYPTION_KEY });
  const hits: [number, number] = [0, 0];
  const proxy = roundRobin(ports, hits);
  const close = async () => {
    await Promise.all(
      replicas.map(
        (r) =>
          new Promise((done) => {
            if (r.process.exitCode !== null) return done(null);
            r.process.once('exit', done);
            r.process.kill('SIGTERM');
          }),
      ),
    );
    await new Promise((r) => proxy.close(r));
    await handle.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  };
  if (failed) {
    await close();
    throw failed.reason;
  }
  await seedDemo(handle.orm.em.fork() as EntityManager, TEST_PASSWORD, records);
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  return {
    proxyUrl: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    replicas: replicas as [Replica, Replica],
    hits,
    sql: (text, params = []) =>
      handle.orm.em
        .fork()
        .getConnection()
        .execute(text, params as never[]),
    close,
  };
}
