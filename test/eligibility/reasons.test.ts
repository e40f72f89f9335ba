import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateAll, hasReasonText, REASON_CODES, renderReason, type Household, type Locale, type Reason } from '../../api/programme/rules';
import { RULES } from '../../api/programme/rules';
import { householdArbitrary } from './arbitraries';

const LOCALES: Locale[] = ['ja', 'en', 'ja-easy'];
// Every param name any rule uses, with a plausible value, for rendering each text once.
const SAMPLE: Record<string, string | number> = {
  date: '2026-05-01',
  incomeYear: 2025,
  income: 1220000,
  limit: 2460000,
  children: 2,
  monthly: 44080,
  count: 1,
  amount: 30000,
  perDependent: 380000,
  living: 105000,
  schoolingMax: 183000,
  housing: 1500000,
  rate: 1,
  percent: 60,
  cap: 200000,
  specialisedCap: 1600000,
  qualifiedPercent: 85,
  months: 6,
  maxMonths: 48,
  exempt: 100000,
  taxed: 70500,
  addition: 40000,
  lastYear: 140000,
  completion: 50000,
  yearly: 118800,
  privateYearly: 457200,
  incomeTax: 350000,
  residentTax: 300000,
  taxYear: 2026,
  childLimit: 580000,
  year: 2027,
  given: 2024,
  salary: 2000000,
  salaryIncome: 1320000,
  step: 100000,
  social: 80000,
  support: 0,
  other: 0,
  dependents: 2,
  fullLimit: 1450000,
  partialLimit: 2840000,
};

const UNCLEAN = /undefined|NaN|null|\$\{|—|\[object/;

/** Plain checks that throw only on failure: called ~10^5 times in the property below, where expect() per call dominated the run. */
function assertClean(text: string, context: string): void {
  if (text.length === 0 || UNCLEAN.test(text)) expect(text, context).not.toMatch(/^$|undefined|NaN|null|\$\{|—|\[object/);
}

describe('reason texts', () => {
  it('every code renders in ja, en and ja-easy', () => {
    for (const code of REASON_CODES) {
      for (const locale of LOCALES) assertClean(renderReason({ code, params: SAMPLE }, locale), `${code}/${locale}`);
    }
  });

  it("every code a rule declares has texts (and rules' codes are compile-time typed)", () => {
    for (const rule of RULES) for (const code of rule.codes) expect(hasReasonText(code), `${rule.id}: ${code}`).toBe(true);
  });

  it('every code the engine actually emits, over many generated households, has texts and renders with its params', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(householdArbitrary, (h: Household) => {
        for (const r of evaluateAll(h)) {
          const rule = RULES.find((x) => x.id === r.programmeId)!;
          for (const x of [...r.reasons, ...r.nextSteps] as Reason[]) {
            seen.add(x.code);
            if (!(rule.codes as readonly string[]).includes(x.code)) expect(rule.codes, `${r.programmeId} emitted undeclared ${x.code}`).toContain(x.code);
            for (const locale of LOCALES) assertClean(renderReason(x, locale), `${x.code}/${locale} ${JSON.stringify(x.params)}`);
          }
        }
      }),
      { numRuns: 3000, seed: 20260501 },
    );
    // The generator is broad enough to reach most of the catalogue.
    expect(seen.size).toBeGreaterThan(REASON_CODES.length * 0.8);
  });

  it('renders the sentences of the brief', () => {
    const r = { code: 'cra-partial', params: { children: 1, income: 1220000, incomeYear: 2025, monthly: 44080 } };
    expect(renderReason(r, 'ja')).toBe('お子さん1人・所得額 122万円なので一部支給です。');
    expect(renderReason(r, 'en')).toBe('With 1 child and an assessed income of ¥1,220,000 you can get a partial payment.');
    expect(renderReason(r, 'ja-easy')).toBe('子どもが 1人です。 所得額は 122万円です。 手当の 一部を もらえます。');
    expect(renderReason({ code: 'cra-full', params: { children: 3, income: 1225000 } }, 'ja')).toBe('お子さん3人・所得額 122万5,000円なので全部支給です。');
    expect(renderReason({ code: 'ca-amount', params: { children: 1, monthly: 44080 } }, 'ja')).toBe('対象のお子さん1人で、月 44,080円です。');
  });

  it('やさしい日本語: short sentences', () => {
    for (const code of REASON_CODES) {
      const text = renderReason({ code, params: SAMPLE }, 'ja-easy');
      for (const sentence of text.split('。')) expect(sentence.replace(/\s/g, '').length, `${code}: ${sentence}`).toBeLessThanOrEqual(45);
    }
  });

  it('an unknown code renders a neutral sentence instead of failing', () => {
    for (const locale of LOCALES) assertClean(renderReason({ code: 'no-such-code' }, locale), locale);
  });
});
