import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DepartmentCode } from '../../api/core/departments';
import { demoStaffEmail } from '../../api/server/seed/demo-seed';
import { TEST_PASSWORD } from '../support/app';
import { FakeLine } from '../support/fake-line';
import { LINE_CODE, type LineTestApp, startLineApp } from '../support/line';

// Staff's view of LINE links (policy rule 6: a link follows the contact section): which records have a
// linked account — only for departments that may read contact, on records they see, not under DV
// protection — and unlinking, by departments that may write contact, audited with the staff member.

let t: LineTestApp;
const tokens = new Map<string, string>();
const users = new Map<string, string>();
let shared: string; // shared with public housing and the family register
let dv: string; // the same, with a DV concern
let ownerOnly: string; // shared with nobody
let notLinked: string;

async function gql(query: string, variables: Record<string, unknown>, department: DepartmentCode, role?: string) {
  const email = demoStaffEmail(department, role);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (!tokens.has(email)) {
    const res = await fetch(`${t.base}/graphql`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: 'mutation($e:String!,$p:String!){ login(email:$e, password:$p) { token } }', variables: { e: email, p: TEST_PASSWORD } }),
    });
    tokens.set(email, ((await res.json()) as { data: { login: { token: string } } }).data.login.token);
  }
  headers.authorization = `Bearer ${tokens.get(email)}`;
  const res = await fetch(`${t.base}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const text = await res.text();
  return {
    text,
    body: JSON.parse(text) as { data?: Record<string, any> | null; errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[] },
  };
}

async function create(familyName: string, sharedWith: string[], categories: string[] = []): Promise<string> {
  const res = await gql(
    `mutation($input: CreateRecordInput!) { createRecord(input: $input) { id } }`,
    {
      input: {
        identity: { familyName, givenName: '花' },
        concerns: { categories },
        consent: { sharedWith, shareWithPartners: false, privacyNoticeVersion: 'v1' },
      },
    },
    DepartmentCode.SINGLE_PARENT,
  );
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.createRecord.id as string;
}

/** The family's side of linking, through LineLinks' own steps (linking.test.ts goes through LINE and the pages). */
async function link(recordId: string): Promise<void> {
  const links = t.app.line.links;
  const user = FakeLine.newUserId();
  const code = await links.issueCode(LINE_CODE, recordId);
  const request = await links.claimCode(LINE_CODE, code, links.userKey(LINE_CODE, user));
  const nonce = await links.nonceFor(request!);
  expect(await links.complete(LINE_CODE, nonce, user)).toBe(true);
  users.set(recordId, user);
}

const LIST = `query($first: Int, $after: String, $recordId: String) { lineLinks(first: $first, after: $after, recordId: $recordId) {
  edges { cursor node { record { id referenceNumber } linkedAt notices blocked } } pageInfo { hasNextPage endCursor } } }`;
const UNLINK = `mutation($i: UnlinkLineInput!) { unlinkLine(input: $i) { recordId unlinked } }`;
const ids = (body: { data?: Record<string, any> | null }) =>
  (body.data!.lineLinks.edges as { node: { record: { id: string } } }[]).map((e) => e.node.record.id);

beforeAll(async () => {
  t = await startLineApp({ records: 0 });
  shared = await create('共有', ['PUBLIC_HOUSING', 'FAMILY_REGISTER']);
  dv = await create('保護', ['PUBLIC_HOUSING', 'FAMILY_REGISTER'], ['DV']);
  ownerOnly = await create('担当課', []);
  notLinked = await create('未連携', ['PUBLIC_HOUSING']);
  for (const r of [ownerOnly, dv, shared]) await link(r);
});
afterAll(async () => {
  await t?.close();
});

describe('staff: records with a linked LINE account', () => {
  it('the owning department sees every linked record, newest first, and never a LINE user id', async () => {
    const res = await gql(LIST, {}, DepartmentCode.SINGLE_PARENT);
    expect(res.body.errors).toBeUndefined();
    expect(ids(res.body)).toEqual([shared, dv, ownerOnly]);
    expect(res.body.data!.lineLinks.edges[0].node).toMatchObject({ notices: false, blocked: false });
    for (const user of users.values()) expect(res.text).not.toContain(user);
    // Paging: one at a time.
    const first = await gql(LIST, { first: 1 }, DepartmentCode.SINGLE_PARENT);
    expect(ids(first.body)).toEqual([shared]);
    expect(first.body.data!.lineLinks.pageInfo.hasNextPage).toBe(true);
    const next = await gql(LIST, { first: 2, after: first.body.data!.lineLinks.pageInfo.endCursor }, DepartmentCode.SINGLE_PARENT);
    expect(ids(next.body)).toEqual([dv, ownerOnly]);
    expect(next.body.data!.lineLinks.pageInfo.hasNextPage).toBe(false);
    // One record: linked or not.
    expect(ids((await gql(LIST, { recordId: dv }, DepartmentCode.SINGLE_PARENT)).body)).toEqual([dv]);
    expect(ids((await gql(LIST, { recordId: notLinked }, DepartmentCode.SINGLE_PARENT)).body)).toEqual([]);
  });

  it('another department that may read contact sees only records shared with it, and none under DV protection', async () => {
    const res = await gql(LIST, {}, DepartmentCode.PUBLIC_HOUSING);
    expect(res.body.errors).toBeUndefined();
    expect(ids(res.body)).toEqual([shared]);
    expect(ids((await gql(LIST, { recordId: dv }, DepartmentCode.PUBLIC_HOUSING)).body)).toEqual([]);
  });

  it('a department that may not read contact is refused (the policy gives the family register no contact)', async () => {
    const res = await gql(LIST, {}, DepartmentCode.FAMILY_REGISTER);
    expect(res.body.data).toBeNull();
    expect(res.body.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_PERMITTED', section: 'contact' });
  });

  it('refuses a bad page size and a forged cursor at their argument', async () => {
    expect((await gql(LIST, { first: 500 }, DepartmentCode.SINGLE_PARENT)).body.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'first',
    });
    expect((await gql(LIST, { after: 'bm90LWEtY3Vyc29y' }, DepartmentCode.SINGLE_PARENT)).body.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'after',
    });
  });
});

describe('staff: unlinking', () => {
  it('only a department that may write contact unlinks: read-only departments are refused, nothing changes', async () => {
    const housing = await gql(UNLINK, { i: { recordId: shared } }, DepartmentCode.PUBLIC_HOUSING);
    expect(housing.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(housing.body.errors![0]!.path).toEqual(['unlinkLine']);
    const register = await gql(UNLINK, { i: { recordId: shared } }, DepartmentCode.FAMILY_REGISTER);
    expect(register.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    // A record the department does not see is not found, like an unknown id.
    expect((await gql(UNLINK, { i: { recordId: ownerOnly } }, DepartmentCode.PUBLIC_HOUSING)).body.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    expect((await gql(UNLINK, { i: { recordId: randomUUID() } }, DepartmentCode.SINGLE_PARENT)).body.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    expect(ids((await gql(LIST, {}, DepartmentCode.SINGLE_PARENT)).body)).toEqual([shared, dv, ownerOnly]);
  });

  it('the owner unlinks: audited with the staff member, and nothing more is pushed', async () => {
    const res = await gql(UNLINK, { i: { recordId: shared } }, DepartmentCode.SINGLE_PARENT);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.unlinkLine).toEqual({ recordId: shared, unlinked: true });
    expect((await gql(UNLINK, { i: { recordId: shared } }, DepartmentCode.SINGLE_PARENT)).body.data!.unlinkLine).toEqual({ recordId: shared, unlinked: false });
    expect(ids((await gql(LIST, {}, DepartmentCode.SINGLE_PARENT)).body)).toEqual([dv, ownerOnly]);
    const audit = await t
      .em()
      .execute<{ actor_kind: string; actor_department: string; operation_name: string; sections: string[] }[]>(
        `select actor_kind, actor_department, operation_name, sections from audit_entry where ? = any(record_ids) and operation_name like 'line%' order by seq`,
        [shared],
      );
    expect(audit.map((a) => `${a.actor_kind}:${a.actor_department}:${a.operation_name}`)).toEqual(['family:family:lineLink', 'staff:single-parent:lineUnlink']);
    expect(await t.app.line.notices.sendLine({ id: randomUUID(), municipalityCode: LINE_CODE, recordId: shared, kind: 'deadline' })).toEqual({
      status: 'OPTED_OUT',
      reason: 'not-linked',
    });
  });
});
