import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DepartmentCode } from '../../api/core/departments';
import type { TestApp } from '../support/app';
import { startRealApiPage, type RealApiPage } from './support/real-api';
import { ensureBundle, openWidget, shadowText, tabTo, waitForStep } from './support/browser';
import { confirmAndSend, consentAndSend, contactByPhone, next, toResults, waitFor } from './support/flow';

// <yorisoi-intake> against the REAL API (in-process, on the test database): the page, the bundle and
// /graphql share one origin — the API's own — which is added to the service's global origins, so
// submitIntake accepts the browser's Origin header. Completed by keyboard, then checked as staff.

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
  ensureBundle(); // before the app starts: it serves dist/widgets only if it exists
  s = await startRealApiPage('/intake-test', page_);
  ({ t, origin } = s);
});
afterAll(() => s?.close());
beforeEach(async () => {
  ({ page, problems } = await s.newPage());
});

const RECORD = `query($f: RecordFilter) { records(first: 5, filter: $f) { totalCount edges { node { source
  identity { familyName familyNameKana givenNameKana } address { postalCode street } contact { contactAllowed phone email preferredChannel }
  consent { sharedWith shareWithPartners privacyNoticeVersion } concerns { categories } household { children { birthDate } } income { annualEmploymentIncome } } } } }`;

async function recordOf(referenceNumber: string) {
  const res = await t.gql(RECORD, { f: { referenceNumber } }, await t.login(DepartmentCode.SINGLE_PARENT));
  expect(res.body.errors).toBeUndefined();
  expect(res.body.data!.records.totalCount).toBe(1);
  return res.body.data!.records.edges[0].node;
}

describe('<yorisoi-intake> against the real API', () => {
  it('is completed by keyboard in Japanese and stored with the consents and concerns as given', async () => {
    await openWidget(page, `${origin}/intake-test`);
    await toResults(page, { dv: false });
    expect(await shadowText(page, '[part=results]')).not.toBe('');
    await next(page);
    await waitForStep(page, '市から連絡してほしいですか');
    await contactByPhone(page);
    await waitFor(page, '#consent');
    expect(await shadowText(page, '[part=notice]')).toContain('ひとり親家庭への支援のためにだけ使います');
    await consentAndSend(page);
    await waitForStep(page, '受け付けました');
    const ref = await shadowText(page, '[part=reference]');
    expect(ref).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(await shadowText(page, 'ul.list')).toContain('連絡');

    const node = await recordOf(ref);
    expect(node).toMatchObject({
      source: 'INTAKE',
      identity: { familyName: '山田', familyNameKana: 'ヤマダ', givenNameKana: 'ハナコ' },
      address: { postalCode: '123-4567', street: 'デモ町1-2-3' },
      contact: { contactAllowed: true, phone: '090-1234-5678', preferredChannel: 'PHONE' },
      consent: { sharedWith: ['LIVELIHOOD_SUPPORT'], shareWithPartners: true, privacyNoticeVersion: '2026-04' },
      concerns: { categories: ['CHILDCARE'] },
      household: { children: [{ birthDate: '2018-04-01' }] },
      income: { annualEmploymentIncome: 1800000 },
    });
    expect(problems).toEqual([]);
  }, 120_000);

  it('is completed by keyboard in English without contact: no street stored, consents as ticked', async () => {
    await openWidget(page, `${origin}/intake-test?lang=en`);
    await toResults(page, { en: true, dv: true });
    await next(page);
    await waitForStep(page, 'Would you like us to contact you?');
    await tabTo(page, 'input[name=want][value=y]');
    await page.keyboard.press('ArrowDown'); // No
    await next(page);
    await waitForStep(page, 'Sharing your information');
    await waitFor(page, '#consent');
    expect(await shadowText(page, '[part=notice]')).toContain('What you enter is used only to support your family.');
    expect(await shadowText(page, '#consent')).toContain('Helps with living costs, work and the household budget');
    await tabTo(page, 'input[value=PUBLIC_HOUSING]');
    await page.keyboard.press('Space');
    await tabTo(page, 'input[value=DISABILITY_WELFARE]');
    await page.keyboard.press('Space');
    await confirmAndSend(page, 'Send', 'Check what you send');
    await waitForStep(page, 'We received your form');
    const ref = await shadowText(page, '[part=reference]');
    // DV: the safety numbers again, and first among the next steps.
    expect(await shadowText(page, '[role=alert]')).toContain('#8008');
    expect(await shadowText(page, 'ul.list')).toContain('call 110');

    const node = await recordOf(ref);
    expect(node.address).toEqual({ postalCode: '123-4567', street: null });
    expect(Object.values(node.identity ?? {}).every((v) => v === null)).toBe(true); // no name was asked
    expect(node.contact).toMatchObject({ contactAllowed: false, phone: null, email: null });
    expect(node.consent).toMatchObject({ sharedWith: expect.arrayContaining(['PUBLIC_HOUSING', 'DISABILITY_WELFARE']), shareWithPartners: false });
    expect(node.consent.sharedWith).toHaveLength(2);
    expect([...node.concerns.categories].sort()).toEqual(['CHILDCARE', 'DV']);
    expect(problems).toEqual([]);
  }, 120_000);
});
