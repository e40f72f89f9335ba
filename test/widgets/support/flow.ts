import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { shadowText, tabTo, typeDate, waitForStep } from './browser';

/** Keyboard-only walks through <yorisoi-intake>, shared by the fake-server and real-API tests. */

/**
 * The income year the form asks about and sends today (児童扶養手当: November–October on the previous
 * year's income; widgets/intake/model.ts incomeYearOn). The browser and the tests share the clock.
 */
export function incomeYearNow(d = new Date()): number {
  return (d.getMonth() + 1 >= 11 ? d.getFullYear() : d.getFullYear() - 1) - 1;
}

export const inWidget = (p: Page, sel: string) => p.evaluate((s) => !!document.querySelector('yorisoi-intake')?.shadowRoot?.querySelector(s), sel);
export const waitFor = (p: Page, sel: string, timeout = 10_000) =>
  p.waitForFunction((s) => !!document.querySelector('yorisoi-intake')?.shadowRoot?.querySelector(s), sel, { timeout });

export async function next(p: Page): Promise<void> {
  await tabTo(p, 'button[type=submit]');
  await p.keyboard.press('Enter');
}

/** Steps 1–6 by keyboard, Japanese: one child, income, DV optional; ends on the results. */
export async function toResults(p: Page, opts: { dv?: boolean; en?: boolean } = {}): Promise<void> {
  const h = opts.en
    ? ['What troubles you', 'Your children', 'Income in', 'Support you already receive', 'Support you may be able to use']
    : ['お困りのこと', 'お子さん', '年の収入', '利用中の支援', '使える可能性のある支援'];
  await tabTo(p, '#postal');
  await p.keyboard.type('１２３－４５６７');
  await p.keyboard.press('Enter');
  await waitForStep(p, h[0]!);
  await tabTo(p, 'input[value=CHILDCARE]');
  await p.keyboard.press('Space');
  if (opts.dv) {
    await tabTo(p, 'input[value=DV]');
    await p.keyboard.press('Space');
  }
  await next(p);
  await waitForStep(p, h[1]!);
  await tabTo(p, '#child-0-b');
  await typeDate(p, '2018-04-01');
  await next(p);
  await waitForStep(p, h[2]!);
  await tabTo(p, '#salary');
  await p.keyboard.type('１，８００，０００');
  await p.keyboard.press('Enter');
  await waitForStep(p, h[3]!);
  await tabTo(p, 'input[value=child-allowance]');
  await p.keyboard.press('Space');
  await next(p);
  await waitForStep(p, h[4]!);
  await waitFor(p, '[part=results]');
}

/** Step 7 by keyboard: yes, by phone (full-width), name in kanji and hiragana, street. */
export async function contactByPhone(p: Page): Promise<void> {
  await tabTo(p, 'input[name=want][value=y]');
  await p.keyboard.press('Space');
  await tabTo(p, 'input[name=ch][value=PHONE]');
  await p.keyboard.press('Space');
  await tabTo(p, '#phone');
  await p.keyboard.type('０９０－１２３４－５６７８');
  await tabTo(p, '#fam');
  await p.keyboard.type('山田');
  await tabTo(p, '#giv');
  await p.keyboard.type('花子');
  await tabTo(p, '#famK');
  await p.keyboard.type('やまだ');
  await tabTo(p, '#givK');
  await p.keyboard.type('はなこ');
  await tabTo(p, '#street');
  await p.keyboard.type('デモ町1-2-3');
  await p.keyboard.press('Enter');
}

/** From the results to step 8 without contact: 「いいえ」 on step 7 (by arrow key: one radio per group is in the Tab order). */
export async function declineContact(p: Page): Promise<void> {
  await next(p);
  await waitForStep(p, '市から連絡してほしいですか');
  await tabTo(p, 'input[name=want][value=y]');
  await p.keyboard.press('ArrowDown');
  await next(p);
}

/** Step 8 by keyboard: ticks livelihood support and partners; step 9 (confirmation): sends. */
export async function consentAndSend(p: Page): Promise<void> {
  await waitForStep(p, '情報の共有への同意');
  await waitFor(p, '#consent');
  await tabTo(p, 'input[value=LIVELIHOOD_SUPPORT]');
  await p.keyboard.press('Space');
  await tabTo(p, '#partners');
  await p.keyboard.press('Space');
  await confirmAndSend(p);
}

/** From the consent step: on to the confirmation step (what will be sent, to whom), then 送信する. */
export async function confirmAndSend(p: Page, send = '送信する', heading = '送信する内容の確認'): Promise<void> {
  await next(p);
  await waitForStep(p, heading);
  await waitFor(p, '[part=confirm]');
  await tabTo(p, 'button[type=submit]');
  expect(await shadowText(p, 'button[type=submit]')).toBe(send);
  await p.keyboard.press('Enter');
}
