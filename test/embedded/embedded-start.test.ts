import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../api/core/paths';

const MAIN = join(ROOT_DIR, 'dist', 'api', 'server', 'main.js');
const PASSWORD = 'embedded-test-password';

/** `npm start` without DATABASE_URL: PGlite in DATA_DIR, migrated, seeded once, data kept across restarts. */
describe('embedded default (PGlite in DATA_DIR)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'yorisoi-embedded-'));
  const port = 4300 + Math.floor(Math.random() * 500);
  let child: ChildProcess | null = null;
  afterAll(() => {
    child?.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function start(): Promise<string> {
    // The env leaves DATABASE_URL out on purpose: this is the embedded default.
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir, PORT: String(port), DEMO_STAFF_PASSWORD: PASSWORD, TZ: 'Asia/Tokyo' };
    const proc = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`did not start: ${output}`)), 90_000);
      const onData = (d: Buffer) => {
        output += d.toString();
        if (output.includes('is running')) {
          clearTimeout(timer);
          resolve();
        }
      };
      proc.stdout!.on('data', onData);
      proc.stderr!.on('data', onData);
      proc.on('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)));
    });
    return output;
  }

  async function stop(): Promise<void> {
    const proc = child!;
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGTERM');
    await exited;
    child = null;
  }

  async function gql(query: string, token?: string, variables?: Record<string, unknown>): Promise<any> {
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return res.json();
  }

  it('starts, seeds デモ市, serves staff sign-in, and keeps data across a restart', async () => {
    expect(existsSync(MAIN), 'run `npm run build` first (npm test does it in pretest)').toBe(true);
    const first = await start();
    expect(first).toContain('Seeded the demo municipality 999999');
    // The staff console's own sign-in text: anonymous callers may send only trusted documents (README: Limits).
    const LOGIN = 'mutation StaffLogin($email: String!, $password: String!) { login(email: $email, password: $password) { token expiresAt } }';
    const login = async () => (await gql(LOGIN, undefined, { email: 'single-parent@demo.yorisoi.example', password: PASSWORD })).data.login.token as string;
    let token = await login();
    const count = (await gql(`{ records(first: 1) { totalCount } }`, token)).data.records.totalCount;
    expect(count).toBeGreaterThanOrEqual(24);
    const created = await gql(`mutation { createRecord(input: { identity: { familyName: "再起動" } }) { id } }`, token);
    const id = created.data.createRecord.id;
    await stop();

    const second = await start();
    expect(second).not.toContain('Seeded');
    token = await login(); // the signing secret is kept in DATA_DIR too
    const again = await gql(`{ record(id: "${id}") { identity { familyName } } records(first: 1) { totalCount } }`, token);
    expect(again.data.record.identity.familyName).toBe('再起動');
    expect(again.data.records.totalCount).toBe(count + 1);
    await stop();
  }, 240_000);
});
