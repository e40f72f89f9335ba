import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, getVariableValues, parse, validate } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';

// The widget's query and variables, checked against the committed API contract (schema/schema.graphql).
type Model = typeof import('../../widgets/intake/model.js', { with: { 'resolution-mode': 'import' } });
let m: Model;
beforeAll(async () => {
  m = await import('../../widgets/intake/model.js');
});

describe('intake model', () => {
  it('sends a query and HouseholdInput that the published schema accepts', () => {
    const schema = buildSchema(readFileSync(join(__dirname, '..', '..', 'schema', 'schema.graphql'), 'utf8'));
    const doc = parse(m.QUERY);
    expect(validate(schema, doc)).toEqual([]);
    const answers = { ...m.empty(), children: [{ b: '2018-04-01', d: true }], salary: '１，２００，０００円', benefits: ['child-allowance', 'livelihood-protection'], concerns: ['DV', 'WORK'] };
    const input = m.householdInput(answers, '999999');
    const op = doc.definitions[0];
    if (op?.kind !== 'OperationDefinition') throw new Error('no operation');
    const coerced = getVariableValues(schema, op.variableDefinitions ?? [], { input });
    expect(coerced.errors ?? []).toEqual([]);
    expect(input).toMatchObject({ annualEmploymentIncome: 1200000, receivesPublicAssistance: true, municipalityCode: '999999' });
  });

  it('sends IntakeSettings and an IntakeInput that the published schema accepts', () => {
    const schema = buildSchema(readFileSync(join(__dirname, '..', '..', 'schema', 'schema.graphql'), 'utf8'));
    expect(validate(schema, parse(m.SETTINGS))).toEqual([]);
    const doc = parse(m.SUBMIT);
    expect(validate(schema, doc)).toEqual([]);
    const op = doc.definitions[0];
    if (op?.kind !== 'OperationDefinition') throw new Error('no operation');
    const base = { ...m.empty(), postal: '1234567', children: [{ b: '2018-04-01', d: false }], concerns: ['DV'], share: ['LIVELIHOOD_SUPPORT'], key: m.uuid() };
    const wanted = m.intakeInput({ ...base, want: 'y', ch: 'PHONE', phone: '０９０ー１２３４ー５６７８', famK: 'やまだ', street: '1-2-3' }, '999999', '2026-04', '');
    expect(getVariableValues(schema, op.variableDefinitions ?? [], { input: wanted }).errors ?? []).toEqual([]);
    expect(wanted).toMatchObject({
      identity: { familyName: null, familyNameKana: 'やまだ' },
      address: { postalCode: '123-4567', street: '1-2-3' },
      contact: { contactAllowed: true, phone: '090-1234-5678', email: null, preferredChannel: 'PHONE' },
      consent: { sharedWith: ['LIVELIHOOD_SUPPORT'], shareWithPartners: false, privacyNoticeVersion: '2026-04' },
      website: '',
    });
    expect(wanted.idempotencyKey).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // No contact wanted: no street, no name, no phone — even if typed before changing one's mind.
    const not = m.intakeInput({ ...base, want: 'n', ch: 'PHONE', phone: '090-1234-5678', fam: '山田', street: '1-2-3' }, '999999', '2026-04', '');
    expect(getVariableValues(schema, op.variableDefinitions ?? [], { input: not }).errors ?? []).toEqual([]);
    expect(not).toMatchObject({ identity: null, address: { street: null }, contact: { contactAllowed: false, phone: null, email: null, preferredChannel: null } });
  });

  it('normalises full-width digits, separators and 円', () => {
    expect(m.normaliseYen('１，８００，０００円')).toBe('1800000');
    expect(m.normaliseYen(' 300,000 ')).toBe('300000');
    expect(m.normalisePostal('１２３－４５６７')).toBe('123-4567');
    expect(m.normalisePostal('〒1234567')).toBe('123-4567');
    expect(m.normalisePostal('123ー4567')).toBe('123-4567');
    expect(m.normalisePhone('０９０－１２３４－５６７８')).toBe('090-1234-5678');
    expect(m.normalisePhone('（03）1234 5678')).toBe('031234 5678'.replace(' ', ''));
    expect(m.normaliseEmail(' ｈａｎａ＠ｅｘａｍｐｌｅ．ｊｐ ')).toBe('hana@example.jp');
  });

  it('maps API error paths to widget fields and steps', () => {
    expect(m.fieldOf('input.children[2].birthDate')).toBe('child-2-b');
    expect(m.fieldOf('input.annualEmploymentIncome')).toBe('salary');
    expect(m.fieldOf('input.childSupportReceivedYearly')).toBe('support');
    expect(m.fieldOf('input.benefitsInUse[1]')).toBe('benefits');
    expect(m.fieldOf('input.concerns')).toBe('concerns');
    expect(m.fieldOf('input.somethingElse')).toBeNull();
    expect(m.stepOf('child-2-b')).toBe(2);
    expect(m.stepOf('salary')).toBe(3);
    expect(m.stepOf('form')).toBe(m.RESULTS);
    // submitIntake paths (IntakeInput)
    expect(m.fieldOf('input.contact.phone')).toBe('phone');
    expect(m.fieldOf('input.contact.email')).toBe('email');
    expect(m.fieldOf('input.identity.familyNameKana')).toBe('famK');
    expect(m.fieldOf('input.address.postalCode')).toBe('postal');
    expect(m.fieldOf('input.address.street')).toBe('street');
    expect(m.fieldOf('input.consent.privacyNoticeVersion')).toBe('consent');
    expect(m.fieldOf('input.household.children[1].birthDate')).toBe('child-1-b');
    expect(m.fieldOf('input.income.annualEmploymentIncome')).toBe('salary');
    expect(m.fieldOf('input.concerns.categories')).toBe('concerns');
    expect(m.fieldOf('input.website')).toBeNull();
    expect(m.stepOf('phone')).toBe(m.CONTACT);
    expect(m.stepOf('consent')).toBe(m.CONSENT);
    expect(m.stepOf('sform')).toBe(m.CONSENT);
  });
});

describe('intake language', () => {
  it('reads ja, en, ja-x-easy and ja-easy', async () => {
    const { langOf } = await import('../../widgets/intake/i18n.js');
    expect([langOf('ja'), langOf('ja-JP'), langOf(''), langOf(null), langOf('en'), langOf('en-GB'), langOf('ja-x-easy'), langOf('ja-easy')]).toEqual([0, 0, 0, 0, 1, 1, 2, 2]);
  });
});
