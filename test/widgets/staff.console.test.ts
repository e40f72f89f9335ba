import { describe, expect, it } from 'vitest';
import { s, page, problems, bodies, pendingBodies, all, owner, gql, section, openRecord, useStaffConsole, type Row } from './support/staff-console';
import { deepHtml, DepartmentCode, signIn, storageHolds, submitPublic, waitForHeadingFocus } from './support/staff';
import { inviteStaff } from '../support/staff-accounts';

// The staff console (/staff) in real Chromium against the REAL API app: the page itself, and what each
// department and role sees — what the policy withholds never reaches the page, the network or storage.
// The owner's work is in staff.owner.test.ts, a sign-in that ends in staff.session.test.ts.

useStaffConsole();

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

describe('staff console: what each department sees', () => {
  it('family register (戸籍担当課): identity and household, but notices instead of income, benefits and consultations', async () => {
    const shared =
      all.find((r) => r.consent.sharedWith.includes('FAMILY_REGISTER') && !r.concerns.categories.includes('DV') && r.consultations.length > 0) ??
      all.find((r) => r.consent.sharedWith.includes('FAMILY_REGISTER') && !r.concerns.categories.includes('DV'))!;
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
    const v1 = (
      await gql('query($id: ID!) { record(id: $id) { version consent { sharedWith shareWithPartners privacyNoticeVersion } } }', { id: dv.id }, token)
    ).record;
    const m = 'mutation($i: UpdateRecordSectionInput!) { updateRecordSection(input: $i) { version } }';
    let version = (
      await gql(m, { i: { id: dv.id, expectedVersion: v1.version, address: { postalCode: '999-9999', prefecture: 'デモ県', city: 'デモ市', street } } }, token)
    ).updateRecordSection.version;
    version = (await gql(m, { i: { id: dv.id, expectedVersion: version, contact: { contactAllowed: true, phone, preferredChannel: 'PHONE' } } }, token))
      .updateRecordSection.version;
    const sharedWith = [...new Set([...v1.consent.sharedWith, 'LIVELIHOOD_SUPPORT'])];
    await gql(
      m,
      {
        i: {
          id: dv.id,
          expectedVersion: version,
          consent: { sharedWith, shareWithPartners: v1.consent.shareWithPartners, privacyNoticeVersion: v1.consent.privacyNoticeVersion },
        },
      },
      token,
    );

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
    const res = await s.t.gql(
      'mutation($id: ID!) { takeInboxItem(id: $id) { id } }',
      { id: (await gql('{ inbox(first: 1) { edges { node { id } } } }', {}, await owner())).inbox.edges[0].node.id },
      await s.t
        .gql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: email, p: 'viewer-password-1234' })
        .then((r) => r.body.data!.login.token),
    );
    expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await openRecord(page, all[0]!.id);
    expect(await page.locator('staff-section').count()).toBe(10);
    expect(await page.locator('button.edit').count()).toBe(0);
    await page.locator('a', { hasText: '相談履歴' }).click();
    await waitForHeadingFocus(page, '相談対応履歴');
    expect(await page.locator('#c-summary').count()).toBe(0);
  });

  it('switches to English and back', async () => {
    await signIn(page, s.origin, DepartmentCode.LIVELIHOOD_SUPPORT);
    await page.locator('button[aria-label="Switch to English"]').click();
    await expect.poll(() => page.locator('nav[aria-label="Main menu"]').innerText()).toContain('Records');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.locator('nav a[href="#/records"]').click();
    await waitForHeadingFocus(page, 'Find records');
    // Amounts read as English writes them (the record showed 「1,377,000 円」 in English).
    const income = all.find((r) => r.consent.sharedWith.includes('LIVELIHOOD_SUPPORT') && (r.income as Row['income'] | null)?.annualEmploymentIncome)!;
    const yearly = income.income.annualEmploymentIncome;
    await openRecord(page, income.id);
    const amount = `¥${yearly.toLocaleString('en-US')}`;
    await expect.poll(() => section(page, 'INCOME').innerText()).toContain(amount);
    expect(await section(page, 'INCOME').innerText()).not.toContain('円');
    await page.locator('button[aria-label="日本語に切り替える"]').click();
    await expect.poll(() => section(page, 'INCOME').innerText()).toContain(`${yearly.toLocaleString('ja-JP')} 円`);
    await page.locator('nav a[href="#/records"]').click();
    await expect.poll(() => page.locator('staff-records h1').innerText()).toBe('電子個人票の検索');
  });
});
