import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawQuery } from '../../api/db/raw-query';
import { createNotices, optedInChannels, consentHistory, figures, NoticeKind, OutreachChannel } from '../../api/outreach';
import { startTestApp, type TestApp } from '../support/app';

const SUBMIT = `mutation Submit($input: IntakeInput!) { submitIntake(input: $input) { referenceNumber } }`;
const SETTINGS = `query { intakeSettings(municipalityCode: "999999") { outreachPurpose outreachPurposeVersion } }`;
const answers = (over: Record<string, unknown> = {}) => ({
  idempotencyKey: randomUUID(),
  municipalityCode: '999999',
  identity: { familyName: '通知', givenName: '花' },
  contact: { email: 'tsuchi@example.test', phone: '090-5555-6666', contactAllowed: true, preferredChannel: 'EMAIL' },
  consent: { sharedWith: [], shareWithPartners: false, privacyNoticeVersion: '2026-04' },
  ...over,
});

describe('outreach: the declared purpose, opt-in at intake, the family’s page and one-click unsubscribe', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ records: 3 });
  });
  afterAll(() => t.close());

  const recordOf = async (ref: string) => (await rawQuery<{ id: string }>(t.em(), 'select id from personal_record where reference_number = ?', [ref]))[0]!.id;

  it('states receiving notices as a purpose of its own, in the three languages, with a version', async () => {
    for (const [lang, word] of [
      ['ja', 'お知らせ'],
      ['en', 'Notices'],
      ['ja-easy', 'おしらせ'],
    ] as const) {
      const res = await t.gql(SETTINGS, {}, undefined, { 'accept-language': lang });
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data!.intakeSettings.outreachPurpose).toContain(word);
      expect(res.body.data!.intakeSettings.outreachPurposeVersion).toBe('2026-12');
    }
  });

  it('records the channels ticked at intake (with how, when and the purpose version), only when contact is allowed', async () => {
    const a = await t.gql(SUBMIT, { input: answers({ outreachChannels: ['EMAIL', 'PHONE'] }) });
    expect(a.body.errors).toBeUndefined();
    const id = await recordOf(a.body.data!.submitIntake.referenceNumber);
    expect([...(await optedInChannels(t.em(), id))].sort()).toEqual(['EMAIL', 'PHONE']);
    const history = await consentHistory(t.em(), id);
    expect(history.map((h) => [h.method, h.recordedBy, h.purposeVersion])).toEqual([
      ['intake', null, '2026-12'],
      ['intake', null, '2026-12'],
    ]);

    const b = await t.gql(SUBMIT, { input: answers({ outreachChannels: ['EMAIL'], contact: { email: 'x@example.test', contactAllowed: false } }) });
    expect(b.body.errors).toBeUndefined();
    expect([...(await optedInChannels(t.em(), await recordOf(b.body.data!.submitIntake.referenceNumber)))]).toEqual([]);

    const c = await t.gql(SUBMIT, { input: answers({ outreachChannels: ['FAX'] }) });
    expect(c.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('opens the family’s page from the signed link (recorded once), lists the programme, and one-click POST stops e-mail at once', async () => {
    const a = await t.gql(SUBMIT, { input: answers({ outreachChannels: ['EMAIL'] }) });
    const recordId = await recordOf(a.body.data!.submitIntake.referenceNumber);
    const { created } = await createNotices(t.em(), null, [
      {
        municipalityCode: '999999',
        recordId,
        department: 'single-parent',
        kind: NoticeKind.PROGRAMME_FITS,
        trigger: 'test',
        programmeId: 'child-rearing-allowance',
        period: '2026',
        facts: { programmeIds: ['child-rearing-allowance', 'school-expense-aid'] },
      },
    ]);
    const token = t.app.services.outreach!.links.token(created[0]!);

    const page = await t.http.get(`/outreach/n/${token}`);
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.text).toContain('児童扶養手当');
    expect(page.text).toContain('就学援助');
    expect(page.text).toContain(`action="/outreach/unsubscribe/${token}"`);
    expect(page.text).not.toMatch(/<img|<script/i);
    await t.http.get(`/outreach/n/${token}`);
    const opened = (await figures(t.em(), '999999', '2000-01', '2999-12')).filter((f) => f.metric === 'link-opened');
    expect(opened.reduce((s, f) => s + f.count, 0)).toBe(1);

    // A GET of the unsubscribe URL (a link scanner) changes nothing.
    expect((await t.http.get(`/outreach/unsubscribe/${token}`)).status).toBe(200);
    expect([...(await optedInChannels(t.em(), recordId))]).toEqual(['EMAIL']);

    const post = await t.http.post(`/outreach/unsubscribe/${token}`).type('form').send('List-Unsubscribe=One-Click');
    expect(post.status).toBe(200);
    expect([...(await optedInChannels(t.em(), recordId))]).toEqual([]);
    expect((await consentHistory(t.em(), recordId))[0]).toMatchObject({
      channel: OutreachChannel.EMAIL,
      granted: false,
      method: 'one-click',
      recordedBy: null,
    });
    const optOuts = (await figures(t.em(), '999999', '2000-01', '2999-12')).filter((f) => f.metric === 'opt-out');
    expect(optOuts.reduce((s, f) => s + f.count, 0)).toBe(1);
  });

  it('refuses a forged, altered or expired link without saying which', async () => {
    const id = randomUUID();
    const good = t.app.services.outreach!.links.token(id);
    for (const bad of [
      good.slice(0, -2) + 'xx',
      good.replace(/\.\d+\./, '.99999999999.'),
      t.app.services.outreach!.links.token(id, Date.now() - 40 * 86_400_000),
      'nonsense',
    ]) {
      const res = await t.http.get(`/outreach/n/${bad}`);
      expect(res.status).toBe(404);
      expect(res.text).toContain('このリンクは使えません');
      expect((await t.http.post(`/outreach/unsubscribe/${bad}`).type('form').send('List-Unsubscribe=One-Click')).status).toBe(404);
    }
  });
});
