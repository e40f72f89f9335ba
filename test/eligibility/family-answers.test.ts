import { describe, expect, it } from 'vitest';
import { evaluateAll, evaluateProgramme, incomeAssessment, craIncomeYearOn, renderReason, renderReasons, type Household } from '../../api/programme/rules';

// Issue 12's mother: two children aged 6 and 10, salary 2,000,000, no 養育費, not married, no other
// income, asked in December 2026 (so 2025 income: 給与所得 A=500,000×2.8−80,000 = 1,320,000; 所得額
// 1,320,000−100,000−80,000 = 1,140,000 < 全部支給 limit 1,450,000 for 扶養2; FY2026 48,050 + 11,350).
const mother: Household = {
  asOf: '2026-12-03',
  children: [
    { birthDate: '2020-06-01', disability: false },
    { birthDate: '2016-06-01', disability: false },
  ],
  annualEmploymentIncome: 2_000_000,
  otherIncome: null,
  childSupportReceivedYearly: 0,
  benefitsInUse: [],
  concerns: [],
  married: false,
};
const cra = (h: Household) => evaluateProgramme('child-rearing-allowance', h)!;

describe('a blank 「その他の所得」 beside a salary (issue 12)', () => {
  it('does not cancel the salary: 児童扶養手当 is decided, 59,400 円 a month, and the blank is said to count as 0', () => {
    const r = cra(mother);
    expect(r.status).toBe('ELIGIBLE');
    expect(r.amount).toEqual({ monthly: 59_400, yearly: 712_800 });
    const text = renderReasons(r.reasons, 'ja').join('\n');
    // The exact sentence the issue found on the results screen must not come back.
    expect(text).not.toContain('2025年の収入がわからないため、まだ判定できません');
    expect(text).toContain('その他の所得は空欄だったため、0円として計算しています。');
    expect(r.nextSteps.map((x) => x.code)).not.toContain('ask-other-income');
  });

  it('gives the same amount as other income answered 0 (the assumption changes nothing else)', () => {
    expect(cra({ ...mother, otherIncome: 0 }).amount).toEqual(cra(mother).amount);
    expect(cra({ ...mother, otherIncome: 0 }).reasons.map((x) => x.code)).not.toContain('other-income-assumed-zero');
  });

  it('still asks when the salary is blank too (nothing to assume from)', () => {
    const r = cra({ ...mother, annualEmploymentIncome: null });
    expect(r.status).toBe('NEEDS_MORE_INFO');
    expect(renderReasons(r.reasons, 'ja')).toContain('2025年の収入がわからないため、まだ判定できません。');
    expect(r.nextSteps.map((x) => x.code)).toEqual(expect.arrayContaining(['ask-employment-income', 'ask-other-income']));
  });

  it('counts as 0 for the other programmes that read income too (ひとり親家庭等医療費助成)', () => {
    const r = evaluateAll({ ...mother, receivesPublicAssistance: false }).find((x) => x.programmeId === 'single-parent-medical-subsidy')!;
    expect(r.status).toBe('ELIGIBLE');
  });
});

describe('marital status decides instead of 「確認が必要です」', () => {
  const ids = ['child-rearing-allowance', 'single-parent-medical-subsidy', 'welfare-fund-loan', 'single-parent-tax-deduction'];
  const status = (married: boolean | null) =>
    Object.fromEntries(
      evaluateAll({ ...mother, married, receivesPublicAssistance: false })
        .filter((r) => ids.includes(r.programmeId))
        .map((r) => [r.programmeId, r.status]),
    );

  it('unknown → every one of them needs the answer', () => {
    expect(Object.values(status(null))).toEqual(['NEEDS_MORE_INFO', 'NEEDS_MORE_INFO', 'NEEDS_MORE_INFO', 'NEEDS_MORE_INFO']);
  });
  it('not married → all decided ELIGIBLE; married (or de facto) → all NOT_ELIGIBLE', () => {
    for (const id of ids) expect(status(false)[id], id).toBe('ELIGIBLE');
    for (const id of ids) expect(status(true)[id], id).toBe('NOT_ELIGIBLE');
  });
});

describe('the income year the answers are for', () => {
  it('is derived from the date: November starts a new allowance year (reference §6)', () => {
    expect(craIncomeYearOn('2026-10-31')).toBe(2024);
    expect(craIncomeYearOn('2026-11-01')).toBe(2025);
    expect(craIncomeYearOn('not-a-date')).toBeNull();
  });
  it('the same year as assessed: decided as without it', () => {
    expect(cra({ ...mother, incomeYear: 2025 }).amount?.monthly).toBe(59_400);
  });
  it('another year: the figures are not used; the family is asked for the assessed year', () => {
    const r = cra({ ...mother, incomeYear: 2024 });
    expect(r.status).toBe('NEEDS_MORE_INFO');
    expect(renderReasons(r.reasons, 'ja')).toEqual(['入力された収入は2024年の分です。この判定には2025年の収入が必要です。']);
    expect(renderReasons(r.nextSteps, 'ja')).toContain('2025年1月〜12月の収入を入力してください。');
  });
});

describe('incomeAssessment: how 所得額 is reached', () => {
  it('explains 給与収入 → 給与所得 → minus deductions → 所得額 114万円 and the limit it is compared with', () => {
    const a = incomeAssessment(mother)!;
    expect(a).toMatchObject({
      incomeYear: 2025,
      employmentIncome: 2_000_000,
      salaryIncome: 1_320_000,
      salaryStep: 100_000,
      socialInsuranceDeduction: 80_000,
      childSupportCounted: 0,
      otherIncome: 0,
      otherIncomeAssumedZero: true,
      incomeAmount: 1_140_000,
      dependentsCount: 2,
      fullLimit: 1_450_000,
      partialLimit: 2_840_000,
    });
    const ja = renderReason(a.explanation, 'ja');
    expect(ja).toContain('給与収入 200万円 → 給与所得 132万円');
    expect(ja).toContain('所得額は 114万円です');
    expect(ja).toContain('全部支給が 145万円未満');
    expect(renderReason(a.explanation, 'en')).toContain('assessed income ¥1,140,000');
  });
  it('is null while the income cannot be worked out', () => {
    expect(incomeAssessment({ ...mother, annualEmploymentIncome: null })).toBeNull();
    expect(incomeAssessment({ ...mother, incomeYear: 2023 })).toBeNull();
  });
});
