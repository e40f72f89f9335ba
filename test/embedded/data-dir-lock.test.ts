import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backup } from '../../api/backup/backup';
import { DataDirLockedError, LOCK_FILE, lockDataDir } from '../../api/db/data-dir-lock';
import { gqlAt, MAIN, running, spawnServer, type ServerProcess } from './server-process';

describe('DATA_DIR lock (in one process)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'yorisoi-lock-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a second lock on the same folder is refused until the first is released', async () => {
    const first = await lockDataDir(dir);
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    // The same folder by another spelling (a trailing slash, a relative step) is the same lock.
    const error = await lockDataDir(`${dir}/./`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataDirLockedError);
    expect((error as DataDirLockedError).code).toBe('DATA_DIR_LOCKED');
    expect((error as Error).message).toContain(`pid ${process.pid}`);
    await first.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    const again = await lockDataDir(dir);
    await again.release();
  });

  it('an embedded backup refuses while the folder is locked (the API running): a copy of files being written is no backup', async () => {
    mkdirSync(join(dir, 'pgdata'), { recursive: true });
    const lock = await lockDataDir(dir);
    try {
      await expect(backup({ kind: 'pglite', dataDir: dir }, join(dir, 'backups'))).rejects.toBeInstanceOf(DataDirLockedError);
    } finally {
      await lock.release();
    }
  });

  it('a lock file left by a process that is gone does not block (the OS guard went with it)', async () => {
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: 999_999_999, host: 'gone' }));
    const lock = await lockDataDir(dir);
    expect(lock.tookOverFrom).toBe(999_999_999);
    await lock.release();
  });
});

const INTAKE = 'mutation Submit($input: IntakeInput!) { submitIntake(input: $input) { referenceNumber } }';
const intakeInput = () => ({
  idempotencyKey: randomUUID(),
  municipalityCode: '999999',
  address: { postalCode: '999-0001', prefecture: 'デモ県', city: 'デモ市' },
  contact: { contactAllowed: false },
  household: { children: [{ birthDate: '2016-07-07', disability: false }] },
  income: { annualEmploymentIncome: 1800000, otherIncome: 0, childSupportReceivedYearly: 0 },
  benefitsInUse: [],
  concerns: { categories: ['WORK'] },
  consent: { sharedWith: [], shareWithPartners: false, privacyNoticeVersion: '2026-04' },
});

/** Finding 4: two processes on one DATA_DIR both started and lost every acknowledged write. */
describe('DATA_DIR lock (two server processes)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'yorisoi-two-'));
  const port = 4800 + Math.floor(Math.random() * 400);
  const password = 'lock-test-password';
  const started: ServerProcess[] = [];
  afterAll(() => {
    for (const s of started) s.proc.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });
  const start = (p = port) => {
    const s = spawnServer(dataDir, p, { DEMO_STAFF_PASSWORD: password, INTAKE_RATE_PER_MINUTE: '1000' });
    started.push(s);
    return s;
  };

  it('a second process refuses with a clear message; after kill -9 a restart keeps every acknowledged intake', async () => {
    expect(existsSync(MAIN), 'run `npm run build` first').toBe(true);
    const first = start();
    await running(first);

    const second = start(port + 1);
    expect(await second.exited).not.toBe(0);
    expect(second.output()).toContain('DATA_DIR');
    expect(second.output()).toContain(`pid ${first.proc.pid}`);
    expect(second.output()).not.toContain('is running');

    const acknowledged: string[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await gqlAt(port, INTAKE, { input: intakeInput() });
      expect(res.errors).toBeUndefined();
      acknowledged.push(res.data.submitIntake.referenceNumber);
    }
    first.proc.kill('SIGKILL');
    await first.exited;

    const third = start();
    await running(third);
    const login = await gqlAt(port, `mutation { login(email: "single-parent@demo.yorisoi.example", password: "${password}") { token } }`);
    const token = login.data.login.token as string;
    for (const ref of acknowledged) {
      const found = await gqlAt(port, 'query($r: String!) { records(first: 1, filter: { referenceNumber: $r }) { totalCount } }', { r: ref }, token);
      expect(found.data?.records.totalCount, ref).toBe(1);
    }
    // A graceful stop closes the database and releases the lock: the next start finds no stale lock.
    third.proc.kill('SIGTERM');
    expect(await third.exited).toBe(0);
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
    const fourth = start();
    await running(fourth);
    expect(fourth.output()).not.toContain('ended without closing');
    fourth.proc.kill('SIGTERM');
    expect(await fourth.exited).toBe(0);
  }, 300_000);
});
