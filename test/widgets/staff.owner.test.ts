import { describe, expect, it } from 'vitest';
import { s, page, problems, all, owner, gql, refresh, section, openRecord, otherDesk, useStaffConsole } from './support/staff-console';
import { DepartmentCode, signIn, submitPublic, waitForHeadingFocus } from './support/staff';

// The staff console (/staff) in real Chromium against the REAL API app: the owning department's work —
// every section, consultations, editing (a version conflict, a value refused), the inbox, search and
// paging, referral to a partner, the DV support measure and consent.

useStaffConsole();

describe('staff console: the owning department at work', () => {
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

    const stored = await gql(
      'query($id: ID!) { record(id: $id) { consultations { summary channel followUp department staffName } } }',
      { id: target.id },
      await owner(),
    );
    expect(stored.record.consultations).toContainEqual({
      summary,
      channel: 'PHONE',
      followUp: '来週、保育課に確認して折り返す',
      department: 'SINGLE_PARENT',
      staffName: expect.any(String),
    });
    expect(problems).toEqual([]);
  });

  it('recording a consultation: the method has no default; without it the caseworker is told at the field and nothing is stored (trial T13)', async () => {
    const target = all.find((r) => !r.concerns.categories.includes('DV'))!;
    const count = async () =>
      (await gql('query($id: ID!) { record(id: $id) { consultations { summary } } }', { id: target.id }, await owner())).record.consultations.length as number;
    const before = await count();
    await signIn(page, s.origin, DepartmentCode.SINGLE_PARENT);
    await page.evaluate((id) => (location.hash = `#/records/${id}/consultations`), target.id);
    await page.locator('#c-summary').waitFor();
    const channel = page.locator('#c-channel');
    expect(await channel.inputValue()).toBe('');
    expect(await channel.locator('option:checked').innerText()).toBe('選んでください');
    const summary = `電話での相談（方法なし ${Date.now()}）`;
    await page.locator('#c-summary').fill(summary);
    await page.locator('staff-consultations button[type=submit]').focus(); // submitted by keyboard
    await page.keyboard.press('Enter');
    // Told at the field itself, tied to it, and the focus taken there.
    const error = page.locator('staff-consultations .field:has(#c-channel) #c-error');
    await error.waitFor();
    expect(await error.innerText()).toBe('相談の方法（来所・電話など）を選んでください。');
    expect(await channel.getAttribute('aria-invalid')).toBe('true');
    expect(await channel.getAttribute('aria-describedby')).toBe('c-error');
    expect(await channel.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    expect(await page.locator('#c-summary').inputValue()).toBe(summary); // the input is kept
    expect(await count()).toBe(before); // nothing stored
    // Chosen by keyboard (電話), it is stored as a phone consultation.
    await channel.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await channel.inputValue()).toBe('PHONE');
    await page.locator('staff-consultations button[type=submit]').click();
    await page.locator('staff-consultations td', { hasText: summary }).waitFor();
    expect(await page.locator('#c-error').count()).toBe(0);
    expect(await channel.inputValue()).toBe(''); // a fresh form: unchosen again
    const stored = await gql('query($id: ID!) { record(id: $id) { consultations { summary channel } } }', { id: target.id }, await owner());
    expect(stored.record.consultations).toContainEqual({ summary, channel: 'PHONE' });
    expect(problems).toEqual([]);
  });

  it('the method message exists in Japanese, English and やさしい日本語', async () => {
    const { T } = await import('../../widgets/staff/i18n.js');
    for (const key of ['channelRequired', 'channelChoose'] as const) {
      expect(T[key]).toHaveLength(3);
      for (const text of T[key]) expect(text.length).toBeGreaterThan(0);
    }
  });

  it('owner edits a section; a version conflict is shown, the input kept, and saved after loading the latest', async () => {
    await refresh();
    const target = all.find((r) => !r.concerns.categories.includes('DV') && r.id !== all[0]!.id)!;
    await signIn(page, s.origin, DepartmentCode.SINGLE_PARENT);
    await openRecord(page, target.id);
    await section(page, 'INCOME').locator('button.edit').click();
    await page.locator('#income-annualEmploymentIncome').fill('２，３４５，０００');

    // Meanwhile someone else changes the record.
    await gql(
      'mutation($i: UpdateRecordSectionInput!) { updateRecordSection(input: $i) { version } }',
      { i: { id: target.id, expectedVersion: target.version, selfReliancePlan: { goal: '別の職員が更新' } } },
      await owner(),
    );

    await section(page, 'INCOME').locator('button[type=submit]').click();
    await expect.poll(() => section(page, 'INCOME').locator('[role=alert]').innerText()).toContain('ほかの職員が先にこの個人票を更新しました');
    expect(await page.locator('#income-annualEmploymentIncome').inputValue()).toBe('２，３４５，０００');

    await section(page, 'INCOME').locator('button', { hasText: '最新の内容を読み込む' }).click();
    await expect.poll(() => section(page, 'SELF_RELIANCE_PLAN').innerText()).toContain('別の職員が更新');
    expect(await page.locator('#income-annualEmploymentIncome').inputValue()).toBe('２，３４５，０００');
    await section(page, 'INCOME').locator('button[type=submit]').click();
    await expect.poll(() => section(page, 'INCOME').innerText()).toContain('2,345,000');

    const stored = await gql(
      'query($id: ID!) { record(id: $id) { income { annualEmploymentIncome } selfReliancePlan { goal } } }',
      { id: target.id },
      await owner(),
    );
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
      const ja = {
        CHILDCARE: '子育て',
        WORK: '仕事',
        HOUSING: '住まい',
        FINANCES: '家計',
        MENTAL_HEALTH: '心の健康',
        MEDICAL: '医療',
        CHILD_SUPPORT: '養育費',
        EDUCATION: '教育',
        LEGAL: '法律',
        DV: 'DV',
      }[c];
      expect(await first.innerText()).toContain(ja);
    }
    await first.locator('button', { hasText: '担当する' }).click();
    await expect.poll(() => first.getAttribute('data-status')).toBe('TAKEN');
    expect(await first.innerText()).toContain('相談員 一花');
    const taken = (await gql('{ inbox(status: TAKEN, first: 50) { edges { node { referenceNumber takenBy { name } } } } }', {}, token)).inbox.edges.map(
      (e: { node: unknown }) => e.node,
    );
    expect(taken).toContainEqual({ referenceNumber: newest.referenceNumber, takenBy: { name: '相談員 一花' } });

    // Another department: an empty inbox, said plainly.
    await otherDesk();
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
    const expected = (
      await gql(
        '{ records(first: 100, filter: { concern: HOUSING, consentedTo: PUBLIC_HOUSING, createdTo: "2099-12-31" }) { totalCount edges { node { referenceNumber } } } }',
        {},
        await owner(),
      )
    ).records;
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

    const stored = (
      await gql(
        'query($id: ID!) { record(id: $id) { protection { supportMeasure expiresOn dvProtected } consent { sharedWith } } }',
        { id: target.id },
        await owner(),
      )
    ).record;
    expect(stored.protection).toEqual({ supportMeasure: true, expiresOn: expires, dvProtected: true });
    expect(stored.consent.sharedWith).toEqual([...new Set([...target.consent.sharedWith, 'DISABILITY_WELFARE'])].sort());
    // And now that department sees the record, without address or contact.
    const dw = await s.t.login(DepartmentCode.DISABILITY_WELFARE);
    const seen = (await s.t.gql('query($id: ID!) { record(id: $id) { referenceNumber access { section reason } } }', { id: target.id }, dw)).body.data!.record;
    expect(seen.referenceNumber).toBe(target.referenceNumber);
    expect(
      seen.access
        .filter((a: { reason: string | null }) => a.reason === 'DV_PROTECTED')
        .map((a: { section: string }) => a.section)
        .sort(),
    ).toEqual(['ADDRESS', 'CONTACT']);
    expect(problems).toEqual([]);
  });
});
