import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { AuditAppender } from '../../api/audit/audit-appender';
import { createApp } from '../../api/server/app';
import { canonicalLine, canonicalTime, checkSeal, sealBatch } from '../../api/audit/audit-seal';
import { sqlFor, verifyChain } from '../../api/audit/audit-verifier';
import { anchorChains } from '../../api/audit/audit-anchor';
import { seedDemo } from '../../api/server/seed/demo-seed';
import { TEST_LIMITS, TEST_PASSWORD, TEST_SECRET } from '../support/app';
import { openTestDatabase } from '../support/db';

describe('audit anchoring in the API process', () => {
  const dir = mkdtempSync(join(tmpdir(), 'yorisoi-anchoring-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a clean stop anchors the head the last request left, in AUDIT_ANCHOR_DIR, under AUDIT_KEY', async () => {
    const db = await openTestDatabase();
    await seedDemo(db.orm.em.fork() as EntityManager, TEST_PASSWORD, 4);
    const key = 'anchoring-test-key-anchoring-test-key-0123';
    const app = await createApp(
      db.orm,
      { authSecret: TEST_SECRET, accessTokenTtlSeconds: 900, corsOrigins: [], auditKey: key, auditAnchorDir: dir, auditAnchorSeconds: 3600 },
      { limits: TEST_LIMITS },
    );
    const http = request(app.express);
    const login = await http
      .post('/graphql')
      .send({ query: `mutation { login(email: "single-parent@demo.yorisoi.example", password: "${TEST_PASSWORD}") { token } }` });
    const token = login.body.data.login.token as string;
    for (let i = 0; i < 3; i++) {
      const res = await http
        .post('/graphql')
        .set('authorization', `Bearer ${token}`)
        .send({ query: '{ records(first: 2) { edges { node { identity { familyName } } } } }' });
      expect(res.body.errors).toBeUndefined();
    }
    await app.stop();
    const [head] = await db.orm.em
      .fork()
      .getConnection()
      .execute<{ id: string; hash: string }[]>(`select id::text as id, hash from audit_batch where municipality_code = '999999' order by id desc limit 1`);
    await db.close();
    const lines = readFileSync(join(dir, '999999.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, string>);
    expect(lines[lines.length - 1]).toMatchObject({ kind: 'anchor', municipalityCode: '999999', batchId: head!.id, hash: head!.hash });
    expect(lines[lines.length - 1]!.mac).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('audit appender: seals', () => {
  it('seals each municipality of a shared call over the entries of all its requests, in order', async () => {
    const key = 'k'.repeat(40);
    const calls: { json: unknown[]; seals: Record<string, string> }[] = [];
    let release!: () => void;
    const appender = new AuditAppender(
      async (json, seals) => {
        calls.push({ json: JSON.parse(json), seals: JSON.parse(seals!) });
        if (calls.length === 1) await new Promise<void>((r) => (release = r));
      },
      (lines) => Object.fromEntries([...lines].map(([code, l]) => [code, sealBatch(key, code, l)])),
    );
    const first = appender.append('{"n":1}', 1, new Map([['111111', ['a']]]));
    const rest = Promise.all([
      appender.append('{"n":2}', 1, new Map([['111111', ['b']]])),
      appender.append(
        '{"n":3},{"n":4}',
        2,
        new Map([
          ['111111', ['c']],
          ['222222', ['d']],
        ]),
      ),
    ]);
    await new Promise((r) => setTimeout(r, 10));
    release();
    await Promise.all([first, rest]);
    expect(calls).toHaveLength(2);
    const shared = calls[1]!.seals;
    expect(Object.keys(shared).sort()).toEqual(['111111', '222222']);
    expect(checkSeal(key, '111111', ['b', 'c'], shared['111111']!)).not.toBeNull();
    expect(checkSeal(key, '111111', ['c', 'b'], shared['111111']!)).toBeNull();
    expect(checkSeal(key, '222222', ['d'], shared['222222']!)).not.toBeNull();
    expect(checkSeal(key, '222222', ['d'], shared['111111']!)).toBeNull();
  });
});

describe('audit verifier over a longer chain', () => {
  it('checks 25 batches in pages of 4 in batch order (10 after 9, not after 1), and finds the one changed entry', async () => {
    const db = await openTestDatabase();
    const key = 'v'.repeat(40);
    const sql = sqlFor(db.orm.em.fork() as EntityManager);
    const actor = { actor_kind: 'staff', actor_id: randomUUID(), actor_name: '検証', actor_department: 'single-parent' };
    for (let i = 0; i < 25; i++) {
      const at = new Date(Date.UTC(2026, 11, 3, 0, 0, i));
      const entry = {
        ...actor,
        at: at.toISOString(),
        municipality_code: '888888',
        record_ids: [randomUUID()],
        action: 'read',
        sections: ['identity'],
        operation_name: `Op${i}`,
      };
      const line = canonicalLine({ ...entry, at: canonicalTime(at), record_ids: entry.record_ids.join(','), sections: 'identity' });
      await sql('select audit_append(?::jsonb, ?::jsonb)', [JSON.stringify([entry]), JSON.stringify({ '888888': sealBatch(key, '888888', [line]) })]);
    }
    const intact = await verifyChain(sql, key, '888888', null, undefined, 4);
    expect(intact.problems).toEqual([]);
    expect(intact.batches).toBe(25);
    const [tenth] = await sql<{ id: string }>(
      `select id::text as id from audit_batch where municipality_code = '888888' order by audit_batch.id offset 9 limit 1`,
    );
    await sql('alter table audit_entry disable trigger user');
    await sql(`update audit_entry set operation_name = 'Changed' where batch_id = ?::bigint`, [tenth!.id]);
    await sql('alter table audit_entry enable trigger user');
    const broken = await verifyChain(sql, key, '888888', null, undefined, 4);
    expect(broken.problems).toEqual([`batch ${tenth!.id}: its entries do not give its hash`, `batch ${tenth!.id}: its seal does not match its entries`]);
    await db.close();
  });
});

describe('audit anchors after a restore', () => {
  const dir = mkdtempSync(join(tmpdir(), 'yorisoi-restore-anchors-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a restore to an older state breaks the anchored chain until npm run restore writes its restore line; later anchors go on from there', async () => {
    const db = await openTestDatabase();
    const key = 'r'.repeat(40);
    const sql = sqlFor(db.orm.em.fork() as EntityManager);
    const append = async (i: number) => {
      const at = new Date(Date.UTC(2026, 11, 3, 1, 0, i));
      const entry = {
        actor_kind: 'staff',
        actor_id: randomUUID(),
        actor_name: '復元',
        actor_department: 'single-parent',
        at: at.toISOString(),
        municipality_code: '666666',
        record_ids: [randomUUID()],
        action: 'read',
        sections: ['identity'],
        operation_name: `Op${i}`,
      };
      const line = canonicalLine({ ...entry, at: canonicalTime(at), record_ids: entry.record_ids.join(','), sections: 'identity' });
      await sql('select audit_append(?::jsonb, ?::jsonb)', [JSON.stringify([entry]), JSON.stringify({ '666666': sealBatch(key, '666666', [line]) })]);
    };
    for (let i = 0; i < 3; i++) await append(i);
    await anchorChains(sql, key, dir);
    for (let i = 3; i < 5; i++) await append(i);
    const [newest] = await anchorChains(sql, key, dir);
    expect(newest!.written).not.toBeNull();
    // What restoring the backup taken after the first anchor leaves: the last two batches gone.
    await sql('alter table audit_entry disable trigger user');
    await sql('alter table audit_batch disable trigger user');
    await sql(`delete from audit_entry where batch_id in (select id from audit_batch where municipality_code = '666666' order by id desc limit 2)`);
    await sql(`delete from audit_batch where id in (select id from audit_batch where municipality_code = '666666' order by id desc limit 2)`);
    await sql(
      `update audit_chain_head set last_hash = (select hash from audit_batch where municipality_code = '666666' order by id desc limit 1) where municipality_code = '666666'`,
    );
    expect((await verifyChain(sql, key, '666666', dir)).problems).toHaveLength(1);

    const [marked] = await anchorChains(sql, key, dir, 'restore');
    expect(marked!.written).toMatchObject({ kind: 'restore' });
    expect((await verifyChain(sql, key, '666666', dir)).problems).toEqual([]);
    await append(9);
    const [after] = await anchorChains(sql, key, dir);
    expect(after!.written).toMatchObject({ kind: 'anchor' });
    expect((await verifyChain(sql, key, '666666', dir)).problems).toEqual([]);
    await db.close();
  });
});
