import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../api/server/app';
import { TEST_LIMITS, TEST_SECRET } from '../support/app';
import { s, page, problems, all, owner, gql, openRecord, useStaffConsole } from './support/staff-console';
import { deepHtml, DepartmentCode, signIn, TEST_PASSWORD, waitForHeadingFocus } from './support/staff';

// The staff console (/staff) in real Chromium against the REAL API app: a sign-in that ends while a form
// holds unsaved input (revoked, or really expired), cancelling the re-login, and signing out.

useStaffConsole();

describe('staff console: when the sign-in ends', () => {
  it('when the sign-in ends, a re-login dialog keeps the unsaved consultation and saves it after signing in', async () => {
    const target = all.find((r) => !r.concerns.categories.includes('DV') && r.id !== all[1]!.id)!;
    await signIn(page, s.origin, DepartmentCode.SINGLE_PARENT);
    await page.evaluate((id) => (location.hash = `#/records/${id}/consultations`), target.id);
    await page.locator('#c-summary').waitFor();
    const summary = `窓口で家計の相談。フードバンクを案内（再ログイン ${Date.now()}）`;
    await page.locator('#c-channel').selectOption('IN_PERSON');
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
      await page.locator('#c-channel').selectOption('PHONE');
      await page.locator('#c-summary').fill(summary);
      // Wait until the API itself refuses the token as expired.
      const token = await page.evaluate(() => JSON.parse(sessionStorage.getItem('yorisoi-staff:session')!).token as string);
      await expect
        .poll(
          async () =>
            (
              await request(short.express)
                .post('/graphql')
                .set('content-type', 'application/json')
                .set('authorization', `Bearer ${token}`)
                .send({ query: '{ me { id } }' })
            ).body.errors?.[0]?.extensions?.code,
          { timeout: 15_000, interval: 500 },
        )
        .toBe('UNAUTHENTICATED');
      await page.locator('staff-consultations button[type=submit]').click();
      const dialog = page.locator('dialog[open]');
      await dialog.waitFor();
      expect(await page.locator('#c-summary').inputValue()).toBe(summary);
      await dialog.locator('#password').fill(TEST_PASSWORD);
      await dialog.locator('button[type=submit]').click();
      // (The new token lives 3 s too, so check the result through the API rather than the page.)
      const summaries = async () =>
        (await gql('query($id: ID!) { record(id: $id) { consultations { summary } } }', { id: target.id }, await owner())).record.consultations.map(
          (c: { summary: string }) => c.summary,
        );
      await expect.poll(summaries, { timeout: 10_000 }).toContain(summary);
      expect((await summaries()).filter((x: string) => x === summary)).toHaveLength(1);
    } finally {
      await new Promise((r) => http.close(r));
      await short.stop();
    }
  });

  it('cancelling the re-login dialog keeps the input and says it was not saved', async () => {
    // Only a family that consented to share with partners can be referred (issue 18).
    const target = all.find((r) => !r.concerns.categories.includes('DV') && r.consent.shareWithPartners)!;
    await signIn(page, s.origin, DepartmentCode.SINGLE_PARENT);
    await page.evaluate((id) => (location.hash = `#/records/${id}/consultations`), target.id);
    await page.locator('#c-channel').selectOption('PHONE');
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
});
