import type { EntityManager } from '@mikro-orm/postgresql';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/server/app';
import { ROOT_DIR } from '../../api/core/paths';
import { migrate, openOrm } from '../../api/db/orm';
import { seedDemo } from '../../api/server/seed/demo-seed';
import { TEST_LIMITS, TEST_PASSWORD, TEST_SECRET } from '../support/app';

const CLI = join(ROOT_DIR, 'dist', 'api', 'server', 'audit-cli.js');
const run = promisify(execFile);

/**
 * npm run audit:anchor / audit:verify on an embedded DATA_DIR: the audit key from the folder, anchors
 * beside it, exit 1 when broken. (The database was opened here with the suite's ENCRYPTION_KEY, so the
 * commands get it too.)
 */
describe('audit:verify and audit:anchor', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'yorisoi-audit-cli-'));
  const key = 'cli-test-audit-key-cli-test-audit-key-0123';
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const cli = (command: string) =>
    run(process.execPath, [CLI, command], {
      env: { PATH: process.env.PATH, DATA_DIR: dataDir, TZ: 'Asia/Tokyo', ENCRYPTION_KEY: process.env.ENCRYPTION_KEY },
    }).then(
      (r) => ({ code: 0, out: r.stdout + r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
    );

  it('anchors, says intact, then names a deleted batch and exits 1', async () => {
    expect(existsSync(CLI), 'run `npm run build` first').toBe(true);
    writeFileSync(join(dataDir, 'audit-key'), key);
    writeFileSync(join(dataDir, 'auth-secret'), TEST_SECRET);
    const handle = await openOrm({ kind: 'pglite', dataDir });
    await migrate(handle.orm);
    await seedDemo(handle.orm.em.fork() as EntityManager, TEST_PASSWORD, 4);
    const app = await createApp(handle.orm, { authSecret: TEST_SECRET, accessTokenTtlSeconds: 900, corsOrigins: [], auditKey: key }, { limits: TEST_LIMITS });
    const http = request(app.express);
    const token = (
      await http.post('/graphql').send({ query: `mutation { login(email: "single-parent@demo.yorisoi.example", password: "${TEST_PASSWORD}") { token } }` })
    ).body.data.login.token as string;
    for (let i = 0; i < 3; i++)
      await http
        .post('/graphql')
        .set('authorization', `Bearer ${token}`)
        .send({ query: '{ records(first: 2) { edges { node { identity { familyName } } } } }' });
    await app.stop();
    await handle.close();

    const anchored = await cli('anchor');
    expect(anchored.code).toBe(0);
    expect(anchored.out).toMatch(/999999: anchored batch \d+/);
    const verified = await cli('verify');
    expect(verified).toMatchObject({ code: 0 });
    expect(verified.out).toMatch(/999999: intact — 3 batches/);

    const again = await openOrm({ kind: 'pglite', dataDir });
    const conn = again.orm.em.fork().getConnection();
    await conn.execute('alter table audit_entry disable trigger user');
    await conn.execute('alter table audit_batch disable trigger user');
    await conn.execute(`delete from audit_entry where batch_id = (select max(id) from audit_batch)`);
    await conn.execute(`update audit_chain_head set last_hash = (select prev_hash from audit_batch where id = (select max(id) from audit_batch))`);
    await conn.execute(`delete from audit_batch where id = (select max(id) from audit_batch)`);
    await again.close();

    const broken = await cli('verify');
    expect(broken.code).toBe(1);
    expect(broken.out).toContain('999999: BROKEN');
    expect(broken.out).toMatch(/batch \d+: anchored .*, but no longer in the chain/);
  }, 240_000);
});
