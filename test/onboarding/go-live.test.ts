/**
 * Issue 21, "done when": from an EMPTY database (PostgreSQL when TEST_DATABASE_URL is set, else
 * embedded PGlite), a municipality goes live without SQL — the command creates it, the link sets the
 * first administrator's password, TOTP is enrolled, sign-in takes a code, a caseworker is invited,
 * a partner NPO is registered and gets a working token, an origin is allowed.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentTotp } from '../../api/accounts';
import type { OrmHandle } from '../../api/db/orm';
import { createApp, type App } from '../../api/server/app';
import { TEST_LIMITS } from '../support/app';
import { BEGIN, COMPLETE, INVITE, LOGIN, REDEEM, STRONG, tokenOf } from '../accounts/support';
import { AUTH_SECRET, emptyDatabase, type EmptyDatabase, linkToken, runCreate } from './support';

describe('a municipality goes live on an empty database without SQL', () => {
  let db: EmptyDatabase;
  let handle: OrmHandle;
  let app: App;
  let out: string;
  const gql = async (query: string, variables?: Record<string, unknown>, token?: string) => {
    let req = request(app.express).post('/graphql').set('content-type', 'application/json');
    if (token) req = req.set('authorization', `Bearer ${token}`);
    return (await req.send({ query, variables })).body as { data?: any; errors?: { extensions?: any }[] };
  };

  beforeAll(async () => {
    db = await emptyDatabase();
    const created = await runCreate({ ...db.env, PUBLIC_URL: 'https://yorisoi.city.example.lg.jp' }, [
      '--code',
      '011011',
      '--name',
      '札幌市中央区',
      '--departments',
      'single-parent=子ども家庭課,livelihood-support=保護課',
    ]);
    expect(created.code, created.err).toBe(0);
    out = created.out;
    handle = await db.open();
    app = await createApp(
      handle.orm,
      { authSecret: AUTH_SECRET, accessTokenTtlSeconds: 900, corsOrigins: [], publicUrl: 'https://yorisoi.city.example.lg.jp' },
      { limits: TEST_LIMITS },
    );
  }, 180_000);
  afterAll(async () => {
    await app?.stop();
    await handle?.close();
    await db?.drop();
  });

  it('follows the printed link to a signed-in administrator with two factors, then invites, registers a partner and allows an origin', async () => {
    expect(out).toContain('https://yorisoi.city.example.lg.jp/staff/#link=');
    const admin = { name: '中央 花子', email: 'admin@city.sapporo.example' };
    expect((await gql(REDEEM, { i: { token: linkToken(out), password: STRONG, ...admin } })).errors).toBeUndefined();
    const refused = await gql(LOGIN, { e: admin.email, p: STRONG });
    expect(refused.errors![0]!.extensions!.reason).toBe('TWO_FACTOR_ENROLMENT_REQUIRED');
    const begun = (await gql(BEGIN, { i: { email: admin.email, password: STRONG } })).data!.beginTwoFactorEnrolment;
    const done = await gql(COMPLETE, { i: { ticket: begun.ticket, code: currentTotp(begun.secret) } });
    expect(done.errors).toBeUndefined();
    // Later: sign in with the password and the app's next code.
    const signedIn = await gql(LOGIN, { e: admin.email, p: STRONG, c: currentTotp(begun.secret, Date.now() + 30_000) });
    expect(signedIn.errors).toBeUndefined();
    const token = signedIn.data!.login.token as string;

    const invited = await gql(
      INVITE,
      { i: { name: '保護 次郎', email: 'caseworker@city.sapporo.example', department: 'LIVELIHOOD_SUPPORT', role: 'CASEWORKER' } },
      token,
    );
    expect(invited.errors).toBeUndefined();
    expect(invited.data!.inviteStaffMember.url).toMatch(/^https:\/\/yorisoi\.city\.example\.lg\.jp\/staff\/#link=/);
    expect((await gql(REDEEM, { i: { token: tokenOf(invited.data!.inviteStaffMember.url), password: 'yuki-matsuri-no-yoru-2026' } })).errors).toBeUndefined();
    const noDepartment = await gql(INVITE, { i: { name: 'x', email: 'x@city.sapporo.example', department: 'PUBLIC_HOUSING', role: 'CASEWORKER' } }, token);
    expect(noDepartment.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.department' });

    const partner = await gql(
      `mutation($i: CreatePartnerOrganizationInput!) { createPartnerOrganization(input: $i) { id name } }`,
      { i: { name: 'NPO法人 さっぽろ親子' } },
      token,
    );
    expect(partner.errors).toBeUndefined();
    const issued = await gql(
      `mutation($i: IssuePartnerTokenInput!) { issuePartnerToken(input: $i) { secret } }`,
      { i: { partnerId: partner.data!.createPartnerOrganization.id, label: '紹介の受付', validDays: 90 } },
      token,
    );
    expect(issued.errors).toBeUndefined();
    const me = await gql(`{ me { kind name municipalityCode } }`, undefined, issued.data!.issuePartnerToken.secret);
    expect(me.data!.me).toEqual({ kind: 'partner', name: 'NPO法人 さっぽろ親子', municipalityCode: '011011' });

    const origin = await gql(
      `mutation($i: AllowedOriginInput!) { addAllowedOrigin(input: $i) { origins } }`,
      { i: { origin: 'https://www.city.sapporo.example.lg.jp' } },
      token,
    );
    expect(origin.errors).toBeUndefined();
    expect(origin.data!.addAllowedOrigin.origins).toEqual(['https://www.city.sapporo.example.lg.jp']);

    const trail = await gql(`{ adminEvents(limit: 50) { action } }`, undefined, token);
    expect(trail.data!.adminEvents.map((e: { action: string }) => e.action).reverse()).toEqual([
      'municipality.created',
      'staff.first-admin-joined',
      'staff.two-factor-enrolled',
      'staff.invited',
      'staff.joined',
      'partner.created',
      'partner.token-issued',
    ]);
  });
});
