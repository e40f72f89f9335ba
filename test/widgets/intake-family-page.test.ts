// Found trying the product as a parent (N2): after sending the intake with consent the receipt showed a
// reference number and nothing to go on with. It now leads to the family page 「申請・手続きのページへ」
// with a one-time hand-off in the fragment (no personal data, not the reference number): the family page
// spends it once, the code goes to the e-mail given on the form, and the parent signs in with that code
// alone — here on the demo pages (/ and /mypage, both widgets served as webmasters paste them), by keyboard.
// Opening the spent link again keeps a signed-in family signed in and tells them so (trial).
import { simpleParser } from 'mailparser';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FamilyHandoff } from '../../api/application';
import { expectAxeClean } from './support/axe';
import { ensureBundle, shadowText, tabTo, waitForStep } from './support/browser';
import { consentAndSend, next, toResults, waitFor } from './support/flow';
import { startRealApiPage, type RealApiPage } from './support/real-api';

let s: RealApiPage;

beforeAll(async () => {
  ensureBundle();
  s = await startRealApiPage('/unused', () => '');
  await s.t.app.services.outreach!.useMailCatcher();
});
afterAll(() => s?.close());

const my = (page: Page, sel: string) => page.locator(`yorisoi-mypage ${sel}`);
const myHeading = (page: Page) => my(page, 'h2').first().textContent();
async function tabInMypage(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 60; i++) {
    if (await page.evaluate((x) => !!document.querySelector('yorisoi-mypage')?.shadowRoot?.activeElement?.matches(x), selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Step 7 by keyboard: yes, by e-mail, with a name (the application is pre-filled from it). */
async function contactByEmail(p: Page, email: string): Promise<void> {
  await tabTo(p, 'input[name=want][value=y]');
  await p.keyboard.press('Space');
  // One radio of a group is in the Tab order: the arrow key moves to (and picks) e-mail.
  await tabTo(p, 'input[name=ch][value=PHONE]');
  await p.keyboard.press('ArrowDown');
  await tabTo(p, '#email');
  await p.keyboard.type(email);
  await tabTo(p, '#fam');
  await p.keyboard.type('引継');
  await tabTo(p, '#giv');
  await p.keyboard.type('花子');
  await p.keyboard.press('Enter');
}

describe('intake receipt → family page', () => {
  it('leads from the receipt to the family page, which signs in with the code from the mailbox and starts a pre-filled application', async () => {
    const email = 'handoff-parent@example.jp';
    // The demo pages have a strict CSP: axe is injected with bypassCSP.
    const context = await s.browser.newContext({ viewport: { width: 390, height: 800 }, bypassCSP: true });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${s.origin}/`);
    await page.waitForFunction(() => !!document.querySelector('yorisoi-intake')?.shadowRoot?.querySelector('h2'));
    await toResults(page);
    await next(page);
    await waitForStep(page, '市から連絡してほしいですか');
    await contactByEmail(page, email);
    await waitFor(page, '#consent');
    await consentAndSend(page);
    await waitForStep(page, '受け付けました');
    const ref = await shadowText(page, '[part=reference]');
    expect(ref).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);

    await waitFor(page, '#family-link');
    expect(await shadowText(page, '#family-link')).toBe('申請・手続きのページへ');
    const href = await page.evaluate(() => document.querySelector('yorisoi-intake')!.shadowRoot!.querySelector<HTMLAnchorElement>('#family-link')!.href);
    // A one-time token in the fragment; nothing of the family (not the reference number, not the e-mail) in the address.
    expect(href).toMatch(new RegExp(`^${s.origin}/mypage#yorisoi-intake=yfh_[A-Za-z0-9_-]{40,}$`));
    expect(href).not.toContain(ref);
    expect(href).not.toContain(encodeURIComponent(email));
    expect(href).not.toContain('handoff-parent');
    await expectAxeClean(page, 'receipt with the family link');

    await tabTo(page, '#family-link');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${s.origin}/mypage`);
    // The family page asked for the code by itself: the code view, focused, with nothing typed.
    await page.waitForFunction(() => {
      const root = document.querySelector('yorisoi-mypage')?.shadowRoot;
      return !!root?.querySelector('#code') && root.activeElement?.tagName === 'H2';
    });
    expect(page.url()).toBe(`${s.origin}/mypage`); // the token left the address bar
    expect(await my(page, '[role=status]').textContent()).toContain('受付で入力した連絡先');
    const mails = () => (s.t.app.services.outreach!.catcher?.mails ?? []).filter((m) => m.to.includes(email));
    await expect.poll(() => mails().length, { timeout: 20_000 }).toBe(1);
    const code = /\b(\d{6})\b/.exec((await simpleParser(mails()[0]!.raw)).text ?? '')![1]!;
    await tabInMypage(page, '#code');
    await page.keyboard.type(code);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => myHeading(page), { timeout: 15_000 }).toContain('あなたの申請');
    expect(await my(page, 'section').textContent()).toContain('まだ申請はありません');
    await expectAxeClean(page, 'family page home after the hand-off');

    await tabInMypage(page, 'button[aria-label^="申請する: 児童扶養手当 現況届"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => myHeading(page)).toContain('現況届');
    expect(await my(page, '#q-familyName').inputValue()).toBe('引継');
    expect(await s.t.em().count(FamilyHandoff, { usedAt: { $ne: null } })).toBe(1);

    // The same link again in this tab (history), still signed in: it is spent, but that must not sign the
    // family out (trial) — the page stays, and says plainly that the link was used and they are signed in.
    await page.goto('about:blank');
    await page.goto(href);
    await expect.poll(() => myHeading(page), { timeout: 15_000 }).toContain('あなたの申請');
    const used = 'このリンクはすでに使われています。あなたはサインインしたままです。';
    await expect.poll(() => my(page, '[role=status]').textContent()).toContain(used);
    expect(await my(page, 'p.help').allTextContents()).toContain(`${used}このページをそのままお使いください。`);
    expect(page.url()).toBe(`${s.origin}/mypage`);
    expect(await my(page, '#ref').count()).toBe(0);
    await expectAxeClean(page, 'a spent link while signed in');
    expect(mails()).toHaveLength(1);
    expect(problems).toEqual([]);
    await context.close();

    // On a device not signed in (a shared screen, another browser): spent, so it only offers the ordinary sign-in.
    const elsewhere = await s.browser.newContext({ viewport: { width: 390, height: 800 }, bypassCSP: true });
    const other = await elsewhere.newPage();
    await other.goto(href);
    await other.waitForFunction(() => !!document.querySelector('yorisoi-mypage')?.shadowRoot?.querySelector('#ref'));
    await expect.poll(() => my(other, '[role=status]').textContent()).toContain('このリンクは使えなくなりました');
    expect(mails()).toHaveLength(1);
    await elsewhere.close();
  }, 120_000);
});
