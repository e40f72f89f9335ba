import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ROOT_DIR } from '../../api/core/paths';

export const MAIN = join(ROOT_DIR, 'dist', 'api', 'server', 'main.js');

export interface ServerProcess {
  proc: ChildProcess;
  output(): string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
}

/** `node dist/api/server/main.js` on the embedded database in `dataDir` (no DATABASE_URL). */
export function spawnServer(dataDir: string, port: number, extraEnv: Record<string, string> = {}): ServerProcess {
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir, PORT: String(port), TZ: 'Asia/Tokyo', ...extraEnv };
  const proc = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  return { proc, output: () => out, exited };
}

/** Waits until the server says it is running; rejects if it exits first. */
export async function running(server: ServerProcess, timeoutMs = 90_000): Promise<void> {
  const started = Date.now();
  let exitCode: number | null | undefined;
  void server.exited.then((c) => (exitCode = c));
  while (!server.output().includes('is running')) {
    if (exitCode !== undefined) throw new Error(`exited with ${exitCode}: ${server.output()}`);
    if (Date.now() - started > timeoutMs) throw new Error(`did not start: ${server.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function gqlAt(port: number, query: string, variables?: Record<string, unknown>, token?: string): Promise<any> {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return res.json();
}
