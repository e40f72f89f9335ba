import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, realpathSync, unlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { hostname } from 'node:os';
import { join } from 'node:path';

/**
 * One process per embedded database (issue 14, finding 4). PGlite is a whole PostgreSQL inside the
 * process with no shared-memory locking of its own: two processes on one DATA_DIR both start, both
 * acknowledge writes, and overwrite each other's files — after a restart nothing they wrote was there.
 *
 * The guard is an abstract unix socket (Linux) bound to a name derived from the folder's real path:
 * binding it is atomic, a second bind fails with EADDRINUSE, and the kernel frees it when the process
 * ends however it ends (kill -9 included), so a stale lock never blocks a restart. `yorisoi.lock` in
 * the folder holds the owner's pid, for the message and for people. Elsewhere (macOS, Windows) the
 * lock file alone is the guard: created exclusively, taken over when its pid is no longer alive.
 */
export const LOCK_FILE = 'yorisoi.lock';

export class DataDirLockedError extends Error {
  readonly code = 'DATA_DIR_LOCKED';
  constructor(dir: string, holder: string) {
    super(
      `DATA_DIR ${dir} は別の Yorisoi プロセス（${holder}）が使っています。先にそちらを止めてください。 / ` +
        `DATA_DIR ${dir} is in use by another Yorisoi process (${holder}); stop it first — two processes on one embedded database lose data. / ` +
        `この データの フォルダは ほかの Yorisoi が 使っています。`,
    );
    this.name = 'DataDirLockedError';
  }
}

export interface DataDirLock {
  /** The real path of the locked folder. */
  dir: string;
  /** The pid a previous owner left in the lock file when it ended without releasing (kill -9, power loss). */
  tookOverFrom: number | null;
  release(): Promise<void>;
}

function readHolder(file: string): { pid: number | null; text: string } {
  try {
    const held = JSON.parse(readFileSync(file, 'utf8')) as { pid?: number; host?: string };
    const pid = typeof held.pid === 'number' ? held.pid : null;
    return { pid, text: pid ? `pid ${pid}${held.host ? ` on ${held.host}` : ''}` : 'pid unknown' };
  } catch {
    return { pid: null, text: 'pid unknown' };
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function listen(server: Server, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(name, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** Takes the folder for this process, or throws DataDirLockedError naming the process that has it. */
export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  mkdirSync(dataDir, { recursive: true });
  const dir = realpathSync(dataDir);
  const file = join(dir, LOCK_FILE);
  const previous = readHolder(file);
  const mine = JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() });
  let server: Server | null = null;
  if (process.platform === 'linux') {
    server = createServer();
    try {
      await listen(server, `\0yorisoi-data-dir-${createHash('sha256').update(dir).digest('hex').slice(0, 40)}`);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new DataDirLockedError(dir, previous.text);
      throw e;
    }
    // The guard must not keep the process alive on its own.
    server.unref();
    writeFileSync(file, mine, { mode: 0o600 });
  } else {
    try {
      writeFileSync(file, mine, { flag: 'wx', mode: 0o600 });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      if (previous.pid !== null && previous.pid !== process.pid && alive(previous.pid)) throw new DataDirLockedError(dir, previous.text);
      writeFileSync(file, mine, { mode: 0o600 });
    }
  }
  const tookOverFrom = previous.pid !== null && previous.pid !== process.pid ? previous.pid : null;
  let released = false;
  return {
    dir,
    tookOverFrom,
    async release() {
      if (released) return;
      released = true;
      if (readHolder(file).pid === process.pid) {
        try {
          unlinkSync(file);
        } catch {
          // already gone: nothing to release
        }
      }
      if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
    },
  };
}
