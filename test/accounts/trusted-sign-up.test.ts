import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentTotp } from '../../api/accounts';
import { WIDGETS_DIST_DIR } from '../../api/core/paths';
import { startTestApp, type TestApp } from '../support/app';
import { newMunicipality, STRONG } from './support';

/** With production's trusted-documents rule, sign-up and two-factor sign-in work for anonymous callers with the console's texts — and only those. */
describe('sign-up and two-factor sign-in under TRUSTED_DOCUMENTS_ONLY', () => {
  let t: TestApp;
  // The widgets are ES modules: imported dynamically (this file is compiled as CommonJS).
  let q: typeof import('../../widgets/staff/account-queries.js', { with: { 'resolution-mode': 'import' } });
  beforeAll(async () => {
    q = await import('../../widgets/staff/account-queries.js');
    t = await startTestApp({ records: 1, limits: { trustedDocumentsOnly: true } });
  });
  afterAll(() => t.close());

  it('are trusted documents of the build', () => {
    const documents = Object.values(JSON.parse(readFileSync(join(WIDGETS_DIST_DIR, 'trusted-documents.json'), 'utf8')) as Record<string, string>);
    for (const op of q.ACCOUNT_OPERATIONS) expect(documents).toContain(op);
  });

  it("run end to end with the console's operation texts; another text is refused", async () => {
    const token = await newMunicipality(t, '012025', '函館市');
    const info = await t.gql(q.ACCOUNT_LINK, { token });
    expect(info.body.errors).toBeUndefined();
    const email = 'admin@city.hakodate.example';
    expect((await t.gql(q.REDEEM_ACCOUNT_LINK, { input: { token, password: STRONG, name: '函館 一子', email } })).body.errors).toBeUndefined();
    const begun = await t.gql(q.BEGIN_TWO_FACTOR, { input: { email, password: STRONG } });
    expect(begun.body.errors).toBeUndefined();
    const { ticket, secret } = begun.body.data!.beginTwoFactorEnrolment;
    expect((await t.gql(q.COMPLETE_TWO_FACTOR, { input: { ticket, code: currentTotp(secret) } })).body.errors).toBeUndefined();
    const signedIn = await t.gql(q.LOGIN_WITH_CODE, { email, password: STRONG, oneTimeCode: currentTotp(secret, Date.now() + 30_000) });
    expect(signedIn.body.errors).toBeUndefined();
    expect(signedIn.body.data!.login.token).toBeTruthy();
    const other = await t.gql(`query { accountLink(token: "${'a'.repeat(43)}") { kind } }`);
    expect(other.status).toBeGreaterThanOrEqual(400);
  });
});
