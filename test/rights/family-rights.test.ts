import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DepartmentCode } from '../../api/core/departments';
import { familyFromIntake } from '../application/support-api';
import { startTestApp, type TestApp } from '../support/app';

// The family's rights over its data, on the real database (PGlite here, PostgreSQL in CI's first pass):
// the disclosure holds every row about the family and nothing about another (property over generated
// families); erasure is a request an admin decides; approving it leaves no personal data of the family
// in any table — neither its plaintext nor its sealed values — keeps what the retention rules keep
// (a submitted application, the audit log) and says so, and the audit chain stays intact.

const EXPORT = `query($s: String!) { familyDataExport(session: $s) { generatedAt json summary html erasureRequest { status } } }`;
const DISCLOSURE = `query($id: ID!) { recordDisclosure(recordId: $id) { json html } }`;
const REQUEST = `mutation($i: FamilyErasureInput!) { requestFamilyErasure(input: $i) { id status retained { table rows } } }`;
const LIST = `query { erasureRequests { id recordId referenceNumber status retained { table rows years until basis } } }`;
const DECIDE = `mutation($i: DecideErasureRequestInput!) { decideErasureRequest(input: $i) { id status reason decidedByName retained { table rows years until basis } } }`;
const START = `mutation($i: StartApplicationInput!) { startApplication(input: $i) { id version } }`;
const SAVE = `mutation($i: SaveApplicationInput!) { saveApplication(input: $i) { version } }`;
const SUBMIT = `mutation($i: SubmitApplicationInput!) { submitApplication(input: $i) { receiptNumber } }`;

interface Family {
  session: string;
  referenceNumber: string;
  recordId: string;
  values: string[];
}

let t: TestApp;
let owner: string;
let admin: string;
let supervisor: string;

async function family(tag: string): Promise<Family> {
  const values = { familyName: `忘${tag}`, street: `消去町${tag}-1`, email: `forget-${tag}@example.jp`, summary: `相談${tag}について` };
  const { session, referenceNumber } = await familyFromIntake(t, {
    identity: { familyName: values.familyName, givenName: '望美', familyNameKana: 'わすれ', givenNameKana: 'のぞみ', birthDate: '1991-05-06' },
    address: { postalCode: '999-1234', prefecture: 'デモ県', city: 'デモ市', street: values.street },
    contact: { phone: '090-1111-2222', email: values.email, contactAllowed: true, preferredChannel: 'EMAIL' },
  });
  const found = await t.gql(
    `query($r: String!) { records(first: 1, filter: { referenceNumber: $r }) { edges { node { id } } } }`,
    { r: referenceNumber },
    owner,
  );
  const recordId = found.body.data!.records.edges[0].node.id as string;
  const c = await t.gql(
    `mutation($i: AddConsultationInput!) { addConsultation(input: $i) { id } }`,
    { i: { recordId, date: '2026-11-02', channel: 'PHONE', summary: values.summary } },
    owner,
  );
  expect(c.body.errors).toBeUndefined();
  return { session, referenceNumber, recordId, values: Object.values(values) };
}

beforeAll(async () => {
  t = await startTestApp({ records: 3 });
  owner = await t.login(DepartmentCode.SINGLE_PARENT);
  admin = await t.login(DepartmentCode.SINGLE_PARENT, 'admin');
  supervisor = await t.login(DepartmentCode.SINGLE_PARENT, 'supervisor');
});
afterAll(() => t?.close());

describe('disclosure', () => {
  it('holds every row about the family and nothing about another (generated families)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.stringMatching(/^[A-Z][a-z0-9]{3,6}$/), { minLength: 2, maxLength: 3 }), async (tags) => {
        const families = [];
        for (const tag of tags) families.push(await family(`${tag}${families.length}${Math.random().toString(36).slice(2, 6)}`));
        for (const f of families) {
          const res = await t.gql(EXPORT, { s: f.session });
          expect(res.body.errors).toBeUndefined();
          const { json, summary, html } = res.body.data!.familyDataExport;
          const d = JSON.parse(json);
          expect(d.recordId).toBe(f.recordId);
          for (const v of f.values) expect(json).toContain(v);
          expect(summary).toContain(f.values[0]);
          const tables = d.related.map((g: { table: string }) => g.table);
          expect(tables).toEqual(expect.arrayContaining(['child', 'consultation', 'inbox_item', 'family_session']));
          // Secrets of the service are not disclosed.
          expect(json).not.toMatch(/tokenHash|token_hash|enc1:/);
          for (const other of families.filter((o) => o !== f)) {
            for (const v of [...other.values, other.recordId, other.referenceNumber]) {
              expect(json).not.toContain(v);
              expect(html).not.toContain(v);
            }
          }
          // The readable document holds the same: every value, the reference number, every kind of row, Japanese first.
          expect(html).toMatch(/^<!doctype html>\n<html lang="ja">/);
          for (const v of [...f.values, f.referenceNumber]) expect(html).toContain(v);
          for (const g of d.related as { table: string; rows: unknown[] }[]) expect(html).toContain(`(${g.rows.length})</h2>`);
          expect(html).not.toMatch(/<script|<img|<link|tokenHash|enc1:/i);
          const order = ['電子個人票', 'お子さん', '相談の記録', '受付', 'サインインの記録', '記録を見た・変えた部署'].map((h) => html.indexOf(`<h2>${h} `));
          expect(order.every((i) => i > 0)).toBe(true);
          expect([...order].sort((a, b) => a - b)).toEqual(order);
          // The owner's supervisors answer at the desk with the same document (and a caseworker cannot).
          const desk = await t.gql(DISCLOSURE, { id: f.recordId }, supervisor);
          expect(desk.body.errors).toBeUndefined();
          for (const v of f.values) expect(desk.body.data!.recordDisclosure.html).toContain(v);
          // The staff's reads are listed by department, and the download itself is audited as the family's read.
          expect(d.accessLog.some((a: { department: string }) => a.department === 'single-parent')).toBe(true);
        }
      }),
      { numRuns: 3 },
    );
    const log = await t.gql(`query($id: ID!) { auditLog(recordId: $id) { actorName operationName } }`, { id: (await family('Log1')).recordId }, supervisor);
    expect(log.body.errors).toBeUndefined();
    const someone = (await family('Desk1')).recordId;
    expect((await t.gql(DISCLOSURE, { id: someone }, owner)).body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  }, 180_000);
});

describe('erasure', () => {
  it('is asked by the family, decided by an admin, erases everything personal but what the retention rules keep, and keeps the audit chain intact', async () => {
    const a = await family('Erase1');
    const b = await family('Keep1');
    // A submitted application (kept by the retention rules) and a draft (erased).
    const sub = (await t.gql(START, { i: { session: a.session, procedureId: 'cra-status-report' } })).body.data!.startApplication;
    const saved = (
      await t.gql(SAVE, {
        i: {
          session: a.session,
          id: sub.id,
          version: sub.version,
          answers: [
            { question: 'livingWithChildren', value: 'true' },
            { question: 'publicPension', value: 'false' },
            { question: 'fullySuspended', value: 'false' },
          ],
        },
      })
    ).body.data!.saveApplication;
    expect((await t.gql(SUBMIT, { i: { session: a.session, id: sub.id, version: saved.version } })).body.errors).toBeUndefined();
    const draft = (await t.gql(START, { i: { session: a.session, procedureId: 'medical-subsidy' } })).body.data!.startApplication;
    expect(draft.id).toBeTruthy();

    // Sealed values of the family as stored, to look for after erasure.
    const conn = t.em().getConnection();
    const raw = await conn.execute<{ j: string }[]>(
      `select row_to_json(p)::text as j from personal_record p where id = ? union all select row_to_json(c)::text from consultation c where record_id = ?`,
      [a.recordId, a.recordId],
    );
    const sealed = raw
      .flatMap((r) => Object.values(JSON.parse(r.j) as Record<string, unknown>))
      .filter((v): v is string => typeof v === 'string' && v.startsWith('enc1:'));
    expect(sealed.length).toBeGreaterThan(3);

    const asked = await t.gql(REQUEST, { i: { session: a.session } });
    expect(asked.body.errors).toBeUndefined();
    expect(asked.body.data!.requestFamilyErasure.status).toBe('REQUESTED');
    expect((await t.gql(REQUEST, { i: { session: a.session } })).body.errors![0]!.extensions!.code).toBe('CONFLICT');
    expect((await t.gql(EXPORT, { s: a.session })).body.data!.familyDataExport.erasureRequest.status).toBe('REQUESTED');

    // Only admins see and decide; they see first what approving keeps.
    expect((await t.gql(LIST, {}, owner)).body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const list = (await t.gql(LIST, {}, admin)).body.data!.erasureRequests as {
      id: string;
      recordId: string;
      referenceNumber: string;
      retained: { table: string; rows: number; basis: string }[];
    }[];
    const req = list.find((r) => r.recordId === a.recordId)!;
    expect(req.referenceNumber).toBe(a.referenceNumber);
    expect(req.retained.find((r) => r.table === 'application')).toMatchObject({ rows: 1 });
    expect(req.retained.find((r) => r.table === 'audit_entry')!.basis).toContain('監査ログ');
    expect((await t.gql(DECIDE, { i: { id: req.id, approve: true } }, owner)).body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const noReason = await t.gql(DECIDE, { i: { id: req.id, approve: false } }, admin);
    expect(noReason.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reason' });

    const done = await t.gql(DECIDE, { i: { id: req.id, approve: true } }, admin);
    expect(done.body.errors).toBeUndefined();
    const decided = done.body.data!.decideErasureRequest;
    expect(decided.status).toBe('ERASED');
    expect(decided.retained.map((r: { table: string }) => r.table).sort()).toEqual(['application', 'audit_entry']);
    expect(decided.retained.find((r: { table: string }) => r.table === 'application').until).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await t.gql(DECIDE, { i: { id: req.id, approve: true } }, admin)).body.errors![0]!.extensions!.code).toBe('CONFLICT');

    // No personal data of the family left in any table: neither the values nor their sealed forms.
    const tables = await conn.execute<{ table_name: string }[]>(
      `select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`,
    );
    const needles = [...a.values, ...sealed];
    const hits: string[] = [];
    for (const { table_name } of tables) {
      const [row] = await conn.execute<{ n: string }[]>(
        `select count(*) as n from "${table_name}" t where t::text like any(array[${needles.map(() => '?').join(', ')}])`,
        needles.map((n) => `%${n}%`),
      );
      if (Number(row!.n) > 0) hits.push(table_name);
    }
    expect(hits).toEqual([]);
    // Kept: the submitted application; gone: the draft, the sessions (the family is signed out).
    expect(await conn.execute(`select status from application where record_id = ?`, [a.recordId])).toEqual([{ status: 'SUBMITTED' }]);
    expect((await t.gql(EXPORT, { s: a.session })).body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    // The record is a tombstone: no name, nothing to read.
    const rec = await t.gql(`query($id: ID!) { record(id: $id) { referenceNumber identity { familyName } contact { email } } }`, { id: a.recordId }, owner);
    expect(rec.body.data!.record).toMatchObject({ referenceNumber: a.referenceNumber, identity: { familyName: null }, contact: { email: null } });
    // Another family is untouched.
    expect((await t.gql(EXPORT, { s: b.session })).body.data!.familyDataExport.json).toContain(b.values[0]);

    // The audit log keeps that it happened (pseudonymous ids, no content) and its chain holds.
    const supervisor = await t.login(DepartmentCode.SINGLE_PARENT, 'supervisor');
    expect((await t.gql('{ auditChainIntact }', {}, supervisor)).body.data!.auditChainIntact).toBe(true);
    const entries = await conn.execute<{ action: string; actor_kind: string }[]>(
      `select action, actor_kind from audit_entry where record_ids @> array[?]::uuid[]`,
      [a.recordId],
    );
    expect(entries.some((e) => e.actor_kind === 'family' && e.action === 'read')).toBe(true);
    expect(entries.some((e) => e.actor_kind === 'staff' && e.action === 'write')).toBe(true);
    const trail = (await t.gql('{ adminEvents(limit: 10) { action subjectId detail } }', {}, admin)).body.data!.adminEvents as {
      action: string;
      subjectId: string;
      detail: string;
    }[];
    const erased = trail.find((e) => e.action === 'family.erased')!;
    expect(erased.subjectId).toBe(a.recordId);
    for (const v of a.values) expect(erased.detail).not.toContain(v);
  }, 120_000);

  it('a refusal needs a reason, which the family then sees; a new request can follow', async () => {
    const f = await family('Refuse1');
    const id = (await t.gql(REQUEST, { i: { session: f.session } })).body.data!.requestFamilyErasure.id;
    const refused = await t.gql(DECIDE, { i: { id, approve: false, reason: '生活保護の決定手続き中のため、完了後に改めて対応します。' } }, admin);
    expect(refused.body.data!.decideErasureRequest).toMatchObject({ status: 'REJECTED', decidedByName: expect.any(String) });
    const seen = (await t.gql(EXPORT, { s: f.session })).body.data!.familyDataExport;
    expect(seen.erasureRequest.status).toBe('REJECTED');
    expect(seen.json).toContain(f.values[0]);
    expect((await t.gql(REQUEST, { i: { session: f.session } })).body.data!.requestFamilyErasure.status).toBe('REQUESTED');
  }, 60_000);
});
