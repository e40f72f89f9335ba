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

  it('normalises full-width digits, separators and 円', () => {
    expect(m.normaliseYen('１，８００，０００円')).toBe('1800000');
    expect(m.normaliseYen(' 300,000 ')).toBe('300000');
    expect(m.normalisePostal('１２３－４５６７')).toBe('123-4567');
    expect(m.normalisePostal('〒1234567')).toBe('123-4567');
    expect(m.normalisePostal('123ー4567')).toBe('123-4567');
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
    expect(m.stepOf('form')).toBe(m.LAST);
  });
});

describe('intake language', () => {
  it('reads ja, en, ja-x-easy and ja-easy', async () => {
    const { langOf } = await import('../../widgets/intake/i18n.js');
    expect([langOf('ja'), langOf('ja-JP'), langOf(''), langOf(null), langOf('en'), langOf('en-GB'), langOf('ja-x-easy'), langOf('ja-easy')]).toEqual([0, 0, 0, 0, 1, 1, 2, 2]);
  });
});
