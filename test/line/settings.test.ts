import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DepartmentCode } from '../../api/core/departments';
import { demoStaffEmail } from '../../api/server/seed/demo-seed';
import { TEST_PASSWORD } from '../support/app';
import { FakeLine } from '../support/fake-line';
import { ACCESS_TOKEN, LINE_CODE, type LineTestApp, startLineApp } from '../support/line';

// The console's LINE settings (admins): secrets write-only and sealed at rest, the webhook URL to paste
// into LINE Developers, the connection test against the platform (the local fake), effective at once.

// The channel's real secret, as LINE knows it (the fake signs with it); a console secret is 32 hex characters.
const REAL_SECRET = '0123456789abcdef0123456789abcdef';
const WRONG_SECRET = 'fedcba9876543210fedcba9876543210';
const NEW_TOKEN = 'reissued-token-from-line-developers/+=.0123';

let t: LineTestApp;
const tokens = new Map<string, string>();

async function gql(query: string, variables: Record<string, unknown> = {}, as: { department?: DepartmentCode; role?: string } | null = { role: 'admin' }) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (as) {
    const email = demoStaffEmail(as.department ?? DepartmentCode.SINGLE_PARENT, as.role);
    if (!tokens.has(email)) {
      const res = await fetch(`${t.base}/graphql`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query: 'mutation($e:String!,$p:String!){ login(email:$e, password:$p) { token } }', variables: { e: email, p: TEST_PASSWORD } }),
      });
      tokens.set(email, ((await res.json()) as { data: { login: { token: string } } }).data.login.token);
    }
    headers.authorization = `Bearer ${tokens.get(email)}`;
  }
  const res = await fetch(`${t.base}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const text = await res.text();
  return {
    text,
    body: JSON.parse(text) as { data?: Record<string, any> | null; errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[] },
  };
}

const FIELDS =
  'municipalityCode source connected channelId channelSecretSet accessTokenSet basicId webhookUrl updatedAt updatedByName lastTest { at ok problem botName }';
const VIEW = `{ lineSettings { ${FIELDS} } }`;
const UPDATE = `mutation($i: LineSettingsInput!) { updateLineSettings(input: $i) { ${FIELDS} } }`;
const TEST = `mutation { testLineConnection { ${FIELDS} } }`;

beforeAll(async () => {
  t = await startLineApp();
  t.fake.webhook!.secret = REAL_SECRET;
  t.fake.accessTokens.add(NEW_TOKEN);
});
afterAll(async () => {
  await t?.close();
});

describe('LINE settings in the console', () => {
  it('shows the channel from the environment, the webhook URL, and never a secret', async () => {
    const res = await gql(VIEW);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.lineSettings).toMatchObject({
      municipalityCode: LINE_CODE,
      source: 'ENVIRONMENT',
      connected: true,
      channelSecretSet: true,
      accessTokenSet: true,
      basicId: '@yorisoi-demo',
      webhookUrl: `${t.base}/line/${LINE_CODE}`,
      lastTest: null,
    });
    expect(res.text).not.toContain(ACCESS_TOKEN);
    expect(res.text).not.toContain(t.env[`LINE_${LINE_CODE}_CHANNEL_SECRET`]!);
  });

  it('refuses bad values at their field without repeating them, and changes nothing', async () => {
    const res = await gql(UPDATE, { i: { channelId: '12345', channelSecret: 'not-a-secret-of-line-zz' } });
    const e = res.body.errors![0]!;
    expect(e.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.channelId' });
    expect(e.extensions!.problems.map((p: { field: string }) => p.field)).toEqual(['input.channelId', 'input.channelSecret']);
    expect(res.text).not.toContain('not-a-secret-of-line-zz');
    expect(e.extensions!.messages['ja-easy']).toBeTruthy();
    expect((await gql(VIEW)).body.data!.lineSettings.source).toBe('ENVIRONMENT');
  });

  it('is for admins only: a supervisor and a caseworker are refused', async () => {
    for (const role of ['supervisor', undefined]) {
      const res = await gql(VIEW, {}, { role });
      expect(res.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
      expect(res.body.data).toBeNull();
    }
    expect((await gql(VIEW, {}, null)).body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('a wrong secret is in force at once, and the connection test says the webhook refused LINE’s signature', async () => {
    const saved = await gql(UPDATE, { i: { channelId: '1234567890', channelSecret: WRONG_SECRET } });
    expect(saved.body.errors).toBeUndefined();
    expect(saved.body.data!.updateLineSettings).toMatchObject({
      source: 'CONSOLE',
      connected: true,
      channelId: '1234567890',
      channelSecretSet: true,
      accessTokenSet: true,
      lastTest: null,
    });
    expect(saved.text).not.toContain(WRONG_SECRET);
    // LINE signs with the real secret: refused now.
    const user = FakeLine.newUserId();
    expect((await t.fake.deliver(t.fake.webhook!, [t.fake.messageEvent(user, 'こんにちは')])).status).toBe(401);
    const tested = await gql(TEST);
    expect(tested.body.data!.testLineConnection.lastTest).toMatchObject({ ok: false, problem: 'WEBHOOK_SIGNATURE_REFUSED', botName: 'デモ市ひとり親相談' });
  });

  it('the right secret and a new token: the test passes, LINE’s calls are answered, the values are sealed at rest', async () => {
    const saved = await gql(UPDATE, { i: { channelSecret: ` ${REAL_SECRET} `, accessToken: NEW_TOKEN } });
    expect(saved.body.errors).toBeUndefined();
    const tested = (await gql(TEST)).body.data!.testLineConnection;
    expect(tested.lastTest).toMatchObject({ ok: true, problem: null });
    expect(tested.updatedByName).toBeTruthy();
    const user = FakeLine.newUserId();
    expect((await t.fake.deliver(t.fake.webhook!, [t.fake.messageEvent(user, '児童扶養手当')])).status).toBe(200);
    // The bot answers with the new token (the fake accepts it; the old one is no longer used).
    t.fake.accessTokens.delete(ACCESS_TOKEN);
    expect((await t.fake.waitFor(user, 1))[0]!.kind).toBe('reply');
    t.fake.accessTokens.add(ACCESS_TOKEN);
    const [row] = await t
      .em()
      .execute<{ channel_secret: string; access_token: string }[]>(
        'select channel_secret, access_token from line_channel_setting where municipality_code = ?',
        [LINE_CODE],
      );
    expect(row!.channel_secret).toMatch(/^enc1:/);
    expect(row!.access_token).toMatch(/^enc1:/);
    expect(JSON.stringify(row)).not.toContain(REAL_SECRET);
    expect(JSON.stringify(row)).not.toContain(NEW_TOKEN);
    // Recorded in the administration trail, by field name only.
    const trail = await t.em().execute<{ action: string; detail: string }[]>(`select action, detail from admin_event where action like 'line.%' order by at`);
    expect(trail.map((e) => e.action)).toEqual(['line.settings-changed', 'line.connection-tested', 'line.settings-changed', 'line.connection-tested']);
    expect(trail[2]!.detail).toBe('channel secret, access token');
    expect(JSON.stringify(trail)).not.toContain(REAL_SECRET);
  });

  it('a token LINE refuses is named as such', async () => {
    await gql(UPDATE, { i: { accessToken: 'revoked-token-0123456789' } });
    const tested = (await gql(TEST)).body.data!.testLineConnection;
    expect(tested.lastTest).toMatchObject({ ok: false, problem: 'ACCESS_TOKEN_REFUSED' });
    await gql(UPDATE, { i: { accessToken: NEW_TOKEN } });
  });
});
