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
  it('marks a privacy notice published in the last 30 days as new, not the default text nor an older one', () => {
    const now = Date.parse('2027-04-20T00:00:00Z');
    expect(m.noticeIsNew('2027-04-01T09:00:00.000Z', now)).toBe(true);
    expect(m.noticeIsNew('2027-03-01T09:00:00.000Z', now)).toBe(false);
    expect(m.noticeIsNew(null, now)).toBe(false);
  });

  it('sends a query and HouseholdInput that the published schema accepts', () => {
    const schema = buildSchema(readFileSync(join(__dirname, '..', '..', 'schema', 'schema.graphql'), 'utf8'));
    const doc = parse(m.QUERY);
    expect(validate(schema, doc)).toEqual([]);
    const answers = {
      ...m.empty(),
      children: [{ b: '2018-04-01', d: true }],
      salary: '１，２００，０００円',
      benefits: ['child-allowance', 'livelihood-protection'],
      concerns: ['DV', 'WORK'],
    };
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
    const wanted = m.intakeInput(
      { ...base, want: 'y', ch: 'PHONE', phone: '０９０ー１２３４ー５６７８', famK: 'やまだ', street: '1-2-3' },
      '999999',
      '2026-04',
      '',
    );
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
    expect(not).toMatchObject({
      identity: null,
      address: { street: null },
      contact: { contactAllowed: false, phone: null, email: null, preferredChannel: null },
    });
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
    expect(m.stepOf('sform')).toBe(m.CONFIRM);
  });
});

describe('intake language', () => {
  it('reads ja, en, ja-x-easy and ja-easy', async () => {
    const { langOf } = await import('../../widgets/intake/i18n.js');
    expect([langOf('ja'), langOf('ja-JP'), langOf(''), langOf(null), langOf('en'), langOf('en-GB'), langOf('ja-x-easy'), langOf('ja-easy')]).toEqual([
      0, 0, 0, 0, 1, 1, 2, 2,
    ]);
  });
});

describe('chat hand-off (#yorisoi-handoff=)', () => {
  const TODAY = '2026-11-28';
  const frag = (v: unknown) => `#yorisoi-handoff=${encodeURIComponent(typeof v === 'string' ? v : JSON.stringify(v))}`;
  // What api/chat/chat.service.ts intakePayload makes on 2026-11-28 for ages 8 and 1 and the 160〜230万円 band:
  // representative birth dates half a year past the birthday.
  const PAYLOAD = {
    household: { children: [{ birthDate: '2018-05-28' }, { birthDate: '2025-05-28' }] },
    income: { annualEmploymentIncome: 1950000 },
    benefitsInterest: ['child-rearing-allowance', 'child-allowance'],
  };

  it('reads the children as ages today and the income band as the salary', () => {
    expect(m.parseHandoff(frag(PAYLOAD), TODAY)).toEqual({ ages: [8, 1], salary: 1950000 });
    // Half a year later the same link still gives sensible ages.
    expect(m.parseHandoff(frag(PAYLOAD), '2027-05-27')).toEqual({ ages: [8, 1], salary: 1950000 });
    expect(m.parseHandoff(frag(PAYLOAD), '2027-05-28')).toEqual({ ages: [9, 2], salary: 1950000 });
    // Either part alone; no income (null) and an unknown extra key are fine.
    expect(m.parseHandoff(frag({ ...PAYLOAD, income: null, extra: { a: 1 } }), TODAY)).toEqual({ ages: [8, 1], salary: null });
    expect(m.parseHandoff(frag({ income: { annualEmploymentIncome: 0 } }), TODAY)).toEqual({ ages: null, salary: 0 });
    // A child born today is 0.
    expect(m.parseHandoff(frag({ household: { children: [{ birthDate: TODAY }] } }), TODAY)).toEqual({ ages: [0], salary: null });
    // The chat widget's own link format (handoffHref) round-trips.
    expect(m.parseHandoff(new URL(`https://city.example.jp/form${frag(PAYLOAD)}`).hash, TODAY)).toEqual({ ages: [8, 1], salary: 1950000 });
  });

  it('counts full years to the day', () => {
    expect(m.ageOn('2021-05-01', '2026-05-01')).toBe(5);
    expect(m.ageOn('2021-05-02', '2026-05-01')).toBe(4);
    expect(m.ageOn('2020-02-29', '2026-02-28')).toBe(5);
    expect(m.ageOn('2026-05-02', '2026-05-01')).toBeNull(); // future
    expect(m.ageOn('2021-02-30', '2026-05-01')).toBeNull(); // no such day
    expect(m.ageOn('2021-5-1', '2026-05-01')).toBeNull();
    expect(m.ageOn(20210501, '2026-05-01')).toBeNull();
  });

  it('ignores malformed fragments', () => {
    for (const hash of [
      '',
      '#',
      '#yorisoi-handoff=',
      '#yorisoi-handoff',
      '#other=1',
      `#top${frag(PAYLOAD).slice(1)}`,
      '#yorisoi-handoff=%E0%A4%A', // broken percent-encoding
      '#yorisoi-handoff=%7B%22household%22', // truncated JSON
      frag('not json'),
      frag('null'),
      frag('42'),
      frag('"text"'),
      frag([PAYLOAD]),
      frag({}),
      frag({ household: null, income: null }),
      frag({ household: { children: [] } }),
      frag({ household: { children: 'two' } }),
      frag({ income: 'about 2 million' }),
    ]) {
      expect(m.parseHandoff(hash, TODAY), hash).toBeNull();
    }
    // A bad child makes the whole list unusable (the count would be wrong); the income still counts.
    expect(m.parseHandoff(frag({ ...PAYLOAD, household: { children: [{ birthDate: '2018-05-28' }, { birthDate: '2027-01-01' }] } }), TODAY)).toEqual({
      ages: null,
      salary: 1950000,
    });
    expect(m.parseHandoff(frag({ ...PAYLOAD, household: { children: [{ birthDate: '2018-05-28' }, {}] } }), TODAY)).toEqual({ ages: null, salary: 1950000 });
    expect(m.parseHandoff(frag({ ...PAYLOAD, household: { children: [{ birthDate: '1990-01-01' }] } }), TODAY)).toEqual({ ages: null, salary: 1950000 }); // 36: not a child
  });

  it('bounds numbers: huge, negative, fractional, non-finite or quoted amounts are ignored', () => {
    for (const v of [
      '1e308',
      '1e999',
      '-1e999',
      String(2 ** 53 + 2),
      '100000001',
      '-1',
      '1950000.5',
      '"1950000"',
      'true',
      '[1950000]',
      '{"valueOf":1950000}',
    ]) {
      const hash = `#yorisoi-handoff=${encodeURIComponent(`{"income":{"annualEmploymentIncome":${v}}}`)}`;
      expect(m.parseHandoff(hash, TODAY), v).toBeNull();
    }
    expect(m.parseHandoff(frag({ income: { annualEmploymentIncome: 100_000_000 } }), TODAY)).toEqual({ ages: null, salary: 100_000_000 });
    // At most ten children; eleven are not a household this form was made for.
    const kids = (n: number) => ({ household: { children: Array.from({ length: n }, () => ({ birthDate: '2020-01-01' })) } });
    expect(m.parseHandoff(frag(kids(10)), TODAY)?.ages).toHaveLength(10);
    expect(m.parseHandoff(frag(kids(11)), TODAY)).toBeNull();
    // A fragment longer than any the chat makes is not even decoded.
    expect(m.parseHandoff(frag({ ...PAYLOAD, pad: 'x'.repeat(m.HANDOFF_MAX) }), TODAY)).toBeNull();
  });

  it('is not fooled by hostile content: nested objects, script strings, prototype keys', () => {
    const hostile = [
      { household: { children: [{ birthDate: { toString: '2018-05-28' } }] } },
      { household: { children: [[{ birthDate: '2018-05-28' }]] } },
      { household: [{ children: [{ birthDate: '2018-05-28' }] }] },
      { household: { children: [{ birthDate: '<script>alert(1)</script>' }] } },
      { household: { children: [{ birthDate: '2018-05-28<img src=x onerror=alert(1)>' }] } },
      { household: { children: [{ birthDate: "javascript:alert('x')" }] } },
      { income: { annualEmploymentIncome: '<script>alert(1)</script>' } },
      { income: { annualEmploymentIncome: { annualEmploymentIncome: 1950000 } } },
      { '<script>alert(1)</script>': PAYLOAD },
      { household: { children: { length: 1, 0: { birthDate: '2018-05-28' } } } },
    ];
    for (const h of hostile) expect(m.parseHandoff(frag(h), TODAY), JSON.stringify(h)).toBeNull();
    // Deep nesting (within the length limit) is parsed as data and ignored.
    expect(m.parseHandoff(frag(`${'['.repeat(300)}${']'.repeat(300)}`), TODAY)).toBeNull();
    // Keys reached through the prototype are not read, and nothing is polluted.
    const proto = frag('{"__proto__":{"income":{"annualEmploymentIncome":1950000},"household":{"children":[{"birthDate":"2018-05-28"}]}}}');
    expect(m.parseHandoff(proto, TODAY)).toBeNull();
    const inner = frag('{"household":{"__proto__":{"children":[{"birthDate":"2018-05-28"}]}},"income":{"__proto__":{"annualEmploymentIncome":1}}}');
    expect(m.parseHandoff(inner, TODAY)).toBeNull();
    expect(({} as Record<string, unknown>).income).toBeUndefined();
    expect(({} as Record<string, unknown>).children).toBeUndefined();
    // Script in an unknown key beside good data: the good data is used, the rest never looked at.
    expect(m.parseHandoff(frag({ ...PAYLOAD, note: '<script>alert(1)</script>' }), TODAY)).toEqual({ ages: [8, 1], salary: 1950000 });
  });

  it('checks the carried-over values again when they come back from storage', () => {
    expect(m.carried({ ages: [8, 1], salary: 1950000 })).toEqual({ ages: [8, 1], salary: 1950000 });
    expect(m.carried({ ages: [8, 1], salary: '1950000' })).toEqual({ ages: [8, 1], salary: null });
    expect(m.carried({ ages: ['<b>8</b>'], salary: 1e20 })).toBeNull();
    expect(m.carried({ ages: [8, -1] })).toBeNull();
    expect(m.carried('{"ages":[8]}')).toBeNull();
    expect(m.carried(null)).toBeNull();
    // The answers start without it, and it is never sent to the API.
    expect(m.empty().chat).toBeNull();
    const a = { ...m.empty(), children: [{ b: '2018-04-01', d: false }], salary: '1950000', chat: { ages: [8], salary: 1950000 } };
    expect(JSON.stringify(m.householdInput(a, '999999'))).not.toContain('chat');
    expect(JSON.stringify(m.intakeInput(a, '999999', '2026-04', ''))).not.toContain('"ages"');
  });
});
