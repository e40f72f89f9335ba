import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../api/server/app';
import { DepartmentCode } from '../../api/core/departments';
import { startTestApp, TEST_LIMITS, TEST_SECRET, type TestApp } from '../support/app';
import request from 'supertest';

// The one place to allow a municipality's CMS origin: allowedOrigins / addAllowedOrigin /
// removeAllowedOrigin, for the municipality's admins, validated, recorded in an append-only trail,
// effective for the next request in this process and within a minute in others.

const CMS = 'https://www.city.example.lg.jp';
const LIST = '{ allowedOrigins { origins fromEnvironment changes { action origin actorName at } } }';
const ADD = 'mutation($i: AllowedOriginInput!) { addAllowedOrigin(input: $i) { origins changes { action origin actorName } } }';
const REMOVE = 'mutation($i: AllowedOriginInput!) { removeAllowedOrigin(input: $i) { origins changes { action origin } } }';
const SUBMIT = 'mutation($i: IntakeInput!) { submitIntake(input: $i) { referenceNumber } }';

let t: TestApp;
let admin: string;
let notice: string;

beforeAll(async () => {
  t = await startTestApp({ records: 0 });
  admin = await t.login(DepartmentCode.SINGLE_PARENT, 'admin');
  notice = (await t.gql('{ intakeSettings(municipalityCode: "999999") { privacyNoticeVersion } }')).body.data!.intakeSettings.privacyNoticeVersion;
});
afterAll(() => t?.close());

/** An anonymous intake submission as a page of `origin` sends it. */
async function submitFrom(origin: string, app = t.http) {
  const res = await app
    .post('/graphql')
    .set('content-type', 'application/json')
    .set('origin', origin)
    .send({
      query: SUBMIT,
      variables: {
        i: {
          municipalityCode: '999999',
          idempotencyKey: randomUUID(),
          concerns: { categories: ['WORK'] },
          consent: { sharedWith: [], privacyNoticeVersion: notice },
        },
      },
    });
  return res.body as { data?: { submitIntake: { referenceNumber: string } } | null; errors?: { extensions: { code: string } }[] };
}
const changes = async () => Number((await t.em().getConnection().execute<{ n: string | number }[]>('select count(*) as n from allowed_origin_change'))[0]!.n);

describe('allowed origins: who may change them', () => {
  it('refuses staff who are not admins (FORBIDDEN), and anonymous callers (UNAUTHENTICATED)', async () => {
    for (const role of [undefined, 'supervisor']) {
      const token = await t.login(DepartmentCode.SINGLE_PARENT, role);
      for (const [query, variables] of [
        [LIST, {}],
        [ADD, { i: { origin: CMS } }],
        [REMOVE, { i: { origin: CMS } }],
      ] as const) {
        const res = await t.gql(query, variables, token);
        expect(res.body.errors?.[0]?.extensions?.code, `${role ?? 'caseworker'}: ${query.slice(0, 30)}`).toBe('FORBIDDEN');
      }
    }
    const other = await t.login(DepartmentCode.LIVELIHOOD_SUPPORT);
    expect((await t.gql(ADD, { i: { origin: CMS } }, other)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await t.gql(ADD, { i: { origin: CMS } });
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await changes()).toBe(0);
    expect((await t.gql(LIST, {}, admin)).body.data!.allowedOrigins.origins).toEqual([]);
  });
});

describe('allowed origins: what is an origin', () => {
  it('refuses anything but scheme://host[:port] (https, except on localhost) with BAD_USER_INPUT on input.origin, changing nothing', async () => {
    // "town-x" appears in no example of the messages: a message must never repeat the value.
    const bad = [
      'www.town-x.example.jp',
      'ftp://www.town-x.example.jp',
      'http://www.town-x.example.jp',
      'https://www.town-x.example.jp/kosodate/',
      'https://www.town-x.example.jp?page=1',
      'https://*.town-x.example.jp',
      'https://webmaster:secret@www.town-x.example.jp',
      'javascript:alert("town-x")',
      '',
      `https://${'a'.repeat(250)}.town-x.jp`,
    ];
    for (const origin of bad) {
      const res = await t.gql(ADD, { i: { origin } }, admin, { 'accept-language': 'en' });
      const e = res.body.errors?.[0];
      expect(e?.extensions?.code, origin).toBe('BAD_USER_INPUT');
      expect(e?.extensions?.field, origin).toBe('input.origin');
      expect(Object.keys(e?.extensions?.messages ?? {}).sort()).toEqual(['en', 'ja', 'ja-easy']);
      expect(JSON.stringify(e), origin).not.toContain('town-x');
    }
    const http = await t.gql(ADD, { i: { origin: 'http://www.city.example.lg.jp' } }, admin);
    expect(http.body.errors?.[0]?.message).toContain('https://');
    expect(await changes()).toBe(0);
    expect((await t.gql(LIST, {}, admin)).body.data!.allowedOrigins.origins).toEqual([]);
  });
});

describe('allowed origins: a change is recorded and takes effect at once', () => {
  it('adds a normalised origin, records who did it, and the next intake submission from that page is accepted', async () => {
    // The page is refused first (and the process has read the list: a cache to be invalidated).
    expect((await submitFrom(CMS)).errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    const cors = () =>
      t.http.options('/graphql').set('origin', CMS).set('access-control-request-method', 'POST').set('access-control-request-headers', 'content-type');
    expect((await cors()).headers['access-control-allow-origin']).toBeUndefined();

    const added = await t.gql(ADD, { i: { origin: ' HTTPS://WWW.City.Example.LG.JP:443/ ' } }, admin);
    expect(added.body.errors).toBeUndefined();
    expect(added.body.data!.addAllowedOrigin.origins).toEqual([CMS]);
    expect(added.body.data!.addAllowedOrigin.changes).toEqual([{ action: 'ADDED', origin: CMS, actorName: expect.any(String) }]);
    expect(added.body.data!.addAllowedOrigin.changes[0].actorName.length).toBeGreaterThan(0);

    // No restart, no waiting: the next submission and the next preflight from that page pass.
    const accepted = await submitFrom(CMS);
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.submitIntake.referenceNumber).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect((await cors()).headers['access-control-allow-origin']).toBe(CMS);

    // Adding it again changes nothing and records nothing.
    const again = await t.gql(ADD, { i: { origin: CMS } }, admin);
    expect(again.body.data!.addAllowedOrigin.origins).toEqual([CMS]);
    expect(await changes()).toBe(1);

    // The list for the console: this municipality's origins, CORS_ORIGINS read-only, the trail.
    const list = (await t.gql(LIST, {}, admin)).body.data!.allowedOrigins;
    expect(list.fromEnvironment).toEqual(['http://cms.example.jp']);
    expect(list.changes).toHaveLength(1);
    expect(Date.parse(list.changes[0].at)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('removes an origin: the next submission from it is refused; unknown and CORS_ORIGINS origins are NOT_FOUND', async () => {
    const removed = await t.gql(REMOVE, { i: { origin: `${CMS}/` } }, admin);
    expect(removed.body.errors).toBeUndefined();
    expect(removed.body.data!.removeAllowedOrigin.origins).toEqual([]);
    expect(removed.body.data!.removeAllowedOrigin.changes.map((c: { action: string }) => c.action)).toEqual(['REMOVED', 'ADDED']);
    expect((await submitFrom(CMS)).errors?.[0]?.extensions.code).toBe('FORBIDDEN');

    expect((await t.gql(REMOVE, { i: { origin: CMS } }, admin)).body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const env = await t.gql(REMOVE, { i: { origin: 'https://cms.example.jp' } }, admin);
    expect(env.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await changes()).toBe(2);
  });

  it('keeps the trail append-only: the database refuses to change or delete it', async () => {
    const conn = t.em().getConnection();
    await expect(conn.execute(`update allowed_origin_change set origin = 'https://evil.example'`)).rejects.toThrow(/append-only/);
    await expect(conn.execute('delete from allowed_origin_change')).rejects.toThrow(/append-only/);
    await expect(conn.execute('truncate allowed_origin_change')).rejects.toThrow(/append-only/);
    expect(await changes()).toBe(2);
  });

  it('reaches another API process: at once through the change feed on PostgreSQL, else within a minute (it reads the list again when its copy is a minute old)', async () => {
    // A second app on the same database stands for another API process behind the load balancer.
    const other = await createApp(t.db.orm, { authSecret: TEST_SECRET, accessTokenTtlSeconds: 900, corsOrigins: [] }, { limits: TEST_LIMITS });
    try {
      const http = request(other.express);
      const page = 'https://kosodate.city.example.lg.jp';
      expect((await submitFrom(page, http)).errors?.[0]?.extensions.code).toBe('FORBIDDEN'); // it has read the list
      expect((await t.gql(ADD, { i: { origin: page } }, admin)).body.errors).toBeUndefined();
      expect((await submitFrom(page)).errors).toBeUndefined(); // this process: at once
      if (t.db.kind === 'postgresql') {
        // The other process hears the change on the change feed (LISTEN/NOTIFY, db/change-feed.ts).
        await expect.poll(async () => (await submitFrom(page, http)).errors, { timeout: 5000 }).toBeUndefined();
        return;
      }
      // Embedded (one process per data folder): no feed between processes; the copy ages out.
      expect((await submitFrom(page, http)).errors?.[0]?.extensions.code).toBe('FORBIDDEN'); // the other: not yet
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(Date.now() + 61_000);
      expect((await submitFrom(page, http)).errors).toBeUndefined(); // a minute later
    } finally {
      vi.useRealTimers();
      await other.stop();
    }
  });
});
