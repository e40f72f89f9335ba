import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../api/server/app';
import { TEST_LIMITS, TEST_SECRET } from '../support/app';
import { inviteStaff } from '../support/staff-accounts';
import { launchChromium } from './support/browser';
import { DepartmentCode, TEST_PASSWORD, deepHtml, signIn, startStaffServer, storageHolds, submitPublic, waitForHeadingFocus, type StaffServer } from './support/staff';

// The staff console (/staff) in real Chromium against the REAL API app (in-process, demo seed of 40
// fictional records): what each department sees, editing as the owner, consent, DV protection, and a
// sign-in that ends while a form holds unsaved input. Facts are checked through the API itself.

let s: StaffServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];
/** Every response body the page received (text), for the "never sent to this browser" checks. */
let bodies: string[];
let pendingBodies: Promise<unknown>[] = [];

interface Row {
  id: string;
  referenceNumber: string;
  version: number;
  identity: { familyName: string; givenName: string };
  consent: { sharedWith: string[]; shareWithPartners: boolean };
  concerns: { categories: string[] };
  income: { annualEmploymentIncome: number };
  consultations: { summary: string }[];
  address: { street: string | null };
  contact: { phone: string | null };
}
let all: Row[];

const ALL = `{ records(first: 100) { totalCount edges { node { id referenceNumber version identity { familyName givenName }
  consent { sharedWith shareWithPartners } concerns { categories } income { annualEmploymentIncome } consultations { summary } address { street } contact { phone } } } } }`;

async function owner(): Promise<string> {
  return s.t.login(DepartmentCode.SINGLE_PARENT);
}
async function gql(query: string, variables: Record<string, unknown>, token: string) {
  const res = await s.t.gql(query, variables, token);
  expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
  return res.body.data!;
}
async function refresh(): Promise<void> {
  const data = await gql(ALL, {}, await owner());
  all = data.records.edges.map((e: { node: Row }) => e.node);
  expect(all.length).toBe(data.records.totalCount); // one page holds them all
  expect(all.length).toBeGreaterThanOrEqual(40); // the demo seed, plus what earlier tests submitted
}

beforeAll(async () => {
  s = await startStaffServer();
  browser = await launchChromium();
  await refresh();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await s?.close();
});
beforeEach(async () => {
  await context?.close();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ja-JP' });
  page = await context.newPage();
  problems = [];
  bodies = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // (Chromium's own request for /favicon.ico is a 404 with no page behind it.)
    if (m.type() === 'error' && !(m.text().includes('404') && m.location().url.endsWith('/favicon.ico'))) problems.push(`console: ${m.text()} ${m.location().url}`);
  });
  page.on('response', (r) => {
    bodies.push(r.url());
    const pending = r.text().then((t) => bodies.push(t), () => undefined);
    pendingBodies.push(pending);
  });
  pendingBodies = [];
});

/** The visible text of a section card (its notice, or its fields). */
const section = (p: Page, name: string) => p.locator(`section[data-section=${name}]`);

async function openRecord(p: Page, id: string): Promise<void> {
  await p.evaluate((h) => (location.hash = h), `#/records/${id}`);
  await p.locator('section[data-section=IDENTITY]').waitFor();
}

describe('/staff page', () => {
  it('is served with a strict CSP, no-store and a referrer policy', async () => {
    const res = await s.t.http.get('/staff');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<script type="module" src="/widgets/staff.js"></script>');
    expect(res.text).not.toMatch(/<script>|<script(?![^>]*\bsrc=)[^>]*>|\son\w+=/); // no inline script or handler
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    const js = await s.t.http.get('/widgets/staff.js');
    expect(js.status).toBe(200);
    expect(js.text).not.toMatch(/\beval\(|new Function\(/);
  });
});

describe('staff console', () => {
  it('family register (戸籍担当課): identity and household, but notices instead of income, benefits and consultations', async () => {
    const shared = all.find((r) => r.consent.sharedWith.includes('FAMILY_REGISTER') && !r.concerns.categories.includes('DV') && r.consultations.length > 0)
      ?? all.find((r) => r.consent.sharedWith.includes('FAMILY_REGISTER') && !r.concerns.categories.includes('DV'))!;
    expect(shared).toBeDefined();
    await signIn(page, s.origin, DepartmentCode.FAMILY_REGISTER);
    const me = (await gql('{ me { name departmentName } }', {}, await s.t.login(DepartmentCode.FAMILY_REGISTER))).me;
    const who = await page.locator('#who').innerText();
    expect(who).toContain(me.name);
    expect(who).toContain(me.departmentName);

    // The list: the concerns column is left out with a notice saying why (policy: not permitted).
    await page.locator('nav a[href="#/records"]').click();
    await waitForHeadingFocus(page, '電子個人票の検索');
    await page.locator('#count').waitFor();
    await expect.poll(() => page.locator('[data-hidden-column=concerns]').innerText()).toContain('権限がありません');
    expect(await page.locator('th', { hasText: '困りごと' }).count()).toBe(0);

    await openRecord(page, shared.id);
    await waitForHeadingFocus(page, shared.referenceNumber);
    expect(await section(page, 'IDENTITY').innerText()).toContain(shared.identity.familyName);
    for (const name of ['INCOME', 'BENEFITS', 'CONTACT', 'CONCERNS', 'PROTECTION', 'CONSENT']) {
      expect(await section(page, name).locator('.notice').innerText(), name).toBe('権限がありません');
    }
    expect(await section(page, 'HOUSEHOLD').locator('.notice').count()).toBe(0);
    // Nothing of it is editable for this department.
    expect(await page.locator('button.edit').count()).toBe(0);

    await page.locator('a', { hasText: '相談履歴' }).click();
    await waitForHeadingFocus(page, '相談対応履歴');
    expect(await page.locator('staff-consultations .notice').innerText()).toBe('権限がありません');
    expect(await page.locator('#c-summary').count()).toBe(0);

    // The values themselves never reached the page.
    await Promise.all(pendingBodies);
    const html = await deepHtml(page);
    const income = String(shared.income.annualEmploymentIncome);
    expect(html).not.toContain(income);
    expect(html).not.toContain(income.replace(/\B(?=(\d{3})+(?!\d))/g, ','));
    for (const c of shared.consultations) expect(bodies.join('\n')).not.toContain(c.summary);
    expect(bodies.join('\n')).not.toContain(`"annualEmploymentIncome":${income}`);
    expect(problems).toEqual([]);
  });

  it('single-parent owner: every section, eligibility beside the record, and a consultation that is stored', async () => {
    // Only a family that consented to share with partners can be referred (issue 18).
    const target = all.find((r) => !r.concerns.categories.includes('DV') && r.consent.shareWithPartners)!;
    await signIn(page, s.origin, DepartmentCode.SINGLE_PARENT);
    await openRecord(page, target.id);
    await waitForHeadingFocus(page, target.referenceNumber);
    expect(await page.locator('staff-section').count()).toBe(10);
    expect(await page.locator('staff-section .notice').count()).toBe(0);
    expect(await section(page, 'INCOME').innerText()).toContain(target.income.annualEmploymentIncome.toLocaleString('ja-JP'));
    expect(await section(page, 'CONTACT').innerText()).toContain(target.contact.phone!);
    expect(await page.locator('button.edit').count()).toBe(10);
    // The audit log is for supervisors: a caseworker has no tab for it.
    expect(await page.locator('nav[aria-label="個人票の表示"] a').allInnerTexts()).toEqual(['内容', '相談履歴', '制度の判定', 'NPOへの紹介']);

    await page.locator('a', { hasText: '制度の判定' }).click();
    await waitForHeadingFocus(page, '制度の判定');
    await page.locator('tr[data-programme=child-rearing-allowance]').waitFor();
    expect(await page.locator('tr[data-programme]').count()).toBeGreaterThan(5);
    expect(await page.locator('staff-eligibility section.card').innerText()).toContain(target.income.annualEmploymentIncome.toLocaleString('ja-JP'));

    await page.locator('a', { hasText: '相談履歴' }).click();
    await waitForHeadingFocus(page, '相談対応履歴');
    const summary = `電話で就労の相談。保育所の空き状況を案内した（テスト ${Date.now()}）`;
    await page.locator('#c-channel').selectOption('PHONE');
    await page.locator('#c-summary').fill(summary);
    await page.locator('#c-followup').fill('来週、保育課に確認して折り返す');
    await page.locator('staff-consultations button[type=submit]').click();
    await page.locator('staff-consultations td', { hasText: summary }).waitFor();
    expect(await page.locator('#c-summary').inputValue()).toBe(''); // emptied only after it was stored

    const stored = await gql('query($id: ID!) { record(id: $id) { consultations { summary channel followUp department staffName } } }', { id: target.id }, await owner());
    expect(stored.record.consultations).toContainEqual({ summary, channel: 'PHONE', followUp: '来週、保育課に確認して折り返す', department: 'SINGLE_PARENT', staffName: expect.any(String) });
    expect(problems).toEqual([]);
  });

  it('owner edits a section; a version conflict is shown, the input kept, and saved after loading the latest', async () => {
    await refresh();
    const target = all.find((r) => !r.concerns.categories.includes('DV') && r.id !== all[0]!.id)!;
    await signIn(page, s.origin, DepartmentCode.SINGLE_PARENT);
    await openRecord(page, target.id);
    await section(page, 'INCOME').locator('button.edit').click();
    await page.locator('#income-annualEmploymentIncome').fill('２，３４５，０００');

    // Meanwhile someone else changes the record.
    await gql('mutation($i: UpdateRecordSectionInput!) { updateRecordSection(input: $i) { version } }',
      { i: { id: target.id, expectedVersion: target.version, selfReliancePlan: { goal: '別の職員が更新' } } }, await owner());

    await section(page, 'INCOME').locator('button[type=submit]').click();
    await expect.poll(() => section(page, 'INCOME').locator('[role=alert]').innerText()).toContain('ほかの職員が先にこの個人票を更新しました');
    expect(await page.locator('#income-annualEmploymentIncome').inputValue()).toBe('２，３４５，０００');

    await section(page, 'INCOME').locator('button', { hasText: '最新の内容を読み込む' }).click();
    await expect.poll(() => section(page, 'SELF_RELIANCE_PLAN').innerText()).toContain('別の職員が更新');
    expect(await page.locator('#income-annualEmploymentIncome').inputValue()).toBe('２，３４５，０００');
    await section(page, 'INCOME').locator('button[type=submit]').click();
    await expect.poll(() => section(page, 'INCOME').innerText()).toContain('2,345,000');

    const stored = await gql('query($id: ID!) { record(id: $id) { income { annualEmploymentIncome } selfReliancePlan { goal } } }', { id: target.id }, await owner());
    expect(stored.record).toMatchObject({ income: { annualEmploymentIncome: 2345000 }, selfReliancePlan: { goal: '別の職員が更新' } });
    expect(problems).toEqual([]);
  });

  it('owner: a value the API rejects is shown at its field, nothing is saved, and a benefit is chosen by programme name', async () => {
    await refresh();
    // Only a family that consented to share with partners can be referred (issue 18).
    const target = all.find((r) => !r.concerns.categories.includes('DV') && r.consent.shareWithPartners)!;
    await signIn(page, s.origin, DepartmentCode.SINGLE_PARENT);
    await openRecord(page, target.id);
    await section(page, 'CONTACT').locator('button.edit').click();
    await page.locator('#contact-phone').fill('12');
    await section(page, 'CONTACT').locator('button[type=submit]').click();
    await expect.poll(() => page.locator('#contact-phone').getAttribute('aria-invalid')).toBe('true');
    expect(await section(page, 'CONTACT').locator('[role=alert]').innerText()).toContain('電話番号');
    expect(await page.locator('#contact-phone').getAttribute('aria-describedby')).toBe('contact-error');
    const phone = (await gql('query($id: ID!) { record(id: $id) { contact { phone } } }', { id: target.id }, await owner())).record.contact.phone;
    expect(phone).toBe(target.contact.phone);

    await section(page, 'BENEFITS').locator('button.edit').click();
    await section(page, 'BENEFITS').locator('button', { hasText: '追加' }).click();
    const n = await section(page, 'BENEFITS').locator('select[id$=programmeId]').count();
    await page.locator(`#benefits-items-${n - 1}-programmeId`).selectOption({ label: 'ひとり親家庭等医療費助成' });
    await section(page, 'BENEFITS').locator('button[type=submit]').click();
    await expect.poll(() => section(page, 'BENEFITS').locator('button.edit').count()).toBe(1);
    expect(await section(page, 'BENEFITS').innerText()).toContain('ひとり親家庭等医療費助成');
    const benefits = (await gql('query($id: ID!) { record(id: $id) { benefits { programmeId } } }', { id: target.id }, await owner())).record.benefits;
    expect(benefits.map((b: { programmeId: string }) => b.programmeId)).toContain('single-parent-medical-subsidy');
    expect(problems).toEqual([]);
  });

  it('a department without consent finds nothing of the records it was not given', async () => {
    const dept = 'LONG_TERM_CARE';
    const hidden = all.filter((r) => !r.consent.sharedWith.includes(dept));
    const visible = new Set(all.filter((r) => r.consent.sharedWith.includes(dept)).map((r) => r.referenceNumber));
    expect(hidden.length).toBeGreaterThan(0);
    const target = hidden[0]!;
    await signIn(page, s.origin, DepartmentCode.LONG_TERM_CARE);
    await page.evaluate(() => (location.hash = '#/records'));
    await page.locator('#count').waitFor();
    expect(await page.locator('#count').innerText()).toBe(`${visible.size} 件見つかりました`);
    const listed = await page.locator('tr[data-ref]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-ref')));
    expect(listed.length).toBe(Math.min(20, visible.size));
    for (const ref of listed) expect(visible.has(ref!)).toBe(true);
    expect(listed).not.toContain(target.referenceNumber);

    // Searching its name: only consented records (if any share the name), never this one.
    await page.locator('#f-name').fill(target.identity.familyName);
    await page.locator('form[role=search] button[type=submit]').click();
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('name=');
    // Wait for the new result: every row shown carries the name searched for (or there are none).
    await expect
      .poll(async () => (await page.locator('tr[data-ref] td:nth-of-type(1)').allInnerTexts()).every((n) => n.includes(target.identity.familyName)))
      .toBe(true);
    const found = await page.locator('tr[data-ref]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-ref')));
    expect(found).not.toContain(target.referenceNumber);
    for (const ref of found) expect(visible.has(ref!)).toBe(true);

    // Its address in the URL bar: the same "not found" as an id that does not exist.
    await page.evaluate((id) => (location.hash = `#/records/${id}`), target.id);
    await expect.poll(() => page.locator('staff-record-view p.error').innerText()).toContain('この個人票は見つかりません');
    await Promise.all(pendingBodies);
    expect(bodies.join('\n')).not.toContain(target.referenceNumber);
    expect(problems).toEqual([]);
  });

  it('a DV-protected record never shows address or phone outside the owner: not on screen, in the HTML, the network or storage', async () => {
    const dv = all.find((r) => r.concerns.categories.includes('DV'))!;
    expect(dv).toBeDefined();
    const street = 'ひみつ町9丁目9-9';
    const phone = '0000-99-9999';
    // As the owner: give the record a street and phone found nowhere else, and consent for livelihood support.
    const token = await owner();
    const v1 = (await gql('query($id: ID!) { record(id: $id) { version consent { sharedWith shareWithPartners privacyNoticeVersion } } }', { id: dv.id }, token)).record;
    const m = 'mutation($i: UpdateRecordSectionInput!) { updateRecordSection(input: $i) { version } }';
    let version = (await gql(m, { i: { id: dv.id, expectedVersion: v1.version, address: { postalCode: '999-9999', prefecture: 'デモ県', city: 'デモ市', street } } }, token)).updateRecordSection.version;
    version = (await gql(m, { i: { id: dv.id, expectedVersion: version, contact: { contactAllowed: true, phone, preferredChannel: 'PHONE' } } }, token)).updateRecordSection.version;
    const sharedWith = [...new Set([...v1.consent.sharedWith, 'LIVELIHOOD_SUPPORT'])];
    await gql(m, { i: { id: dv.id, expectedVersion: version, consent: { sharedWith, shareWithPartners: v1.consent.shareWithPartners, privacyNoticeVersion: v1.consent.privacyNoticeVersion } } }, token);

    await signIn(page, s.origin, DepartmentCode.LIVELIHOOD_SUPPORT);
    await page.evaluate((n) => (location.hash = `#/records?name=${encodeURIComponent(n)}`), dv.identity.familyName);
    await page.locator(`tr[data-ref="${dv.referenceNumber}"]`).waitFor();
    expect(await page.locator(`tr[data-ref="${dv.referenceNumber}"] [data-reason=DV_PROTECTED]`).innerText()).toBe('DV等支援措置のため非表示');
    await page.locator(`tr[data-ref="${dv.referenceNumber}"] a`).click();
    await waitForHeadingFocus(page, dv.referenceNumber);
    expect(await section(page, 'ADDRESS').locator('.notice').innerText()).toBe('DV等支援措置のため非表示');
    expect(await section(page, 'CONTACT').locator('.notice').innerText()).toBe('DV等支援措置のため非表示');
    expect(await section(page, 'INCOME').locator('.notice').count()).toBe(0); // livelihood support reads income
    for (const tab of ['相談履歴', '制度の判定']) {
      await page.locator('a', { hasText: tab }).click();
      await page.locator('h2', { hasText: tab === '相談履歴' ? '相談対応履歴' : '制度の判定' }).waitFor();
    }
    await page.locator('tr[data-programme]').first().waitFor();

    await Promise.all(pendingBodies);
    const everything = [await deepHtml(page), ...bodies].join('\n');
    expect(everything).toContain(dv.referenceNumber); // the checks below look at the right page
    for (const secret of [street, phone, '9丁目9-9', '0000-99-9999', '999-9999']) {
      expect(everything, secret).not.toContain(secret);
      expect(await storageHolds(page, secret)).toBe(false);
    }
    // Storage holds the sign-in token (this tab only) and nothing of any record.
    const stored = await page.evaluate(() => ({ local: localStorage.length, session: Object.keys(sessionStorage).sort() }));
    expect(stored.local).toBe(0);
    expect(stored.session.every((k) => k.startsWith('yorisoi-staff:'))).toBe(true);
    expect(await storageHolds(page, dv.referenceNumber)).toBe(false);
    expect(await storageHolds(page, dv.identity.familyName)).toBe(false);

    // The owner does see them (so the strings above were real).
    const ownerView = (await gql('query($id: ID!) { record(id: $id) { address { street } contact { phone } } }', { id: dv.id }, token)).record;
    expect(ownerView).toEqual({ address: { street }, contact: { phone } });
    expect(problems).toEqual([]);
  });

  it('when the sign-in ends, a re-login dialog keeps the unsaved consultation and saves it after signing in', async () => {
    const target = all.find((r) => !r.concerns.categories.includes('DV') && r.id !== all[1]!.id)!;
    await signIn(page, s.origin, DepartmentCode.SINGLE_PARENT);
    await page.evaluate((id) => (location.hash = `#/records/${id}/consultations`), target.id);
    await page.locator('#c-summary').waitFor();
    const summary = `窓口で家計の相談。フードバンクを案内（再ログイン ${Date.now()}）`;
    await page.locator('#c-summary').fill(summary);
    await page.locator('#c-followup').fill('2週間後に電話');

    // The token ends (revoked on the server, as an expired one is refused): the API now answers UNAUTHENTICATED.
    const token = await page.evaluate(() => JSON.parse(sessionStorage.getItem('yorisoi-staff:session')!).token as string);
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    await gql('mutation { logout }', {}, token);
    await page.locator('staff-consultations button[type=submit]').click();

    const dialog = page.locator('dialog[open]');
    await dialog.waitFor();
    expect(await dialog.locator('h2').innerText()).toBe('サインインの有効期限が切れました');
    expect(await dialog.innerText()).toContain('入力中の内容はそのまま残っています');
    // The form behind the dialog still holds the input.
    expect(await page.locator('#c-summary').inputValue()).toBe(summary);
    expect(await page.locator('#c-followup').inputValue()).toBe('2週間後に電話');
    expect(await dialog.locator('#email').inputValue()).toBe('single-parent@demo.yorisoi.example');

    // A wrong password: told so, still in the dialog, input still kept.
    await dialog.locator('#password').fill('wrong-password-0000');
    await dialog.locator('button[type=submit]').click();
    await expect.poll(() => dialog.locator('#login-error').innerText(), { timeout: 10_000 }).toContain('サインインできませんでした');
    expect(await page.locator('#c-summary').inputValue()).toBe(summary);

    await dialog.locator('#password').fill(TEST_PASSWORD);
    await dialog.locator('button[type=submit]').click();
    await page.locator('staff-consultations td', { hasText: summary }).waitFor();
    expect(await page.locator('dialog[open]').count()).toBe(0);

    const stored = await gql('query($id: ID!) { record(id: $id) { consultations { summary followUp } } }', { id: target.id }, await owner());
    expect(stored.record.consultations.filter((c: { summary: string }) => c.summary === summary)).toEqual([{ summary, followUp: '2週間後に電話' }]);
    // A new token replaced the revoked one; still only in sessionStorage.
    const after = await page.evaluate(() => JSON.parse(sessionStorage.getItem('yorisoi-staff:session')!).token as string);
    expect(after).not.toBe(token);
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    expect(problems.filter((p) => !p.includes('401'))).toEqual([]);
  });

  it('a token that really expires (an API with a 3-second token lifetime): the dialog appears and the input is saved after signing in', async () => {
    // A second app on the same database, as another API process would be, whose tokens live 3 s.
    const short = await createApp(s.t.db.orm, { authSecret: TEST_SECRET, accessTokenTtlSeconds: 3, corsOrigins: [] }, { limits: TEST_LIMITS });
    const http = await new Promise<Server>((resolve) => {
      const srv = short.express.listen(0, '127.0.0.1', () => resolve(srv));
    });
    const origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    try {
      // Only a family that consented to share with partners can be referred (issue 18).
    const target = all.find((r) => !r.concerns.categories.includes('DV') && r.consent.shareWithPartners)!;
      await signIn(page, origin, DepartmentCode.SINGLE_PARENT);
      await page.evaluate((id) => (location.hash = `#/records/${id}/consultations`), target.id);
      await page.locator('#c-summary').waitFor();
      const summary = `期限切れ後に保存する相談（${Date.now()}）`;
      await page.locator('#c-summary').fill(summary);
      // Wait until the API itself refuses the token as expired.
      const token = await page.evaluate(() => JSON.parse(sessionStorage.getItem('yorisoi-staff:session')!).token as string);
      await expect
        .poll(async () => (await request(short.express).post('/graphql').set('content-type', 'application/json').set('authorization', `Bearer ${token}`).send({ query: '{ me { id } }' })).body.errors?.[0]?.extensions?.code, { timeout: 15_000, interval: 500 })
        .toBe('UNAUTHENTICATED');
      await page.locator('staff-consultations button[type=submit]').click();
      const dialog = page.locator('dialog[open]');
      await dialog.waitFor();
      expect(await page.locator('#c-summary').inputValue()).toBe(summary);
      await dialog.locator('#password').fill(TEST_PASSWORD);
      await dialog.locator('button[type=submit]').click();
      // (The new token lives 3 s too, so check the result through the API rather than the page.)
      const summaries = async () => (await gql('query($id: ID!) { record(id: $id) { consultations { summary } } }', { id: target.id }, await owner())).record.consultations.map((c: { summary: string }) => c.summary);
      await expect.poll(summaries, { timeout: 10_000 }).toContain(summary);
      expect((await summaries()).filter((x: string) => x === summary)).toHaveLength(1);
    } finally {
      await new Promise((r) => http.close(r));
      await short.stop();
    }
  });

  it('a viewer (read-only role) reads the inbox and records but is offered nothing to take or edit', async () => {
    const admin = await s.t.login(DepartmentCode.SINGLE_PARENT, 'admin');
    const email = `viewer-${Date.now()}@demo.yorisoi.example`;
    await inviteStaff(s.t, admin, { department: 'SINGLE_PARENT', email, name: '閲覧 九重', role: 'VIEWER' }, 'viewer-password-1234');
    await submitPublic(s, [{ intake: ['MEDICAL'] }]);
    await page.goto(`${s.origin}/staff`);
    await page.locator('#email').fill(email);
    await page.locator('#password').fill('viewer-password-1234');
    await page.locator('staff-login button[type=submit]').click();
    await expect.poll(() => page.locator('#who').innerText()).toContain('閲覧のみ');
    await page.evaluate(() => (location.hash = '#/inbox'));
    await page.locator('li[data-ref]').first().waitFor();
    expect(await page.locator('li[data-ref] button', { hasText: '担当する' }).count()).toBe(0);
    // The API agrees: taking is refused for this role.
    const res = await s.t.gql('mutation($id: ID!) { takeInboxItem(id: $id) { id } }', { id: (await gql('{ inbox(first: 1) { edges { node { id } } } }', {}, await owner())).inbox.edges[0].node.id }, await s.t.gql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: email, p: 'viewer-password-1234' }).then((r) => r.body.data!.login.token));
    expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await openRecord(page, all[0]!.id);
    expect(await page.locator('staff-section').count()).toBe(10);
    expect(await page.locator('button.edit').count()).toBe(0);
    await page.locator('a', { hasText: '相談履歴' }).click();
    await waitForHeadingFocus(page, '相談対応履歴');
    expect(await page.locator('#c-summary').count()).toBe(0);
  });

  it('cancelling the re-login dialog keeps the input and says it was not saved', async () => {
    // Only a family that consented to share with partners can be referred (issue 18).
    const target = all.find((r) => !r.concerns.categories.includes('DV') && r.consent.shareWithPartners)!;
    await signIn(page, s.origin, DepartmentCode.SINGLE_PARENT);
    await page.evaluate((id) => (location.hash = `#/records/${id}/consultations`), target.id);
    await page.locator('#c-summary').fill('保存されないはずの相談');
    const token = await page.evaluate(() => JSON.parse(sessionStorage.getItem('yorisoi-staff:session')!).token as string);
    await gql('mutation { logout }', {}, token);
    await page.locator('staff-consultations button[type=submit]').click();
    await page.locator('dialog[open]').waitFor();
    await page.locator('dialog[open] button', { hasText: 'キャンセル' }).click();
    await expect.poll(() => page.locator('#c-error').innerText()).toContain('保存されていません');
    expect(await page.locator('#c-summary').inputValue()).toBe('保存されないはずの相談');
    const stored = await gql('query($id: ID!) { record(id: $id) { consultations { summary } } }', { id: target.id }, await owner());
    expect(stored.record.consultations.map((c: { summary: string }) => c.summary)).not.toContain('保存されないはずの相談');
  });

  it('signs out: the token is revoked and forgotten, and the record is gone from the page', async () => {
    const target = all[5]!;
    await signIn(page, s.origin, DepartmentCode.SINGLE_PARENT);
    await openRecord(page, target.id);
    const token = await page.evaluate(() => JSON.parse(sessionStorage.getItem('yorisoi-staff:session')!).token as string);
    await page.locator('button', { hasText: 'サインアウト' }).click();
    await waitForHeadingFocus(page, '職員サインイン');
    expect(await page.evaluate(() => sessionStorage.getItem('yorisoi-staff:session'))).toBeNull();
    expect(await deepHtml(page)).not.toContain(target.referenceNumber);
    const res = await s.t.gql('{ me { name } }', {}, token);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('inbox: the owner sees new intake submissions newest first with concerns and takes one; other departments see none', async () => {
    const token = await owner();
    // Two families submit the intake form now, then a chatbot visitor asks to be called.
    const submitted = await submitPublic(s, [
      { intake: ['WORK', 'HOUSING'] },
      { intake: ['CHILDCARE', 'FINANCES'] },
      { chat: { name: 'はなこ', message: '養育費のことで相談したいです', preferredTime: '平日の夕方' } },
    ]);
    const INBOX = '{ inbox(status: NEW, first: 50) { totalCount edges { node { id referenceNumber receivedAt record { concerns { categories } } } } } }';
    const before = (await gql(INBOX, {}, token)).inbox;
    expect(before.totalCount).toBeGreaterThan(0);
    expect(before.edges.slice(0, 3).map((e: { node: { referenceNumber: string } }) => e.node.referenceNumber)).toEqual([...submitted].reverse());
    const chat = page.locator(`li[data-ref="${submitted[2]}"]`);
    const newest = before.edges[1].node;

    await signIn(page, s.origin, DepartmentCode.SINGLE_PARENT);
    await waitForHeadingFocus(page, '今日の仕事');
    await page.evaluate(() => (location.hash = '#/inbox'));
    await waitForHeadingFocus(page, '受付一覧');
    await page.locator('li[data-ref]').first().waitFor();
    const refs = await page.locator('li[data-ref]').evaluateAll((els) => els.map((e) => e.getAttribute('data-ref')));
    expect(refs).toEqual(before.edges.slice(0, 20).map((e: { node: { referenceNumber: string } }) => e.node.referenceNumber));
    expect(await chat.innerText()).toContain('チャット相談希望');
    expect(await chat.innerText()).toContain('養育費のことで相談したいです');
    expect(await chat.innerText()).toContain('平日の夕方');
    const first = page.locator(`li[data-ref="${newest.referenceNumber}"]`);
    expect(await first.innerText()).toContain('入力フォーム');
    for (const c of newest.record.concerns.categories as string[]) {
      const ja = { CHILDCARE: '子育て', WORK: '仕事', HOUSING: '住まい', FINANCES: '家計', MENTAL_HEALTH: '心の健康', MEDICAL: '医療', CHILD_SUPPORT: '養育費', EDUCATION: '教育', LEGAL: '法律', DV: 'DV' }[c];
      expect(await first.innerText()).toContain(ja);
    }
    await first.locator('button', { hasText: '担当する' }).click();
    await expect.poll(() => first.getAttribute('data-status')).toBe('TAKEN');
    expect(await first.innerText()).toContain('相談員 一花');
    const taken = (await gql('{ inbox(status: TAKEN, first: 50) { edges { node { referenceNumber takenBy { name } } } } }', {}, token)).inbox.edges.map((e: { node: unknown }) => e.node);
    expect(taken).toContainEqual({ referenceNumber: newest.referenceNumber, takenBy: { name: '相談員 一花' } });

    // Another department: an empty inbox, said plainly.
    await context.close();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    await signIn(page, s.origin, DepartmentCode.PUBLIC_HOUSING);
    await page.evaluate(() => (location.hash = '#/inbox'));
    await expect.poll(() => page.locator('staff-inbox p', { hasText: '該当する受付はありません' }).count()).toBe(1);
    expect(await page.locator('li[data-ref]').count()).toBe(0);
  });

  it('owner: filters by concern, consent and created date, pages through the list, and refers a record to a partner NPO', async () => {
    await refresh();
    await signIn(page, s.origin, DepartmentCode.SINGLE_PARENT);
    await page.locator('nav a[href="#/records"]').click();
    await page.locator('#count').waitFor();
    expect(await page.locator('#count').innerText()).toBe(`${all.length} 件見つかりました`);
    const page1 = await page.locator('tr[data-ref]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-ref')));
    expect(page1).toHaveLength(20);
    await page.locator('button', { hasText: '次へ' }).click();
    await waitForHeadingFocus(page, '検索結果');
    const page2 = await page.locator('tr[data-ref]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-ref')));
    expect(page2).toHaveLength(Math.min(20, all.length - 20));
    expect(new Set([...page1, ...page2]).size).toBe(page1.length + page2.length);
    // Newest first across pages, as the API orders them.
    expect([...page1, ...page2]).toEqual(all.slice(0, page1.length + page2.length).map((r) => r.referenceNumber));

    await page.locator('#f-concern').selectOption('HOUSING');
    await page.locator('#f-consent').selectOption('PUBLIC_HOUSING');
    await page.locator('#f-to').fill('2099-12-31');
    await page.locator('form[role=search] button[type=submit]').click();
    const expected = (await gql('{ records(first: 100, filter: { concern: HOUSING, consentedTo: PUBLIC_HOUSING, createdTo: "2099-12-31" }) { totalCount edges { node { referenceNumber } } } }', {}, await owner())).records;
    await expect.poll(() => page.locator('#count').innerText()).toBe(`${expected.totalCount} 件見つかりました`);
    expect(expected.totalCount).toBeLessThan(all.length);
    const shown = await page.locator('tr[data-ref]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-ref')));
    expect(shown.sort()).toEqual(expected.edges.map((e: { node: { referenceNumber: string } }) => e.node.referenceNumber).sort());
    expect(await page.evaluate(() => location.hash)).toBe('#/records?concern=HOUSING&consent=PUBLIC_HOUSING&to=2099-12-31');
    // Created in the future: nothing.
    await page.locator('#f-from').fill('2099-01-01');
    await page.locator('form[role=search] button[type=submit]').click();
    await expect.poll(() => page.locator('#count').innerText()).toBe('0 件見つかりました');

    // Referral: partners listed, the referral stored and shown with its status.
    // Only a family that consented to share with partners can be referred (issue 18).
    const target = all.find((r) => !r.concerns.categories.includes('DV') && r.consent.shareWithPartners)!;
    await page.evaluate((id) => (location.hash = `#/records/${id}/referrals`), target.id);
    await waitForHeadingFocus(page, '連携NPOへの紹介');
    await expect.poll(() => page.locator('#r-partner option').count()).toBeGreaterThan(0);
    const reason = `学習支援の利用について（テスト ${Date.now()}）`;
    await page.locator('#r-reason').fill(reason);
    await page.locator('staff-referral form.card button[type=submit]').click();
    await page.locator('staff-referral li[data-status=REQUESTED]', { hasText: reason }).waitFor();
    const refs = (await gql('{ referrals { reason status record { id } partner { name } } }', {}, await owner())).referrals;
    expect(refs).toContainEqual({ reason, status: 'REQUESTED', record: { id: target.id }, partner: { name: 'NPO法人 デモ子ども応援ネット' } });

    // Closing it needs a reason; then it shows as closed, and the API has it closed.
    const item = page.locator('staff-referral li[data-status=REQUESTED]', { hasText: reason });
    await item.locator('button[type=submit]').click();
    await item.locator('.error[role=alert]').waitFor();
    const closeReason = `学習支援の利用が始まったため（テスト ${Date.now()}）`;
    await item.locator('textarea').fill(closeReason);
    await item.locator('button[type=submit]').click();
    await page.locator('staff-referral li[data-status=CLOSED]', { hasText: closeReason }).waitFor();
    const after = (await gql('{ referrals { reason status record { id } } }', {}, await owner())).referrals;
    expect(after).toContainEqual({ reason: closeReason, status: 'CLOSED', record: { id: target.id } });
    expect(problems).toEqual([]);
  });

  it('owner sets the DV support measure with its expiry and records consent as given by the family', async () => {
    await refresh();
    const target = all.find((r) => !r.concerns.categories.includes('DV') && !r.consent.sharedWith.includes('DISABILITY_WELFARE'))!;
    await signIn(page, s.origin, DepartmentCode.SINGLE_PARENT);
    await openRecord(page, target.id);
    const expires = await page.evaluate(() => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date(Date.now() + 200 * 86_400_000)));
    await section(page, 'PROTECTION').locator('button.edit').click();
    await page.locator('#protection-supportMeasure').check();
    await page.locator('#protection-expiresOn').fill(expires);
    await section(page, 'PROTECTION').locator('button[type=submit]').click();
    await expect.poll(() => section(page, 'PROTECTION').locator('button.edit').count()).toBe(1);
    expect(await section(page, 'PROTECTION').innerText()).toContain(expires);

    await section(page, 'CONSENT').locator('button.edit').click();
    await page.locator('#consent-sharedWith-DISABILITY_WELFARE').check();
    await section(page, 'CONSENT').locator('button[type=submit]').click();
    await expect.poll(() => section(page, 'CONSENT').locator('button.edit').count()).toBe(1);
    expect(await section(page, 'CONSENT').innerText()).toContain('障害担当課');

    const stored = (await gql('query($id: ID!) { record(id: $id) { protection { supportMeasure expiresOn dvProtected } consent { sharedWith } } }', { id: target.id }, await owner())).record;
    expect(stored.protection).toEqual({ supportMeasure: true, expiresOn: expires, dvProtected: true });
    expect(stored.consent.sharedWith).toEqual([...new Set([...target.consent.sharedWith, 'DISABILITY_WELFARE'])].sort());
    // And now that department sees the record, without address or contact.
    const dw = await s.t.login(DepartmentCode.DISABILITY_WELFARE);
    const seen = (await s.t.gql('query($id: ID!) { record(id: $id) { referenceNumber access { section reason } } }', { id: target.id }, dw)).body.data!.record;
    expect(seen.referenceNumber).toBe(target.referenceNumber);
    expect(seen.access.filter((a: { reason: string | null }) => a.reason === 'DV_PROTECTED').map((a: { section: string }) => a.section).sort()).toEqual(['ADDRESS', 'CONTACT']);
    expect(problems).toEqual([]);
  });

  it('switches to English and back', async () => {
    await signIn(page, s.origin, DepartmentCode.LIVELIHOOD_SUPPORT);
    await page.locator('button[aria-label="Switch to English"]').click();
    await expect.poll(() => page.locator('nav[aria-label="Main menu"]').innerText()).toContain('Records');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.locator('nav a[href="#/records"]').click();
    await waitForHeadingFocus(page, 'Find records');
    await page.locator('button[aria-label="日本語に切り替える"]').click();
    await expect.poll(() => page.locator('staff-records h1').innerText()).toBe('電子個人票の検索');
  });
});
