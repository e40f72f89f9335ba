import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DepartmentCode } from '../../api/core/departments';
import { Municipality } from '../../api/municipality/municipality.entity';
import { PersonalRecord } from '../../api/record/personal-record.entity';
import { InboxItem } from '../../api/inbox/inbox-item.entity';
import { startTestApp, type TestApp } from '../support/app';

const SUBMIT = `mutation Submit($input: IntakeInput!) { submitIntake(input: $input) { referenceNumber receivedAt contactAllowed dvProtected nextSteps } }`;

const answers = (over: Record<string, unknown> = {}) => ({
  idempotencyKey: randomUUID(),
  municipalityCode: '999999',
  identity: { familyName: '受付', givenName: '花', familyNameKana: 'うけつけ', givenNameKana: 'はな' },
  address: { postalCode: '９９９－１２３４', prefecture: 'デモ県', city: 'デモ市', street: 'デモ町9-9' },
  contact: { phone: '０９０−１１１１−２２２２', contactAllowed: true, preferredChannel: 'PHONE' },
  household: { children: [{ birthDate: '2016-07-07', disability: false }] },
  income: { annualEmploymentIncome: 1_800_000, childSupportReceivedYearly: 0 },
  benefitsInUse: ['child-allowance'],
  concerns: { categories: ['WORK', 'FINANCES'], note: '仕事を探しています' },
  consent: { sharedWith: ['LIVELIHOOD_SUPPORT'], shareWithPartners: false, privacyNoticeVersion: '2026-04' },
  ...over,
});

describe('submitIntake (public)', () => {
  let t: TestApp;
  let owner: string;
  beforeAll(async () => {
    t = await startTestApp({ records: 2 });
    owner = await t.login(DepartmentCode.SINGLE_PARENT);
  });
  afterAll(() => t.close());

  const findByRef = (ref: string, token: string) =>
    t.gql(
      `query($f: RecordFilter) { records(first: 5, filter: $f) { totalCount edges { node { source identity { familyNameKana } address { postalCode street } contact { phone } consent { sharedWith history { target granted privacyNoticeVersion } } concerns { categories } protection { dvProtected } } } } }`,
      { f: { referenceNumber: ref } },
      token,
    );

  it('stores a 電子個人票 owned by ひとり親支援担当課, with the consents given, and the owner finds it by reference number', async () => {
    const res = await t.gql(SUBMIT, { input: answers() });
    expect(res.body.errors).toBeUndefined();
    const receipt = res.body.data!.submitIntake;
    expect(receipt.referenceNumber).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(receipt.contactAllowed).toBe(true);
    expect(receipt.nextSteps[0]).toContain('連絡');
    const found = await findByRef(receipt.referenceNumber, owner);
    const node = found.body.data!.records.edges[0].node;
    expect(node).toMatchObject({
      source: 'INTAKE',
      identity: { familyNameKana: 'ウケツケ' },
      address: { postalCode: '999-1234', street: 'デモ町9-9' },
      contact: { phone: '090-1111-2222' },
    });
    expect(node.consent.sharedWith).toEqual(['LIVELIHOOD_SUPPORT']);
    expect(node.consent.history).toEqual([{ target: 'livelihood-support', granted: true, privacyNoticeVersion: '2026-04' }]);
    // Consent given to livelihood support only: 公営住宅担当課 does not find it at all.
    expect((await findByRef(receipt.referenceNumber, await t.login(DepartmentCode.PUBLIC_HOUSING))).body.data!.records.totalCount).toBe(0);
    expect((await findByRef(receipt.referenceNumber, await t.login(DepartmentCode.LIVELIHOOD_SUPPORT))).body.data!.records.totalCount).toBe(1);
  });

  it('keeps no street address when the family does not want contact', async () => {
    const res = await t.gql(SUBMIT, { input: answers({ contact: { contactAllowed: false } }) });
    const node = (await findByRef(res.body.data!.submitIntake.referenceNumber, owner)).body.data!.records.edges[0].node;
    expect(node.address.street).toBeNull();
    expect(node.address.postalCode).toBe('999-1234');
  });

  it('marks a DV intake as protected and puts safety first in the receipt', async () => {
    const res = await t.gql(SUBMIT, {
      input: answers({
        concerns: { categories: ['DV'] },
        consent: { sharedWith: ['LIVELIHOOD_SUPPORT'], shareWithPartners: false, privacyNoticeVersion: '2026-04' },
      }),
    });
    const receipt = res.body.data!.submitIntake;
    expect(receipt.dvProtected).toBe(true);
    expect(receipt.nextSteps[0]).toContain('110');
    const seen = await findByRef(receipt.referenceNumber, await t.login(DepartmentCode.LIVELIHOOD_SUPPORT));
    const node = seen.body.data!.records.edges[0].node;
    expect(node.address).toBeNull();
    expect(node.contact).toBeNull();
    expect(JSON.stringify(seen.body)).not.toContain('デモ町9-9');
  });

  it('the same idempotency key twice stores one record and returns the same receipt', async () => {
    const input = answers();
    const a = await t.gql(SUBMIT, { input });
    const b = await t.gql(SUBMIT, { input });
    expect(b.body.data!.submitIntake).toEqual(a.body.data!.submitIntake);
    expect(await t.em().count(InboxItem, { idempotencyKey: input.idempotencyKey })).toBe(1);
    const reused = await t.gql(SUBMIT, { input: { ...input, concerns: { categories: ['LEGAL'] } } });
    expect(reused.body.errors?.[0]?.extensions?.field).toBe('input.idempotencyKey');
  });

  it('writes a submission with one statement, and its inbox item carries the key and the answers’ hash', async () => {
    const input = answers();
    t.db.statements.length = 0;
    const res = await t.gql(SUBMIT, { input });
    expect(res.body.errors).toBeUndefined();
    // (The shared rate-limit counter is a write of its own, not part of the submission.)
    const writes = t.db.statements.filter((sql) => /^\s*(with|insert|update|delete|begin|commit)\b/i.test(sql) && !sql.includes('rate_limit_counter'));
    expect(writes).toHaveLength(1);
    for (const table of ['personal_record', 'child', 'benefit_in_use', 'consent_event', 'inbox_item']) expect(writes[0]).toContain(`insert into "${table}"`);
    const item = await t.em().findOneOrFail(InboxItem, { idempotencyKey: input.idempotencyKey });
    expect(item).toMatchObject({
      kind: 'intake',
      department: DepartmentCode.SINGLE_PARENT,
      referenceNumber: res.body.data!.submitIntake.referenceNumber,
      takenAt: null,
    });
    expect(item.inputHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a key already used by a chat consultation request (one unique key per municipality) and stores nothing', async () => {
    const key = randomUUID();
    const chat = await t.gql(`mutation R($input: ConsultationRequestInput!) { requestConsultation(input: $input) { referenceNumber } }`, {
      input: {
        idempotencyKey: key,
        municipalityCode: '999999',
        name: '鍵',
        contact: { phone: '090-5555-6666', contactAllowed: true, preferredChannel: 'PHONE' },
        message: '相談',
        privacyNoticeVersion: '2026-04',
      },
    });
    expect(chat.body.errors).toBeUndefined();
    const before = await t.em().count(PersonalRecord, {});
    const res = await t.gql(SUBMIT, { input: answers({ idempotencyKey: key }) });
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.idempotencyKey' });
    expect(await t.em().count(PersonalRecord, {})).toBe(before);
  });

  it('10 concurrent copies of one submission create exactly one record, and every copy gets its receipt', async () => {
    const input = answers();
    const before = await t.em().count(PersonalRecord, {});
    const results = await Promise.all(Array.from({ length: 10 }, () => t.gql(SUBMIT, { input })));
    for (const r of results) expect(r.body.errors, JSON.stringify(r.body.errors)).toBeUndefined();
    expect(new Set(results.map((r) => r.body.data!.submitIntake.referenceNumber)).size).toBe(1);
    expect(await t.em().count(PersonalRecord, {})).toBe(before + 1);
  });

  it.each([
    ['input.contact.phone', { contact: { phone: '123', contactAllowed: true } }],
    ['input.household.children[0].birthDate', { household: { children: [{ birthDate: '2999-01-01' }] } }],
    ['input.income.annualEmploymentIncome', { income: { annualEmploymentIncome: -5 } }],
    ['input.benefitsInUse[0]', { benefitsInUse: ['no-such-programme'] }],
    ['input.website', { website: 'http://spam.example' }],
    ['input.consent.privacyNoticeVersion', { consent: { sharedWith: [], shareWithPartners: false, privacyNoticeVersion: 'old' } }],
    ['input.municipalityCode', { municipalityCode: '12' }],
  ])('refuses bad %s with BAD_USER_INPUT and stores nothing', async (field, over) => {
    const before = await t.em().count(PersonalRecord, {});
    const res = await t.gql(SUBMIT, { input: answers(over) });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors?.[0]?.extensions?.field).toBe(field);
    expect(await t.em().count(PersonalRecord, {})).toBe(before);
  });

  it('accepts browser calls only from the municipality’s own CMS origins', async () => {
    const cms = 'https://www.city.demo.example';
    const refused = await t.gql(SUBMIT, { input: answers() }, undefined, { origin: cms });
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await t.em().nativeUpdate(Municipality, { code: '999999' }, { allowedOrigins: [cms] });
    t.app.services.intake.municipalities.invalidate(); // settings are re-read within a minute; don't wait in the test
    const accepted = await t.gql(SUBMIT, { input: answers() }, undefined, { origin: cms });
    expect(accepted.body.errors).toBeUndefined();
    const preflight = await t.http.options('/graphql').set('origin', 'https://evil.example').set('access-control-request-method', 'POST');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('gives the privacy notice and one plain line per department, in the requested language', async () => {
    const ja = await t.gql(
      `{ intakeSettings(municipalityCode: "999999") { municipalityName privacyNoticeVersion privacyNotice departments { code name purpose } partnersPurpose } }`,
    );
    expect(ja.body.data!.intakeSettings).toMatchObject({ municipalityName: 'デモ市', privacyNoticeVersion: '2026-04' });
    expect(ja.body.data!.intakeSettings.departments.map((d: any) => d.code)).toEqual([
      'LIVELIHOOD_SUPPORT',
      'FAMILY_REGISTER',
      'PUBLIC_HOUSING',
      'LONG_TERM_CARE',
      'DISABILITY_WELFARE',
    ]);
    const en = await t.gql(`{ intakeSettings(municipalityCode: "999999") { privacyNotice } }`, {}, undefined, { 'accept-language': 'en' });
    expect(en.body.data!.intakeSettings.privacyNotice).toMatch(/shared only with the divisions you agree/);
  });
});

describe('submitIntake rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ records: 0, intakeRatePerMinute: 20 });
  });
  afterAll(() => t.close());

  it('slows an address that submits too often, without storing the refused submissions', async () => {
    const results = [];
    for (let i = 0; i < 22; i++) results.push(await t.gql(SUBMIT, { input: answers() }));
    const refused = results.filter((r) => r.body.errors?.[0]?.extensions?.code === 'TOO_MANY_REQUESTS');
    expect(refused.length).toBe(2);
    expect(await t.em().count(PersonalRecord, { source: 'intake' as never })).toBe(20);
  });
});
