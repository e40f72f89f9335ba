import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rawQuery } from '../../api/db/raw-query';
import { consentHistory, optedInChannels } from '../../api/outreach';
import type { TestApp } from '../support/app';
import { expectAxeClean } from './support/axe';
import { ensureBundle, openWidget, shadowText, tabTo, waitForStep } from './support/browser';
import { confirmAndSend, contactByPhone, next, toResults, waitFor } from './support/flow';
import { startRealApiPage, type RealApiPage } from './support/real-api';

// The intake form's opt-in to notices (issue 16), in Chromium against the real API: with the consent
// step the family is asked whether and how it may be told about programmes it did not ask about —
// one checkbox per channel it can be reached on, nothing pre-ticked — and what it ticks becomes the
// per-channel consent in api/outreach, with its history (method intake, the purpose text's version).

let s: RealApiPage;
let t: TestApp;
let origin: string;
let page: Page;
let problems: string[];

const page_ = (lang: string) => `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><title>デモ市</title>
<script type="module" src="/widgets/intake.js"></script></head>
<body><main><h1>デモ市</h1><yorisoi-intake api="/graphql" municipality="999999" lang="${lang}"></yorisoi-intake></main></body></html>`;

beforeAll(async () => {
  ensureBundle();
  s = await startRealApiPage('/intake-optin', page_);
  ({ t, origin } = s);
});
afterAll(() => s?.close());
beforeEach(async () => {
  ({ page, problems } = await s.newPage());
});

async function recordId(referenceNumber: string): Promise<string> {
  const [row] = await rawQuery<{ id: string }>(t.em(), `select id from personal_record where reference_number = ?`, [referenceNumber]);
  return row!.id;
}

const offered = (p: Page) =>
  p.evaluate(() =>
    Array.from(document.querySelector('yorisoi-intake')!.shadowRoot!.querySelectorAll<HTMLInputElement>('#notify input[type=checkbox]')).map(
      (i) => `${i.value}:${i.checked}`,
    ),
  );

describe('<yorisoi-intake>: opting in to notices', () => {
  it('offers SMS, a call and LINE to a family that gave a phone number, none ticked; what is ticked is stored as consent with its history', async () => {
    const settings = await t.gql('{ intakeSettings(municipalityCode: "999999") { outreachPurpose outreachPurposeVersion } }');
    const purpose = settings.body.data!.intakeSettings as { outreachPurpose: string; outreachPurposeVersion: string };
    await openWidget(page, `${origin}/intake-optin`);
    await toResults(page, { dv: false });
    await next(page);
    await waitForStep(page, '市から連絡してほしいですか');
    await contactByPhone(page);
    await waitForStep(page, '情報の共有への同意');
    await waitFor(page, '#notify');
    expect(await offered(page)).toEqual(['SMS:false', 'PHONE:false', 'LINE:false']);
    expect(await shadowText(page, '#notify legend')).toContain('支援制度のお知らせの受け取り');
    expect(await shadowText(page, '#notify-hint')).toContain(purpose.outreachPurpose);
    await expectAxeClean(page, 'intake, consent step with notices');

    // Keyboard only: SMS and LINE.
    await tabTo(page, '#notify input[value=SMS]');
    await page.keyboard.press('Space');
    await tabTo(page, '#notify input[value=LINE]');
    await page.keyboard.press('Space');
    expect(await offered(page)).toEqual(['SMS:true', 'PHONE:false', 'LINE:true']);

    // The confirmation lists them, then the form is sent.
    await next(page);
    await waitForStep(page, '送信する内容の確認');
    expect(await shadowText(page, '[part=confirm]')).toMatch(/SMS（ショートメッセージ）で受け取る、LINEで受け取る/);
    await tabTo(page, 'button[type=submit]');
    await page.keyboard.press('Enter');
    await waitForStep(page, '受け付けました');
    const id = await recordId(await shadowText(page, '[part=reference]'));

    expect([...(await optedInChannels(t.em(), id))].sort()).toEqual(['LINE', 'SMS']);
    const history = await consentHistory(t.em(), id);
    expect(
      history
        .map((h) => ({ channel: h.channel, granted: h.granted, method: h.method, recordedBy: h.recordedBy, purposeVersion: h.purposeVersion }))
        .sort((a, b) => a.channel.localeCompare(b.channel)),
    ).toEqual([
      { channel: 'LINE', granted: true, method: 'intake', recordedBy: null, purposeVersion: purpose.outreachPurposeVersion },
      { channel: 'SMS', granted: true, method: 'intake', recordedBy: null, purposeVersion: purpose.outreachPurposeVersion },
    ]);
    expect(problems).toEqual([]);
  }, 180_000);

  it('offers nothing to a family that wants no contact, and stores no opt-in', async () => {
    await openWidget(page, `${origin}/intake-optin?lang=ja`);
    await toResults(page, { dv: false });
    await next(page);
    await waitForStep(page, '市から連絡してほしいですか');
    await contactByPhone(page);
    await waitForStep(page, '情報の共有への同意');
    await waitFor(page, '#notify');
    // Back to the contact step: no contact after all; the notices part then only explains.
    await tabTo(page, 'button[part~=button-back]');
    await page.keyboard.press('Enter');
    await waitForStep(page, '市から連絡してほしいですか');
    await tabTo(page, 'input[name=want][value=y]');
    await page.keyboard.press('ArrowDown');
    await next(page);
    await waitForStep(page, '情報の共有への同意');
    expect(await offered(page)).toEqual([]);
    expect(await shadowText(page, '#notify')).toContain('連絡を希望した方にお送りします');
    await confirmAndSend(page);
    await waitForStep(page, '受け付けました');
    const id = await recordId(await shadowText(page, '[part=reference]'));
    expect([...(await optedInChannels(t.em(), id))]).toEqual([]);
    expect(await consentHistory(t.em(), id)).toEqual([]);
    expect(problems).toEqual([]);
  }, 180_000);
});
