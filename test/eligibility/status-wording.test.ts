// Trial T15: a reason must read as what the status says. A 要確認 (NEEDS_MORE_INFO) or 対象外 result
// whose sentence says "so it is subsidised / so you qualify" reads as granted to the parent.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateAll, evaluateProgramme, renderReasons, type Household, type Locale } from '../../api/programme/rules';
import { householdArbitrary } from './arbitraries';

const LOCALES: Locale[] = ['ja', 'en', 'ja-easy'];

// Wording that grants: what the ELIGIBLE sentences say. A sentence that opens with the condition still
// open ("結婚していなければ…", "If you are not married…") is a conditional estimate, not a grant.
const GRANTS: Record<Locale, RegExp> = {
  ja: /ため対象です|助成されます|優先されます|派遣してもらえます|援助されます|支給です|受けられます。/,
  en: /You qualify|are subsidised|households get priority|can be sent|you can get a|you get /i,
  'ja-easy': /ので 使えます|だから 使えます|助けて もらえます|入りやすく なります|来て くれます/,
};
const CONDITIONAL = /^(結婚（事実婚を含む）していなければ|結婚して いなければ|If you are not married)/;

const base: Household = {
  asOf: '2026-05-01',
  children: [{ birthDate: '2018-06-01', disability: false }],
  annualEmploymentIncome: 2_000_000,
  otherIncome: 0,
  childSupportReceivedYearly: 0,
  benefitsInUse: [],
  receivesPublicAssistance: false,
  concerns: [],
  married: null,
};

describe('reason wording matches the status (trial T15)', () => {
  it('ひとり親家庭等医療費助成 要確認 (marital status unknown): says the income is within the limit, not that it is subsidised', () => {
    const r = evaluateProgramme('single-parent-medical-subsidy', base)!;
    expect(r.status).toBe('NEEDS_MORE_INFO');
    const ja = renderReasons(r.reasons, 'ja').join('');
    expect(ja).toContain('範囲内です');
    expect(ja).toContain('助成を受けられるかがわかります');
    expect(ja).not.toContain('助成されます');
    expect(renderReasons(r.reasons, 'en').join(' ')).not.toContain('are subsidised');
    expect(renderReasons(r.reasons, 'ja-easy').join('')).not.toContain('もらえます');
    // Once every answer is in, the same household is told it is subsidised.
    const yes = evaluateProgramme('single-parent-medical-subsidy', { ...base, married: false })!;
    expect(yes.status).toBe('ELIGIBLE');
    expect(renderReasons(yes.reasons, 'ja').join('')).toContain('助成されます');
  });

  it('other programmes 要確認 on the marital status do not read as granted either', () => {
    const h: Household = { ...base, children: [{ birthDate: '2023-06-01', disability: false }], benefitsInUse: ['child-rearing-allowance'] };
    const byId = new Map(evaluateAll(h).map((r) => [r.programmeId, r]));
    for (const id of ['childcare-priority', 'home-helper-dispatch', 'independence-training-benefit', 'housing-support-loan']) {
      const r = byId.get(id)!;
      expect(r.status, id).toBe('NEEDS_MORE_INFO');
      for (const t of renderReasons(r.reasons, 'ja')) if (!CONDITIONAL.test(t)) expect(t, id).not.toMatch(GRANTS.ja);
    }
  });

  it('over many generated households, no 要確認 or 対象外 reason grants, in any language', () => {
    fc.assert(
      fc.property(householdArbitrary, (h: Household) => {
        for (const r of evaluateAll(h)) {
          if (r.status === 'ELIGIBLE') continue;
          for (const locale of LOCALES) {
            for (const t of renderReasons(r.reasons, locale)) {
              if (!CONDITIONAL.test(t) && GRANTS[locale].test(t)) expect(t, `${r.programmeId} ${r.status} ${locale}`).not.toMatch(GRANTS[locale]);
            }
          }
        }
      }),
      { numRuns: 2000, seed: 20261204 },
    );
  });
});
