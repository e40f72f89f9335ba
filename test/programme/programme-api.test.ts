// The public programme catalogue and eligibility check, over HTTP, anonymously.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';

const LIST = `query($m: String) { programmes(municipalityCode: $m) { id name names { ja en jaEasy } documents owningDepartment level category contact } }`;
const ONE = `query($id: ID!, $m: String) { programme(id: $id, municipalityCode: $m) { id name summary whatYouGet sourceUrl legalBasis } }`;
const ELIGIBILITY = `query($input: HouseholdInput!) { eligibility(input: $input) {
  asOf results { programme { id name } status amount { monthly yearly } reasons nextSteps }
} }`;

const WORKED_EXAMPLE_1 = {
  asOf: '2026-11-01',
  children: [{ birthDate: '2015-06-01' }],
  annualEmploymentIncome: 1810000,
  childSupportReceivedYearly: 300000,
  dependentsCount: 1,
  // The engine asks for these before it answers ELIGIBLE (otherwise NEEDS_MORE_INFO: ask-other-income, ask-married).
  otherIncome: 0,
  married: false,
};

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ seed: false });
});
afterAll(async () => {
  await t?.close();
});

describe('programmes', () => {
  it('lists the 22 national programmes without a municipality, to anonymous visitors', async () => {
    const res = await t.gql(LIST);
    expect(res.body.errors).toBeUndefined();
    const list = res.body.data!.programmes as { id: string; name: string; names: { ja: string } }[];
    expect(list).toHaveLength(22);
    const cra = list.find((p) => p.id === 'child-rearing-allowance')!;
    expect(cra.name).toBe(cra.names.ja);
  });

  it('applies デモ市 (999999) overrides: one switched off, its own programme added', async () => {
    const res = await t.gql(LIST, { m: '999999' });
    expect(res.body.errors).toBeUndefined();
    const ids = (res.body.data!.programmes as { id: string }[]).map((p) => p.id);
    expect(ids).not.toContain('learning-support-for-children');
    expect(ids).toContain('999999-school-entry-gift');
    expect(ids).toHaveLength(22);
  });

  it('rejects a malformed municipality code', async () => {
    const res = await t.gql(LIST, { m: '12' });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors?.[0]?.extensions?.field).toBe('municipalityCode');
  });
});

describe('programme', () => {
  it('returns one programme in the request locale', async () => {
    const ja = await t.gql(ONE, { id: 'child-rearing-allowance' });
    expect(ja.body.errors).toBeUndefined();
    expect(ja.body.data!.programme.id).toBe('child-rearing-allowance');
    expect(ja.body.data!.programme.name).toMatch(/児童扶養手当/);
    const en = await t.gql(ONE, { id: 'child-rearing-allowance' }, undefined, { 'accept-language': 'en' });
    expect(en.body.data!.programme.name).toMatch(/[A-Za-z]/);
    expect(en.body.data!.programme.name).not.toMatch(/児童扶養手当/);
  });

  it('returns null for an unknown id, and for a programme the municipality switched off', async () => {
    const res = await t.gql(ONE, { id: 'no-such-programme' });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.programme).toBeNull();
    const off = await t.gql(ONE, { id: 'learning-support-for-children', m: '999999' });
    expect(off.body.data!.programme).toBeNull();
  });
});

describe('eligibility', () => {
  it('worked example 1: 児童扶養手当 ELIGIBLE at 44,080 yen a month', async () => {
    const res = await t.gql(ELIGIBILITY, { input: WORKED_EXAMPLE_1 });
    expect(res.body.errors).toBeUndefined();
    const report = res.body.data!.eligibility;
    expect(report.asOf).toBe('2026-11-01');
    expect(report.results).toHaveLength(22);
    const cra = report.results.find((r: any) => r.programme.id === 'child-rearing-allowance');
    expect(cra.status).toBe('ELIGIBLE');
    expect(cra.amount.monthly).toBe(44080);
    expect(cra.reasons.length).toBeGreaterThan(0);
  });

  it('renders reasons in English for accept-language: en', async () => {
    const ja = await t.gql(ELIGIBILITY, { input: WORKED_EXAMPLE_1 });
    const en = await t.gql(ELIGIBILITY, { input: WORKED_EXAMPLE_1 }, undefined, { 'accept-language': 'en' });
    expect(en.body.errors).toBeUndefined();
    const pick = (body: any) => body.data.eligibility.results.find((r: any) => r.programme.id === 'child-rearing-allowance');
    const reasonsEn: string[] = pick(en.body).reasons;
    expect(reasonsEn.join(' ')).toMatch(/[A-Za-z]{3}/);
    expect(reasonsEn.join(' ')).not.toMatch(/[\u3040-\u30ff]/);
    expect(reasonsEn).not.toEqual(pick(ja.body).reasons);
  });

  it('leaves out programmes the municipality switched off', async () => {
    const res = await t.gql(ELIGIBILITY, { input: { ...WORKED_EXAMPLE_1, municipalityCode: '999999' } });
    expect(res.body.errors).toBeUndefined();
    const ids = res.body.data!.eligibility.results.map((r: any) => r.programme.id);
    expect(ids).not.toContain('learning-support-for-children');
    expect(ids).toHaveLength(21);
  });

  it('defaults asOf to today in Japan', async () => {
    const { asOf: _, ...rest } = WORKED_EXAMPLE_1;
    const res = await t.gql(ELIGIBILITY, { input: rest });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.eligibility.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('rejects a negative income, naming the field', async () => {
    const res = await t.gql(ELIGIBILITY, { input: { ...WORKED_EXAMPLE_1, annualEmploymentIncome: -1 } });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors?.[0]?.extensions?.field).toBe('input.annualEmploymentIncome');
  });

  it('rejects a child born after the evaluation date, naming the child, in the request locale', async () => {
    const input = { ...WORKED_EXAMPLE_1, children: [{ birthDate: '2015-06-01' }, { birthDate: '2027-01-01' }] };
    const res = await t.gql(ELIGIBILITY, { input }, undefined, { 'accept-language': 'en' });
    const err = res.body.errors?.[0];
    expect(err?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(err?.extensions?.field).toBe('input.children[1].birthDate');
    expect(err?.message).toMatch(/date of birth/i);
  });
});
