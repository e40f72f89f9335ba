import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { anchorChains } from '../../api/audit/audit-anchor';
import { sqlFor, verifyChain } from '../../api/audit/audit-verifier';
import { DepartmentCode } from '../../api/core/departments';
import { startTestApp, type TestApp } from '../support/app';

const CODE = '999999';

/**
 * Issue 14, finding 5: the database owner could rewrite the audit chain and auditChainIntact still said
 * true. Each of the three rewrites of the finding, done here as the owner would (superuser, triggers off),
 * must now be seen — by the seal (AUDIT_KEY, not in the database) and the anchors (outside it).
 */
describe('audit chain: sealed and anchored outside the database', () => {
  let t: TestApp;
  let anchors: string;
  const dirs: string[] = [];
  const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => t.db.orm.em.fork().getConnection().execute<T[]>(text, params);
  const key = () => t.app.services.auditSeal!.key;
  const intact = async () => {
    const supervisor = await t.login(DepartmentCode.SINGLE_PARENT, 'supervisor');
    const res = await t.gql('{ auditChainIntact }', {}, supervisor);
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.auditChainIntact as boolean;
  };
  const problems = async () => (await verifyChain(sqlFor(t.em()), key(), CODE, anchors)).problems;
  /** What the database's own check says (the owner can fool it: this is the finding). */
  const sqlVerify = async () => (await sql<{ broken: string | null }>(`select audit_verify(?) as broken`, [CODE]))[0]!.broken;
  const anchorNow = () => anchorChains(sqlFor(t.em()), key(), anchors);
  /** Several requests that read personal sections: several batches in the chain. */
  const readSome = async (times: number) => {
    const token = await t.login(DepartmentCode.LIVELIHOOD_SUPPORT);
    for (let i = 0; i < times; i++) {
      const res = await t.gql(`query Read${i} { records(first: ${2 + i}) { edges { node { id identity { familyName } } } } }`, {}, token);
      expect(res.body.errors).toBeUndefined();
    }
  };
  const batches = () =>
    sql<{ id: string; prev_hash: string; hash: string; seal: string | null }>(
      `select id::text as id, prev_hash, hash, seal from audit_batch where municipality_code = ? order by id`,
      [CODE],
    );
  const asOwner = async (statements: string[]) => {
    await sql(`alter table audit_entry disable trigger user`);
    await sql(`alter table audit_batch disable trigger user`);
    for (const s of statements) await sql(s);
    await sql(`alter table audit_entry enable trigger user`);
    await sql(`alter table audit_batch enable trigger user`);
  };

  beforeEach(async () => {
    t = await startTestApp({ records: 8 });
    anchors = mkdtempSync(join(tmpdir(), 'yorisoi-anchors-'));
    dirs.push(anchors);
    t.app.services.auditSeal!.anchorDir = anchors;
    await readSome(4);
  });
  afterEach(() => t.close());
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('an untouched chain is intact, sealed batch by batch, anchored outside the database, and still intact as it grows', async () => {
    const all = await batches();
    expect(all.length).toBeGreaterThanOrEqual(4);
    for (const b of all) expect(b.seal).toMatch(/^v1\.[0-9a-f]{24}\.[0-9a-f]{64}$/);
    const [result] = await anchorNow();
    expect(result!.report.problems).toEqual([]);
    expect(result!.written).toMatchObject({ kind: 'anchor', municipalityCode: CODE, batchId: all[all.length - 1]!.id, hash: all[all.length - 1]!.hash });
    await readSome(2);
    expect(await intact()).toBe(true);
    const [second] = await anchorNow();
    expect(BigInt(second!.written!.batchId)).toBeGreaterThan(BigInt(result!.written!.batchId));
    expect(
      readFileSync(join(anchors, `${CODE}.jsonl`), 'utf8')
        .trim()
        .split('\n'),
    ).toHaveLength(2);
    expect(await intact()).toBe(true);
    // Another key: no seal and no anchor holds.
    const other = await verifyChain(sqlFor(t.em()), 'another-key-another-key-another-key-0', CODE, anchors);
    expect(other.problems.some((p) => p.includes('seal does not match'))).toBe(true);
    expect(other.problems.some((p) => p.includes('not written with this AUDIT_KEY'))).toBe(true);
  });

  it('rewrite 1: an entry changed and every later hash recomputed with audit_batch_hash is seen', async () => {
    const all = await batches();
    const target = all[1]!;
    const statements = [`update audit_entry set actor_name = '別人' where batch_id = ${target.id}`];
    // The owner's rewrite: each batch from the changed one on gets its prev_hash and hash recomputed in order, then the head.
    for (const b of all.slice(1)) {
      statements.push(
        `update audit_batch set prev_hash = (select coalesce((select hash from audit_batch p where p.municipality_code = '${CODE}' and p.id < ${b.id} order by p.id desc limit 1), 'genesis')) where id = ${b.id}`,
      );
      statements.push(`update audit_batch set hash = audit_batch_hash(prev_hash, id) where id = ${b.id}`);
    }
    statements.push(
      `update audit_chain_head set last_hash = (select hash from audit_batch where municipality_code = '${CODE}' order by id desc limit 1) where municipality_code = '${CODE}'`,
    );
    await asOwner(statements);
    expect(await sqlVerify()).toBeNull(); // the database's own check is fooled
    expect(await intact()).toBe(false);
    expect(await problems()).toContain(`batch ${target.id}: its seal does not match its entries`);
  });

  it('rewrite 2: the last batch deleted and the head moved back is seen once its head was anchored', async () => {
    await anchorNow();
    const all = await batches();
    const last = all[all.length - 1]!;
    await asOwner([
      `delete from audit_entry where batch_id = ${last.id}`,
      `delete from audit_batch where id = ${last.id}`,
      `update audit_chain_head set last_hash = '${last.prev_hash}' where municipality_code = '${CODE}'`,
    ]);
    expect(await sqlVerify()).toBeNull(); // the database's own check is fooled
    expect(await intact()).toBe(false);
    expect((await problems()).some((p) => p.startsWith(`batch ${last.id}: anchored`) && p.includes('no longer in the chain'))).toBe(true);
    // The next periodic anchor refuses to anchor the shortened chain.
    const [again] = await anchorNow();
    expect(again!.written).toBeNull();
  });

  it('rewrite 3: a forged entry appended with audit_append is seen, with no seal or with a made-up one', async () => {
    const forged = JSON.stringify([
      {
        municipality_code: CODE,
        actor_kind: 'staff',
        actor_id: randomUUID(),
        actor_name: '偽の職員',
        actor_department: 'single-parent',
        record_ids: [randomUUID()],
        action: 'read',
        sections: ['identity'],
        operation_name: 'Forged',
      },
    ]);
    await sql(`select audit_append(?::jsonb)`, [forged]);
    await sql(`select audit_append(?::jsonb, ?::jsonb)`, [forged, JSON.stringify({ [CODE]: `v1.${'0'.repeat(24)}.${'f'.repeat(64)}` })]);
    const [unsealed, badSeal] = (await batches()).slice(-2);
    expect(await sqlVerify()).toBeNull(); // the database's own check is fooled
    expect(await intact()).toBe(false);
    const found = await problems();
    expect(found).toContain(`batch ${unsealed!.id}: not sealed — not written by Yorisoi`);
    expect(found).toContain(`batch ${badSeal!.id}: its seal does not match its entries`);
    // Nor does the forged tail get anchored.
    const [anchor] = await anchorNow();
    expect(anchor!.written).toBeNull();
  });

  it('rewrite 1 with every seal stripped (to pass the batches off as written before sealing) is seen once anchored', async () => {
    await anchorNow();
    await readSome(2);
    const all = await batches();
    const last = all[all.length - 1]!;
    await asOwner([
      `update audit_batch set seal = null where municipality_code = '${CODE}'`,
      `update audit_entry set actor_name = '別人' where batch_id = ${last.id}`,
      `update audit_batch set hash = audit_batch_hash(prev_hash, id) where id = ${last.id}`,
      `update audit_chain_head set last_hash = (select hash from audit_batch where id = ${last.id}) where municipality_code = '${CODE}'`,
    ]);
    expect(await sqlVerify()).toBeNull();
    expect(await intact()).toBe(false);
    expect(await problems()).toContain(`batch ${last.id}: not sealed — not written by Yorisoi`);
  });

  it('an anchor line edited by hand is seen', async () => {
    await anchorNow();
    const file = join(anchors, `${CODE}.jsonl`);
    const line = JSON.parse(readFileSync(file, 'utf8').trim()) as { batchId: string };
    writeFileSync(file, `${JSON.stringify({ ...line, batchId: String(BigInt(line.batchId) - 1n) })}\n`);
    expect(await intact()).toBe(false);
    expect(await problems()).toContain(`anchor file ${CODE}.jsonl, line 1: not written with this AUDIT_KEY`);
  });
});
