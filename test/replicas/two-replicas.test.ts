import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isSealed } from '../../api/crypto';
import { MIGRATIONS } from '../../api/db/migrations';
import { DepartmentCode } from '../../api/core/departments';
import { demoStaffEmail } from '../../api/server/seed/demo-seed';
import { TEST_PASSWORD } from '../support/app';
import { REPLICA_LOGIN_ACCOUNT_RATE, type Replicas, startReplicas } from '../support/replicas';

type Body = { data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, any> }[] };

/** A GraphQL request to one base URL (a replica, or the proxy). */
async function gql(base: string, query: string, variables: Record<string, unknown> = {}, token?: string, headers: Record<string, string> = {}): Promise<Body> {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as Body;
}

async function login(base: string, department = DepartmentCode.SINGLE_PARENT, role?: string): Promise<string> {
  const body = await gql(base, 'mutation($e:String!,$p:String!){ login(email:$e, password:$p) { token } }', {
    e: demoStaffEmail(department, role),
    p: TEST_PASSWORD,
  });
  const token = body.data?.login?.token as string | undefined;
  if (!token) throw new Error(`login failed: ${JSON.stringify(body.errors)}`);
  return token;
}

const ME = '{ me { name } }';
const SUBMIT = 'mutation($i: IntakeInput!) { submitIntake(input: $i) { referenceNumber receivedAt } }';
const ADD_ORIGIN = 'mutation($i: AllowedOriginInput!) { addAllowedOrigin(input: $i) { origins } }';

/** Across replicas a change arrives through the change feed: asynchronously, in milliseconds; the bound asked for here is generous. */
const ACROSS = { timeout: 5000, interval: 50 };

describe('two API replicas on one PostgreSQL, behind a round-robin proxy', () => {
  let r: Replicas;
  let A: string;
  let B: string;
  let notice: string;
  beforeAll(async () => {
    r = await startReplicas();
    [A, B] = [r.replicas[0].url, r.replicas[1].url];
    notice = (await gql(A, '{ intakeSettings(municipalityCode: "999999") { privacyNoticeVersion } }')).data!.intakeSettings.privacyNoticeVersion;
  }, 240_000);
  afterAll(() => r?.close());

  it('both started at once on an empty database: the migrations ran once (advisory lock), both serve, the proxy alternates', async () => {
    const applied = await r.sql<{ name: string }>('select name from mikro_orm_migrations order by id');
    expect(applied.map((m) => m.name)).toEqual(MIGRATIONS.map((m) => m.name));
    expect(await r.sql('select purpose from data_key order by purpose')).toEqual([{ purpose: 'data' }, { purpose: 'search' }]);
    const before = [...r.hits];
    for (let i = 0; i < 4; i++) expect((await fetch(`${r.proxyUrl}/healthz`)).status).toBe(200);
    expect([r.hits[0] - before[0]!, r.hits[1] - before[1]!]).toEqual([2, 2]);
  });

  it('sessions: a token signed on one replica is accepted by the other and through the proxy', async () => {
    const token = await login(A);
    expect((await gql(B, ME, {}, token)).data?.me?.name).toEqual(expect.any(String));
    for (let i = 0; i < 2; i++) expect((await gql(r.proxyUrl, ME, {}, token)).errors).toBeUndefined();
  });

  it('revocation: signed out on one replica, refused by the other (and by both through the proxy)', async () => {
    const token = await login(A);
    // B has read the revocation table and holds its list: the sign-out must reach it, not a cold start.
    expect((await gql(B, ME, {}, token)).errors).toBeUndefined();
    expect((await gql(A, 'mutation { logout }', {}, token)).data?.logout).toBe(true);
    expect((await gql(A, ME, {}, token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await vi.waitFor(async () => expect((await gql(B, ME, {}, token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED'), ACROSS);
    for (let i = 0; i < 2; i++) expect((await gql(r.proxyUrl, ME, {}, token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const [row] = await r.sql<{ skew: number }>('select abs(extract(epoch from (now() - revoked_at)))::float as skew from revoked_token');
    expect(row!.skew).toBeLessThan(60);
  });

  it('idempotency: the same intake sent to both replicas at once gives one record and one receipt', async () => {
    const key = randomUUID();
    const input = {
      municipalityCode: '999999',
      idempotencyKey: key,
      contact: { phone: '090-2222-3333', contactAllowed: true, preferredChannel: 'PHONE' },
      concerns: { categories: ['WORK'], note: '同時送信' },
      consent: { sharedWith: [], privacyNoticeVersion: notice },
    };
    const [a, b] = await Promise.all([gql(A, SUBMIT, { i: input }), gql(B, SUBMIT, { i: input })]);
    expect(a.errors).toBeUndefined();
    expect(b.errors).toBeUndefined();
    expect(b.data!.submitIntake).toEqual(a.data!.submitIntake);
    const items = await r.sql<{ n: number }>('select count(*)::int as n from inbox_item where idempotency_key = ?', [key]);
    expect(items[0]!.n).toBe(1);
    const [rec] = await r.sql('select contact_phone, concerns_note from personal_record where reference_number = ?', [a.data!.submitIntake.referenceNumber]);
    expect(isSealed(rec!.contact_phone) && isSealed(rec!.concerns_note)).toBe(true);
  });

  it('caches: an origin allowed through one replica is allowed by the other at once, not after its minute', async () => {
    const origin = `https://www.city-${randomUUID().slice(0, 8)}.example.lg.jp`;
    const submitFrom = (base: string) =>
      gql(
        base,
        SUBMIT,
        {
          i: {
            municipalityCode: '999999',
            idempotencyKey: randomUUID(),
            concerns: { categories: ['WORK'] },
            consent: { sharedWith: [], privacyNoticeVersion: notice },
          },
        },
        undefined,
        { origin },
      );
    // B reads (and caches for a minute) the municipalities' origins: this one is not among them yet.
    expect((await submitFrom(B)).errors?.length).toBeGreaterThan(0);
    const admin = await login(A, DepartmentCode.SINGLE_PARENT, 'admin');
    expect((await gql(A, ADD_ORIGIN, { i: { origin } }, admin)).errors).toBeUndefined();
    await vi.waitFor(async () => expect((await submitFrom(B)).errors).toBeUndefined(), ACROSS);
    const preflight = await fetch(`${B}/graphql`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
    expect(preflight.headers.get('access-control-allow-origin')).toBe(origin);
  });

  it('the access policy: applied in the console through one replica, in force on the other at once (change feed)', async () => {
    const cell = async (base: string, token: string) =>
      ((await gql(base, '{ accessPolicy { section role read } }', {}, token)).data!.accessPolicy as { section: string; role: string; read: boolean }[]).find(
        (g) => g.section === 'INCOME' && g.role === 'family-register',
      )!.read;
    const register = await login(B, DepartmentCode.FAMILY_REGISTER);
    // B has read the policy (the files' default): 戸籍 may not read income.
    expect(await cell(B, register)).toBe(false);
    const admin = await login(A, DepartmentCode.SINGLE_PARENT, 'admin');
    const current = (await gql(A, '{ accessPolicySettings { version yaml } }', {}, admin)).data!.accessPolicySettings as { version: number; yaml: string };
    const row = "income:           { single-parent: rw, livelihood-support: r,  family-register: '-',";
    expect(current.yaml).toContain(row);
    const widened = current.yaml.replace(row, 'income:           { single-parent: rw, livelihood-support: r,  family-register: r,');
    const saved = await gql(
      A,
      'mutation($i: AccessPolicyInput!) { saveAccessPolicy(input: $i) { applied } }',
      { i: { municipalityCode: '999999', version: current.version, yaml: widened, apply: true } },
      admin,
    );
    expect(saved.errors).toBeUndefined();
    await vi.waitFor(async () => expect(await cell(B, register)).toBe(true), ACROSS);
    // And back, so the other tests of this file meet the default policy.
    const back = await gql(
      A,
      'mutation($i: AccessPolicyInput!) { saveAccessPolicy(input: $i) { applied } }',
      { i: { municipalityCode: '999999', version: current.version + 1, yaml: current.yaml, apply: true } },
      admin,
    );
    expect(back.errors).toBeUndefined();
    await vi.waitFor(async () => expect(await cell(B, register)).toBe(false), ACROSS);
  });

  it('programme settings: a programme switched off in the console through one replica is off on the other at once, and back', async () => {
    const PROGRAMMES = '{ programmes(municipalityCode: "999999") { id } }';
    const offered = async (base: string) => ((await gql(base, PROGRAMMES)).data!.programmes as { id: string }[]).map((p) => p.id);
    // B has read the catalogue with the console's settings (none yet): 児童扶養手当 is offered.
    expect(await offered(B)).toContain('child-rearing-allowance');
    const admin = await login(A, DepartmentCode.SINGLE_PARENT, 'admin');
    const SAVE = 'mutation($i: ProgrammeSettingsInput!) { saveProgrammeSettings(input: $i) { applied settings { version } } }';
    const { version } = (await gql(A, '{ programmeSettings { version } }', {}, admin)).data!.programmeSettings as { version: number };
    const off = await gql(
      A,
      SAVE,
      { i: { municipalityCode: '999999', version, programmes: [{ programmeId: 'child-rearing-allowance', enabled: false }], apply: true } },
      admin,
    );
    expect(off.errors).toBeUndefined();
    expect(off.data!.saveProgrammeSettings.applied).toBe(true);
    await vi.waitFor(async () => expect(await offered(B)).not.toContain('child-rearing-allowance'), ACROSS);
    const on = await gql(
      A,
      SAVE,
      { i: { municipalityCode: '999999', version: version + 1, programmes: [{ programmeId: 'child-rearing-allowance', enabled: true }], apply: true } },
      admin,
    );
    expect(on.errors).toBeUndefined();
    await vi.waitFor(async () => expect(await offered(B)).toContain('child-rearing-allowance'), ACROSS);
  });

  it('rate limits: sign-in attempts on one account are counted across both replicas', async () => {
    const attempt = (email: string, base: string) =>
      gql(base, 'mutation($e:String!,$p:String!){ login(email:$e, password:$p) { token } }', { e: email, p: 'wrong-password-1234' });
    // The counters are fixed one-minute windows: a run that crosses a minute boundary starts counting
    // again (as it should), so such a run is repeated with a fresh account; one inside a window decides.
    const minute = () => Math.floor(Date.now() / 60_000);
    for (let run = 0; ; run++) {
      const email = `guess-${randomUUID().slice(0, 8)}@example.jp`;
      const started = minute();
      for (let i = 0; i < REPLICA_LOGIN_ACCOUNT_RATE; i++) {
        expect((await attempt(email, i % 2 === 0 ? A : B)).errors?.[0]?.extensions?.code, `attempt ${i + 1}`).toBe('UNAUTHENTICATED');
      }
      // Each replica alone has seen only half: the limit holds because the count is shared.
      const codes = [(await attempt(email, A)).errors?.[0]?.extensions?.code, (await attempt(email, B)).errors?.[0]?.extensions?.code];
      if (minute() !== started && run < 3) continue;
      expect(codes).toEqual(['TOO_MANY_REQUESTS', 'TOO_MANY_REQUESTS']);
      break;
    }
  });

  it('encrypted records: written through one replica, searched and read through the other', async () => {
    const owner = await login(A);
    const created = await gql(
      A,
      'mutation($input: CreateRecordInput!) { createRecord(input: $input) { id } }',
      {
        input: {
          identity: { familyName: '複製', givenName: '一', familyNameKana: 'ふくせい', givenNameKana: 'はじめ', birthDate: '1985-01-01' },
          contact: { phone: '070-3333-4444', email: 'replica@example.jp', contactAllowed: true },
          concerns: { categories: ['WORK'], note: '二台目から読む' },
        },
      },
      owner,
    );
    expect(created.errors).toBeUndefined();
    const found = await gql(
      B,
      '{ records(filter: { contact: "07033334444" }, first: 5) { edges { node { id concerns { note } contact { email } } } } }',
      {},
      owner,
    );
    expect(found.errors).toBeUndefined();
    expect(found.data!.records.edges).toEqual([
      { node: { id: created.data!.createRecord.id, concerns: { note: '二台目から読む' }, contact: { email: 'replica@example.jp' } } },
    ]);
  });
});
