import { execFile, execFileSync } from 'node:child_process';
import type { Server } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../api/core/paths';
import { ApiError, PartnerClient } from '../../examples/partner/src/client';
import { RecordsPageDocument } from '../../examples/partner/src/generated/graphql';
import { acceptReferral, allRecords, listReferrals, readReferredRecords, whoAmI } from '../../examples/partner/src/partner';
import { PRODUCTION_LIMITS } from '../../api/limits';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../support/app';

/**
 * The example partner client (examples/partner) against the real app over HTTP, under the production
 * query limits and trusted documents, with a token issued by the example's demo-token script the way a
 * municipality issues one: it lists its referrals, reads what the policy lets a partner read, pages through
 * its records, accepts a referral — and the compiled example runs as a partner would run it.
 */

/** The staff console's sign-in, the only sign-in text an anonymous caller may send (trusted documents). */
const STAFF_LOGIN = 'mutation StaffLogin($email: String!, $password: String!) { login(email: $email, password: $password) { token expiresAt } }';
const run = promisify(execFile);
const EXAMPLE = join(ROOT_DIR, 'examples', 'partner');

/** The partner column of the default policy (seeds/policy/default.yaml). */
const PARTNER_READS = ['CONCERNS', 'CONTACT', 'HOUSEHOLD', 'IDENTITY', 'SELF_RELIANCE_PLAN'];

describe('examples/partner against the demo app', () => {
  let t: TestApp;
  let server: Server;
  let url: string;
  let token: string;
  let client: PartnerClient;
  let supervisor: string;

  beforeAll(async () => {
    const { maxDepth, maxCost, maxAliases, maxTokens, maxDirectives } = PRODUCTION_LIMITS;
    t = await startTestApp({ records: 40, limits: { trustedDocumentsOnly: true, maxDepth, maxCost, maxAliases, maxTokens, maxDirectives } });
    server = t.app.express.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    execFileSync(process.execPath, [join(ROOT_DIR, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', EXAMPLE], { stdio: 'pipe' });
    const issued = await run(process.execPath, [join(EXAMPLE, 'dist', 'demo-token.js')], {
      env: { ...process.env, YORISOI_URL: url, YORISOI_DEMO_PASSWORD: TEST_PASSWORD },
    });
    token = issued.stdout.trim();
    expect(token).toMatch(/^yp_[A-Za-z0-9_-]{20,}$/);
    client = new PartnerClient({ url, token });
    const login = await t.gql(STAFF_LOGIN, { email: 'single-parent-supervisor@demo.yorisoi.example', password: TEST_PASSWORD });
    supervisor = login.body.data!.login.token;
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await t?.close();
  });

  it('knows itself as the partner organisation', async () => {
    expect(await whoAmI(client)).toEqual({ kind: 'partner', name: 'NPO法人 デモ子ども応援ネット', municipalityCode: '999999' });
  });

  it('lists its open referrals and reads exactly the sections of the partner column, nothing else', async () => {
    const referrals = await listReferrals(client);
    expect(referrals.length).toBeGreaterThan(0);
    expect(new Set(referrals.map((r) => r.status))).toEqual(new Set(['REQUESTED']));
    const reads = await readReferredRecords(client, referrals);
    expect(reads).toHaveLength(referrals.length);
    for (const read of reads) {
      expect(read.record?.id).toBe(read.referral.record?.id);
      const readable = read
        .record!.access.filter((a) => a.readable)
        .map((a) => a.section)
        .sort();
      const dv = read.withheld.size > 0;
      expect(readable).toEqual(dv ? PARTNER_READS.filter((s) => s !== 'CONTACT') : PARTNER_READS);
      expect(read.record!.identity?.familyName).toBeTruthy();
      // The only error a partner can meet on these sections is DV protection of the contact details.
      for (const [path, reason] of read.withheld) expect([path, reason]).toEqual([`record.contact`, 'DV_PROTECTED']);
      if (!dv) expect(read.errors).toEqual([]);
    }
  });

  it('asking for a section outside its column gives null and FORBIDDEN at the path, the rest still arrives', async () => {
    const [referral] = await listReferrals(client);
    const res = await t.gql(
      'query($id: ID!) { record(id: $id) { referenceNumber address { city } income { incomeYear } } }',
      { id: referral!.record!.id },
      token,
    );
    expect(res.body.data!.record).toEqual({ referenceNumber: referral!.record!.referenceNumber, address: null, income: null });
    expect(res.body.errors!.map((e) => [e.path!.join('.'), e.extensions!.code, e.extensions!.reason]).sort()).toEqual([
      ['record.address', 'FORBIDDEN', 'NOT_PERMITTED'],
      ['record.income', 'FORBIDDEN', 'NOT_PERMITTED'],
    ]);
  });

  it('pages through its records with cursors: every record once, PageInfo complete', async () => {
    const referrals = await listReferrals(client);
    const { records, pages, totalCount } = await allRecords(client, 2);
    expect(records).toHaveLength(totalCount);
    expect(new Set(records.map((r) => r.id)).size).toBe(totalCount);
    expect(totalCount).toBeGreaterThanOrEqual(referrals.length);
    expect(pages).toBe(Math.max(1, Math.ceil(totalCount / 2)));
    const first = (await client.request(RecordsPageDocument, { first: 2, after: null })).data.records;
    expect(first.pageInfo).toMatchObject({
      hasPreviousPage: false,
      startCursor: first.edges[0]!.cursor,
      endCursor: first.edges[first.edges.length - 1]!.cursor,
    });
    const second = (await client.request(RecordsPageDocument, { first: 2, after: first.pageInfo.endCursor })).data.records;
    expect(second.pageInfo.hasPreviousPage).toBe(true);
    expect(second.pageInfo.startCursor).toBe(second.edges[0]!.cursor);
  });

  it('accepts a referral; accepting twice is BAD_USER_INPUT naming input.status; every read is in the audit log', async () => {
    const [referral] = await listReferrals(client);
    expect(await acceptReferral(client, referral!.id)).toEqual({ id: referral!.id, status: 'ACCEPTED' });
    const again = await acceptReferral(client, referral!.id).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(ApiError);
    expect((again as ApiError).errors[0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.status' });
    expect((again as ApiError).errors[0]!.extensions!.messages!.en).toBeTruthy();
    const refreshed = await listReferrals(client);
    expect(refreshed.find((r) => r.id === referral!.id)).toMatchObject({ status: 'ACCEPTED', reason: referral!.reason }); // an empty reason keeps the municipality's
    // The family can ask what the partner read: the owner's supervisors see it in the audit log.
    const log = await t.gql('query($id: ID!) { auditLog(recordId: $id) { actorDepartment action sections } }', { id: referral!.record!.id }, supervisor);
    const partnerReads = log.body.data!.auditLog.filter((e: any) => e.actorDepartment.startsWith('partner:') && e.action === 'read');
    expect(partnerReads.length).toBeGreaterThan(0);
    expect(partnerReads.flatMap((e: any) => e.sections)).toContain('identity');
  });

  it('a revoked or unknown token is UNAUTHENTICATED with HTTP 401', async () => {
    const error = await whoAmI(new PartnerClient({ url, token: 'yp_not-a-token' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expect((error as ApiError).code).toBe('UNAUTHENTICATED');
    // A partner has no sign-in: the message says what to do with a token, in every language.
    const messages = (error as ApiError).errors[0]!.extensions!.messages!;
    expect(messages.en).toBe('This partner token is not valid (unknown, expired or revoked). Ask the municipality for a new one.');
    expect(messages.ja).toContain('新しいトークン');
    expect(messages['ja-easy']).toContain('トークン');
    for (const text of Object.values(messages)) expect(text).not.toMatch(/sign in|サインイン/i);
  });

  it('a section outside the partner column is refused without speaking of a department', async () => {
    const [referral] = await listReferrals(client);
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'accept-language': 'en' },
      body: JSON.stringify({
        query: 'query R($id: ID!) { record(id: $id) { referenceNumber income { annualEmploymentIncome } } }',
        variables: { id: referral!.record!.id },
      }),
    });
    const body = (await res.json()) as { data: { record: { income: unknown } }; errors: { message: string; extensions: { code: string; reason: string } }[] };
    expect(body.data.record.income).toBeNull();
    expect(body.errors[0]).toMatchObject({ message: 'You may not see this section.', extensions: { code: 'FORBIDDEN', reason: 'NOT_PERMITTED' } });
  });

  it("an anonymous caller cannot send the example's queries (trusted documents); the token is what lets them through", async () => {
    const res = await t.gql('{ referrals { id } }');
    expect(res.status).toBe(400);
    expect(res.body.errors![0]!.extensions!.code).toBe('OPERATION_NOT_TRUSTED');
  });

  it('the compiled example runs end to end as a partner runs it, and says what to do without a token', async () => {
    const main = join(EXAMPLE, 'dist', 'main.js');
    const { stdout } = await run(process.execPath, [main], { env: { ...process.env, YORISOI_URL: url, YORISOI_PARTNER_TOKEN: token } });
    expect(stdout).toContain('NPO法人 デモ子ども応援ネット (partner, municipality 999999)');
    expect(stdout).toMatch(/\d+ referral\(s\)/);
    expect(stdout).toMatch(/records: (\d+) of \1 in \d+ page\(s\) of 5/);
    const missing = await run(process.execPath, [main], { env: { ...process.env, YORISOI_URL: url, YORISOI_PARTNER_TOKEN: '' } }).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect((missing as { code: number }).code).toBe(2);
    expect((missing as { stderr: string }).stderr).toContain('YORISOI_PARTNER_TOKEN');
    // A wrong address names it and what to check, in one line instead of a stack trace.
    const port = (server.address() as AddressInfo).port;
    const closed = createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => closed.once('listening', resolve));
    const nobody = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    for (const [wrong, says] of [
      [`http://127.0.0.1:${port}/`, "HTTP 404 without a GraphQL answer: is the URL the server's /graphql address?"],
      [`http://127.0.0.1:${nobody}/graphql`, `Cannot reach Yorisoi at http://127.0.0.1:${nobody}/graphql (ECONNREFUSED)`],
    ] as const) {
      const failed = await run(process.execPath, [main], { env: { ...process.env, YORISOI_URL: wrong, YORISOI_PARTNER_TOKEN: token } }).catch(
        (e: { code: number; stderr: string }) => e,
      );
      expect((failed as { code: number }).code).toBe(1);
      expect((failed as { stderr: string }).stderr).toContain(says);
      expect((failed as { stderr: string }).stderr).not.toContain('    at ');
    }
  });
});
